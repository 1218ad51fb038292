"""Enforcement (执法) and complaints (投诉): the case lifecycles as pure rules.

An establishment case (建制, 条例第三十七条: no registration or no accounts) about one employer
moves one step at a time::

    investigated ─▶ notice_issued ─▶ delivered ─┬▶ registered ──────────────┬▶ closed
         │                                      └▶ deadline_passed ▶ referred ┘
         └────────────────────────────────────────────────────────────────────▶ closed

An arrears case (欠缴, 条例第三十八条: "单位逾期不缴或者少缴住房公积金的，由住房公积金管理中心
责令限期缴存；逾期仍不缴存的，可以申请人民法院强制执行") orders payment by a deadline of its own
(责令限期缴存通知书) and, past it, goes to court::

    investigated ─▶ notice_issued ─▶ delivered ─┬▶ paid ──────────────────────────┬▶ closed
         │                                      └▶ deadline_passed ─┬▶ court_applied ┘
         │                                                          └▶ paid (late)
         └──────────────────────────────────────────────────────────────────────────▶ closed

The notice's deadline is the notice date plus the policy's ``deadline_days`` (establishment) or
``arrears_deadline_days`` (arrears), calendar days, as the printed notice states it. "Deadline
passed" can only be recorded after that date. The fine range of a referral is the one the notice
printed. A closing straight after the investigation (nothing to enforce) needs its reason. Dates
never run backwards and never lie in the future.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from counter_app.domain.errors import FieldError
from counter_app.domain.workdays import add_working_days

INVESTIGATED = "investigated"
NOTICE_ISSUED = "notice_issued"
DELIVERED = "delivered"
REGISTERED = "registered"
DEADLINE_PASSED = "deadline_passed"
REFERRED = "referred"
CLOSED = "closed"
PAID = "paid"  # arrears: paid in full (足额缴存)
COURT_APPLIED = "court_applied"  # arrears: 申请人民法院强制执行

ESTABLISHMENT = "establishment"
ARREARS = "arrears"
CASE_KINDS: dict[str, str] = {ESTABLISHMENT: "建制执法（责令限期办理）", ARREARS: "欠缴执法（责令限期缴存）"}

STATES: dict[str, str] = {
    INVESTIGATED: "已调查", NOTICE_ISSUED: "已发通知书", DELIVERED: "已送达", REGISTERED: "已建制",
    DEADLINE_PASSED: "逾期未办理", REFERRED: "已移送处罚", PAID: "已缴存", COURT_APPLIED: "已申请法院强制执行",
    CLOSED: "已结案",
}
TRANSITIONS: dict[str, tuple[str, ...]] = {  # establishment cases
    INVESTIGATED: (NOTICE_ISSUED, CLOSED),
    NOTICE_ISSUED: (DELIVERED,),
    DELIVERED: (REGISTERED, DEADLINE_PASSED),
    DEADLINE_PASSED: (REFERRED,),
    REGISTERED: (CLOSED,),
    REFERRED: (CLOSED,),
    CLOSED: (),
}
ARREARS_TRANSITIONS: dict[str, tuple[str, ...]] = {
    INVESTIGATED: (NOTICE_ISSUED, CLOSED),
    NOTICE_ISSUED: (DELIVERED,),
    DELIVERED: (PAID, DEADLINE_PASSED),
    DEADLINE_PASSED: (COURT_APPLIED, PAID),  # paying late, before the court is asked, ends it too
    PAID: (CLOSED,),
    COURT_APPLIED: (CLOSED,),
    CLOSED: (),
}
KIND_TRANSITIONS = {ESTABLISHMENT: TRANSITIONS, ARREARS: ARREARS_TRANSITIONS}
NOTE_REQUIRED = {INVESTIGATED: "调查笔录摘要", CLOSED: "结案情况", COURT_APPLIED: "强制执行申请情况"}
DELIVERY_WAYS = ("直接送达", "留置送达", "邮寄送达", "委托送达")
# States in which the case waits for the employer: past the deadline it needs the clerk.
AWAITING_EMPLOYER = (NOTICE_ISSUED, DELIVERED)


@dataclass(frozen=True)
class Step:
    """One recorded step of a case: the state reached, on which day, by whom, with what."""

    state: str
    on: date
    clerk: str
    note: str = ""
    document: str = ""  # the paper's number: 笔录编号, 通知书文书编号, 送达方式 …


@dataclass(frozen=True)
class CaseFacts:
    """What the rules need to know about a case now."""

    state: str
    last_on: date
    deadline: date | None = None
    kind: str = ESTABLISHMENT


def state_label(state: str) -> str:
    return STATES.get(state, state)


def kind_label(kind: str) -> str:
    return CASE_KINDS.get(kind, kind)


def next_states(state: str, kind: str = ESTABLISHMENT) -> tuple[str, ...]:
    """The states a case of ``kind`` in ``state`` may move to (no skipping)."""
    return KIND_TRANSITIONS.get(kind, TRANSITIONS).get(state, ())


def notice_deadline(issued_on: date, deadline_days: int) -> date:
    """The date the notice orders the employer to register by."""
    return issued_on + timedelta(days=deadline_days)


def check_opening(step: Step, today: date) -> list[FieldError]:
    """A new case starts with its investigation (调查笔录): a date, a summary, a clerk."""
    problems: list[FieldError] = []
    if step.state != INVESTIGATED:
        problems.append(FieldError("state", "案件须从调查取证开始（先录入调查笔录）"))
    if step.on > today:
        problems.append(FieldError("on", "调查日期不能晚于今天"))
    problems += _note_problems(step)
    return problems


def check_step(case: CaseFacts, step: Step, today: date) -> list[FieldError]:
    """Why ``step`` cannot follow ``case`` (empty when it can)."""
    allowed = next_states(case.state, case.kind)
    if step.state not in allowed:
        return [FieldError("state", _refusal(case.state, step.state, allowed))]
    problems: list[FieldError] = []
    label = _DATE_LABEL.get(step.state, "日期")
    if step.on > today:
        problems.append(FieldError("on", f"{label}不能晚于今天"))
    if step.on < case.last_on:
        problems.append(FieldError("on", f"{label}不能早于上一环节的日期（{case.last_on.isoformat()}）"))
    if step.state == DEADLINE_PASSED:
        if case.deadline is None:
            problems.append(FieldError("state", "案件没有办理期限，不能登记逾期"))
        elif step.on <= case.deadline:
            problems.append(FieldError("on", f"办理期限为{case.deadline.isoformat()}，期限届满后才能登记逾期未办理"))
    if step.state == DELIVERED and step.document and step.document not in DELIVERY_WAYS:
        problems.append(FieldError("document", "送达方式须为：" + "、".join(DELIVERY_WAYS)))
    problems += _note_problems(step)
    return problems


_DATE_LABEL = {
    NOTICE_ISSUED: "通知书日期", DELIVERED: "送达日期", REGISTERED: "建制日期",
    DEADLINE_PASSED: "逾期登记日期", REFERRED: "移送日期", CLOSED: "结案日期",
    PAID: "缴存日期", COURT_APPLIED: "申请强制执行日期",
}


def _note_problems(step: Step) -> list[FieldError]:
    label = NOTE_REQUIRED.get(step.state)
    if label and not step.note.strip():
        return [FieldError("note", f"请填写{label}")]
    return []


def _refusal(current: str, wanted: str, allowed: Sequence[str]) -> str:
    if not allowed:
        return f"案件{state_label(current)}，不能再变更"
    choices = "或".join(f"“{state_label(s)}”" for s in allowed)
    return f"案件当前为“{state_label(current)}”，下一步只能是{choices}，不能直接“{state_label(wanted)}”"


def notice_days(kind: str, deadline_days: int, arrears_deadline_days: int) -> int:
    """The notice's own time limit: 责令限期办理 (establishment) or 责令限期缴存 (arrears)."""
    return arrears_deadline_days if kind == ARREARS else deadline_days


def is_overdue(state: str, deadline: date | None, today: date) -> bool:
    """Past the deadline and still waiting for the employer: the clerk must act (highlighted)."""
    return state in AWAITING_EMPLOYER and deadline is not None and today > deadline


def days_left(deadline: date | None, today: date) -> int | None:
    """Calendar days until the deadline (negative once past)."""
    return None if deadline is None else (deadline - today).days


def check_arrears(amount: Decimal | None, from_month: str | None, to_month: str | None) -> list[FieldError]:
    """An arrears case states what is owed: a positive amount for a period of months (YYYY-MM)."""
    problems: list[FieldError] = []
    if amount is None or amount <= 0:
        problems.append(FieldError("arrears_amount", "请填写欠缴金额（大于0）"))
    months = [m for m in (from_month, to_month) if m]
    if len(months) < 2:
        problems.append(FieldError("arrears_from", "请填写欠缴期间（起止年月）"))
    elif from_month > to_month:  # type: ignore[operator]
        problems.append(FieldError("arrears_to", "欠缴期间的截止年月不能早于起始年月"))
    return problems


def check_fine(amount: Decimal, fine_min: Decimal, fine_max: Decimal) -> list[FieldError]:
    """A fine decided at closing must lie within the range the notice printed."""
    if not fine_min <= amount <= fine_max:
        return [FieldError("fine", f"罚款金额须在{fine_min}元至{fine_max}元之间")]
    return []


# --- complaints (投诉) ----------------------------------------------------------------------------

COMPLAINT_OPEN = "open"
COMPLAINT_CLOSED = "closed"


def complaint_due(received_on: date, complaint_days: int) -> date:
    """The reply is due ``complaint_days`` working days after the complaint came in."""
    return add_working_days(received_on, complaint_days)


def complaint_overdue(status: str, due_on: date, today: date) -> bool:
    return status == COMPLAINT_OPEN and today > due_on


def check_complaint_closing(status: str, received_on: date, closed_on: date, result: str, today: date) -> list[FieldError]:
    """A complaint closes once, with its result, on a day between its receipt and today."""
    if status != COMPLAINT_OPEN:
        return [FieldError("complaint_no", "该投诉已办结，不能再次办结")]
    problems: list[FieldError] = []
    if not result.strip():
        problems.append(FieldError("result", "请填写处理结果"))
    if closed_on > today:
        problems.append(FieldError("closed_on", "办结日期不能晚于今天"))
    if closed_on < received_on:
        problems.append(FieldError("closed_on", "办结日期不能早于投诉受理日期"))
    return problems
