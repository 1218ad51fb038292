"""Mail-out letters (批量信函) to thousands of contributors: one page per recipient with the
address where a DL/C5 window envelope shows it, streamed page by page into one PDF or into
files of N letters, with progress and cancel. A cancelled or failed run leaves no file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing.fonts import draw_string, fit_size, wrap_text
from counter_app.printing.layout import GRID_COLOUR, PAGE_SIZES
from counter_app.printing.letter_templates import (
    LetterTemplate,
    check_template,
    fill,
    get_template,
    placeholders,
)
from counter_app.printing.streaming import StreamingCanvas

PROGRESS_EVERY = 20  # letters between progress reports

# Address window of DL and C5 window envelopes (DIN 5008 form B, which Chinese window envelopes
# follow): 20 mm from the left edge, 45 mm from the top, 85 × 45 mm. A4 is folded in three for
# DL (fold marks at 105/210 mm) and the text starts below the upper fold; A5 goes flat into C5.
WINDOW_LEFT, WINDOW_TOP, WINDOW_WIDTH, WINDOW_HEIGHT = 20 * mm, 45 * mm, 85 * mm, 45 * mm


@dataclass(frozen=True)
class _Geometry:
    margin: float
    body_top: float  # from the top edge
    body_sizes: tuple[float, ...]  # tried in turn until the letter fits one page
    title_size: float
    fold_marks: tuple[float, ...]


_GEOMETRY = {
    "A4": _Geometry(20 * mm, 112 * mm, (10.5, 10, 9.5, 9, 8.5, 8), 15, (105 * mm, 210 * mm)),
    "A5": _Geometry(12 * mm, 95 * mm, (9, 8.5, 8, 7.5, 7), 12, ()),
}


@dataclass(frozen=True)
class LetterRecipient:
    name: str
    postcode: str
    address: str
    township: str
    account: str


@dataclass(frozen=True)
class LetterBatch:
    """The sender and template of one run of letters."""

    centre_name: str
    station_name: str
    station_address: str
    station_postcode: str
    station_phone: str
    letter_date: date
    template: str | LetterTemplate = "online-guide"


@dataclass(frozen=True)
class LettersResult:
    pages: int
    files: tuple[Path, ...]  # empty when cancelled or when there was nobody to write to
    cancelled: bool = False


def render_letters(
    batch: LetterBatch,
    recipients: Iterable[LetterRecipient],
    out: str | os.PathLike[str],
    *,
    page_size: str = "A4",
    chunk_size: int | None = None,
    total: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    first_number: int = 1,
) -> LettersResult:
    """Write one letter page per recipient to ``out`` (or to ``out-001.pdf``, ``out-002.pdf``… of
    ``chunk_size`` letters each). ``recipients`` is consumed lazily; ``total`` (or its len(), if
    it has one; else 0 = unknown) is what ``progress(done, total)`` reports against. Letters are
    numbered from ``first_number`` (a batch sent to a printer in several jobs keeps one count)."""
    if chunk_size is not None and chunk_size < 1:
        raise ValueError("每个文件的信函数必须大于0")
    if total is None:
        total = len(recipients) if hasattr(recipients, "__len__") else 0  # type: ignore[arg-type]
    letter = _LetterPage(batch, page_size)
    writer = _ChunkWriter(Path(out), chunk_size, letter.page, (letter.title, batch.centre_name))
    done = 0
    try:
        for recipient in recipients:
            if should_cancel and should_cancel():
                writer.discard()
                return LettersResult(0, (), cancelled=True)
            letter.draw(writer.canvas_for_next(), recipient, first_number + done)
            done += 1
            if progress and (done % PROGRESS_EVERY == 0):
                progress(done, total)
        files = writer.finish()
    except BaseException:
        writer.discard()
        raise
    if progress and done % PROGRESS_EVERY:
        progress(done, total)
    return LettersResult(done, files)


class _ChunkWriter:
    """Opens temporary files as letters need them; renames them all only when the run succeeds."""

    def __init__(self, out: Path, chunk_size: int | None, page: tuple[float, float],
                 title_author: tuple[str, str]):
        self.out, self.chunk_size, self.page = out, chunk_size, page
        self.title, self.author = title_author
        self.parts: list[tuple[Path, Path]] = []  # (temporary, final)
        self.canvas: Canvas | None = None
        self.file: IO[bytes] | None = None
        self.in_chunk = 0

    def canvas_for_next(self) -> Canvas:
        if self.canvas is None or (self.chunk_size and self.in_chunk == self.chunk_size):
            self._close()
            self._open()
        self.in_chunk += 1
        assert self.canvas is not None
        return self.canvas

    def _final_name(self, index: int) -> Path:
        if not self.chunk_size:
            return self.out
        return self.out.with_name(f"{self.out.stem}-{index:03d}{self.out.suffix or '.pdf'}")

    def _open(self) -> None:
        final = self._final_name(len(self.parts) + 1)
        fd, temp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=final.parent)
        self.parts.append((Path(temp), final))
        self.file = os.fdopen(fd, "wb")
        self.canvas = StreamingCanvas(self.file, pagesize=self.page)
        self.canvas.setTitle(self.title)
        self.canvas.setAuthor(self.author)
        self.in_chunk = 0

    def _close(self) -> None:
        if self.canvas is not None and self.file is not None:
            self.canvas.save()
            self.file.close()
        self.canvas = self.file = None

    def finish(self) -> tuple[Path, ...]:
        self._close()
        for temp, final in self.parts:
            os.replace(temp, final)
        return tuple(final for _, final in self.parts)

    def discard(self) -> None:
        if self.file is not None:
            self.file.close()
        self.canvas = self.file = None
        for temp, _ in self.parts:
            temp.unlink(missing_ok=True)
        self.parts.clear()


class _LetterPage:
    """Draws one letter; everything that is the same for the whole batch is prepared once."""

    def __init__(self, batch: LetterBatch, page_size: str):
        try:
            self.page, self.geo = PAGE_SIZES[page_size], _GEOMETRY[page_size]
        except KeyError:
            raise ValueError(f"不支持的纸张规格：{page_size}（可选 A4、A5）") from None
        template = get_template(batch.template) if isinstance(batch.template, str) else batch.template
        check_template(template)
        self.batch = batch
        sender = {"centre": batch.centre_name, "station": batch.station_name,
                  "station_address": batch.station_address, "station_phone": batch.station_phone}
        # Fill the sender's fields now; only the recipient's remain for each letter.
        self.title = fill(template.title, sender)
        self.salutation = fill(template.salutation, sender)
        self.paragraphs = tuple("　　" + fill(p, sender) for p in template.paragraphs)
        self.personal = tuple(bool(placeholders(p)) for p in self.paragraphs)
        self.closing = tuple(fill(c, sender) for c in template.closing)
        self.margin = self.geo.margin
        self.width = self.page[0] - 2 * self.margin
        self.return_line = f"{batch.station_postcode}  {batch.station_address}  {batch.station_name}"

    def draw(self, canv: Canvas, recipient: LetterRecipient, number: int) -> None:
        values = {"name": recipient.name, "township": recipient.township, "account": recipient.account}
        top = self.page[1]
        self._letterhead(canv, top)
        self._address(canv, top, recipient)
        self._body(canv, top, values)
        canv.setFillColor(GRID_COLOUR)
        draw_string(canv, self.page[0] - self.margin, 7 * mm, f"第 {number} 封", 6.5, align="right")
        canv.setFillColorRGB(0, 0, 0)
        canv.showPage()

    def _letterhead(self, canv: Canvas, top: float) -> None:
        draw_string(canv, self.page[0] / 2, top - 22 * mm, self.batch.centre_name,
                    self.geo.title_size + 1, align="centre")
        canv.setStrokeColor(GRID_COLOUR)
        canv.setLineWidth(0.8)
        canv.line(self.margin, top - 26 * mm, self.page[0] - self.margin, top - 26 * mm)
        for y in self.geo.fold_marks:
            canv.line(4 * mm, top - y, 9 * mm, top - y)
        right = self.page[0] - self.margin
        if right - WINDOW_LEFT - WINDOW_WIDTH > 50 * mm:  # room beside the window (A4)
            for i, line in enumerate((self.batch.station_name, f"电话：{self.batch.station_phone}",
                                      f"{self.batch.letter_date:%Y年%m月%d日}")):
                draw_string(canv, right, top - WINDOW_TOP - 10 * mm - i * 14, line, 9, align="right")

    def _address(self, canv: Canvas, top: float, recipient: LetterRecipient) -> None:
        """Return line, postcode, address and name inside the window area, shrunk to fit."""
        x, y0 = WINDOW_LEFT, top - WINDOW_TOP
        draw_string(canv, x, y0 - 4 * mm, self.return_line, fit_size(self.return_line, WINDOW_WIDTH, 6.5))
        canv.setLineWidth(0.3)
        canv.line(x, y0 - 5 * mm, x + WINDOW_WIDTH, y0 - 5 * mm)
        for size in (11, 10, 9, 8, 7):
            lines = wrap_text(recipient.address, WINDOW_WIDTH, size)
            height = size * 1.4 * (len(lines) + 1) + 15 * 1.3
            if height <= WINDOW_HEIGHT - 8 * mm or size == 7:
                break
        y = y0 - 5 * mm - size * 1.5
        draw_string(canv, x, y, recipient.postcode, size + 1)
        for line in lines:
            y -= size * 1.4
            draw_string(canv, x, y, line, size)
        addressee = f"{recipient.name}　收"
        draw_string(canv, x, y - 15 * 1.4, addressee, fit_size(addressee, WINDOW_WIDTH, 15))

    def _body(self, canv: Canvas, top: float, values: dict[str, str]) -> None:
        texts = [fill(p, values) if personal else p for p, personal in zip(self.paragraphs, self.personal)]
        salutation = fill(self.salutation, values)
        title_gap = self.geo.title_size * 1.6
        room = top - self.geo.body_top - title_gap - 12 * mm  # down to the footer
        for size in self.geo.body_sizes:  # a letter is one page: shrink rather than clip
            leading = size * 1.6
            lines = [wrap_text(t, self.width, size) for t in texts]
            needed = (sum(map(len, lines)) + 2 + len(self.closing) + 1) * leading
            if needed <= room:
                break
        else:
            raise ValueError(f"信函内容过长，{self.batch.letter_date:%Y-%m-%d}批次的信函一页放不下")
        y = top - self.geo.body_top
        draw_string(canv, self.page[0] / 2, y, self.title, self.geo.title_size, align="centre")
        y -= title_gap
        draw_string(canv, self.margin, y, salutation, size)
        for paragraph in lines:
            for line in paragraph:
                y -= leading
                draw_string(canv, self.margin, y, line, size)
        y -= leading
        for line in (*self.closing, f"{self.batch.letter_date:%Y年%m月%d日}"):
            y -= leading
            draw_string(canv, self.page[0] - self.margin, y, line, size, align="right")
