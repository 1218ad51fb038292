"""逾期催收 (站务): the station's overdue loans, longest overdue first; promises to pay that have come
due in red; a contact logged through a checked dialog; 催收通知书 for one loan or the whole list, the
batch written off the GUI thread with progress and a stop button.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QWidget

from counter_app import services
from counter_app.gui.formats import day, money
from counter_app.gui.i18n import _t
from counter_app.gui.operations import Handle, Operation, ProgressInfo
from counter_app.gui.station_common import OVERDUE, StationPage, field

WAYS = (("phone", QT_TR_NOOP("电话")), ("visit", QT_TR_NOOP("上门")), ("sms", QT_TR_NOOP("短信")),
        ("letter", QT_TR_NOOP("信函")))


class OverduePage(StationPage):
    """逾期催收: list, contact log, reminders, notices."""

    title_text = QT_TR_NOOP("逾期催收")
    headers = (QT_TR_NOOP("贷款合同编号"), QT_TR_NOOP("借款人"), QT_TR_NOOP("联系电话"), QT_TR_NOOP("乡镇"),
               QT_TR_NOOP("逾期期数"), QT_TR_NOOP("逾期金额"), QT_TR_NOOP("逾期天数"), QT_TR_NOOP("最近联系"))

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(counter, parent)
        self.button("log_contact", _t("记录联系(&L)"), self.ask_contact)
        self.button("print_notice", _t("打印催收通知书(&P)"), self.print_selected)
        self.button("print_all_notices", _t("批量打印(&B)"), self.print_all)
        self.stop = self.button("stop_printing", _t("停止打印"), self.stop_printing)
        self.stop.setEnabled(False)
        self.running: Handle | None = None
        self.last_printed: Any = None

    def fetch(self) -> Callable[[], Any]:
        counter = self.counter
        return lambda: (services.postloan.overdue_loans(counter),
                        {c.loan_no for c, _loan in services.postloan.collection_reminders(counter)})

    def present(self, found: Any) -> None:
        rows_found, due = found
        rows = []
        for r in rows_found:
            last = r.last_contact
            rows.append((r.loan.loan_no, r.name, r.mobile, r.township, r.loan.arrears_months,
                         money(r.loan.arrears_amount), r.days_overdue, day(last.day) if last else ""))
        colours = {i: OVERDUE for i, r in enumerate(rows_found) if r.loan.loan_no in due}
        total = sum((r.loan.arrears_amount for r in rows_found), start=0)
        self.page_summary.setText(_t("逾期贷款 {0} 笔，逾期本息合计 {1}；承诺还款日已到 {2} 笔（红色）").format(
            len(rows_found), money(total), len(due)))
        self.set_rows(rows, rows_found, colours)

    def show_details(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.details.clear()
            return
        counter, number = self.counter, chosen.loan.loan_no
        self.read_details(chosen, lambda: services.postloan.loan_contacts(counter, number), self._show_contacts)

    def _show_contacts(self, contacts: Any) -> None:
        lines = [f"{c.day}　{_t(dict(WAYS).get(c.way, c.way))}　{c.result}"
                 + ("　" + _t("承诺还款") + f" {c.promised_date}" if c.promised_date else "") for c in contacts]
        self.details.setHtml("<br>".join(html.escape(x) for x in lines) or html.escape(_t("尚无联系记录")))

    def ask_contact(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        counter, loan_no = self.counter, chosen.loan.loan_no
        fields = [field("way", QT_TR_NOOP("联系方式"), "choice", WAYS),
                  field("result", QT_TR_NOOP("联系结果"), "multiline"),
                  field("promised_date", QT_TR_NOOP("承诺还款日期（可空，如 2026-12-20）"), required=False),
                  field("day", QT_TR_NOOP("联系日期"), "date")]
        self.dialog(QT_TR_NOOP("记录催收联系"), fields, lambda v: services.postloan.log_contact(
            counter, loan_no, v["way"], v["result"], v["promised_date"] or None, v["day"]),
                    values={"way": WAYS[0][0], "day": counter.today()})  # 电话, the usual way, as before

    def print_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self._print(chosen.loan.loan_no)

    def print_all(self) -> None:
        self._print(None)

    def _print(self, loan_no: str | None) -> None:
        counter = self.counter
        self.stop.setEnabled(True)
        self.running = Operation(
            lambda p: services.postloan.print_collection(
                counter, services.postloan.collection_path(counter), loan_no=loan_no,
                progress=lambda done, total: p.report(done, total), should_cancel=lambda: p.cancelled),
            success=self._printed, failure=self._failed, progress=self._progress,
        ).run(key="collection_notices")

    def _progress(self, info: ProgressInfo) -> None:
        self.notify(_t("正在生成催收通知书 {0}/{1}").format(info.done, info.total))

    def _printed(self, result: Any) -> None:
        self.stop.setEnabled(False)
        self.last_printed = result
        if result.cancelled:
            self.notify(_t("已停止，未生成文件"))
        elif result.path is None:
            self.notify(_t("没有逾期贷款，未生成催收通知书"))
        else:
            self.notify(_t("已生成催收通知书 {0} 份：{1}").format(result.pages, str(result.path)))

    def _failed(self, exc: BaseException) -> None:
        self.stop.setEnabled(False)
        self.notify(_t("生成失败：") + str(exc))

    def stop_printing(self) -> None:
        if self.running is not None:
            self.running.cancel()
