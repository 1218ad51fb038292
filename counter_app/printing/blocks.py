"""Building blocks of printed documents: label/value grids that wrap long Chinese text, headed
tables, a QR code, a seal box, a cut line and signature lines, all sized for A4 or A5.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from counter_app.printing.fonts import MAIN_FONT, draw_string, string_width
from counter_app.printing.layout import (
    GRID_COLOUR,
    LABEL_SHADE,
    content_width,
    metrics,
    para,
    styles,
)

MISSING_SHADE = colors.Color(1, 0.93, 0.85)


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
        *[("BACKGROUND", (0, r + 1), (-1, r + 1), MISSING_SHADE) for r in shade_rows],
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
        # In module units, one PDF operator string: per-rectangle canvas calls formatted
        # thousands of floats and were a third of a receipt's render time.
        count = len(self.modules) + 2 * self.border
        ops = []
        for r, row in enumerate(self.modules):
            y = count - self.border - r - 1
            c = self.border
            for dark, run in groupby(row):
                length = len(list(run))
                if dark:
                    ops.append(f"{c} {y} {length} 1 re")
                c += length
        self.canv.saveState()
        self.canv.scale(self.size / count, self.size / count)
        self.canv.setFillColor(colors.black)
        self.canv.addLiteral("\n".join(ops) + "\nf")
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
