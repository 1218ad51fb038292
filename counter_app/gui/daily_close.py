"""日结 page: the day's applications and totals; close after a confirmation that shows the totals
(signed off by a supervisor on a staffed station), reopen with a reason and a supervisor's approval,
and see each close's sheet. Every service call (the day's report too) runs off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.daily_close import close_scope, revision_mark, status_name
from counter_app.gui.approval import ask_approval
from counter_app.gui.fields import DateEdit
from counter_app.gui.formats import money
from counter_app.gui.i18n import _t
from counter_app.gui.operations import Operation
from counter_app.gui.station_common import OVERDUE, StationPage
from counter_app.services import operations
from counter_app.services.approvals import close_request, reopen_request

REOPEN_REASONS = (QT_TR_NOOP("漏录业务需补录"), QT_TR_NOOP("日结合计有误需更正"), QT_TR_NOOP("误操作提前日结"))


def who_text(scope: str) -> str:
    return _t("全站") if scope == "station" else _t("本人（{0}）").format(scope.removeprefix("clerk:"))


def gap_lines(totals: dict[str, Any]) -> list[str]:
    return [_t("终端{0}缺号：").format(g["terminal"]) + "、".join(f"{n:04d}" for n in g["missing"])
            for g in totals.get("gaps", [])]


class CloseConfirmDialog(QDialog):
    """日结确认: the day's totals as they will be frozen; the clerk confirms or goes back."""

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("close_confirm")
        self.setWindowTitle(_t("日结确认"))
        self.report = report
        t = report.totals_dict()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        mark = revision_mark(report.revision)
        heading = QLabel(_t("{0}　{1}日结").format(report.day.isoformat(), who_text(report.scope))
                         + (f"（{mark}）" if mark else ""), self)
        heading.setObjectName("close_heading")
        heading.setStyleSheet("font-size: 17px; font-weight: bold;")
        layout.addWidget(heading)
        grid = QFormLayout()
        gaps = gap_lines(t)
        rows = (
            ("close_count", _t("业务笔数"), f"{t['count']}"),
            ("close_amount", _t("涉及金额（元）"), money(t["amount"])),
            ("close_receipts", _t("打印回执"), _t("{0} 张，补打 {1} 张").format(t["receipts_printed"], t["receipts_reprinted"])),
            ("close_unsynced", _t("未上传中心"), _t("{0} 笔").format(len(t["unsynced"]))),
            ("close_gaps", _t("编号检查"), "；".join(gaps) if gaps else _t("受理编号连续，无缺号")),
        )
        for name, label, value in rows:
            shown = QLabel(value, self)
            shown.setObjectName(name)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addRow(label, shown)
            if name == "close_gaps" and gaps:
                shown.setStyleSheet("color: #c62828; font-weight: bold;")
        layout.addLayout(grid)
        self.by_kind = QTableWidget(len(t["by_kind"]), 4, self)
        self.by_kind.setObjectName("close_by_kind")
        self.by_kind.setHorizontalHeaderLabels([_t("业务"), _t("笔数"), _t("状态"), _t("金额（元）")])
        self.by_kind.verticalHeader().hide()
        self.by_kind.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, k in enumerate(t["by_kind"]):
            cells = (operations.reports.kind_name(k["kind"]), str(k["count"]),
                     "、".join(f"{status_name(s)}{n}" for s, n in k["by_status"].items()), money(k["amount"]))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (1, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.by_kind.setItem(row, column, item)
        self.by_kind.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.by_kind.horizontalHeader().setStretchLastSection(True)
        self.by_kind.setMinimumHeight(min(60 + 30 * len(t["by_kind"]), 260))
        layout.addWidget(self.by_kind)
        note = QLabel(_t("日结后当日业务只读（仍可补打回执）；如需补办，须站长重开。"), self)
        note.setObjectName("close_note")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.message = QLabel(self)
        self.message.setObjectName("close_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(_t("确认日结并打印(&Y)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("close_confirm_button")
        self.confirm.setDefault(True)
        cancel = buttons.addButton(_t("返回核对"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("close_cancel_button")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.confirm.setEnabled(True)


class ReopenDialog(QDialog):
    """重开: which close is reopened, and why (kept in the audit log); a supervisor approves next."""

    def __init__(self, report: Any, closed_at: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reopen_dialog")
        self.setWindowTitle(_t("重开已日结的业务日"))
        close = report.close
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        t = close.totals
        at = closed_at
        summary = QLabel(_t("{0}　{1}：第{2}次日结，{3} 由 {4} 办理，{5} 笔，金额 {6} 元").format(
            report.day.isoformat(), who_text(report.scope), close.revision, at, close.closed_by, t["count"],
            money(t["amount"])), self)
        summary.setObjectName("reopen_summary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        form = QFormLayout()
        self.reason = QComboBox(self)
        self.reason.setObjectName("reason")
        self.reason.setEditable(True)
        self.reason.setAccessibleName(_t("重开原因"))
        self.reason.addItems([_t(r) for r in REOPEN_REASONS])
        self.reason.setCurrentIndex(-1)
        self.reason.lineEdit().setPlaceholderText(_t("写明为何重开（审计日志永久保存）"))
        form.addRow(_t("重开原因"), self.reason)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("reason_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        layout.addWidget(self.message)
        note = QLabel(_t("重开须经站长（主管）复核；重开后再次日结将打印“第{0}次日结”的修订日结单。")
                      .format(close.revision + 1), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(_t("重开(&O)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("reopen_confirm_button")
        self.confirm.setDefault(True)
        buttons.addButton(_t("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason.setFocus()
        self.resize(520, self.sizeHint().height())

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.confirm.setEnabled(True)
        self.reason.setFocus()


class DailyClosePage(StationPage):
    """日结: the day's applications and totals; close (after confirming), reopen, see the sheet."""

    title_text = QT_TR_NOOP("日结")
    headers = (QT_TR_NOOP("受理编号"), QT_TR_NOOP("业务"), QT_TR_NOOP("状态"), QT_TR_NOOP("柜员"),
               QT_TR_NOOP("金额"), QT_TR_NOOP("已上传"), QT_TR_NOOP("评价"))

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(counter, parent)
        self.day_edit = DateEdit(self)  # Tab leaves it (QDateEdit's own Tab walks its sections)
        self.day_edit.setObjectName("close_day")
        self.day_edit.set_day(counter.today())
        self.day_edit.dateChanged.connect(self.refresh)
        self.whole_station = QCheckBox(_t("全站"), self)
        self.whole_station.setObjectName("whole_station")
        self.whole_station.toggled.connect(self.refresh)
        for widget in (self.day_edit, self.whole_station):
            self.add_filter(widget)
        self.close_button = self.button("close_day_button", _t("日结(&C)…"), self.ask_close)
        self.reopen_button = self.button("reopen_day_button", _t("重开(&O)…"), self.ask_reopen)
        self.sheet_button = self.button("close_sheet_button", _t("日结单(&V)"), self.show_sheet)
        self.report_button = self.button("daily_report", _t("导出日报(&R)"), self.ask_report)
        self.last_report: Any = None
        self.loading = False  # a day report is being read (tests and the clerk-day driver wait on it)
        self.confirm_dialog: CloseConfirmDialog | None = None
        self.reopen_dialog: ReopenDialog | None = None

    @property
    def ops(self) -> Any:
        return operations

    def chosen_day(self) -> Any:
        return self.day_edit.date().toPython()

    def clerk_scope(self) -> str | None:
        return None if self.whole_station.isChecked() else self.counter.clerk

    def refresh(self) -> None:
        """Read the chosen day's report off the GUI thread; a newer request supersedes an older one."""
        counter, chosen, clerk = self.counter, self.chosen_day(), self.clerk_scope()
        self.loading = True
        Operation(lambda _p: self.ops.day_report(counter, chosen, clerk), success=self.show_report,
                  failure=self._failed, owner=self).run(key=f"day_report-{id(self)}")

    def show_report(self, report: Any) -> None:
        self.loading = False
        if report.day != self.chosen_day() or report.scope != close_scope(self.clerk_scope()):
            return  # the clerk chose another day or scope meanwhile: its own report is on the way
        t = report.totals_dict()
        unsynced = set(t["unsynced"])
        rows = [(i.receipt_number, self.ops.reports.kind_name(i.kind), status_name(i.status), i.clerk,
                 i.amount, _t("否") if i.receipt_number in unsynced else _t("是"), i.rating) for i in report.items]
        mark = revision_mark(report.revision)
        if report.closed:
            state = _t("已日结") + (f"（{mark}）" if mark else "")
        elif report.reopened is not None:
            state = _t("已重开，待第{0}次日结").format(report.revision)
        else:
            state = _t("未日结")
        self.page_summary.setText(_t("{0}　{1} 笔，金额 {2}，未上传 {3} 笔，回执 {4} 张、补打 {5} 张").format(
            state, t["count"], money(t["amount"]), len(unsynced), t["receipts_printed"], t["receipts_reprinted"]))
        self.close_button.setEnabled(not report.closed)
        self.reopen_button.setEnabled(report.closed)
        self.sheet_button.setEnabled(bool(report.history))
        gaps = gap_lines(t)
        lines = ["；".join(gaps) if gaps else _t("受理编号连续，无缺号")]
        if report.reprinted_after_close:
            lines.append(_t("日结后补打回执 {0} 张（已记录，不计入合计）").format(report.reprinted_after_close))
        lines += [self.history_line(c) for c in report.history]
        self.details.setPlainText("\n".join(lines))
        self.set_rows(rows, list(report.items), {i: OVERDUE for i, r in enumerate(rows) if r[0] in unsynced})
        self.last_report = report

    def history_line(self, close: Any) -> str:
        local = self.counter.local
        line = _t("第{0}次日结：{1:%H:%M} {2}，{3} 笔，金额 {4}").format(
            close.revision, local(close.closed_at), close.closed_by, close.totals["count"], money(close.totals["amount"]))
        if close.reopened_at is not None:
            approved = _t("，{0}复核").format(close.reopen_approved_by) if close.reopen_approved_by else ""
            line += _t("；{0:%H:%M} {1}重开{2}，原因：{3}").format(local(close.reopened_at), close.reopened_by,
                                                               approved, close.reopen_reason)
        return line

    def show_details(self) -> None:  # the details pane shows the number check and the history, set in refresh
        pass

    # -- close -------------------------------------------------------------------------------
    def ask_close(self) -> None:
        """The day's live totals first; nothing is closed until the clerk confirms them."""
        counter, chosen, clerk = self.counter, self.chosen_day(), self.clerk_scope()
        self.close_button.setEnabled(False)
        self.loading = True
        Operation(lambda _p: self.ops.day_report(counter, chosen, clerk), success=self._confirm,
                  failure=self._failed, owner=self).run(key=f"day_report-{id(self)}")

    def _confirm(self, report: Any) -> None:
        self.show_report(report)
        if report.closed:
            return
        dialog = self.confirm_dialog = CloseConfirmDialog(report, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "confirm_dialog", None))
        dialog.confirm.clicked.connect(lambda: self._close(dialog, None))
        dialog.rejected.connect(lambda: self.close_button.setEnabled(not (self.last_report and self.last_report.closed)))
        dialog.open()

    def _close(self, dialog: CloseConfirmDialog, approval: Any) -> None:
        counter, chosen, station = self.counter, dialog.report.day, dialog.report.scope == "station"
        expected = len(dialog.report.items)
        dialog.confirm.setEnabled(False)
        Operation(lambda _p: self.ops.close_day(counter, chosen, station=station, approval=approval,
                                                expected_count=expected),
                  success=lambda result: self._closed(dialog, result, approval),
                  failure=lambda exc: dialog.show_error(str(exc)), owner=self).run(key="close")

    def _closed(self, dialog: CloseConfirmDialog, result: Any, approval: Any) -> None:
        if not result.ok:
            if approval is None and result.errors[0].field == "approval":
                ask_approval(dialog, self.counter, close_request(dialog.report.day, dialog.report.scope),
                             lambda signed: self._close(dialog, signed))
                return
            dialog.show_error("；".join(e.message for e in result.errors))
            return
        dialog.accept()
        self.refresh()
        path = Path(result.value.close.sheet_path)
        self.notify(_t("已日结：") + str(path))
        printer = getattr(self.window(), "printer", None)
        if printer is not None:
            printer.preview(path, "daily_close")

    # -- reopen ------------------------------------------------------------------------------
    def ask_reopen(self) -> None:
        report = self.last_report
        if report is None or not report.closed:
            return
        closed_at = f"{self.counter.local(report.close.closed_at):%H:%M}"
        dialog = self.reopen_dialog = ReopenDialog(report, closed_at, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "reopen_dialog", None))
        dialog.confirm.clicked.connect(lambda: self._reopen(dialog, report, None))
        dialog.open()

    def _reopen(self, dialog: ReopenDialog, report: Any, approval: Any) -> None:
        counter, reason, station = self.counter, dialog.reason_text(), report.scope == "station"
        dialog.confirm.setEnabled(False)
        Operation(lambda _p: self.ops.reopen_day(counter, report.day, reason, station=station, approval=approval),
                  success=lambda result: self._reopened(dialog, report, result, approval),
                  failure=lambda exc: dialog.show_error(str(exc)), owner=self).run(key="close")

    def _reopened(self, dialog: ReopenDialog, report: Any, result: Any, approval: Any) -> None:
        if not result.ok:
            if approval is None and result.errors[0].field == "approval":
                ask_approval(dialog, self.counter, reopen_request(report.day, report.scope),
                             lambda signed: self._reopen(dialog, report, signed))
                return
            dialog.show_error("；".join(e.message for e in result.errors))
            return
        dialog.accept()
        self.show_report(result.value)
        self.notify(_t("已重开 {0}，可继续办理；办完请再次日结").format(report.day.isoformat()))

    # -- sheet, report -------------------------------------------------------------------------
    def show_sheet(self) -> None:
        """The latest close sheet of the day in the preview (to print or save again)."""
        report = self.last_report
        if report is None or not report.history:
            return
        path = Path(report.history[-1].sheet_path or "")
        printer = getattr(self.window(), "printer", None)
        if path.is_file() and printer is not None:
            printer.preview(path, "daily_close")

    def ask_report(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, _t("导出日报"), f"{self.chosen_day()}.xlsx", "Excel (*.xlsx)")
        if path:
            counter, chosen = self.counter, self.chosen_day()
            Operation(lambda _p: self.ops.write_daily_report(counter, chosen, path),
                      success=lambda _r: self.notify(_t("已生成：") + path),
                      failure=lambda exc: self.notify(_t("导出失败：") + str(exc)), owner=self).run()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.close_button.setEnabled(True)
        self.details.setPlainText(_t("未能读取当日业务：") + str(exc))

