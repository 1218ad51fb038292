"""The 预缴登记 page (多证合一): companies from the market-registration feed or the centre, imported
off the GUI thread with progress and cancel, each completed into an establishment without retyping.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QCheckBox, QFileDialog, QProgressBar, QPushButton, QWidget

from counter_app.domain.catalog import ESTABLISH_EMPLOYER
from counter_app.gui.formats import day
from counter_app.gui.i18n import _t
from counter_app.gui.operations import Cancelled, Handle, Operation
from counter_app.gui.station_common import DONE, StationPage, operations


class PreregistrationsPage(StationPage):
    """预缴登记: pending companies first-class; green once their establishment is taken."""

    title_text = QT_TR_NOOP("企业预缴登记（多证合一）")
    headers = (QT_TR_NOOP("企业名称"), QT_TR_NOOP("统一社会信用代码"), QT_TR_NOOP("法定代表人"), QT_TR_NOOP("成立日期"),
               QT_TR_NOOP("乡镇"), QT_TR_NOOP("来源"), QT_TR_NOOP("状态"), QT_TR_NOOP("建制受理编号"))

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(counter, parent)
        self.pending_only = QCheckBox(_t("只看待建制"), self)
        self.pending_only.setObjectName("pending_only")
        self.pending_only.toggled.connect(self.refresh)
        self.add_filter(self.pending_only)
        self.import_button = self.button("import_preregistrations", _t("导入登记信息(&I)"), self.ask_import)
        self.establish_button = self.button("establish_preregistered", _t("办理建制(&E)"), self.establish_selected)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("import_progress")
        self.progress.setAccessibleName(_t("导入进度"))
        self.progress.hide()
        self.add_filter(self.progress)
        self.cancel_button = QPushButton(_t("取消导入"), self)
        self.cancel_button.setObjectName("cancel_import")
        self.cancel_button.hide()
        self.add_filter(self.cancel_button)
        self.handle: Handle | None = None
        self.last_result: Any = None
        self.report = ""  # the import's summary, shown once the rows it stored are read back
        self.rows_view.activated.connect(lambda _i: self.establish_selected())

    def fetch(self) -> Callable[[], Any]:
        counter, pending_only = self.counter, self.pending_only.isChecked()
        return lambda: (operations.list_preregistrations(counter, pending_only=pending_only),
                        operations.preregistration_counts(counter))

    def present(self, data: Any) -> None:
        views, counts = data
        rows = [(v.record.name, v.record.uscc, v.record.legal_rep or "", v.record.registered_on, v.record.township or "",
                 _source(v.record.source), _t(v.status_text), v.receipt_number) for v in views]
        self.page_summary.setText(_t("{0}至{1}：接收 {2} 户，办理建制 {3} 户；待建制 {4} 户").format(
            day(counts.start), day(counts.end), counts.received, counts.established, counts.pending))
        self.set_rows(rows, views, {i: DONE for i, v in enumerate(views) if v.status != "pending"})
        if self.report:  # what the import just did stays in the pane over the first row's details
            self.details.setPlainText(self.report)
            self.report = ""

    def show_details(self) -> None:
        chosen = self.selected()
        self.establish_button.setEnabled(chosen is not None and chosen.status == "pending")
        if chosen is None or self.handle is not None:
            return
        r = chosen.record
        lines = [f"<b>{html.escape(r.name)}</b>（{html.escape(r.uscc)}）",
                 html.escape("　".join(x for x in (r.legal_rep, r.contact_name, r.contact_mobile) if x)),
                 html.escape(r.address or "")]
        self.details.setHtml("<br>".join(line for line in lines if line))

    # -- import, off the GUI thread ------------------------------------------------------------
    def ask_import(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, _t("导入企业登记信息"), "", "Excel/CSV (*.xlsx *.csv)")
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> Handle:
        counter = self.counter

        def op(progress: Any) -> Any:
            def report(done: int, total: int) -> None:
                progress.report(done, total, "")

            result = operations.import_preregistrations(counter, path, progress=report,
                                                        should_cancel=lambda: progress.cancelled)
            if progress.cancelled and result.ok and result.value.cancelled:
                raise Cancelled()
            return result

        self._busy(True)
        self.cancel_button.clicked.connect(self._cancel)
        self.handle = Operation(op, success=self._imported, failure=self._failed, progress=self._progressed,
                                cancelled=self._was_cancelled).run(key="preregistration_import")
        return self.handle

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.import_button.setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)  # until the first report says how many rows
            self.details.setPlainText(_t("正在导入……"))

    def _progressed(self, info: Any) -> None:
        if info.total:
            self.progress.setRange(0, info.total)
            self.progress.setValue(info.done)
            self.progress.setFormat(_t("已读取 %v / %m 行"))

    def _cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _done(self) -> None:
        self.handle = None
        self._busy(False)
        with contextlib.suppress(RuntimeError, TypeError):
            self.cancel_button.clicked.disconnect(self._cancel)

    def _imported(self, result: Any) -> None:
        self._done()
        self.last_result = result
        if result.ok:
            r = result.value
            self.notify(_t("已导入 {0} 户，{1} 行未导入").format(r.imported, r.refused))
            self.report = "\n".join([_t("已导入 {0} 户，{1} 行未导入（共读取 {2} 行）").format(
                r.imported, r.refused, r.rows)] + [p.message for p in r.problems])
            self.details.setPlainText(self.report)
            self.refresh()
        else:
            self.details.setPlainText("\n".join(e.message for e in result.errors))

    def _was_cancelled(self) -> None:
        self._done()
        self.notify(_t("导入已取消，已导入的企业保留"))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._done()
        self.details.setPlainText(_t("导入失败：") + str(exc))

    # -- completing the establishment -----------------------------------------------------------
    def establish_selected(self) -> Any:
        """Open the establish-employer form filled from the selected company's record."""
        chosen = self.selected()
        window = self.window()
        if chosen is None or chosen.status != "pending" or not hasattr(window, "open_business"):
            return None
        return window.open_business(ESTABLISH_EMPLOYER.kind, {"uscc": chosen.record.uscc})


def _source(source: str) -> str:
    return _t("管理中心") if source == "centre" else source
