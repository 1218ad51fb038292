"""Post-loan work at the counter (贷后): a prepayment's two new schedules before submit, a loan's
repayment schedule printed."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from counter_app.domain.businesses.loan_prepay import KIND as PREPAY
from counter_app.domain.businesses.loan_prepay import MODE_CODES, Mode, Prepayment, both_modes, months_left
from counter_app.domain.businesses.loan_settle import add_months, last_due_date
from counter_app.domain.errors import FieldError
from counter_app.domain.money import format_money
from counter_app.domain.normalize import valid_text
from counter_app.domain.schedule import METHOD_CODES, Schedule, build_schedule
from counter_app.domain.status import LIVE_LOAN, loan_label
from counter_app.printing.loan_schedule import ScheduleSheet, render_schedule
from counter_app.services import audit
from counter_app.services.business_rules.loan_prepay import loan_facts
from counter_app.services.counter import Counter
from counter_app.services.forms import check_form
from counter_app.services.printing import Printed, PrintRefused
from counter_app.store.records import LoanRecord, PrintLogEntry


@dataclass
class PrepayPreview:
    """Both ways a prepayment can go (缩短期限, 减少月供), or why they cannot be shown yet."""

    options: tuple[Prepayment, ...] = ()
    loan: dict[str, Any] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)


def prepay_mode(code: Any) -> Mode | None:
    """The mode a form's code names (``"1"`` 缩短期限, ``"2"`` 减少月供), None when not chosen yet."""
    return MODE_CODES.get(str(code)) if code is not None else None


def prepay_preview(counter: Counter, form: Mapping[str, Any]) -> PrepayPreview:
    """From whatever of the form is filled in: the borrower, the contract and the amount are enough."""
    preview = PrepayPreview()
    checked = check_form(counter, PREPAY, form)
    v = checked.values
    preview.errors = [e for e in checked.errors if e.field in ("id_number", "loan_no", "amount")]
    if any(k not in v for k in ("id_number", "loan_no", "amount")):
        return preview
    with counter.store.unit_of_work() as uow:
        loans = {loan.loan_no: loan for loan in uow.loans.for_person(v["id_number"])}
    loan = loans.get(str(v["loan_no"]).strip().upper())
    if loan is None or loan.status not in LIVE_LOAN:
        preview.errors.append(FieldError("loan_no", "未找到该借款人正在还款的这笔贷款"))
        return preview
    preview.loan = loan_facts(loan, counter.today())
    amount = Decimal(v["amount"])
    if preview.loan["months_left"] < 2 or amount >= loan.outstanding:
        preview.errors.append(FieldError("amount", "提前还款金额应少于剩余本金（全部还清请办理提前结清）"))
        return preview
    preview.options = both_modes(loan.outstanding, loan.annual_rate, preview.loan["months_left"], amount,
                                 METHOD_CODES.get(loan.method, "annuity"))
    return preview


def loan_schedule(counter: Counter, loan_no: str) -> tuple[LoanRecord, date, Schedule, tuple[date, ...]]:
    """A loan's plan ahead: the schedule from the balance after the last due date, with its due dates.
    ``PrintRefused`` (on ``loan``) for a contract this station does not hold or one already settled."""
    key = valid_text(loan_no).strip().upper()
    with counter.store.unit_of_work() as uow:
        loan = uow.loans.get(key)
    if loan is None:
        raise PrintRefused("loan", f"本站没有贷款合同编号为 {key} 的贷款")
    if loan.status not in LIVE_LOAN or loan.outstanding <= 0:
        raise PrintRefused("loan", f"该贷款{loan_label(loan.status)}，没有待还的还款计划")
    today = counter.today()
    due = last_due_date(loan.start_date, today) if today >= loan.start_date else loan.start_date
    left = max(1, months_left(loan.start_date, loan.months, due))
    schedule = build_schedule(loan.outstanding, loan.annual_rate, left, METHOD_CODES.get(loan.method, "annuity"))
    paid = loan.months - months_left(loan.start_date, loan.months, due)
    dates = tuple(add_months(loan.start_date, paid + n) for n in range(1, left + 1))
    return loan, due, schedule, dates


def print_schedule(counter: Counter, loan_no: str, out: str | os.PathLike[str] | None = None) -> Printed:
    """还款计划表 of one loan, logged like every print."""
    loan, due, schedule, dates = loan_schedule(counter, loan_no)
    with counter.store.unit_of_work() as uow:
        worker = uow.workers.get(loan.id_number)
    borrower = f"{worker.name if worker else ''} {audit.masked(loan.id_number)}".strip()
    path = Path(out) if out is not None else counter.data_dir / "prints" / counter.today().isoformat() / (
        f"schedule-{loan.loan_no}-{counter.now():%H%M%S%f}.pdf")
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet = ScheduleSheet(
        centre_name=counter.policy_on().centre_name, station_name=counter.station_name, loan_no=loan.loan_no,
        borrower=borrower, principal=format_money(loan.principal), start_date=loan.start_date,
        term_months=loan.months, status=loan_label(loan.status), last_due=due, schedule=schedule, due_dates=dates,
        clerk=counter.clerk, printed_at=counter.local(counter.now()),
    )
    pages = render_schedule(sheet, path)
    with counter.store.unit_of_work(write=True) as uow:
        uow.print_log.add(PrintLogEntry(document="loan-schedule", clerk=counter.clerk, subject=loan.id_number,
                                        pages=pages, path=str(path), at=counter.now()))
        audit.record(counter, "print", "", {"document": "loan-schedule", "pages": pages, "loan": loan.loan_no,
                                            "subject": audit.masked(loan.id_number)}, uow=uow)
        uow.commit()
    return Printed(path, pages)
