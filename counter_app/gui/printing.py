"""Print preview and printing of the PDFs the services make (打印预览/补打).

Every printable is a PDF from ``services.print_*`` (generated off the GUI thread), shown in a
QtPdf view, then printed through QPrinter or saved. The printer chosen for each document kind
(receipt, form, notice) is remembered in the settings and offered first next time.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QObject, QSettings, QSize, Qt
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from counter_app import services
from counter_app.domain.catalog import business
from counter_app.gui.approval import ask_approval
from counter_app.gui.forms.ui_print_preview import Ui_PrintPreview
from counter_app.gui.i18n import _t, catalog_text
from counter_app.gui.operations import Operation
from counter_app.services.approvals import reprint_request

# Every document the window previews, by the key the code passes; the clerk sees only the title.
DOCUMENTS = {"receipt": QT_TR_NOOP("受理回执"), "form": QT_TR_NOOP("申请表"), "notice": QT_TR_NOOP("一次性告知单"),
             "establishment_notice": QT_TR_NOOP("责令限期办理通知书"), "case_dossier": QT_TR_NOOP("建制执法案卷"),
             "daily_close": QT_TR_NOOP("日结单")}
REPRINT_REASONS = (QT_TR_NOOP("原件遗失"), QT_TR_NOOP("打印不清或卡纸"), QT_TR_NOOP("申请人另需一份"))


def document_title(document: str) -> str:
    """The title the clerk sees for a document key (never the key: an unknown one is a 打印文件)."""
    return _t(DOCUMENTS.get(document, QT_TR_NOOP("打印文件")))


class PreviewDialog(QDialog, Ui_PrintPreview):
    """One PDF on screen with print and save-as."""

    def __init__(self, pdf: Path, document: str, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pdf, self.document, self.settings = pdf, document, settings
        self.doc = QPdfDocument(self)
        self.doc.load(str(pdf))
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.doc)
        self.view_layout.addWidget(self.view)
        title = document_title(document)
        self.setWindowTitle(_t("打印预览") + " - " + title)
        pages = _t("共 %1 页").replace("%1", str(self.doc.pageCount()))
        self.document_label.setText(f"{title}　{pages}")
        self.document_label.setToolTip(str(pdf))  # where the file is, for a clerk who wants to keep it
        printer = settings.value(f"printers/{document}", "")
        self.printer_label.setText(_t("打印机：") + (printer or _t("系统默认")))
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_as)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_pdf)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_as)

    def print_pdf(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        remembered = self.settings.value(f"printers/{self.document}", "")
        if remembered and remembered in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(remembered)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.settings.setValue(f"printers/{self.document}", printer.printerName())
        self.render_to(printer)
        self.printer_label.setText(_t("已发送到打印机：") + printer.printerName())

    def render_to(self, printer: Any) -> None:
        """Draw every page at the printer's resolution (the PDF stays the one source)."""
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, _t("打印"), _t("无法连接打印机，请检查后重试，或另存为 PDF。"))
            return
        try:
            for page in range(self.doc.pageCount()):
                if page:
                    printer.newPage()
                target = painter.viewport()
                image = self.doc.render(page, QSize(target.width(), target.height()))
                painter.drawImage(target, image)
        finally:
            painter.end()

    def save_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, _t("另存为"), self.pdf.name, "PDF (*.pdf)")
        if name:
            shutil.copyfile(self.pdf, name)


class ReprintDialog(QDialog):
    """Which receipt to print again, and why (every reprint is logged with its reason)."""

    def __init__(self, receipt_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reprint_dialog")
        self.setWindowTitle(_t("打印/补打"))
        layout = QFormLayout(self)
        self.number = QLineEdit(receipt_number, self)
        self.number.setObjectName("reprint_receipt_number")
        self.number.setAccessibleName(_t("受理编号"))
        self.document = QComboBox(self)
        self.document.setObjectName("reprint_document")
        for key in ("receipt", "form"):
            self.document.addItem(_t(DOCUMENTS[key]), key)
        self.reason = QComboBox(self)
        self.reason.setObjectName("reprint_reason")
        self.reason.setEditable(True)
        self.reason.setAccessibleName(_t("补打原因"))
        self.reason.addItems([_t(r) for r in REPRINT_REASONS])
        # Room for a reason typed in full ("申请人单位要求加盖公章另需一份"), not just the listed ones.
        self.reason.setMinimumContentsLength(26)
        self.reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.number.setMinimumWidth(self.number.fontMetrics().horizontalAdvance("CG01-01-20261123-0001") + 24)
        layout.addRow(_t("受理编号"), self.number)
        layout.addRow(_t("打印内容"), self.document)
        layout.addRow(_t("补打原因"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)


class PrintController(QObject):
    """Makes the PDF through the services off the GUI thread, then opens the preview."""

    def __init__(self, counter: Any, settings: QSettings, window: QWidget) -> None:
        super().__init__(window)
        self.counter, self.settings, self.window = counter, settings, window
        self.out_dir = Path(tempfile.mkdtemp(prefix="counter-print-"))
        self.last_preview: PreviewDialog | None = None

    def request_for(self, kind: str) -> Callable[[str, Any], None]:
        return lambda document, argument: self.request(document, argument, kind=kind)

    def request(self, document: str, argument: Any, kind: str | None = None, reprint_reason: str | None = None,
                approval: Any = None) -> None:
        make = self._maker(document, argument, kind, reprint_reason, approval)
        if make is None:
            QMessageBox.information(self.window, _t("打印"), _t("打印功能尚未就绪。"))
            return
        self.window.statusBar().showMessage(_t("正在生成 ") + document_title(document) + "…")  # type: ignore[attr-defined]
        Operation(lambda _p: make(), success=lambda printed: self.preview(Path(printed.path), document),
                  failure=lambda exc: self._failed(exc, document, argument, reprint_reason)).run(key=f"print-{document}")

    def _maker(self, document: str, argument: Any, kind: str | None, reason: str | None,
               approval: Any = None) -> Callable[[], Any] | None:
        counter, out = self.counter, self.out_dir
        if document == "notice":
            fn = getattr(services, "print_one_time_notice", None)
            name = f"{document_title(document)}-{catalog_text(business(kind).short)}.pdf" if kind else "notice.pdf"
            return fn and (lambda: fn(counter, kind, argument, out / name))
        if document == "receipt":
            fn = getattr(services, "print_receipt", None)
            extra = {"approval": approval} if approval is not None else {}
            path = out / f"{document_title(document)}-{argument}.pdf"
            return fn and (lambda: fn(counter, argument, path, reprint_reason=reason, **extra))
        fn = getattr(services, "print_form", None)
        return fn and (lambda: fn(counter, argument, out / f"{document_title(document)}-{argument}.pdf"))

    def _failed(self, exc: BaseException, document: str = "", argument: Any = None, reason: str | None = None) -> None:
        self.window.statusBar().clearMessage()  # type: ignore[attr-defined]
        if getattr(exc, "field", None) == "reprint_reason":
            self.ask_reprint(str(argument), document)  # printed before: this is a 补打, ask why
            return
        if getattr(exc, "field", None) == "approval":  # a 补打 needs the supervisor: ask, then print
            ask_approval(self.window, self.counter, reprint_request(str(argument).strip().upper()),
                         lambda approval: self.request(document, argument, reprint_reason=reason, approval=approval))
            return
        errors = getattr(exc, "errors", None)
        text = "；".join(getattr(e, "message", str(e)) for e in errors) if errors else str(exc)
        QMessageBox.warning(self.window, _t("打印"), _t("未能生成打印文件：") + text)

    def preview(self, pdf: Path, document: str) -> PreviewDialog:
        self.window.statusBar().clearMessage()  # type: ignore[attr-defined]
        self.last_preview = PreviewDialog(pdf, document, self.settings, self.window)
        self.last_preview.open()
        return self.last_preview

    def ask_reprint(self, receipt_number: str | None = None, document: str = "receipt") -> None:
        """打印/补打: the selected or typed receipt number, the document and the reason."""
        if receipt_number is None:
            records = getattr(self.window, "records", None)
            selected = records.selected() if records is not None else None
            if selected is None:
                recent = services.list_records(self.counter, limit=1)
                selected = recent[0] if recent else None
            receipt_number = selected.receipt_number if selected else ""
        dialog = ReprintDialog(receipt_number, self.window)
        dialog.document.setCurrentIndex(max(0, dialog.document.findData(document)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.request(dialog.document.currentData(), dialog.number.text().strip(),
                                                     reprint_reason=dialog.reason.currentText().strip() or None))
        dialog.open()
