"""Complaints (投诉) from workers about employers: intake, link to a case, close within the deadline.

The reply is due ``notices.complaint_days`` working days after intake (policy in force that day).
The complainant's ID number is kept whole (it may be needed to reply) and shown masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from counter_app.domain import enforcement as rules
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.ids import check_mobile, check_resident_id, check_uscc, mask_id_number
from counter_app.domain.normalize import normalize_name
from counter_app.services import audit, station_records
from counter_app.services.counter import Counter
from counter_app.services.operations._common import hidden_problems, parse_day, text
from counter_app.store.records_operations import ComplaintRecord
from counter_app.store.uow import UnitOfWork

FORM_LABELS = {"complainant": "投诉人姓名", "summary": "投诉事项", "complainant_id": "投诉人证件号码",
               "contact": "联系电话", "uscc": "统一社会信用代码", "case_no": "案件编号", "received_on": "受理日期"}

COMPLAINT_PREFIX = "TS"  # complaint numbers: STATION-TS-YYYYMMDD-NNNN
SUMMARY_MAX = 1000


@dataclass(frozen=True)
class ComplaintView:
    complaint: ComplaintRecord
    case_no: str | None
    overdue: bool
    days_left: int

    @property
    def masked_id(self) -> str:
        value = self.complaint.complainant_id or ""
        return mask_id_number(value) if len(value) == 18 else value

    def as_dict(self) -> dict[str, Any]:
        c = self.complaint
        return {
            "complaint_no": c.complaint_no, "received_on": c.received_on.isoformat(), "due_on": c.due_on.isoformat(),
            "complainant": c.complainant, "complainant_id": self.masked_id, "uscc": c.uscc,
            "employer_name": c.employer_name, "case_no": self.case_no, "summary": c.summary, "status": c.status,
            "result": c.result, "closed_on": c.closed_on.isoformat() if c.closed_on else None, "overdue": self.overdue,
        }


def _view(counter: Counter, uow: UnitOfWork, rec: ComplaintRecord) -> ComplaintView:
    case = uow.cases.get_by_id(rec.case_id) if rec.case_id else None
    today = counter.today()
    return ComplaintView(rec, case.case_no if case else None, rules.complaint_overdue(rec.status, rec.due_on, today),
                         (rec.due_on - today).days)


def take_complaint(counter: Counter, form: dict[str, Any]) -> Checked[ComplaintView]:
    """Intake: ``complainant`` (name), ``summary``; optional ``complainant_id``, ``contact``,
    ``uscc`` (the employer complained about), ``case_no`` (an open case), ``received_on``."""
    problems: list[FieldError] = hidden_problems(FORM_LABELS, dict(form))
    name = normalize_name(form.get("complainant"))
    if not name:
        problems.append(FieldError("complainant", "请填写投诉人姓名"))
    summary = text(form.get("summary"))
    if not summary:
        problems.append(FieldError("summary", "请填写投诉事项"))
    elif len(summary) > SUMMARY_MAX:
        problems.append(FieldError("summary", f"投诉事项不能超过{SUMMARY_MAX}字"))
    id_number = _optional(form, "complainant_id",
                          lambda v: check_resident_id(v, field="complainant_id", today=counter.today()), problems)
    contact = _optional(form, "contact", lambda v: check_mobile(v, field="contact"), problems)
    uscc = _optional(form, "uscc", check_uscc, problems)
    received, bad = parse_day(form.get("received_on") or counter.today(), "received_on", "受理日期")
    if bad:
        problems.append(bad)
    elif received > counter.today():  # type: ignore[operator]
        problems.append(FieldError("received_on", "受理日期不能晚于今天"))
    with counter.store.unit_of_work(write=True) as uow:
        employer = uow.employers.get(uscc) if uscc else None
        case = _case_for(uow, text(form.get("case_no")).upper(), uscc, problems)
        if problems:
            return Checked(value=None, errors=tuple(problems))
        number = uow.receipts.next_number(counter.station_code, COMPLAINT_PREFIX, counter.today())
        days = counter.policy_on(received).notices.complaint_days
        rec = uow.complaints.add(ComplaintRecord(
            complaint_no=number, received_on=received, due_on=rules.complaint_due(received, days),  # type: ignore[arg-type]
            complainant=name, summary=summary, status=rules.COMPLAINT_OPEN, clerk=counter.clerk,
            complainant_id=id_number, contact=contact, uscc=uscc or (case.uscc if case else None),
            employer_name=employer.name if employer else (case.employer_name if case else None),
            case_id=case.id if case else None, created_at=counter.now()))
        audit.record(counter, "complaint", number, {"uscc": rec.uscc, "case_no": case.case_no if case else None}, uow=uow)
        _send(counter, uow, rec)
        uow.commit()
        return Checked(value=_view(counter, uow, rec))


def _optional(form: dict[str, Any], key: str, check: Any, problems: list[FieldError]) -> str | None:
    value = form.get(key)
    if value in (None, ""):
        return None
    checked = check(value)
    problems.extend(checked.errors)
    return checked.value if checked.ok else None


def _case_for(uow: UnitOfWork, case_no: str, uscc: str | None, problems: list[FieldError]) -> Any:
    if not case_no:
        return None
    case = uow.cases.get(case_no)
    if case is None:
        problems.append(FieldError("case_no", f"没有编号为 {case_no} 的执法案件"))
    elif uscc and case.uscc != uscc:
        problems.append(FieldError("case_no", "该执法案件不是所投诉单位的案件"))
    return case


def link_case(counter: Counter, complaint_no: str, case_no: str) -> Checked[ComplaintView]:
    """Attach a complaint to the enforcement case opened on its account."""
    with counter.store.unit_of_work(write=True) as uow:
        rec = uow.complaints.get(text(complaint_no).upper())
        if rec is None:
            return Checked.fail("complaint_no", f"没有编号为 {complaint_no} 的投诉")
        problems: list[FieldError] = []
        case = _case_for(uow, text(case_no).upper(), rec.uscc, problems)
        if case is None or problems:
            return Checked(value=None, errors=tuple(problems) or (FieldError("case_no", "请填写执法案件编号"),))
        rec = uow.complaints.update(rec.complaint_no, case_id=case.id, uscc=case.uscc,
                                    employer_name=rec.employer_name or case.employer_name)
        audit.record(counter, "complaint", rec.complaint_no, {"case_no": case.case_no}, uow=uow)
        _send(counter, uow, rec)
        uow.commit()
        return Checked(value=_view(counter, uow, rec))


def _send(counter: Counter, uow: UnitOfWork, rec: ComplaintRecord) -> None:
    """The complaint as it now is, for the centre (with its case number rather than the local id)."""
    case = uow.cases.get_by_id(rec.case_id) if rec.case_id is not None else None
    station_records.queue(counter, uow, station_records.COMPLAINT, rec.complaint_no,
                          station_records.as_data(rec, case_no=case.case_no if case else None))


def close_complaint(counter: Counter, complaint_no: str, result: Any, closed_on: Any = None) -> Checked[ComplaintView]:
    """Record the result and close; once only."""
    with counter.store.unit_of_work(write=True) as uow:
        rec = uow.complaints.get(text(complaint_no).upper())
        if rec is None:
            return Checked.fail("complaint_no", f"没有编号为 {complaint_no} 的投诉")
        day, bad = parse_day(closed_on or counter.today(), "closed_on", "办结日期")
        if bad:
            return Checked(value=None, errors=(bad,))
        hidden = hidden_problems({"result": "办理结果"}, {"result": result})
        if hidden:
            return Checked(value=None, errors=tuple(hidden))
        outcome = text(result)
        problems = rules.check_complaint_closing(rec.status, rec.received_on, day, outcome, counter.today())  # type: ignore[arg-type]
        if problems:
            return Checked(value=None, errors=tuple(problems))
        rec = uow.complaints.update(rec.complaint_no, status=rules.COMPLAINT_CLOSED, result=outcome, closed_on=day)
        audit.record(counter, "complaint", rec.complaint_no, {"closed_on": day, "late": day > rec.due_on}, uow=uow)  # type: ignore[operator]
        _send(counter, uow, rec)
        uow.commit()
        return Checked(value=_view(counter, uow, rec))


def list_complaints(counter: Counter, status: str | None = None, *, overdue_only: bool = False) -> list[ComplaintView]:
    with counter.store.unit_of_work() as uow:
        views = [_view(counter, uow, r) for r in uow.complaints.query(status=status)]
    return [v for v in views if v.overdue] if overdue_only else views


def get_complaint(counter: Counter, complaint_no: str) -> ComplaintView | None:
    with counter.store.unit_of_work() as uow:
        rec = uow.complaints.get(text(complaint_no).upper())
        return _view(counter, uow, rec) if rec else None


def open_count(counter: Counter) -> int:
    with counter.store.unit_of_work() as uow:
        return len(uow.complaints.query(status=rules.COMPLAINT_OPEN))
