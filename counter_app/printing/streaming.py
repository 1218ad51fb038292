"""A ReportLab canvas that writes every finished page straight to the file (flat memory).

ReportLab's own document keeps every page and its content stream in memory until ``save()``
and then builds the whole file as one byte string, so 20,000 letters would hold hundreds of
megabytes. Here each page object and its content stream are written as soon as the page is
shown, only their file offsets are kept (8 bytes each), and the page tree lists the pages by
object number. Fonts, catalog and info are written at ``save()`` as usual, after the pages:
PDF objects may appear in any order as long as the cross-reference table says where.

This leans on ReportLab's ``pdfdoc`` internals (pinned to reportlab 5.1 in pyproject.toml);
the tests read the output back with poppler, so a change of internals shows up at once.
"""

from __future__ import annotations

from array import array
from typing import IO, Any

from reportlab.pdfbase.pdfdoc import (
    PDFDocument,
    PDFFile,
    PDFIndirectObject,
    PDFObject,
    PDFPage,
    PDFPages,
    PDFTrailer,
)
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing.fonts import MAIN_FONT, register_fonts


class _KidNumbers(PDFObject):
    """The page tree's Kids array from bare object numbers (no Python object per page)."""

    def __init__(self, numbers: array) -> None:  # type: ignore[type-arg]
        self.numbers = numbers

    def format(self, document: Any) -> bytes:
        return b"[ " + b"\n ".join(b"%d 0 R" % n for n in self.numbers) + b" ]"


class _StreamedPages(PDFPages):
    def __init__(self) -> None:
        super().__init__()
        self.numbers = array("L")

    def addPage(self, page: PDFPage) -> None:  # noqa: N802 - ReportLab's name
        pass  # pages are written as they come; only their numbers are listed (see addPage below)

    def check_format(self, document: Any) -> None:
        self.Kids = _KidNumbers(self.numbers)
        self.Count = len(self.numbers)


class _StreamingDocument(PDFDocument):
    def __init__(self, out: IO[bytes], **kw: Any) -> None:
        super().__init__(**kw)
        self.Pages = self.Catalog.Pages = _StreamedPages()
        self._out = out
        self._position = 0
        self._offsets = array("Q", [0])  # by object number; 0 = not written yet
        header = PDFFile(self._pdfVersion)
        self._write(b"".join(header.strings))

    def _write(self, data: bytes) -> None:
        self._out.write(data)
        self._position += len(data)

    def _emit(self, name: str, *, forget: bool = False) -> None:
        number = self.idToObjectNumberAndVersion[name][0]
        data = PDFIndirectObject(name, self.idToObject[name]).format(self)
        if len(self._offsets) <= number:
            self._offsets.extend([0] * (number + 1 - len(self._offsets)))
        self._offsets[number] = self._position
        self._write(data)
        if forget:  # nothing refers to it by name any more: drop the object itself
            del self.idToObject[name], self.idToObjectNumberAndVersion[name], self.numberToId[number]

    def addPage(self, page: PDFPage) -> None:  # noqa: N802 - ReportLab's name
        name = self.thisPageName()
        super().addPage(page)
        self.Pages.numbers.append(self.idToObjectNumberAndVersion[name][0])
        self._emit(name, forget=True)  # formatting the page registers its content stream
        self._emit(page.Contents.__InternalName__, forget=True)

    def format(self) -> bytes:
        """Write every object not yet written, then the cross-reference table and trailer."""
        self.encrypt.prepare(self)
        root, info = self.Reference(self.Catalog), self.Reference(self.info)
        number = 0
        while number < self.objectcounter:  # formatting may register further objects
            number += 1
            if number >= len(self._offsets) or not self._offsets[number]:
                self._emit(self.numberToId[number])
        count = self.objectcounter + 1
        xref_at = self._position
        rows = [b"xref\n0 %d\n0000000000 65535 f \n" % count]
        rows += [b"%010d 00000 n \n" % self._offsets[n] for n in range(1, count)]
        self._write(b"".join(rows))
        trailer = PDFTrailer(startxref=xref_at, Size=count, Root=root, Info=info, ID=self.ID())
        self._write(trailer.format(self))
        return b""

    def SaveToFile(self, filename: Any, canvas: Canvas) -> None:  # noqa: N802 - ReportLab's name
        self.GetPDFData(canvas)  # calls format(), which writes to the file
        self._out.flush()


class StreamingCanvas(Canvas):
    """A Canvas on an open binary file that never holds more than the current page."""

    def __init__(self, out: IO[bytes], *, pagesize: tuple[float, float], **kw: Any) -> None:
        register_fonts()
        # The main font as initial font: else the page preamble selects (unembedded) Helvetica.
        super().__init__(out, pagesize=pagesize, initialFontName=MAIN_FONT, pageCompression=1, **kw)
        self._doc = _StreamingDocument(out, compression=1, invariant=kw.get("invariant"))
