"""Skew of a scanned or photographed page, found and undone (纠偏) before the archive copy is made.

Projection profile on a small grayscale copy: the page's ink is rotated through candidate angles and
each rotation's rows are averaged (a resize to one pixel wide, so Pillow does the sums); text lines
line up with the rows at the right angle, where the row averages vary most. Coarse steps over ±10°,
then finer ones around the best. Pillow only: no numpy in the bundle for one function.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps, ImageStat

LIMIT = 10.0  # degrees either way: a page on a scanner glass or under a document camera, not a sideways one
WORK_SIDE = 700  # the estimate's copy (long side, px): text lines still a few px tall, 60 rotations cheap
MIN_SKEW = 0.3  # below this the page is left alone: rotating blurs more than the tilt hurts
MIN_GAIN = 1.05  # the best angle must beat "as it is" by 5%, else the page has no lines to go by


def estimate(image: Image.Image) -> float:
    """The page's skew in degrees (counter-clockwise positive, as ``Image.rotate`` counts); 0.0 when the
    page is straight within ``MIN_SKEW`` or shows no text lines to measure by."""
    ink = _ink(image)
    if ink is None:
        return 0.0
    flat = _score(ink, 0.0)
    best = max(_steps(-LIMIT, LIMIT, 1.0), key=lambda a: _score(ink, a))
    for step, span in ((0.2, 1.0), (0.05, 0.2)):
        best = max(_steps(best - span, best + span, step), key=lambda a: _score(ink, a))
    if abs(best) < MIN_SKEW or _score(ink, best) < flat * MIN_GAIN:
        return 0.0
    return -round(best, 2)  # the correction is the opposite turn


def straighten(image: Image.Image, skew: float) -> Image.Image:
    """``image`` turned back by ``skew`` degrees; the corners the turn uncovers are paper white."""
    if not skew:
        return image
    fill: int | tuple[int, ...] = 255 if image.mode == "L" else (255,) * len(image.getbands())
    return image.rotate(-skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=fill)


def _ink(image: Image.Image) -> Image.Image | None:
    gray = image.convert("L")
    gray.thumbnail((WORK_SIDE, WORK_SIDE), Image.Resampling.BOX)
    # Ink is what is clearly darker than the paper around it: a threshold from the page's own levels,
    # so a grey photo of a page works as well as a clean scan.
    gray = ImageOps.autocontrast(gray, cutoff=1)
    histogram = gray.histogram()
    total = sum(histogram)
    paper = _percentile(histogram, total, 0.6)
    threshold = max(40, paper - 60)
    ink = gray.point(lambda v: 255 if v < threshold else 0)
    dark = ImageStat.Stat(ink).mean[0] / 255
    if not 0.002 < dark < 0.5:  # blank, or a photo rather than a page
        return None
    return ink


def _percentile(histogram: list[int], total: int, share: float) -> int:
    seen = 0
    for level, count in enumerate(histogram):
        seen += count
        if seen >= total * share:
            return level
    return 255


def _score(ink: Image.Image, angle: float) -> float:
    turned = ink.rotate(angle, resample=Image.Resampling.NEAREST, expand=False, fillcolor=0) if angle else ink
    rows = turned.resize((1, turned.height), Image.Resampling.BOX)
    return float(ImageStat.Stat(rows).var[0])


def _steps(low: float, high: float, step: float) -> list[float]:
    count = round((high - low) / step)
    return [round(low + i * step, 4) for i in range(count + 1)]


def preview(data: bytes, side: int = 1000) -> tuple[float, bytes]:
    """(skew, PNG) of a page's bytes as its archive copy will stand: straightened, at most ``side`` px."""
    image = Image.open(io.BytesIO(data))
    image.load()
    page = ImageOps.exif_transpose(image) or image
    if page.mode not in ("RGB", "L"):
        page = page.convert("RGB")
    skew = estimate(page)
    page = straighten(page, skew)
    page.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    page.save(out, "PNG")
    return skew, out.getvalue()
