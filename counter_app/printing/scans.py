"""Scans and photos made into archive copies (电子档案): about 300 KB an A4 page, still readable.

A photo from a phone or a document camera is 3–8 MB; the archive copy is downscaled to at most
A4 at 200 dpi (2339 px on the long side), turned upright by its EXIF orientation, straightened when
it lies askew (``deskew.py``, within ±10°), and saved as JPEG at the best quality that fits the
budget. A straight scan that is already small is kept as it came. PDFs are
kept byte for byte (their pages counted). The caller keeps the original too: nothing is dropped.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from counter_app.printing.deskew import estimate, straighten

PAGE_BUDGET = 300_000  # bytes per A4 page of the archive copy
LONG_SIDE = 2339  # A4's long side at 200 dpi
SMALLEST_SIDE = 1200  # below this a page stops being readable: the budget gives way first
MIN_QUALITY, MAX_QUALITY = 40, 88
PDF = "application/pdf"
JPEG = "image/jpeg"
KINDS = {"JPEG": JPEG, "PNG": "image/png", "TIFF": "image/tiff", "BMP": "image/bmp", "WEBP": "image/webp"}
Image.MAX_IMAGE_PIXELS = 120_000_000  # a 100-megapixel camera, not a decompression bomb


class ScanError(ValueError):
    """A file that is neither a readable image nor a PDF (message in Chinese)."""


@dataclass(frozen=True)
class Archived:
    """The archive copy of one file: its bytes, type and page count; ``shrunk`` when it differs from the original."""

    data: bytes
    media_type: str
    pages: int
    shrunk: bool
    skew: float = 0.0  # degrees the page was turned back (纠偏); 0.0 when it stood straight


def archive_copy(data: bytes, budget: int = PAGE_BUDGET) -> Archived:
    """The archive copy of a file's bytes (``ScanError`` when it is not an image or a PDF)."""
    if data[:1024].lstrip().startswith(b"%PDF"):
        return Archived(data, PDF, pdf_pages(data), shrunk=False)
    try:
        image = Image.open(io.BytesIO(data))
        if image.format == "JPEG" and max(image.size) > 2 * LONG_SIDE:  # decode a 12000 px photo at 1/2, 1/4…
            ratio = LONG_SIDE / max(image.size)
            image.draft(image.mode if image.mode in ("RGB", "L") else "RGB",
                        (round(image.width * ratio) + 1, round(image.height * ratio) + 1))
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError, ValueError) as exc:
        raise ScanError("不是可识别的图片或 PDF 文件（支持 JPEG、PNG、TIFF、PDF）") from exc
    kind = KINDS.get(str(image.format))
    orientation = image.getexif().get(0x0112, 1)
    page = _upright(image)
    skew = estimate(page)
    if (kind in (JPEG, "image/png") and len(data) <= budget and max(image.size) <= LONG_SIDE and orientation == 1
            and not skew):
        return Archived(data, kind, 1, shrunk=False)  # already an archive-sized, straight scan
    return Archived(_shrink(straighten(page, skew), budget), JPEG, 1, shrunk=True, skew=skew)


def pdf_pages(data: bytes) -> int:
    try:
        return len(PdfReader(io.BytesIO(data), strict=False).pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ScanError("PDF 文件已损坏或无法读取") from exc


def _shrink(page: Image.Image, budget: int) -> bytes:
    scale = min(1.0, LONG_SIDE / max(page.size))
    while True:
        size = (max(1, round(page.width * scale)), max(1, round(page.height * scale)))
        scaled = page if size == page.size else page.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)
        # Plain encodes to find the best quality that fits (a bisection: ~5 encodes, not 7 optimised ones);
        # the final optimised encode is only ever smaller.
        low, high = MIN_QUALITY, MAX_QUALITY
        if len(_jpeg(scaled, low, final=False)) <= budget:
            while low < high:
                middle = (low + high + 1) // 2
                if len(_jpeg(scaled, middle, final=False)) <= budget:
                    low = middle
                else:
                    high = middle - 1
            return _jpeg(scaled, low)
        smallest = len(_jpeg(scaled, low, final=False))
        shrink = max(0.5, min(0.9, (budget / smallest) ** 0.5 * 0.95))
        if max(size) * shrink < SMALLEST_SIDE:
            # Readability first: a dense page stays above the budget rather than below 1200 px.
            small = SMALLEST_SIDE / max(page.size)
            if small < scale:
                scaled = page.resize((max(1, round(page.width * small)), max(1, round(page.height * small))),
                                     Image.Resampling.LANCZOS, reducing_gap=2.0)
            return _jpeg(scaled, MIN_QUALITY)
        scale *= shrink


def _upright(image: Image.Image) -> Image.Image:
    page = ImageOps.exif_transpose(image) or image
    if page.mode in ("RGBA", "LA", "P", "PA"):
        rgba = page.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")  # transparency onto paper white
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if page.mode not in ("RGB", "L"):
        return page.convert("RGB")
    return page


def _jpeg(image: Image.Image, quality: int, final: bool = True) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=final, progressive=final, subsampling=2)
    return out.getvalue()
