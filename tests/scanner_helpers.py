"""A fake SANE ``scanimage`` for the scanner tests: lists one flatbed, scans by copying a prepared page."""

from __future__ import annotations

import functools
import io
import sys
from pathlib import Path

from archive_images import FONT
from PIL import Image, ImageDraw, ImageFont

DEVICE_ID = "genesys:libusb:001:007"
DEVICE_NAME = "Canon LiDE 300 flatbed scanner"

# Env: FAKE_SCAN_PAGE (file copied to stdout), FAKE_SCAN_SECONDS (a slow scanner), FAKE_SCAN_FAIL (its
# stderr line, exit 1), FAKE_SCAN_ARGS (file the arguments are appended to), FAKE_SCAN_PID (its pid).
SCRIPT = """#!{python}
import os, sys, time
args = sys.argv[1:]
if os.environ.get("FAKE_SCAN_ARGS"):
    with open(os.environ["FAKE_SCAN_ARGS"], "a") as f:
        f.write(" ".join(args) + "\\n")
if args == ["-L"]:
    if os.environ.get("FAKE_SCAN_NONE"):
        print("\\nNo scanners were identified. If you were expecting something different,")
        print("check that the scanner is plugged in, turned on and detected by the")
        sys.exit(0)
    print("device `{device}' is a {name}")
    sys.exit(0)
if os.environ.get("FAKE_SCAN_PID"):
    with open(os.environ["FAKE_SCAN_PID"], "w") as f:
        f.write(str(os.getpid()))
time.sleep(float(os.environ.get("FAKE_SCAN_SECONDS", "0")))
if os.environ.get("FAKE_SCAN_FAIL"):
    sys.stderr.write("scanimage: " + os.environ["FAKE_SCAN_FAIL"] + "\\n")
    sys.exit(1)
with open(os.environ["FAKE_SCAN_PAGE"], "rb") as page:
    sys.stdout.buffer.write(page.read())
"""


def install_fake_scanimage(bin_dir: Path) -> Path:
    """``scanimage`` in ``bin_dir`` (put it first on PATH)."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    path = bin_dir / "scanimage"
    path.write_text(SCRIPT.format(python=sys.executable, device=DEVICE_ID, name=DEVICE_NAME), encoding="utf-8")
    path.chmod(0o755)
    return path


@functools.lru_cache(maxsize=32)  # bytes: the same page is drawn once per run
def text_page(angle: float = 0.0, size: tuple[int, int] = (1654, 2339), lines: int = 34) -> bytes:
    """An A4 page at 200 dpi with lines of Chinese text, turned ``angle``° counter-clockwise, as PNG."""
    width, height = size
    page = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), height // 60)
    draw.text((width // 10, height // 14), "婚姻状况证明", fill=(20, 20, 20), font=ImageFont.truetype(str(FONT), height // 30))
    for line in range(lines):
        draw.text((width // 10, height // 7 + line * height // 46),
                  f"第{line + 1}行 兹证明 张三（身份证号 110105199001011234）与李四已登记结婚",
                  fill=(30, 30, 40), font=font)
    draw.ellipse((width * 6 // 10, height * 8 // 10, width * 8 // 10, height * 8 // 10 + width // 5),
                 outline=(200, 30, 30), width=6)  # the red seal (公章)
    if angle:
        page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor="white")
    out = io.BytesIO()
    page.save(out, "PNG")
    return out.getvalue()
