"""Batch letters to a printer (批量打印信函): whom, which printer, then whole jobs with progress and cancel.

The work runs off the GUI thread (``operations.Operation``); each job is sent only once its file
is complete, and cancel takes back the jobs the printer has not started (``services.print_jobs``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.gui.i18n import _t
from counter_app.gui.operations import Handle, Operation, ProgressInfo
from counter_app.services.print_jobs import LETTERS_PER_JOB, list_printers, print_choice, print_letters_to_printer
from counter_app.services.printing import LetterFilter, letter_templates


class LettersPrintDialog(QDialog):
    """Choose the letters and the printer; 开始打印 runs the batch, 取消打印 stops it between jobs."""

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letters_print")
        self.setWindowTitle(_t("批量打印信函"))
        self.counter = counter
        self.handle: Handle | None = None
        self.sent: Any = None
        form = QFormLayout()
        self.template = QComboBox(self)
        self.template.setObjectName("letters_template")
        for key, title in letter_templates().items():
            self.template.addItem(title, key)
        self.township = QLineEdit(self)
        self.township.setObjectName("letters_township")
        self.township.setPlaceholderText(_t("不填则发给全部职工"))
        self.limit = QSpinBox(self)
        self.limit.setObjectName("letters_limit")
        self.limit.setRange(0, 1_000_000)
        self.limit.setSpecialValueText(_t("全部"))
        self.printer = QComboBox(self)
        self.printer.setObjectName("letters_printer")
        self.per_job = QSpinBox(self)
        self.per_job.setObjectName("letters_per_job")
        self.per_job.setRange(1, 5000)
        self.per_job.setValue(LETTERS_PER_JOB)
        self.per_job.setSuffix(_t(" 封/任务"))
        for label, widget in ((_t("信函模板"), self.template), (_t("乡镇"), self.township),
                              (_t("最多封数"), self.limit), (_t("打印机"), self.printer),
                              (_t("每个打印任务"), self.per_job)):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("letters_progress")
        self.progress.setFormat(_t("%v / %m 封"))
        self.status = QLabel(_t("正在读取打印机…"), self)
        self.status.setObjectName("letters_result")
        self.status.setWordWrap(True)
        self.start_button = QPushButton(_t("开始打印(&P)"), self)
        self.start_button.setObjectName("letters_start")
        self.start_button.setShortcut(QKeySequence("Ctrl+P"))
        self.start_button.setEnabled(False)
        self.cancel_button = QPushButton(_t("取消打印"), self)
        self.cancel_button.setObjectName("letters_cancel")
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(_t("关闭"), self)
        self.close_button.setObjectName("letters_close")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.start_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.wanted_printer = ""  # the station's printer for letters, read with the printers' list
        self._load_printers()

    def _load_printers(self) -> None:
        """The printers and the station's choice for letters, both read off the GUI thread."""
        counter = self.counter

        def shown(found: Any) -> None:
            listed, self.wanted_printer = found
            for p in listed.printers:
                self.printer.addItem(p.name + (_t("（系统默认）") if p.default else ""), p.name)
            wanted = self.wanted_printer or listed.default or ""
            self.printer.setCurrentIndex(max(0, self.printer.findData(wanted)))
            self.start_button.setEnabled(bool(listed.printers))
            self.status.setText("" if listed.printers else _t("本机没有可用的打印机，请先在系统中添加打印机"))

        Operation(lambda _p: (list_printers(), print_choice(counter, "letters").printer), success=shown,
                  failure=lambda exc: self.status.setText(getattr(exc, "message", str(exc)))).run(key="letters-printers")

    def start(self) -> None:
        counter, template, printer = self.counter, self.template.currentData(), self.printer.currentData()
        chosen = LetterFilter(township=self.township.text().strip() or None)
        limit, per_job = self.limit.value() or None, self.per_job.value()

        def work(progress: Any) -> Any:
            return print_letters_to_printer(
                counter, template, printer, chosen=chosen, limit=limit, per_job=per_job,
                progress=lambda done, total: progress.report(done, total, ""),
                should_cancel=lambda: progress.cancelled)

        self._running(True)
        self.status.setText(_t("正在生成并发送信函…"))
        self.handle = Operation(work, success=self._done, failure=self._failed,
                                progress=self._progressed).run(key="letters-print")

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(_t("正在取消：当前任务不再发送，打印机尚未开始的任务将撤回…"))

    def _progressed(self, info: ProgressInfo) -> None:
        self.progress.setMaximum(max(info.total, 1))
        self.progress.setValue(info.done)

    def _done(self, sent: Any) -> None:
        self._running(False)
        self.sent = sent
        if sent.cancelled:
            text = _t("已取消。已送打印机并保留 %1 封（%2 个完整任务），撤回未开始的任务 %3 个；没有半个任务。")
            text = text.replace("%1", str(sent.letters)).replace("%2", str(len(sent.jobs))).replace(
                "%3", str(len(sent.withdrawn)))
        elif not sent.jobs:
            text = _t("没有符合条件的收件人，未打印信函。")
        else:
            text = _t("已送打印机“%1”：%2 封，%3 个打印任务。").replace("%1", sent.printer).replace(
                "%2", str(sent.letters)).replace("%3", str(len(sent.jobs)))
            self.progress.setMaximum(max(sent.letters, 1))
            self.progress.setValue(sent.letters)
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self._running(False)
        self.status.setText(_t("未能打印信函：") + (getattr(exc, "message", None) or str(exc)))

    def _running(self, running: bool) -> None:
        for widget in (self.start_button, self.template, self.township, self.limit, self.printer, self.per_job,
                       self.close_button):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        if not running:
            self.handle = None

    def reject(self) -> None:
        if self.handle is not None:  # Esc while printing cancels first; the dialog stays until it stops
            self.cancel()
            return
        super().reject()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.handle is not None:
            self.cancel()
            return
        super().keyPressEvent(event)
