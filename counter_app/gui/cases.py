"""The enforcement case list (建制执法, 欠缴执法): cases with overdue ones highlighted, each step entered
in a dialog the service checks, the notice printed when it is issued (with a warning for the
supervisor when the policy's citation in force is 待核对), the dossier exported as PDF.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from counter_app.domain import enforcement as rules
from counter_app.gui.formats import day, money
from counter_app.gui.i18n import _t
from counter_app.gui.operations import Operation
from counter_app.gui.station_common import OVERDUE, StationPage, field
from counter_app.services import operations

STATE_TEXT = {
    rules.INVESTIGATED: QT_TR_NOOP("已调查"), rules.NOTICE_ISSUED: QT_TR_NOOP("已发通知书"),
    rules.DELIVERED: QT_TR_NOOP("已送达"), rules.REGISTERED: QT_TR_NOOP("已建制"),
    rules.DEADLINE_PASSED: QT_TR_NOOP("逾期未办理"), rules.REFERRED: QT_TR_NOOP("已移送处罚"),
    rules.PAID: QT_TR_NOOP("已缴存"), rules.COURT_APPLIED: QT_TR_NOOP("已申请法院强制执行"),
    rules.CLOSED: QT_TR_NOOP("已结案"),
}
KIND_TEXT = {rules.ESTABLISHMENT: QT_TR_NOOP("建制（责令限期办理）"), rules.ARREARS: QT_TR_NOOP("欠缴（责令限期缴存）")}


# Steps whose date is printed on a legal document (the notice, its delivery): a date that is not
# today is shown back for confirmation, since a wrong one goes on paper with the station's seal.
DATED_ON_PAPER = {rules.NOTICE_ISSUED: QT_TR_NOOP("通知书日期"), rules.DELIVERED: QT_TR_NOOP("送达日期")}


def state_text(state: str) -> str:
    return _t(STATE_TEXT[state]) if state in STATE_TEXT else state


def legal_date(today: date, key: str,
               what: Callable[[dict[str, Any]], str | None]) -> Callable[[dict[str, Any]], tuple[str, str] | None]:
    """A dialog's confirmation of the date ``key`` when it is not today (``what(values)`` names it, or
    None when this entry prints no document)."""
    def ask(values: dict[str, Any]) -> tuple[str, str] | None:
        name = what(values)
        try:
            chosen = date.fromisoformat(str(values.get(key) or ""))
        except ValueError:
            return None  # not a date: the service says so beside the field
        if name is None or chosen == today:
            return None
        when = _t("早于今天 {0} 天").format((today - chosen).days) if chosen < today else _t("晚于今天 {0} 天").format(
            (chosen - today).days)
        return (_t("{0}为 {1}（{2}），不是今天（{3}）。\n该日期将印在执法文书上，请与纸质材料核对。确认无误吗？").format(
            _t(name), day(chosen), when, day(today)), key)
    return ask


class CasesPage(StationPage):
    """建制执法: one line per case; red lines are past their deadline and still waiting."""

    title_text = QT_TR_NOOP("执法案件")
    headers = (QT_TR_NOOP("案件编号"), QT_TR_NOOP("单位名称"), QT_TR_NOOP("统一社会信用代码"), QT_TR_NOOP("状态"),
               QT_TR_NOOP("承办人"), QT_TR_NOOP("立案日期"), QT_TR_NOOP("限期"), QT_TR_NOOP("剩余天数"),
               QT_TR_NOOP("类型"))

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(counter, parent)
        self.held_back: dict[str, str] = {}  # case number → why its notice's citation was held back (待核对)
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("state_filter")
        self.state_filter.addItem(_t("全部未结案"), "open")
        for state in rules.STATES:
            self.state_filter.addItem(state_text(state), state)
        self.state_filter.addItem(_t("全部"), None)
        self.overdue_only = QCheckBox(_t("只看逾期"), self)
        self.overdue_only.setObjectName("overdue_only")
        for widget in (self.state_filter, self.overdue_only):
            self.add_filter(widget)
        self.state_filter.currentIndexChanged.connect(self.refresh)
        self.overdue_only.toggled.connect(self.refresh)
        self.open_button = self.button("open_case", _t("立案(&N)"), self.ask_open)
        self.step_button = self.button("next_step", _t("下一步(&S)"), self.ask_step)
        self.dossier_button = self.button("export_dossier", _t("导出案卷(&D)"), self.export_dossier)
        self.rows_view.activated.connect(lambda _i: self.ask_step())

    def fetch(self) -> Callable[[], Any]:
        counter, chosen, overdue_only = self.counter, self.state_filter.currentData(), self.overdue_only.isChecked()
        return lambda: operations.list_cases(counter, state=chosen if chosen not in (None, "open") else None,
                                             open_only=chosen == "open", overdue_only=overdue_only)

    def present(self, views: Any) -> None:
        rows = [(v.case.case_no, v.case.employer_name, v.case.uscc, state_text(v.case.state), v.case.clerk,
                 v.case.opened_on, v.case.deadline, v.days_left if v.case.state in rules.AWAITING_EMPLOYER else None,
                 _t(KIND_TEXT.get(v.case.kind, v.case.kind)))
                for v in views]
        overdue = sum(1 for v in views if v.overdue)
        self.page_summary.setText(_t("共 {0} 件，其中逾期 {1} 件").format(len(views), overdue))
        self.set_rows(rows, views, {i: OVERDUE for i, v in enumerate(views) if v.overdue})

    def show_details(self) -> None:
        chosen = self.selected()
        self.step_button.setEnabled(bool(chosen and chosen.next_states))
        self.dossier_button.setEnabled(chosen is not None)
        if chosen is None:
            self.details.clear()
            return
        counter, number = self.counter, chosen.case.case_no
        self.read_details(chosen, lambda: operations.get_case(counter, number), self._show_case)

    def _show_case(self, full: Any) -> None:
        lines = [f"<b>{html.escape(full.case.employer_name)}</b>（{html.escape(full.case.case_no)}）"
                 f"　{_t(KIND_TEXT.get(full.case.kind, full.case.kind))}"]
        if full.case.arrears_amount is not None:
            lines.append(_t("欠缴 {0} 元（{1}至{2}）").format(
                money(full.case.arrears_amount), full.case.arrears_from, full.case.arrears_to))
        if full.registration_seen:
            lines.append(f"<span style='color:#2e7d32'>{html.escape(full.registration_seen)}</span>")
        if full.overdue:
            lines.append(f"<span style='color:#c62828'>{_t('已过办理期限，请登记逾期并移送处罚')}</span>")
        for step in full.steps:
            extra = f"　{html.escape(step.document)}" if step.document else ""
            lines.append(f"{day(step.on)}　{state_text(step.state)}　{html.escape(step.clerk)}{extra}　{html.escape(step.note)}")
        for complaint in full.complaints:
            lines.append(_t("关联投诉：") + f"{complaint.complaint_no}　{html.escape(complaint.summary)}")
        if full.case.case_no in self.held_back:  # kept: the details are read again after each step
            lines.append(f"<span style='color:#b26a00'>{html.escape(self.held_back[full.case.case_no])}</span>")
        self.details.setHtml("<br>".join(lines))

    # -- dialogs ----------------------------------------------------------------------------
    def ask_open(self) -> None:
        fields = [
            field("kind", QT_TR_NOOP("案件类型"), "choice", tuple(KIND_TEXT.items())),
            field("uscc", QT_TR_NOOP("统一社会信用代码")),
            field("on", QT_TR_NOOP("调查日期"), "date"),
            field("note", QT_TR_NOOP("调查笔录摘要"), "multiline"),
            field("document", QT_TR_NOOP("笔录编号")),
            field("arrears_amount", QT_TR_NOOP("欠缴金额（元，欠缴案件）"), required=False),
            field("arrears_from", QT_TR_NOOP("欠缴起始年月（如 2026-01）"), required=False),
            field("arrears_to", QT_TR_NOOP("欠缴截止年月（如 2026-06）"), required=False),
        ]
        counter, today = self.counter, self.counter.today()

        def submit(v: dict[str, Any]) -> Any:
            kind = v.get("kind") or rules.ESTABLISHMENT  # most cases are establishment ones
            owed = {"amount": v.get("arrears_amount"), "from_month": v.get("arrears_from"), "to_month": v.get("arrears_to")}
            return operations.open_case(counter, v["uscc"], v["on"], v["note"], document=v["document"],
                                        kind=kind, arrears=owed if kind == rules.ARREARS else None)

        self.dialog(QT_TR_NOOP("立案：录入调查笔录"), fields, submit, self._stepped,
                    values={"on": today, "kind": rules.ESTABLISHMENT},
                    confirm=legal_date(today, "on", lambda _v: QT_TR_NOOP("调查日期")))

    def ask_step(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen.next_states:
            return
        fields = [
            field("state", QT_TR_NOOP("下一环节"), "choice", tuple((s, STATE_TEXT[s]) for s in chosen.next_states)),
            field("on", QT_TR_NOOP("日期"), "date"),
            field("note", QT_TR_NOOP("情况说明"), "multiline"),
            field("document", QT_TR_NOOP("文书编号或送达方式")),
        ]
        if chosen.case.state == rules.REFERRED:
            fields.append(field("fine", QT_TR_NOOP("决定罚款金额（元）")))
        counter, number = self.counter, chosen.case.case_no
        out_dir = Path(self.counter.data_dir) / "cases" / number

        def submit(v: dict[str, Any]) -> Any:
            step = operations.StepInput(on=v["on"], note=v["note"], document=v["document"],
                                                 extra={"fine": v.get("fine")})
            out = out_dir / f"{number}-notice.pdf" if v["state"] == rules.NOTICE_ISSUED else None
            return operations.advance(counter, number, v["state"], step, out=out)

        today = self.counter.today()
        self.dialog(QT_TR_NOOP("登记下一环节"), fields, submit, self._stepped,
                    values={"state": chosen.next_states[0], "on": today},
                    confirm=legal_date(today, "on", lambda v: DATED_ON_PAPER.get(v.get("state") or "")))

    def _stepped(self, result: Any) -> None:
        case = result.value.case
        self.notify(_t("案件 {0} 现为：{1}").format(case.case_no, state_text(case.state)))
        paper = result.value.steps[-1].path if result.value.steps else None
        if case.state == rules.NOTICE_ISSUED and paper:  # the printed notice, to print or save
            if case.kind == rules.ARREARS:  # each document key literal: the preview titles are checked from the source
                self._preview(Path(paper), "arrears_notice")
            else:
                self._preview(Path(paper), "establishment_notice")
        warnings = [w.message for w in getattr(result, "warnings", ())]
        if warnings:  # a citation held back as 待核对: the supervisor must see why, and keep seeing it
            self.notify(_t("提示：") + "；".join(warnings))
            self.held_back[case.case_no] = "；".join(warnings)
            self.details.append(f"<span style='color:#b26a00'>{html.escape('；'.join(warnings))}</span>")

    def export_dossier(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        counter, number = self.counter, chosen.case.case_no
        Operation(lambda _p: operations.export_dossier(counter, number),
                  success=lambda r: self._preview(r.value, "case_dossier") if r.ok else None,
                  owner=self).run(key="dossier")

    def _preview(self, path: Path, document: str) -> None:
        printer = getattr(self.window(), "printer", None)
        self.notify(_t("已生成：") + str(path))
        if printer is not None:
            printer.preview(path, document)
