"""Print preview and printing of the PDFs the services make (打印预览/补打).

Every printable is a PDF from ``services.print_*`` (generated off the GUI thread), shown in a
QtPdf view, then sent as it is to the system's print service (``services.print_jobs``, off the
GUI thread) or saved. Ctrl+P prints on the printer the station set for the document (站点设置);
with none set, or with 选择打印机…, the clerk picks printer, copies, paper and duplex.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TR_NOOP, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from counter_app import services
from counter_app.domain.catalog import business
from counter_app.gui.approval import ask_approval
from counter_app.gui.forms.ui_print_preview import Ui_PrintPreview
from counter_app.gui.forms.ui_reprint_dialog import Ui_ReprintDialog
from counter_app.gui.i18n import _t, catalog_text
from counter_app.gui.operations import Operation
from counter_app.services.approvals import reprint_request
from counter_app.services.attachments import print_archive_cover
from counter_app.services.print_jobs import list_printers, print_choice, send_to_printer

# Every document the window previews, by the key the code passes; the clerk sees only the title.
DOCUMENTS = {"receipt": QT_TR_NOOP("受理回执"), "form": QT_TR_NOOP("申请表"), "notice": QT_TR_NOOP("一次性告知单"),
             "establishment_notice": QT_TR_NOOP("责令限期办理通知书"), "arrears_notice": QT_TR_NOOP("责令限期缴存通知书"),
             "case_dossier": QT_TR_NOOP("建制执法案卷"), "daily_close": QT_TR_NOOP("日结单"),
             "certificate": QT_TR_NOOP("缴存使用证明"), "archive_cover": QT_TR_NOOP("档案封面")}
PRINT_AS = {"notice": "one_time_notice"}  # the preview's document → the print service's document


class PrintOptionsDialog(QDialog):
    """Printer, copies, paper and duplex for one job; the printer's own options limit the choice."""

    def __init__(self, printers: list[Any], choice: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print_options")
        self.setWindowTitle(_t("打印"))
        self.printers = {p.name: p for p in printers}
        layout = QFormLayout(self)
        self.printer = QComboBox(self)
        self.printer.setObjectName("print_printer")
        self.printer.setAccessibleName(_t("打印机"))
        for p in printers:
            self.printer.addItem(p.name + (_t("（系统默认）") if p.default else ""), p.name)
        self.copies = QSpinBox(self)
        self.copies.setObjectName("print_copies")
        self.copies.setAccessibleName(_t("份数"))
        self.copies.setRange(1, 99)
        self.copies.setValue(choice.options.copies)
        self.paper = QComboBox(self)
        self.paper.setObjectName("print_paper")
        self.paper.setAccessibleName(_t("纸张"))
        for name in ("A4", "A5"):
            self.paper.addItem(name, name)
        self.duplex = QCheckBox(_t("双面打印"), self)
        self.duplex.setObjectName("print_duplex")
        self.state = QLabel(self)
        self.state.setObjectName("print_printer_state")
        layout.addRow(_t("打印机"), self.printer)
        layout.addRow("", self.state)
        layout.addRow(_t("份数"), self.copies)
        layout.addRow(_t("纸张"), self.paper)
        layout.addRow("", self.duplex)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("打印"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.printer.currentIndexChanged.connect(self._printer_changed)
        wanted = choice.printer or next((p.name for p in printers if p.default), "")
        self.printer.setCurrentIndex(max(0, self.printer.findData(wanted)))
        self.paper.setCurrentIndex(max(0, self.paper.findData(choice.options.paper)))
        self.duplex.setChecked(choice.options.duplex and self.duplex.isEnabled())
        self._printer_changed()

    def _printer_changed(self, _index: int = 0) -> None:
        printer = self.printers.get(self.printer.currentData())
        if printer is None:
            return
        model = self.paper.model()
        for row in range(self.paper.count()):  # paper the printer lacks is shown, greyed out
            item = model.item(row)  # type: ignore[attr-defined]
            item.setEnabled(not printer.papers or self.paper.itemData(row) in printer.papers)
        if not model.item(self.paper.currentIndex()).isEnabled():  # type: ignore[attr-defined]
            self.paper.setCurrentIndex(next(r for r in range(self.paper.count()) if model.item(r).isEnabled()))  # type: ignore[attr-defined]
        self.duplex.setEnabled(printer.duplex)
        if not printer.duplex:
            self.duplex.setChecked(False)
        states = {"idle": _t("就绪"), "printing": _t("正在打印"), "stopped": _t("已停止")}
        text = (printer.info + "　" if printer.info else "") + states.get(printer.state, printer.state)
        self.state.setText(text + ("" if printer.accepting else _t("，暂停接收任务")))

    def values(self) -> dict[str, Any]:
        return {"printer": self.printer.currentData(), "copies": self.copies.value(),
                "paper": self.paper.currentData(), "duplex": self.duplex.isChecked()}


def document_title(document: str) -> str:
    """The title the clerk sees for a document key (never the key: an unknown one is a 打印文件)."""
    return _t(DOCUMENTS.get(document, QT_TR_NOOP("打印文件")))


class PreviewDialog(QDialog, Ui_PrintPreview):
    """One PDF on screen; Ctrl+P sends it to the printer through the print service; save-as."""

    def __init__(self, pdf: Path, document: str, settings: QSettings, parent: QWidget | None = None,
                 counter: Any = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pdf, self.document, self.settings, self.counter = pdf, document, settings, counter
        self.owner = parent  # the window: told about a job that ends after the preview was closed
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
        self.options_button = QPushButton(_t("选择打印机(&O)…"), self)
        self.options_button.setObjectName("print_options_button")
        self.preview_buttons.insertWidget(self.preview_buttons.indexOf(self.print_button) + 1, self.options_button)
        self.print_button.setText(_t("打印(&P)"))
        self.print_button.clicked.connect(self.print_pdf)
        self.options_button.clicked.connect(self.choose_and_print)
        self.save_button.clicked.connect(self.save_as)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_pdf)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_as)
        self.sending = False
        self.last_job: Any = None
        self.choice: Any = None  # the station's printer, paper and sides for this document, once read
        self.choose_printer: Callable[[list[Any], Any], dict[str, Any] | None] = self._ask_options  # tests replace
        self._show_printer()

    def _choice_off_thread(self, then: Callable[[Any], None], with_printers: bool = False,
                           failed: Callable[[BaseException], None] | None = None) -> None:
        """The station's choice for this document (and the printers), read off the GUI thread."""
        counter, document = self.counter, PRINT_AS.get(self.document, self.document)

        def read(_progress: Any) -> Any:
            choice = print_choice(counter, document)
            return (choice, list_printers().printers) if with_printers else choice

        Operation(read, success=then, failure=failed or self._failed).run(key=f"print-choice-{id(self)}")

    def _show_printer(self) -> None:
        """Where Ctrl+P sends this document: the station's printer, paper and sides for it (站点设置)."""
        self.printer_label.setText(_t("打印机：") + _t("打印时选择"))
        if self.counter is not None:
            self._choice_off_thread(self._shown, failed=lambda _exc: None)  # Ctrl+P reads it again and says why

    def _alive(self) -> bool:
        """False once the clerk closed the preview (it deletes itself) while an operation ran."""
        return shiboken6.isValid(self)

    def _tell_owner(self, text: str, warn: bool = False) -> None:
        if self.owner is None or not shiboken6.isValid(self.owner):
            return
        status = getattr(self.owner, "statusBar", None)
        if status is not None:
            status().showMessage(text, 8000)
        if warn:
            QMessageBox.warning(self.owner, _t("打印"), text)

    def _shown(self, choice: Any) -> None:
        if not self._alive():
            return
        self.choice = choice
        if self.sending:
            return  # a job is on its way: its outcome is what the label shows
        sides = _t("双面") if choice.options.duplex else _t("单面")
        self.printer_label.setText(_t("打印机：") + (choice.printer or _t("打印时选择"))
                                   + f"　{choice.options.paper or ''}　{sides}")

    def print_pdf(self) -> None:
        """Ctrl+P: straight to the station's printer for this document; without one, ask."""
        if self.counter is None or self.sending:
            return
        self._busy(_t("正在发送到打印机…"))
        self._choice_off_thread(self._print_with)

    def _print_with(self, choice: Any) -> None:
        self.choice = choice
        if choice.printer:
            self._send({})  # pressed before the preview was closed: it still prints
        elif not self._alive():
            return  # no printer set and no preview left to choose one in
        else:
            self._idle()
            self.choose_and_print()

    def choose_and_print(self) -> None:
        """List the printers off the GUI thread, then let the clerk choose and print."""
        if self.counter is None or self.sending:
            return
        self._busy(_t("正在读取打印机…"))
        self._choice_off_thread(self._chosen, with_printers=True)

    def _chosen(self, found: tuple[Any, list[Any]]) -> None:
        if not self._alive():
            return
        self._idle()
        choice, printers = found
        if not printers:
            QMessageBox.warning(self, _t("打印"), _t("本机没有可用的打印机，请先在系统中添加打印机，或另存为 PDF。"))
            return
        remembered = str(self.settings.value(f"print/last_printer/{self.document}", "") or "")
        if not choice.printer and remembered:
            choice = dataclasses.replace(choice, printer=remembered)
        values = self.choose_printer(printers, choice)
        if values:
            self.settings.setValue(f"print/last_printer/{self.document}", values["printer"])
            self._send(values)

    def _ask_options(self, printers: list[Any], choice: Any) -> dict[str, Any] | None:
        dialog = PrintOptionsDialog(printers, choice, self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _send(self, values: dict[str, Any]) -> None:
        counter, pdf, document = self.counter, self.pdf, PRINT_AS.get(self.document, self.document)
        title = _t(DOCUMENTS.get(self.document, self.document))
        subject = pdf.stem
        if self._alive():
            self._busy(_t("正在发送到打印机…"))
        Operation(lambda _p: send_to_printer(counter, pdf, document, title=title, subject=subject, **values),
                  success=self._sent, failure=self._failed).run(key=f"print-job-{id(self)}")

    def _sent(self, job: Any) -> None:
        self.last_job = job
        number = _t("任务号 ") + str(job.job_id) if job.job_id is not None else _t("已交给系统打印")
        text = _t("已发送到打印机：") + f"{job.printer}（{number}）"
        self._tell_owner(text)
        if self._alive():
            self._idle()
            self.printer_label.setText(text)

    def _failed(self, exc: BaseException) -> None:
        text = _t("未能打印：") + (getattr(exc, "message", None) or str(exc))
        if not self._alive():
            self._tell_owner(text, warn=True)
            return
        self._idle()
        self.printer_label.setText(text)
        QMessageBox.warning(self, _t("打印"), text)

    def _busy(self, text: str) -> None:
        self.sending = True
        for button in (self.print_button, self.options_button):
            button.setEnabled(False)
        self.printer_label.setText(text)

    def _idle(self) -> None:
        self.sending = False
        for button in (self.print_button, self.options_button):
            button.setEnabled(True)

    def save_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, _t("另存为"), self.pdf.name, "PDF (*.pdf)")
        if name:
            shutil.copyfile(self.pdf, name)


class ReprintDialog(QDialog, Ui_ReprintDialog):
    """Which receipt to print again, and why (every reprint is logged with its reason)."""

    def __init__(self, receipt_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.number, self.document, self.reason = self.reprint_receipt_number, self.reprint_document, self.reprint_reason
        self.number.setText(receipt_number)
        for key in ("receipt", "form"):
            self.document.addItem(_t(DOCUMENTS[key]), key)
        # Room for a reason typed in full ("申请人单位要求加盖公章另需一份"), not just the listed ones.
        self.reason.setMinimumContentsLength(26)
        self.reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.number.setMinimumWidth(self.number.fontMetrics().horizontalAdvance("CG01-01-20261123-0001") + 24)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            reason = self.reason.currentText()  # what the clerk typed stays
            self.retranslateUi(self)
            self.reason.setCurrentText(reason)
            for index, key in enumerate(("receipt", "form")):
                self.document.setItemText(index, _t(DOCUMENTS[key]))
        super().changeEvent(event)


def _certificate(counter: Any, id_number: str, path: Path) -> Any:
    """The 缴存使用证明 of a worker (logged and audited by the service); a refusal as the others' are."""
    made = services.print_certificate(counter, id_number, path)
    if made.value is None:
        raise services.PrintRefused(made.errors[0].field, made.errors[0].message)
    return made.value


def _archive_cover(counter: Any, receipt_number: str, path: Path) -> Any:
    """The 档案封面 of an application with the index of its files (logged by the service)."""
    made = print_archive_cover(counter, receipt_number, path)
    if made.value is None:
        raise services.PrintRefused(made.errors[0].field, made.errors[0].message)
    return services.Printed(made.value.file, made.value.pages, number=receipt_number)


class PrintController(QObject):
    """Makes the PDF through the services off the GUI thread, then opens the preview."""

    def __init__(self, counter: Any, settings: QSettings, window: QWidget) -> None:
        super().__init__(window)
        self.counter, self.settings, self.window = counter, settings, window
        self.out_dir = Path(tempfile.mkdtemp(prefix="counter-print-"))
        self.last_preview: PreviewDialog | None = None
        self.last_reprint: ReprintDialog | None = None

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
        if document == "certificate":  # argument: the worker's ID number
            path = out / f"{document_title(document)}-{uuid.uuid4().hex[:8]}.pdf"
            return lambda: _certificate(counter, str(argument), path)
        if document == "archive_cover":  # argument: the receipt number; the index of its attached files
            path = out / f"{document_title(document)}-{argument}.pdf"
            return lambda: _archive_cover(counter, str(argument), path)
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
        self.last_preview = PreviewDialog(pdf, document, self.settings, self.window, counter=self.counter)
        self.last_preview.open()
        return self.last_preview

    def ask_reprint(self, receipt_number: str | None = None, document: str = "receipt") -> ReprintDialog:
        """打印/补打: the selected or typed receipt number, the document and the reason.

        With nothing selected the dialog opens at once and the latest receipt number is looked up off
        the GUI thread; it fills the field only if the clerk has not typed one meanwhile.
        """
        lookup = False
        if receipt_number is None:
            records = getattr(self.window, "records", None)
            selected = records.selected() if records is not None else None
            receipt_number = selected.receipt_number if selected else ""
            lookup = selected is None
        dialog = ReprintDialog(receipt_number, self.window)
        dialog.document.setCurrentIndex(max(0, dialog.document.findData(document)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.request(dialog.document.currentData(), dialog.number.text().strip(),
                                                     reprint_reason=dialog.reason.currentText().strip() or None))
        if lookup:
            dialog.number.setPlaceholderText(_t("正在查找最近的受理编号…"))
            counter = self.counter

            def found(recent: list[Any]) -> None:
                dialog.number.setPlaceholderText("")
                if recent and not dialog.number.text():  # what the clerk typed meanwhile stays
                    dialog.number.setText(recent[0].receipt_number)
                    dialog.number.selectAll()

            Operation(lambda _p: services.list_records(counter, limit=1), success=found,
                      failure=lambda _exc: dialog.number.setPlaceholderText(""), owner=dialog).run(key="reprint-lookup")
        self.last_reprint = dialog
        dialog.open()
        return dialog
