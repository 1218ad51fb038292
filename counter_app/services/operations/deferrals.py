"""Deferral follow-up (缓缴跟踪): the approved period, the affected workers, payback (补缴) instalments
and reminders of what falls due.

A deferral is tracked once the centre has approved it: from the station's approved deferral
application (its receipt number), or entered from the centre's approval letter. The affected
workers default to the employer's contributing accounts, each with its monthly contribution.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from counter_app.domain import payback
from counter_app.domain.businesses import deferral
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.ids import check_uscc
from counter_app.domain.status import AccountStatus, ApplicationStatus
from counter_app.services import audit, station_records
from counter_app.services.counter import Counter
from counter_app.services.operations._common import parse_day, text
from counter_app.store.records_operations import DeferralRecord, DeferralWorker, PaybackRecord
from counter_app.store.uow import UnitOfWork

NORMAL = AccountStatus.NORMAL


@dataclass(frozen=True)
class DeferralView:
    deferral: DeferralRecord
    workers: tuple[DeferralWorker, ...]
    plan: tuple[PaybackRecord, ...]
    reminders: tuple[payback.Reminder, ...]

    @property
    def paid(self) -> Decimal:
        return sum((p.amount for p in self.plan if p.paid_on), Decimal("0.00"))

    @property
    def outstanding(self) -> Decimal:
        return self.deferral.total - self.paid

    def as_dict(self) -> dict[str, Any]:
        d = self.deferral
        return {
            "id": d.id, "uscc": d.uscc, "employer_name": d.employer_name, "receipt_number": d.receipt_number,
            "from_month": d.from_month, "to_month": d.to_month, "approved_on": d.approved_on.isoformat(),
            "total": str(d.total), "paid": str(self.paid), "workers": len(self.workers),
            "plan": [{"seq": p.seq, "due_on": p.due_on.isoformat(), "amount": str(p.amount),
                      "paid_on": p.paid_on.isoformat() if p.paid_on else None} for p in self.plan],
        }


def _view(counter: Counter, uow: UnitOfWork, rec: DeferralRecord) -> DeferralView:
    assert rec.id is not None  # a stored deferral carries its id
    plan = tuple(uow.deferrals.plan(rec.id))
    due = payback.reminders([payback.Instalment(p.seq, p.due_on, p.amount, p.paid_on) for p in plan], counter.today())
    return DeferralView(rec, tuple(uow.deferrals.workers(rec.id)), plan, tuple(due))


def track_deferral(counter: Counter, *, receipt_number: str | None = None, uscc: Any = None, from_month: Any = None,
                   to_month: Any = None, approved_on: Any = None, instalments: Any = None,
                   workers: list[str] | None = None) -> Checked[DeferralView]:
    """Start following an approved deferral; ``workers`` (ID numbers) narrows the affected workers."""
    with counter.store.unit_of_work(write=True) as uow:
        found = _from_application(uow, receipt_number) if receipt_number else None
        if isinstance(found, FieldError):
            return Checked(value=None, errors=(found,))
        if found is not None:
            uscc, from_month, to_month = found["uscc"], found["from_month"], found["to_month"]
        code = check_uscc(uscc)
        uscc_code = code.value or ""  # used only when the code is valid
        problems: list[FieldError] = list(code.errors)
        months_max = counter.policy_on().notices.deferral_max_months
        problems += payback.check_period(text(from_month), text(to_month), months_max)
        day, bad = parse_day(approved_on or counter.today(), "approved_on", "核准日期")
        problems += [bad] if bad else []
        employer = uow.employers.get(uscc_code) if code.ok else None
        if code.ok and employer is None:
            problems.append(FieldError("uscc", "本站数据中没有该单位"))
        count = _instalments(instalments, months_max, problems)
        affected = _workers(uow, uscc_code, workers, problems) if employer else []
        if problems:
            return Checked(value=None, errors=tuple(problems))
        assert employer is not None and day is not None  # no problems: both were found
        months = payback.months_between(text(from_month), text(to_month))
        total = payback.deferred_amount([w.monthly for w in affected], months)
        plan = [PaybackRecord(i.seq, i.due_on, i.amount) for i in payback.schedule(total, text(to_month), count)]
        rec = uow.deferrals.add(DeferralRecord(
            uscc=uscc_code, employer_name=employer.name, from_month=text(from_month), to_month=text(to_month),
            approved_on=day, total=total, clerk=counter.clerk, receipt_number=receipt_number,
            created_at=counter.now()), affected, plan)
        audit.record(counter, "deferral_track", uscc_code, {"total": total, "workers": len(affected)}, uow=uow)
        view = _view(counter, uow, rec)
        _queue(counter, uow, view)
        uow.commit()
        return Checked(value=view)


def _queue(counter: Counter, uow: UnitOfWork, view: DeferralView) -> None:
    """The deferral as it now is (period, workers, plan with what was paid) for the centre."""
    d = view.deferral
    station_records.queue(counter, uow, station_records.DEFERRAL, f"{d.uscc}:{d.from_month}:{d.to_month}",
                          station_records.as_data(d, workers=[station_records.as_data(w) for w in view.workers],
                                                  plan=[station_records.as_data(p) for p in view.plan],
                                                  paid=view.paid, outstanding=view.outstanding))


def _from_application(uow: UnitOfWork, receipt_number: str) -> dict[str, Any] | FieldError:
    record = uow.applications.get_by_receipt(text(receipt_number).upper())
    if record is None or record.kind != deferral.KIND:
        return FieldError("receipt_number", f"本站没有受理编号为 {receipt_number} 的缓缴申请")
    if record.status != ApplicationStatus.APPROVED:
        return FieldError("receipt_number", "该缓缴申请尚未经管理中心核准，核准后才能跟踪")
    if any(d.receipt_number == record.receipt_number for d in uow.deferrals.query(uscc=record.subject_key)):
        return FieldError("receipt_number", "该缓缴申请已在跟踪中")
    return record.fields


def _instalments(value: Any, months_max: int, problems: list[FieldError]) -> int:
    if value in (None, ""):
        return 1
    try:
        count = int(text(value))
    except ValueError:
        count = 0
    if not 1 <= count <= months_max:
        problems.append(FieldError("instalments", f"补缴期数须为1至{months_max}之间的整数"))
    return count


def _workers(uow: UnitOfWork, uscc: str, chosen: list[str] | None, problems: list[FieldError]) -> list[DeferralWorker]:
    accounts = [a for a in uow.accounts.for_employer(uscc) if a.status == NORMAL]
    if chosen is not None:
        wanted = {text(c).upper() for c in chosen}
        unknown = wanted - {a.id_number for a in accounts}
        if unknown:
            problems.append(FieldError("workers", f"有{len(unknown)}名职工不是该单位正常缴存的职工"))
            return []
        accounts = [a for a in accounts if a.id_number in wanted]
    if not accounts:
        problems.append(FieldError("workers", "该单位没有正常缴存的职工，无需缓缴"))
    out = []
    for a in accounts:
        worker = uow.workers.get(a.id_number)
        out.append(DeferralWorker(a.id_number, worker.name if worker else "", a.monthly_contribution or Decimal("0.00")))
    return out


def mark_paid(counter: Counter, deferral_id: int, seq: int, paid_on: Any = None) -> Checked[DeferralView]:
    """An instalment has been paid back (补缴到账)."""
    day, bad = parse_day(paid_on or counter.today(), "paid_on", "补缴日期")
    if bad or day is None:
        return Checked(value=None, errors=(bad,) if bad else ())
    if day > counter.today():
        return Checked.fail("paid_on", "补缴日期不能晚于今天")
    with counter.store.unit_of_work(write=True) as uow:
        rec = uow.deferrals.get(deferral_id)
        if rec is None:
            return Checked.fail("deferral", "没有这笔缓缴")
        if not uow.deferrals.mark_paid(deferral_id, seq, day):
            return Checked.fail("seq", f"第{seq}期不存在或已登记补缴")
        audit.record(counter, "deferral_paid", rec.uscc, {"seq": seq, "paid_on": day}, uow=uow)
        view = _view(counter, uow, rec)
        _queue(counter, uow, view)
        uow.commit()
        return Checked(value=view)


def list_deferrals(counter: Counter, uscc: str | None = None) -> list[DeferralView]:
    with counter.store.unit_of_work() as uow:
        return [_view(counter, uow, r) for r in uow.deferrals.query(uscc=uscc)]


def payback_reminders(counter: Counter) -> list[tuple[DeferralRecord, payback.Reminder]]:
    """Every unpaid instalment due within the reminder window or overdue, soonest first."""
    found = [(v.deferral, r) for v in list_deferrals(counter) for r in v.reminders]
    return sorted(found, key=lambda pair: (pair[1].due_on, pair[0].uscc, pair[1].seq))


def due_between(counter: Counter, start: date, end: date) -> list[tuple[DeferralRecord, PaybackRecord]]:
    return [(v.deferral, p) for v in list_deferrals(counter) for p in v.plan if start <= p.due_on <= end]
