"""Printing through Qt (QtPdf pages drawn on a QPrinter): the Windows route, at the printer's
resolution capped at 300 dpi for text pages, and the last fallback elsewhere, at 300 dpi.

The old preview drew every page at QPrinter's HighResolution (1200 dpi): ~5 MB a page. 300 dpi is
what laser and dot-matrix counter printers resolve anyway, at a sixteenth of the pixels.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QSize
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

try:
    from PySide6.QtPdf import QPdfDocument
except ImportError:  # an install without the Addons: the route says so in Chinese when it is used
    QPdfDocument = None

from counter_app.printing.spool.base import (
    PAPERS,
    JobOptions,
    PrinterInfo,
    SpoolError,
    SubmittedJob,
    check_options,
    find_printer,
    paper_of_size,
)
from counter_app.printing.spool.decide import FALLBACK_DPI, render_dpi


def ensure_gui_app() -> Any:
    """QPrinter and QPdfDocument need a QGuiApplication: make one (offscreen without a display) if absent."""
    app = QCoreApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app


def qt_printers() -> list[PrinterInfo]:
    ensure_gui_app()
    found = []
    for info in QPrinterInfo.availablePrinters():
        papers: dict[str, str] = {}
        for size in info.supportedPageSizes():
            mm = size.size(QPageSize.Unit.Millimeter)
            name = paper_of_size(mm.width(), mm.height())
            if name:
                papers.setdefault(name, name)
        state = {QPrinter.PrinterState.Active: "printing", QPrinter.PrinterState.Aborted: "stopped",
                 QPrinter.PrinterState.Error: "stopped"}.get(info.state(), "idle")
        found.append(PrinterInfo(
            name=info.printerName(), info=info.description(), state=state, accepting=True, default=info.isDefault(),
            papers=papers, duplex=any(m != QPrinter.DuplexMode.DuplexNone for m in info.supportedDuplexModes()),
            resolutions=tuple(sorted(set(info.supportedResolutions()))),
        ))
    return sorted(found, key=lambda p: p.name)


def draw_pdf(pdf: Path, dpi: int, options: JobOptions, *, printer_name: str | None = None,
             output_file: Path | None = None) -> int:
    """Every page of ``pdf`` rendered at ``dpi`` onto a QPrinter (a printer, or a PDF file); pages drawn."""
    ensure_gui_app()
    if QPdfDocument is None:
        raise SpoolError("printer", "本机缺少 PDF 显示组件（QtPdf），无法打印，请另存为 PDF 后打印")

    doc = QPdfDocument()
    if doc.load(str(pdf)) != QPdfDocument.Error.None_:
        raise SpoolError("file", f"无法读取打印文件：{pdf}")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if output_file is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output_file))
    elif printer_name:
        printer.setPrinterName(printer_name)
    printer.setResolution(dpi)
    printer.setCopyCount(options.copies)
    printer.setDocName(options.title)
    paper = options.paper or _paper_of_pdf(doc)
    if paper in PAPERS:
        size_id = QPageSize.PageSizeId.A5 if paper == "A5" else QPageSize.PageSizeId.A4
        printer.setPageLayout(QPageLayout(QPageSize(size_id), QPageLayout.Orientation.Portrait, QMarginsF()))
    printer.setFullPage(True)  # the PDF brings its own margins
    printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide if options.duplex else QPrinter.DuplexMode.DuplexNone)
    painter = QPainter()
    if not painter.begin(printer):
        raise SpoolError("printer", "无法连接打印机，请检查打印机是否开机、联机，或另存为 PDF")
    try:
        for page in range(doc.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport()
            painter.drawImage(target, doc.render(page, QSize(target.width(), target.height())))
    finally:
        painter.end()
    return doc.pageCount()


def _paper_of_pdf(doc: Any) -> str | None:
    if not doc.pageCount():
        return None
    points = doc.pagePointSize(0)
    return paper_of_size(points.width() * 25.4 / 72, points.height() * 25.4 / 72)


class QtSpooler:
    """``windows-qtpdf``: the printer's resolution up to 300 dpi; ``raster``: 300 dpi, the last resort."""

    def __init__(self, route: str = "raster") -> None:
        self.route = route

    def printers(self) -> list[PrinterInfo]:
        return qt_printers()

    def submit(self, pdf: Path, printer: str | None, options: JobOptions) -> SubmittedJob:
        target = find_printer(self.printers(), printer)
        check_options(target, options)
        dpi = render_dpi(target.resolutions) if self.route == "windows-qtpdf" else FALLBACK_DPI
        draw_pdf(Path(pdf), dpi, options, printer_name=target.name)
        return SubmittedJob(target.name, None, self.route, None, Path(pdf))  # Qt gives no job id or size

    def job_state(self, job_id: int) -> str:
        return "unknown"

    def cancel(self, job_id: int) -> None:
        raise SpoolError("printer", "此打印方式不能取消已送出的任务，请在系统的打印队列中取消")
