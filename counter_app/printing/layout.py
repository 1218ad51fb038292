"""The one page layout every printed document shares (A4 or A5).

Header with the centre and station names and the document number, the title, a footer with
"page x of y", the print time and the clerk; and the building blocks documents are made of:
label/value grids that wrap long Chinese text, headed tables, a QR code, a seal box and
signature lines.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache, partial
from itertools import groupby
from typing import IO, Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle,
)

from counter_app.printing.fonts import (
    MAIN_FONT, draw_string, fit_size, markup, register_fonts, string_width,
)

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "A5": A5}
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


@lru_cache(maxsize=None)
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
    out: str | os.PathLike[str] | IO[bytes],
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
    doc = BaseDocTemplate(
        os.fspath(out) if isinstance(out, (str, os.PathLike)) else out, pagesize=m.page, leftMargin=m.margin, rightMargin=m.margin, topMargin=top,
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


def _footer(frame: PageFrame, m: Metrics, printed_at: datetime, canv: Canvas, number: int, total: int) -> None:
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


# ------------------------------------------------------------------------------ building blocks

def table(data: list[list[Any]], col_widths: Sequence[float], style: Sequence[tuple[Any, ...]],
          **kw: Any) -> Table:
    """A Table whose plain-string cells use the main font (ReportLab's default is Helvetica,
    which would put an unembedded font into the PDF)."""
    commands = [("FONTNAME", (0, 0), (-1, -1), MAIN_FONT), *style]
    kw.setdefault("hAlign", "LEFT")
    return Table(data, colWidths=list(col_widths), style=TableStyle(commands), **kw)


def field_grid(
    rows: Sequence[tuple[str, str]], page_size: str, *, columns: int = 2, width: float | None = None
) -> Table:
    """Label/value pairs, ``columns`` pairs per line; a value too long for its cell gets a line
    of its own, and any value still wraps (CJK rules) instead of being clipped."""
    m, st = metrics(page_size), styles(page_size)
    width = width or content_width(page_size)
    value_width = (width - columns * m.label_width) / columns
    span_cols = 2 * columns
    data: list[list[Any]] = []
    spans: list[tuple[int, int]] = []  # (row, first column of a value spanning to the end)
    line: list[Any] = []

    def flush() -> None:
        if line:
            if len(line) < span_cols:
                spans.append((len(data), len(line) - 1))
                line.extend([""] * (span_cols - len(line)))
            data.append(list(line))
            line.clear()

    for label, value in rows:
        cells = [para(label, st.label), para(value, st.body)]
        if columns > 1 and string_width(value, m.body) > value_width - 8:
            flush()
            line.extend(cells)
            flush()
        else:
            line.extend(cells)
            if len(line) == span_cols:
                flush()
    flush()
    span_from = dict(spans)
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOUR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for row in range(len(data)):
        end = span_from.get(row, span_cols)
        style += [("BACKGROUND", (c, row), (c, row), LABEL_SHADE) for c in range(0, end, 2)]
        if row in span_from:
            style.append(("SPAN", (end, row), (-1, row)))
    return table(data, [m.label_width, value_width] * columns, style)


def data_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], page_size: str, *,
    col_fractions: Sequence[float] | None = None, shade_rows: Sequence[int] = (),
) -> Table:
    """A table with a shaded header line; ``shade_rows`` (0-based data rows) are highlighted."""
    st = styles(page_size)
    width = content_width(page_size)
    fractions = col_fractions or [1 / len(header)] * len(header)
    data = [[para(h, st.label) for h in header]]
    data += [[para(str(cell), st.body) for cell in row] for row in rows]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOUR),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        *[("BACKGROUND", (0, r + 1), (-1, r + 1), colors.Color(1, 0.93, 0.85)) for r in shade_rows],
    ]
    return table(data, [f * width for f in fractions], style, repeatRows=1)


class QrCode(Flowable):
    """A QR code (ReportLab's encoder, error correction M), ``size`` points square.

    Drawn as one filled path of module runs: ReportLab's QrCodeWidget builds a validated shape
    object per run, which made it most of a receipt's render time.
    """

    def __init__(self, payload: str, size: float, border: int = 2):
        super().__init__()
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(payload)
        code.make()
        self.modules: list[list[bool]] = [[bool(m) for m in row] for row in code.modules]
        self.size, self.border = size, border

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        count = len(self.modules)
        box = self.size / (count + 2 * self.border)
        path = self.canv.beginPath()
        for r, row in enumerate(self.modules):
            y = self.size - (r + self.border + 1) * box
            c = 0
            for dark, run in groupby(row):
                length = len(list(run))
                if dark:
                    path.rect((c + self.border) * box, y, length * box, box)
                c += length
        self.canv.saveState()
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(path, stroke=0, fill=1)
        self.canv.restoreState()


class SealBox(Flowable):
    """A dashed square with 盖章处 where the station stamps its seal."""

    def __init__(self, size: float, font_size: float, label: str = "盖章处"):
        super().__init__()
        self.size, self.font_size, self.label = size, font_size, label

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(GRID_COLOUR)
        canv.setDash(3, 2)
        canv.roundRect(0, 0, self.size, self.size, 4, stroke=1, fill=0)
        canv.setFillColor(colors.Color(0.5, 0.5, 0.5))
        draw_string(canv, self.size / 2, self.size / 2 - self.font_size / 3, self.label, self.font_size,
                    align="centre")
        canv.restoreState()


class CutLine(Flowable):
    """A dashed line across the frame with "✂ 沿此线剪开" in the middle (detachable slips)."""

    def __init__(self, font_size: float, label: str = "✂ 沿此线剪开"):
        super().__init__()
        self.font_size, self.label = font_size, label

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.font_size * 2.5

    def draw(self) -> None:
        canv, y = self.canv, self.font_size * 1.2
        gap = string_width(self.label, self.font_size) / 2 + 6
        middle = self.width / 2
        canv.saveState()
        canv.setDash(4, 3)
        canv.setStrokeColor(GRID_COLOUR)
        canv.line(0, y, middle - gap, y)
        canv.line(middle + gap, y, self.width, y)
        canv.setFillColor(GRID_COLOUR)
        draw_string(canv, middle, y - self.font_size / 3, self.label, self.font_size, align="centre")
        canv.restoreState()


def signature_lines(
    labels: Sequence[str], page_size: str, *, with_date: bool = True, width: float | None = None
) -> Table:
    """One line per label: "申请人（签字）：______  日期：    年  月  日"."""
    m, st = metrics(page_size), styles(page_size)
    width = width or content_width(page_size)
    pad = 6  # ReportLab's default cell padding, each side
    label_w = max(string_width(label, m.body) for label in labels) + 2 * pad + 2
    date_w = string_width(_DATE_BLANKS, m.body) + 2 * pad + 2 if with_date else 0
    data = [[para(label, st.body), "", _DATE_BLANKS if with_date else ""] for label in labels]
    style = [
        ("FONTSIZE", (0, 0), (-1, -1), m.body),  # the date is a plain string: spaces kept
        ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), m.body * 1.2),
    ]
    return table(data, [label_w, width - label_w - date_w, date_w], style)


_DATE_BLANKS = "日期：　　　　年　　月　　日"


def spacer(page_size: str, lines: float = 1.0) -> Spacer:
    return Spacer(1, metrics(page_size).body * lines)


def bullet_lines(
    items: Sequence[str], page_size: str, *, empty: str = "无", style: ParagraphStyle | None = None
) -> list[Paragraph]:
    """Numbered lines ① ② … (plain numbers after ⑳); ``empty`` when there is nothing."""
    style = style or styles(page_size).body
    if not items:
        return [para(empty, style)]
    return [para(f"{_circled(i)} {item}", style) for i, item in enumerate(items, start=1)]


def _circled(n: int) -> str:
    return chr(0x245F + n) if 1 <= n <= 20 else f"{n}."
