"""Deskew (纠偏) figures: the skew found against the skew made, and what it costs per page.

Run ``python benchmarks/bench_deskew.py [--pages 3]``. Synthetic A4 scans at 200 dpi (tests/scanner_helpers.py)
and 12-megapixel phone photos (tests/archive_images.py) are turned by known angles from −10° to +10°; prints the
error of each estimate (max and mean), how many straight pages were left alone, the time of one estimate, and
the archive copy's time and size with the straightening in it.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for folder in ("tests", ""):
    sys.path.insert(0, str(ROOT / folder))

from archive_images import document_photo  # noqa: E402
from PIL import Image  # noqa: E402
from scanner_helpers import text_page  # noqa: E402

from counter_app.printing.deskew import estimate  # noqa: E402
from counter_app.printing.scans import archive_copy  # noqa: E402

ANGLES = (-10.0, -7.3, -4.5, -2.2, -1.0, -0.6, 0.6, 1.0, 2.2, 4.5, 7.3, 10.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=2, help="pages of each kind")
    args = parser.parse_args()
    errors: list[float] = []
    missed = 0
    timings: list[float] = []
    for kind in ("scan", "photo"):
        for seed in range(args.pages):
            for angle in ANGLES:
                if kind == "scan":
                    page = Image.open(io.BytesIO(text_page(angle, lines=20 + 7 * seed)))
                else:
                    photo = Image.open(io.BytesIO(document_photo(seed, (3000, 4000), quality=90)))
                    page = photo.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(236, 232, 224))
                page.load()
                started = time.perf_counter()
                found = estimate(page)
                timings.append(time.perf_counter() - started)
                if found == 0.0:
                    missed += 1
                else:
                    errors.append(abs(found - angle))
                print(f"{kind} {seed} made {angle:+6.2f}°  found {found:+6.2f}°  error {abs(found - angle):.2f}°")
    straight_left = sum(estimate(Image.open(io.BytesIO(text_page(0.0, lines=20 + 7 * s)))) == 0.0
                        for s in range(args.pages))
    straight_left += sum(estimate(Image.open(io.BytesIO(document_photo(s, (3000, 4000))))) == 0.0
                         for s in range(args.pages))
    print(f"turned pages: {len(errors) + missed}, found {len(errors)}, error max {max(errors):.2f}° "
          f"mean {statistics.mean(errors):.3f}°; left alone though turned: {missed}")
    print(f"straight pages left alone: {straight_left} of {2 * args.pages}")
    print(f"one estimate: median {statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms")
    for name, data in (("A4 scan PNG turned 3°", text_page(3.0)),
                       ("12 MP photo JPEG straight", document_photo(1, (3000, 4000), quality=95))):
        started = time.perf_counter()
        copy = archive_copy(data)
        took = time.perf_counter() - started
        print(f"archive copy of {name}: {len(data) / 1e6:.2f} MB → {len(copy.data) / 1e3:.0f} KB, "
              f"skew {copy.skew:+.2f}°, {took:.2f} s")


if __name__ == "__main__":
    main()
