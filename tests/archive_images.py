"""Made-up document photos and scans for the attachment tests and benchmarks (no binaries in git)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "wqy-zenhei.ttc"


def document_photo(seed: int = 0, size: tuple[int, int] = (4000, 3000), quality: int = 95, noise: float = 0.08,
                   exif_rotate: bool = False) -> bytes:
    """A phone photo of a page: off-white paper, lines of Chinese text, sensor noise (~5 MB at 4000×3000)."""
    width, height = size
    page = Image.new("RGB", size, (236 - seed % 7, 232, 224 + seed % 5))
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), max(12, height // 50))
    step = max(16, height // 43)
    for line in range(40):
        draw.text((width // 27, height // 37 + line * step),
                  f"住房公积金 第{seed}页 第{line + 1}行 身份证号 110105199001011234 婚姻状况证明 金额 12,345.67 元",
                  fill=(30, 30, 40), font=font)
    grain = Image.effect_noise(size, 40).convert("RGB")
    photo = Image.blend(page, grain, noise)
    out = io.BytesIO()
    exif = Image.Exif()
    if exif_rotate:
        exif[0x0112] = 6  # the camera held sideways: rotate 90° clockwise to view
    photo.save(out, "JPEG", quality=quality, exif=exif)
    return out.getvalue()


def small_scan(text: str = "身份证复印件") -> bytes:
    """A small, clean PNG scan (already archive-sized: kept as it is)."""
    page = Image.new("L", (800, 500), 255)
    ImageDraw.Draw(page).text((40, 200), text, fill=0, font=ImageFont.truetype(str(FONT), 48))
    out = io.BytesIO()
    page.save(out, "PNG")
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
