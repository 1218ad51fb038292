"""The one page layout every printed document shares (A4 or A5).

Header with the centre and station names and the document number, the title, a footer with
"page x of y", the print time and the clerk, page sizes, margins and paragraph styles. The
pieces a document is made of (grids, tables, QR code, seal box, signature lines) are in
``blocks``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache, partial
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from counter_app.printing.fonts import MAIN_FONT, draw_string, fit_size, markup, register_fonts

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "A5": A5}
Output = str | os.PathLike[str] | IO[bytes]  # where a document goes: a path or a binary file
GRID_COLOUR = colors.Color(0.45, 0.45, 0.45)
LABEL_SHADE = colors.Color(0.93, 0.93, 0.93)
WATERMARK_GREY = colors.Color(0.88, 0.88, 0.88)


@dataclass(frozen=True)
class Metrics:
    """Sizes that differ between A4 and A5."""

    page: tuple[float, float]
    margin: float
    body: float  # body font size, points
    title: float
    small: float
    label_width: float  # label column of field grids
    qr: float
    seal: float


_METRICS = {
    "A4": Metrics(A4, 18 * mm, 10.5, 18, 8, 30 * mm, 30 * mm, 40 * mm),
    "A5": Metrics(A5, 11 * mm, 9, 15, 7, 22 * mm, 24 * mm, 32 * mm),
}


def metrics(page_size: str) -> Metrics:
    """The sizes for "A4" or "A5" (ValueError otherwise)."""
    try:
        return _METRICS[page_size]
    except KeyError:
        raise ValueError(f"不支持的纸张规格：{page_size}（可选 A4、A5）") from None


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    centred: ParagraphStyle


@cache
def styles(page_size: str) -> Styles:
    """Paragraph styles for a page size; all in the main font with CJK line breaking."""
    register_fonts()
    m = metrics(page_size)
    base = ParagraphStyle(
        "body", fontName=MAIN_FONT, fontSize=m.body, leading=m.body * 1.45, wordWrap="CJK",
        alignment=TA_LEFT,
    )
    return Styles(
        body=base,
        small=ParagraphStyle("small", base, fontSize=m.small, leading=m.small * 1.4),
        label=ParagraphStyle("label", base, leading=m.body * 1.3),
        title=ParagraphStyle(
            "title", base, fontSize=m.title, leading=m.title * 1.3, alignment=TA_CENTER,
            spaceAfter=m.body * 0.6,
        ),
        heading=ParagraphStyle(
            "heading", base, fontSize=m.body * 1.1, leading=m.body * 1.6, spaceBefore=m.body * 0.5,
            spaceAfter=m.body * 0.2,
        ),
        centred=ParagraphStyle("centred", base, alignment=TA_CENTER),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain text (escaped, with font fallback runs)."""
    return Paragraph(markup(text), style)


@dataclass(frozen=True)
class PageFrame:
    """What the header and footer of every page show."""

    centre_name: str
    station_name: str
    title: str
    number: str  # document number, e.g. the receipt number
    clerk: str = ""
    printed_at: datetime | None = None
    number_label: str = "编号"


class _FramedCanvas(Canvas):
    """Canvas that holds pages back until the end so every footer can say "page x of y"."""

    def __init__(self, *args: Any, draw_footer: Callable[[Canvas, int, int], None], **kw: Any):
        super().__init__(*args, **kw)
        self._held: list[dict[str, Any]] = []
        self._draw_footer = draw_footer
        self.page_count = 0

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        held, total = self._held, len(self._held)
        for number, state in enumerate(held, start=1):
            self.__dict__.update(state)
            self._draw_footer(self, number, total)
            super().showPage()
        self.page_count = total
        super().save()


def build_document(
    out: Output,
    frame: PageFrame,
    story: list[Flowable],
    *,
    page_size: str = "A4",
    watermark: str = "",
) -> int:
    """Lay out ``story`` under the shared header/title and footer; returns the page count."""
    m = metrics(page_size)
    register_fonts()
    printed_at = frame.printed_at or datetime.now()
    top, bottom = m.margin + m.body * 2.2, m.margin + m.small * 2
    target = os.fspath(out) if isinstance(out, (str, os.PathLike)) else out
    doc = BaseDocTemplate(
        target, pagesize=m.page, leftMargin=m.margin, rightMargin=m.margin, topMargin=top,
        bottomMargin=bottom, title=frame.title, author=frame.centre_name, subject=frame.number,
        creator="counter-app",
        initialFontName=MAIN_FONT,  # keeps an unembedded Helvetica out of the PDF
    )
    body = Frame(m.margin, bottom, m.page[0] - 2 * m.margin, m.page[1] - top - bottom,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", [body], onPage=partial(_header, frame, m, watermark))])
    made: list[_FramedCanvas] = []

    def canvasmaker(*args: Any, **kw: Any) -> _FramedCanvas:
        canv = _FramedCanvas(*args, draw_footer=partial(_footer, frame, m, printed_at), **kw)
        made.append(canv)
        return canv

    doc.build([para(frame.title, styles(page_size).title), *story], canvasmaker=canvasmaker)
    return made[-1].page_count


def _header(frame: PageFrame, m: Metrics, watermark: str, canv: Canvas, _doc: Any) -> None:
    width, height = m.page
    if watermark:
        _draw_watermark(canv, watermark, width, height)
    y = height - m.margin - m.small
    canv.setFillColor(colors.black)
    number_width = draw_string(canv, width - m.margin, y, f"{frame.number_label}：{frame.number}", m.small,
                               align="right")
    names = f"{frame.centre_name}  {frame.station_name}"
    draw_string(canv, m.margin, y, names, fit_size(names, width - 2 * m.margin - number_width - 12, m.small))
    canv.setStrokeColor(GRID_COLOUR)
    canv.setLineWidth(0.6)
    canv.line(m.margin, y - m.small * 0.6, width - m.margin, y - m.small * 0.6)


def _footer(
    frame: PageFrame, m: Metrics, printed_at: datetime, canv: Canvas, number: int, total: int
) -> None:
    width = m.page[0]
    y = m.margin
    canv.setStrokeColor(GRID_COLOUR)
    canv.setLineWidth(0.4)
    canv.line(m.margin, y + m.small * 1.3, width - m.margin, y + m.small * 1.3)
    canv.setFillColor(colors.black)
    draw_string(canv, m.margin, y, f"打印时间：{printed_at:%Y-%m-%d %H:%M}", m.small)
    draw_string(canv, width / 2, y, f"第 {number} 页 / 共 {total} 页", m.small, align="centre")
    if frame.clerk:
        draw_string(canv, width - m.margin, y, f"经办人：{frame.clerk}", m.small, align="right")


def _draw_watermark(canv: Canvas, text: str, width: float, height: float) -> None:
    canv.saveState()
    canv.setFillColor(WATERMARK_GREY)
    canv.translate(width / 2, height / 2)
    canv.rotate(35)
    size = min(width, height) / 4
    draw_string(canv, 0, -size / 3, text, size, align="centre")
    canv.restoreState()


def content_width(page_size: str) -> float:
    m = metrics(page_size)
    return m.page[0] - 2 * m.margin
