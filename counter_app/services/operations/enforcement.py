"""Establishment enforcement cases (建制执法): open, step through the lifecycle, list, export.

Every step goes through ``domain.enforcement.check_step``; issuing the notice prints it with the
printing service (its legal text, deadline and fine range from the policy in force that day) and
keeps the deadline and fine range on the case. A file given with a step (the scanned 调查笔录 or
送达回证) is copied into the station's ``cases/<case_no>/`` folder and listed in the dossier.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from counter_app.domain import enforcement as rules
from counter_app.domain.businesses import establish_employer
from counter_app.domain.enforcement import CaseFacts, Step
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.ids import check_uscc
from counter_app.domain.money import parse_money
from counter_app.domain.status import NOT_TAKEN_UP
from counter_app.printing.dossier import DossierComplaint, DossierData, DossierStep, render_dossier
from counter_app.services import audit, station_records
from counter_app.services.counter import Counter
from counter_app.services.operations._common import hidden_problems, parse_day, text
from counter_app.services.operations.daily_close import log_print
from counter_app.services.printing import PrintRefused, print_establishment_notice
from counter_app.store.records_operations import CaseEventRecord, CaseRecord, ComplaintRecord
from counter_app.store.uow import UnitOfWork

CASE_PREFIX = "JZ"  # case numbers: STATION-JZ-YYYYMMDD-NNNN
NOT_REGISTERING = NOT_TAKEN_UP


@dataclass(frozen=True)
class CaseView:
    """A case as lists, the dossier and scripts show it."""

    case: CaseRecord
    overdue: bool
    days_left: int | None
    next_states: tuple[str, ...]
    steps: tuple[CaseEventRecord, ...] = ()
    complaints: tuple[ComplaintRecord, ...] = ()
    registration_seen: str = ""  # why the employer seems registered now, if it does

    @property
    def state_label(self) -> str:
        return rules.state_label(self.case.state)

    def as_dict(self) -> dict[str, Any]:
        c = self.case
        return {
            "case_no": c.case_no, "uscc": c.uscc, "employer_name": c.employer_name, "state": c.state,
            "clerk": c.clerk, "opened_on": c.opened_on.isoformat(), "deadline": c.deadline.isoformat() if c.deadline else None,
            "notice_number": c.notice_number, "overdue": self.overdue, "days_left": self.days_left,
            "fine_min": str(c.fine_min) if c.fine_min is not None else None,
            "fine_max": str(c.fine_max) if c.fine_max is not None else None,
            "steps": [{"state": s.state, "on": s.on.isoformat(), "clerk": s.clerk, "note": s.note,
                       "document": s.document} for s in self.steps],
        }


@dataclass(frozen=True)
class StepInput:
    """What the clerk enters for a step (the date defaults to today)."""

    on: Any = None
    note: str = ""
    document: str = ""
    attachment: str | os.PathLike[str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def view(counter: Counter, case: CaseRecord, uow: UnitOfWork | None = None, *, full: bool = False) -> CaseView:
    today = counter.today()
    steps: tuple[CaseEventRecord, ...] = ()
    complaints: tuple[ComplaintRecord, ...] = ()
    seen = ""
    if full and uow is not None:
        assert case.id is not None  # a stored case carries its id
        steps = tuple(uow.cases.events(case.id))
        complaints = tuple(uow.complaints.query(case_id=case.id))
        seen = _registration_seen(uow, case.uscc)
    return CaseView(case, rules.is_overdue(case.state, case.deadline, today), rules.days_left(case.deadline, today),
                    rules.next_states(case.state), steps, complaints, seen)


def _registration_seen(uow: UnitOfWork, uscc: str) -> str:
    employer = uow.employers.get(uscc)
    if employer is not None and employer.registered:
        return "管理中心数据显示该单位已办理缴存登记"
    for app in uow.applications.for_subject(uscc):
        if app.kind == establish_employer.SPEC.kind and app.status not in NOT_REGISTERING:
            return f"本站已受理该单位的建制申请（{app.receipt_number}）"
    return ""


def open_case(counter: Counter, uscc: Any, investigated_on: Any, record: Any, *, document: Any = "",
              attachment: str | os.PathLike[str] | None = None) -> Checked[CaseView]:
    """Open a case with its investigation (调查笔录: date, summary, record number)."""
    code = check_uscc(uscc)
    on, bad_day = parse_day(investigated_on if investigated_on is not None else counter.today(), "on", "调查日期")
    problems = list(code.errors) + ([bad_day] if bad_day else [])
    problems += hidden_problems({"record": "调查笔录", "document": "文书编号"}, {"record": record, "document": document})
    if problems:
        return Checked(value=None, errors=tuple(problems))
    assert on is not None and code.value is not None  # no problems: both parsed
    uscc_code = code.value
    step = Step(rules.INVESTIGATED, on, counter.clerk, text(record), text(document))
    problems = rules.check_opening(step, counter.today())
    with counter.store.unit_of_work(write=True) as uow:
        employer = uow.employers.get(uscc_code)
        if employer is None:
            problems.append(FieldError("uscc", "本站数据中没有该单位，请先同步管理中心数据或核对统一社会信用代码"))
        elif employer.registered:
            problems.append(FieldError("uscc", f"{employer.name}已办理住房公积金缴存登记，无需立案"))
        for other in uow.cases.query(uscc=uscc_code, open_only=True):
            problems.append(FieldError("uscc", f"该单位已有未结案的执法案件 {other.case_no}"))
        if problems or employer is None:
            return Checked(value=None, errors=tuple(problems))
        case_no = uow.receipts.next_number(counter.station_code, CASE_PREFIX, counter.today())
        path = _keep(counter, case_no, attachment)
        now = counter.now()
        case = uow.cases.add(
            CaseRecord(case_no=case_no, uscc=uscc_code, employer_name=employer.name, state=rules.INVESTIGATED,
                       clerk=counter.clerk, opened_on=on, last_on=on, created_at=now, updated_at=now),
            CaseEventRecord(step.state, step.on, step.clerk, step.note, step.document, path, at=now))
        audit.record(counter, "case", case_no, {"state": step.state, "uscc": uscc_code}, uow=uow)
        _send(counter, uow, case)
        uow.commit()
        return Checked(value=view(counter, case, uow, full=True))


def _keep(counter: Counter, case_no: str, attachment: str | os.PathLike[str] | None) -> str | None:
    """Copy a scanned paper into the case's folder; its kept path."""
    if not attachment:
        return None
    source = Path(attachment)
    folder = counter.data_dir / "cases" / case_no
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{counter.now():%Y%m%d%H%M%S}-{source.name}"
    shutil.copyfile(source, target)
    return str(target)


def advance(counter: Counter, case_no: str, state: str, step: StepInput = StepInput(),
            out: str | os.PathLike[str] | None = None) -> Checked[CaseView]:
    """Record the next step of a case: ``notice_issued`` prints the notice (to ``out``), a
    ``closed`` after a referral may carry the fine decided (``extra={"fine": "20000"}``)."""
    number = text(case_no).upper()
    with counter.store.unit_of_work() as uow:
        case = uow.cases.get(number)
    if case is None:
        return Checked.fail("case_no", f"没有编号为 {number} 的执法案件")
    on, bad_day = parse_day(step.on if step.on is not None else counter.today(), "on", "日期")
    if bad_day:
        return Checked(value=None, errors=(bad_day,))
    hidden = hidden_problems({"note": "说明", "document": "文书编号"}, {"note": step.note, "document": step.document})
    if hidden:
        return Checked(value=None, errors=tuple(hidden))
    wanted = Step(state, on, counter.clerk, text(step.note), text(step.document))  # type: ignore[arg-type]
    if state == rules.NOTICE_ISSUED and on != counter.today():
        return Checked.fail("on", "通知书在打印当天发出，日期只能是今天")
    problems = rules.check_step(CaseFacts(case.state, case.last_on, case.deadline), wanted, counter.today())
    data, changes = _step_data(case, wanted, step, problems)
    if problems:
        return Checked(value=None, errors=tuple(problems))
    path = None
    if state == rules.NOTICE_ISSUED:
        printed = _print_notice(counter, case, out)
        if isinstance(printed, FieldError):
            return Checked(value=None, errors=(printed,))
        path, notice_changes = printed
        changes.update(notice_changes)
        data.update({k: str(v) for k, v in notice_changes.items()})
        wanted = Step(state, on, counter.clerk, wanted.note, notice_changes["notice_number"] or "")  # type: ignore[arg-type]
    return _record(counter, case, wanted, data, changes, path or _keep(counter, case.case_no, step.attachment))


def _step_data(case: CaseRecord, step: Step, given: StepInput, problems: list[FieldError]
               ) -> tuple[dict[str, Any], dict[str, Any]]:
    """Facts a step adds to the case (referral: the printed fine range; closing: the fine decided)."""
    data: dict[str, Any] = {}
    changes: dict[str, Any] = {}
    if step.state == rules.REFERRED and case.fine_min is not None:
        data.update(fine_min=str(case.fine_min), fine_max=str(case.fine_max))
    if step.state == rules.CLOSED:
        changes["closed_on"] = step.on
        fine = given.extra.get("fine")
        if fine not in (None, ""):
            checked = parse_money(fine, field="fine", label="罚款金额")
            if not checked.ok or checked.value is None:
                problems.extend(checked.errors)
            elif case.state != rules.REFERRED:
                problems.append(FieldError("fine", "只有移送处罚的案件才能登记罚款金额"))
            else:
                problems.extend(rules.check_fine(checked.value, case.fine_min or Decimal(0), case.fine_max or Decimal(0)))
                data["fine"] = str(checked.value)
    return data, changes


def _print_notice(counter: Counter, case: CaseRecord, out: str | os.PathLike[str] | None
                  ) -> tuple[str, dict[str, Any]] | FieldError:
    try:
        printed = print_establishment_notice(counter, case.uscc, out, investigated_on=case.opened_on)
    except PrintRefused as refused:
        return FieldError(refused.field, refused.message)
    today = counter.today()
    n = counter.policy_on(today).notices  # the same version the notice was printed from
    return str(printed.path), {
        "notice_number": printed.number, "notice_on": today,
        "deadline": rules.notice_deadline(today, n.deadline_days), "fine_min": n.fine_min, "fine_max": n.fine_max,
    }


def _record(counter: Counter, case: CaseRecord, step: Step, data: dict[str, Any], changes: dict[str, Any],
            path: str | None) -> Checked[CaseView]:
    assert case.id is not None  # a stored case carries its id
    with counter.store.unit_of_work(write=True) as uow:
        current = uow.cases.get(case.case_no)
        if current is None or current.state != case.state:  # another counter moved it meanwhile
            moved = rules.state_label(current.state) if current is not None else "已删除"
            return Checked.fail("state", f"案件已由其他柜员变更为“{moved}”，请刷新后再试")
        uow.cases.add_event(case.id, CaseEventRecord(step.state, step.on, step.clerk, step.note, step.document, path,
                                                     data, at=counter.now()))
        updated = uow.cases.update(case.case_no, state=step.state, last_on=step.on, updated_at=counter.now(), **changes)
        audit.record(counter, "case", case.case_no, {"state": step.state, "on": step.on, **data}, uow=uow)
        _send(counter, uow, updated)
        uow.commit()
        return Checked(value=view(counter, updated, uow, full=True))


def _send(counter: Counter, uow: UnitOfWork, case: CaseRecord) -> None:
    """The case as it now is, with all its steps and notices, for the centre."""
    assert case.id is not None
    steps = [station_records.as_data(event) for event in uow.cases.events(case.id)]
    station_records.queue(counter, uow, station_records.ENFORCEMENT_CASE, case.case_no,
                          station_records.as_data(case, steps=steps))


def assign_case(counter: Counter, case_no: str, clerk: str) -> Checked[CaseView]:
    """Hand the case to another responsible clerk."""
    name = text(clerk).lower()
    with counter.store.unit_of_work(write=True) as uow:
        case = uow.cases.get(text(case_no).upper())
        if case is None:
            return Checked.fail("case_no", f"没有编号为 {case_no} 的执法案件")
        if uow.clerks.any() and uow.clerks.get(name) is None:
            return Checked.fail("clerk", f"没有用户名为 {name} 的柜员")
        updated = uow.cases.update(case.case_no, clerk=name or counter.clerk)
        audit.record(counter, "case", case.case_no, {"clerk": updated.clerk}, uow=uow)
        _send(counter, uow, updated)
        uow.commit()
        return Checked(value=view(counter, updated))


def get_case(counter: Counter, case_no: str) -> CaseView | None:
    with counter.store.unit_of_work() as uow:
        case = uow.cases.get(text(case_no).upper())
        return view(counter, case, uow, full=True) if case else None


def list_cases(counter: Counter, state: str | None = None, *, overdue_only: bool = False,
               open_only: bool = False, uscc: str | None = None) -> list[CaseView]:
    """Cases newest first; overdue ones (past the deadline, still waiting) are flagged."""
    with counter.store.unit_of_work() as uow:
        cases = uow.cases.query(state=state, uscc=uscc, open_only=open_only)
    views = [view(counter, c) for c in cases]
    return [v for v in views if v.overdue] if overdue_only else views


def export_dossier(counter: Counter, case_no: str, out: str | os.PathLike[str] | None = None) -> Checked[Path]:
    """The case's dossier (执法案卷) as PDF: facts, every step, documents, linked complaints."""

    found = get_case(counter, case_no)
    if found is None:
        return Checked.fail("case_no", f"没有编号为 {case_no} 的执法案件")
    c = found.case
    path = Path(out) if out else counter.data_dir / "cases" / c.case_no / f"{c.case_no}-dossier.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    pages = render_dossier(_dossier(counter, found), path)
    log_print(counter, "case_dossier", path, pages, subject=c.case_no)
    return Checked(value=path)


def _dossier(counter: Counter, found: CaseView) -> Any:

    c = found.case
    steps = tuple(DossierStep(rules.state_label(s.state), s.on, s.clerk, s.note, s.document,
                              Path(s.path).name if s.path else "") for s in found.steps)
    complaints = tuple(DossierComplaint(x.complaint_no, x.received_on, x.complainant, x.summary,
                                        "已办结" if x.status == "closed" else "办理中", x.result or "")
                       for x in found.complaints)
    return DossierData(
        centre_name=counter.policy_on().centre_name, station_name=counter.station_name, case_no=c.case_no,
        employer_name=c.employer_name, uscc=c.uscc, state=found.state_label, responsible=c.clerk,
        opened_on=c.opened_on, steps=steps, complaints=complaints, notice_number=c.notice_number or "",
        deadline=c.deadline, fine_min=c.fine_min, fine_max=c.fine_max, overdue=found.overdue,
        clerk=counter.clerk, printed_at=counter.local(counter.now()),
    )
