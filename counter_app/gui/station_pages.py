"""The smaller 站务 pages: coverage drive (扩面), complaints (投诉) and deferral follow-up (缓缴跟踪).
Each lists its rows, enters through checked dialogs, exports its table. The daily close (日结) has
its own module, ``daily_close``.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QCheckBox, QFileDialog, QWidget

from counter_app.domain.coverage import half_year
from counter_app.gui.formats import day, money
from counter_app.gui.i18n import _t
from counter_app.gui.station_common import DONE, OVERDUE, StationPage, field
from counter_app.services import operations


class _Page(StationPage):
    @property
    def ops(self) -> Any:
        return operations


class CoveragePage(_Page):
    """扩面: the target and its progress, and the employers to visit, big first, easy first."""

    title_text = QT_TR_NOOP("扩面")
    headers = (QT_TR_NOOP("单位名称"), QT_TR_NOOP("统一社会信用代码"), QT_TR_NOOP("乡镇"), QT_TR_NOOP("参保人数"),
               QT_TR_NOOP("已开户"), QT_TR_NOOP("待覆盖"), QT_TR_NOOP("难易"))

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(counter, parent)
        self.button("set_target", _t("录入扩面目标(&T)"), self.ask_target)
        self.button("import_staff", _t("导入参保名单(&I)"), self.ask_import)

    def refresh(self) -> None:
        status = self.ops.coverage_progress(self.counter)
        p = status.progress
        ratio = f"{p.ratio}%" if p.ratio is not None else _t("未设目标")
        self.page_summary.setText(_t("{0}至{1}：目标 {2} 人，已新增 {3} 人，完成 {4}").format(
            day(status.period_start), day(status.period_end), p.target, p.opened, ratio))
        found = self.ops.coverage_candidates(self.counter)
        rows = [(c.name, c.uscc, c.township, c.insured_staff, c.accounts, c.gap, c.ease_text) for c in found]
        self.set_rows(rows, found)

    def ask_target(self) -> None:
        start, end = half_year(self.counter.today())
        places = (("", QT_TR_NOOP("全站")), *tuple((t, t) for t in self.ops.coverage.station_townships(self.counter)))
        fields = [field("target", QT_TR_NOOP("新增缴存人数")),
                  field("period_start", QT_TR_NOOP("开始日期"), "date"),
                  field("period_end", QT_TR_NOOP("结束日期"), "date"),
                  field("township", QT_TR_NOOP("范围"), "choice", places),
                  field("source", QT_TR_NOOP("来源"), "choice", (("supervisor", QT_TR_NOOP("站长录入")),
                                                              ("centre", QT_TR_NOOP("管理中心下达"))))]
        counter = self.counter
        self.dialog(QT_TR_NOOP("扩面目标"), fields, lambda v: self.ops.set_target(
            counter, v["target"], v["period_start"], v["period_end"], township=v["township"] or None, source=v["source"]),
            values={"target": "0", "period_start": start, "period_end": end, "township": "", "source": "supervisor"})

    def ask_import(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, _t("导入参保名单"), "", "Excel/CSV (*.xlsx *.csv)")
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> Any:
        result = self.ops.import_staff_counts(self.counter, path)
        if result.ok:
            self.notify(_t("已导入 {0} 家单位，{1} 行未导入").format(result.value, len(result.warnings)))
            self.refresh()
        self.details.setPlainText("\n".join(e.message for e in (*result.errors, *result.warnings)))
        return result


class ComplaintsPage(_Page):
    """投诉: open complaints first; red ones are past their reply deadline."""

    title_text = QT_TR_NOOP("投诉")
    headers = (QT_TR_NOOP("投诉编号"), QT_TR_NOOP("受理日期"), QT_TR_NOOP("投诉人"), QT_TR_NOOP("被投诉单位"),
               QT_TR_NOOP("关联案件"), QT_TR_NOOP("办理期限"), QT_TR_NOOP("状态"))

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(counter, parent)
        self.show_closed = QCheckBox(_t("含已办结"), self)
        self.show_closed.setObjectName("show_closed")
        self.show_closed.toggled.connect(self.refresh)
        self.add_filter(self.show_closed)
        self.button("take_complaint", _t("登记投诉(&N)"), self.ask_take)
        self.button("close_complaint", _t("办结(&C)"), self.ask_close)

    def refresh(self) -> None:
        views = self.ops.list_complaints(self.counter, None if self.show_closed.isChecked() else "open")
        rows = [(v.complaint.complaint_no, v.complaint.received_on, v.complaint.complainant, v.complaint.employer_name,
                 v.case_no, v.complaint.due_on, _t("已办结") if v.complaint.status == "closed" else _t("办理中"))
                for v in views]
        colours = {i: OVERDUE if v.overdue else DONE for i, v in enumerate(views) if v.overdue or v.complaint.status == "closed"}
        self.page_summary.setText(_t("逾期未办结 {0} 件").format(sum(1 for v in views if v.overdue)))
        self.set_rows(rows, views, colours)

    def show_details(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.details.clear()
            return
        c = chosen.complaint
        self.details.setHtml("<br>".join(html.escape(x) for x in (
            f"{c.complainant}　{chosen.masked_id}　{c.contact or ''}", c.summary, c.result or "")))

    def ask_take(self) -> None:
        fields = [field("complainant", QT_TR_NOOP("投诉人姓名")), field("complainant_id", QT_TR_NOOP("投诉人证件号码")),
                  field("contact", QT_TR_NOOP("联系电话")), field("uscc", QT_TR_NOOP("被投诉单位统一社会信用代码")),
                  field("case_no", QT_TR_NOOP("关联执法案件编号")), field("summary", QT_TR_NOOP("投诉事项"), "multiline"),
                  field("received_on", QT_TR_NOOP("受理日期"), "date")]
        counter = self.counter
        self.dialog(QT_TR_NOOP("登记投诉"), fields, lambda v: self.ops.take_complaint(counter, v),
                    values={"received_on": self.counter.today()})

    def ask_close(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.complaint.status != "open":
            return
        counter, number = self.counter, chosen.complaint.complaint_no
        fields = [field("result", QT_TR_NOOP("处理结果"), "multiline"),
                  field("closed_on", QT_TR_NOOP("办结日期"), "date")]
        self.dialog(QT_TR_NOOP("办结投诉"), fields,
                    lambda v: self.ops.close_complaint(counter, number, v["result"], v["closed_on"]),
                    values={"closed_on": self.counter.today()})


class DeferralsPage(_Page):
    """缓缴跟踪: approved deferrals, what is paid back, and instalments due soon or overdue (red)."""

    title_text = QT_TR_NOOP("缓缴跟踪")
    headers = (QT_TR_NOOP("单位名称"), QT_TR_NOOP("缓缴期间"), QT_TR_NOOP("职工人数"), QT_TR_NOOP("缓缴金额"),
               QT_TR_NOOP("已补缴"), QT_TR_NOOP("下期应缴日"), QT_TR_NOOP("提醒"))

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(counter, parent)
        self.button("track_deferral", _t("登记核准的缓缴(&N)"), self.ask_track)
        self.button("mark_paid", _t("登记补缴(&P)"), self.ask_paid)

    def refresh(self) -> None:
        views = self.ops.list_deferrals(self.counter)
        rows = []
        for v in views:
            unpaid = [p for p in v.plan if p.paid_on is None]
            due = v.reminders[0] if v.reminders else None
            note = "" if due is None else (
                _t("逾期 {0} 天").format(-due.days) if due.overdue else _t("{0} 天后到期").format(due.days))
            rows.append((v.deferral.employer_name, f"{v.deferral.from_month}～{v.deferral.to_month}", len(v.workers),
                         v.deferral.total, v.paid, unpaid[0].due_on if unpaid else None, note))
        self.page_summary.setText(_t("待提醒 {0} 笔").format(sum(len(v.reminders) for v in views)))
        self.set_rows(rows, views, {i: OVERDUE for i, v in enumerate(views) if v.reminders})

    def show_details(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.details.clear()
            return
        lines = [_t("第{0}期　{1}　{2}　{3}").format(p.seq, day(p.due_on), money(p.amount),
                                                   _t("已补缴 ") + day(p.paid_on) if p.paid_on else _t("未缴"))
                 for p in chosen.plan]
        self.details.setPlainText("\n".join(lines))

    def ask_track(self) -> None:
        fields = [field("receipt_number", QT_TR_NOOP("本站缓缴申请的受理编号（可空）")),
                  field("uscc", QT_TR_NOOP("单位统一社会信用代码")),
                  field("from_month", QT_TR_NOOP("缓缴起始年月")), field("to_month", QT_TR_NOOP("缓缴截止年月")),
                  field("approved_on", QT_TR_NOOP("核准日期"), "date"),
                  field("instalments", QT_TR_NOOP("补缴期数"))]
        counter = self.counter
        self.dialog(QT_TR_NOOP("登记核准的缓缴"), fields, lambda v: self.ops.track_deferral(
            counter, receipt_number=v["receipt_number"] or None, uscc=v["uscc"] or None, from_month=v["from_month"],
            to_month=v["to_month"], approved_on=v["approved_on"], instalments=v["instalments"]),
            values={"approved_on": self.counter.today(), "instalments": "1"})

    def ask_paid(self) -> None:
        chosen = self.selected()
        unpaid = [p for p in chosen.plan if p.paid_on is None] if chosen else []
        if not unpaid:
            return
        counter, ident = self.counter, chosen.deferral.id
        fields = [field("seq", QT_TR_NOOP("期次"), "choice", tuple((str(p.seq), str(p.seq)) for p in unpaid)),
                  field("paid_on", QT_TR_NOOP("补缴日期"), "date")]
        self.dialog(QT_TR_NOOP("登记补缴"), fields, lambda v: self.ops.mark_paid(counter, ident, int(v["seq"]), v["paid_on"]),
                    values={"seq": str(unpaid[0].seq), "paid_on": self.counter.today()})

