"""Post-loan work at the counter (贷后): a prepayment's two new schedules before submit, a loan's
repayment schedule printed, and the follow-up of overdue loans (list, contact log, reminders, 催收通知书)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from counter_app.domain.businesses import loan_settle as settle_b
from counter_app.domain.businesses import offset_cancel as offset_cancel_b
from counter_app.domain.businesses import offset_sign as offset_sign_b
from counter_app.domain.businesses import repay_deferral as repay_deferral_b
from counter_app.domain.businesses.loan_prepay import KIND as PREPAY
from counter_app.domain.businesses.loan_prepay import MODE_CODES, Mode, Prepayment, both_modes, months_left
from counter_app.domain.businesses.loan_settle import Payoff, add_months, last_due_date, payoff
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.money import format_money, money_str
from counter_app.domain.normalize import normalize_text, valid_text
from counter_app.domain.schedule import METHOD_CODES, Schedule, build_schedule
from counter_app.domain.status import LIVE_LOAN, loan_label
from counter_app.printing.collection_notice import (
    CollectionBatch,
    CollectionItem,
    CollectionResult,
    render_collection_notices,
)
from counter_app.printing.loan_schedule import ScheduleSheet, render_schedule
from counter_app.services import audit, station_records
from counter_app.services.business_rules.loan_prepay import loan_facts
from counter_app.services.counter import Counter
from counter_app.services.forms import check_form
from counter_app.services.printing import Printed, PrintRefused
from counter_app.store.records import CollectionContact, LoanRecord, PrintLogEntry


@dataclass
class PrepayPreview:
    """Both ways a prepayment can go (缩短期限, 减少月供), or why they cannot be shown yet."""

    options: tuple[Prepayment, ...] = ()
    loan: dict[str, Any] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)


@dataclass
class SettlePreview:
    """The payoff of the form's loan on the form's day (or why it cannot be shown yet)."""

    payoff: Payoff | None = None
    errors: list[FieldError] = field(default_factory=list)


def settle_preview(counter: Counter, form: Mapping[str, Any]) -> SettlePreview:
    """From the borrower, the contract and the day typed so far: what settles the loan that day."""
    preview = SettlePreview()
    checked = check_form(counter, settle_b.KIND, form)
    v = checked.values
    wanted = ("id_number", "loan_no", *(("settle_date",) if form.get("settle_date") else ()))  # blank day: today
    preview.errors = [e for e in checked.errors if e.field in wanted]
    if any(k not in v for k in ("id_number", "loan_no")):
        return preview
    on = date.fromisoformat(v["settle_date"]) if "settle_date" in v else counter.today()
    with counter.store.unit_of_work() as uow:
        loans = {loan.loan_no: loan for loan in uow.loans.for_person(v["id_number"])}
    loan = loans.get(str(v["loan_no"]).strip().upper())
    if loan is None or loan.status not in LIVE_LOAN:
        preview.errors.append(FieldError("loan_no", "未找到该借款人正在还款的这笔贷款"))
    elif on < loan.start_date:
        preview.errors.append(FieldError("settle_date", "结清日期早于放款日期"))
    else:
        preview.payoff = payoff(loan.outstanding, loan.annual_rate, last_due_date(loan.start_date, on), on)
    return preview


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


# --- overdue follow-up (逾期贷款催收) ------------------------------------------------------------

CONTACT_WAYS: dict[str, str] = {"phone": "电话", "visit": "上门", "sms": "短信", "letter": "信函"}


@dataclass(frozen=True)
class OverdueRow:
    """One overdue loan in the station's follow-up list."""

    loan: LoanRecord
    name: str
    mobile: str
    township: str
    days_overdue: int
    last_contact: CollectionContact | None

    def as_dict(self) -> dict[str, Any]:
        contact = self.last_contact
        return {
            "loan_no": self.loan.loan_no, "name": self.name, "id_number": audit.masked(self.loan.id_number),
            "mobile": self.mobile, "township": self.township, "arrears_months": self.loan.arrears_months,
            "arrears_amount": money_str(self.loan.arrears_amount), "days_overdue": self.days_overdue,
            "overdue_since": self.loan.overdue_since.isoformat() if self.loan.overdue_since else None,
            "last_contact": None if contact is None else {
                "day": contact.day.isoformat(), "way": contact.way, "result": contact.result,
                "promised_date": contact.promised_date.isoformat() if contact.promised_date else None},
        }


def _station_townships(counter: Counter) -> frozenset[str]:
    for station in counter.policy_on().stations:
        if station.code == counter.station_code:
            return frozenset(station.townships)
    return frozenset()


def overdue_loans(counter: Counter, *, whole_district: bool = False) -> list[OverdueRow]:
    """The overdue loans of the station's townships (all the store holds with ``whole_district``, or when
    the station's townships are unknown), longest overdue first."""
    townships = frozenset() if whole_district else _station_townships(counter)
    today = counter.today()
    rows = []
    with counter.store.unit_of_work() as uow:
        for loan in uow.loans.overdue():
            worker = uow.workers.get(loan.id_number)
            township = (worker.township if worker else None) or ""
            if townships and township not in townships:
                continue
            contacts = uow.loans.contacts(loan.loan_no)
            since = loan.overdue_since or today
            rows.append(OverdueRow(loan, worker.name if worker else "", (worker.mobile if worker else None) or "",
                                   township, max(0, (today - since).days), contacts[0] if contacts else None))
    return rows


def log_contact(counter: Counter, loan_no: str, way: str, result: str, promised_date: Any = None,
                day: Any = None) -> Checked[CollectionContact]:
    """Record one contact about an overdue loan; a promised date becomes a reminder on that day."""
    key = valid_text(loan_no).strip().upper()
    errors: list[FieldError] = []
    if way not in CONTACT_WAYS:
        errors.append(FieldError("way", "联系方式应为：" + "、".join(f"{k}（{v}）" for k, v in CONTACT_WAYS.items())))
    text = normalize_text(result)
    if not text:
        errors.append(FieldError("result", "请填写联系结果"))
    when = _date_or(day, counter.today(), "day", "联系日期", errors)
    promised = _date_or(promised_date, None, "promised_date", "承诺还款日期", errors)
    if when is not None and when > counter.today():
        errors.append(FieldError("day", "联系日期不能晚于今天"))
    if promised is not None and when is not None and promised < when:
        errors.append(FieldError("promised_date", "承诺还款日期不能早于联系日期"))
    with counter.store.unit_of_work(write=True) as uow:
        loan = uow.loans.get(key)
        if loan is None:
            errors.append(FieldError("loan_no", f"本站没有贷款合同编号为 {key} 的贷款"))
        if errors or when is None or loan is None:
            return Checked(value=None, errors=tuple(errors))
        saved = uow.loans.add_contact(CollectionContact(
            loan_no=key, day=when, way=way, result=text, promised_date=promised, clerk=counter.clerk, at=counter.now()))
        audit.record(counter, "collection_contact", "", {"loan": key, "way": way, "subject": audit.masked(loan.id_number)},
                     uow=uow)
        station_records.queue(counter, uow, station_records.COLLECTION_CONTACT, f"{key}:{saved.id}",
                              station_records.as_data(saved))
        uow.commit()
    return Checked(value=saved)


def _date_or(raw: Any, default: date | None, key: str, label: str, errors: list[FieldError]) -> date | None:
    if raw in (None, ""):
        return default
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(normalize_text(raw))
    except ValueError:
        errors.append(FieldError(key, f"{label}应为有效日期，格式 YYYY-MM-DD"))
        return default


def loan_contacts(counter: Counter, loan_no: str) -> list[CollectionContact]:
    """A loan's contact log, newest first."""
    with counter.store.unit_of_work() as uow:
        return uow.loans.contacts(valid_text(loan_no).strip().upper())


def collection_reminders(counter: Counter) -> list[tuple[CollectionContact, LoanRecord]]:
    """Promises to pay that have come due on a loan still overdue: the dashboard's reminders."""
    with counter.store.unit_of_work() as uow:
        due = uow.loans.promises_due(counter.today())
        loans = {c.loan_no: uow.loans.get(c.loan_no) for c in due}
    return [(c, loan) for c in due if (loan := loans[c.loan_no]) is not None and loan.arrears_months > 0]


def collection_path(counter: Counter) -> Path:
    """Where a run of notices goes by default: the day's prints folder, named by the time."""
    folder = counter.data_dir / "prints" / counter.today().isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"collection-{counter.now():%H%M%S%f}.pdf"


def print_collection(
    counter: Counter, out: str | os.PathLike[str], *, loan_no: str | None = None,
    progress: Callable[[int, int], None] | None = None, should_cancel: Callable[[], bool] | None = None,
) -> CollectionResult:
    """催收通知书 for one overdue loan, or for every overdue loan of the station (streamed, with progress)."""
    if loan_no is not None:
        key = valid_text(loan_no).strip().upper()
        with counter.store.unit_of_work() as uow:
            loan = uow.loans.get(key)
            worker = uow.workers.get(loan.id_number) if loan else None
        if loan is None:
            raise PrintRefused("loan", f"本站没有贷款合同编号为 {key} 的贷款")
        if loan.arrears_months <= 0:
            raise PrintRefused("loan", "该贷款没有逾期款项，无需催收")
        pairs = [(loan, worker.name if worker else "")]
    else:
        pairs = [(row.loan, row.name) for row in overdue_loans(counter)]
    version = counter.policy_on()
    batch = CollectionBatch(centre_name=version.centre_name, station_name=counter.station_name,
                            station_phone=version.service_hotline, notice_date=counter.today())
    items = (CollectionItem(
        name=name, masked_id=audit.masked(loan.id_number), loan_no=loan.loan_no, start_date=loan.start_date,
        arrears_months=loan.arrears_months, arrears_amount=format_money(loan.arrears_amount),
        overdue_since=loan.overdue_since or counter.today(), next_due_date=loan.next_due_date,
    ) for loan, name in pairs)
    result = render_collection_notices(batch, items, out, total=len(pairs), progress=progress,
                                       should_cancel=should_cancel)
    if result.path is not None:
        with counter.store.unit_of_work(write=True) as uow:
            uow.print_log.add(PrintLogEntry(document="collection-notice", clerk=counter.clerk,
                                            subject=pairs[0][0].id_number if len(pairs) == 1 else None,
                                            pages=result.pages, path=str(result.path), at=counter.now()))
            audit.record(counter, "print", "", {"document": "collection-notice", "pages": result.pages,
                                                "loans": [loan.loan_no for loan, _ in pairs][:50]}, uow=uow)
            uow.commit()
    return result


# --- the loan card (贷款卡片) ---------------------------------------------------------------------

@dataclass(frozen=True)
class PlanRow:
    """One instalment of the card's plan: paid (to date, as contracted) or ahead (from today's balance)."""

    month: int
    due: date
    payment: Decimal
    principal: Decimal
    interest: Decimal
    remaining: Decimal
    paid: bool


@dataclass(frozen=True)
class LoanCard:
    """One loan on one screen: its facts, the plan to date and ahead, and the businesses that apply to it."""

    loan: LoanRecord
    borrower: str
    offset_in_force: bool
    months_left: int
    rows: tuple[PlanRow, ...]
    kinds: tuple[str, ...]  # post-loan businesses a clerk can start for it, in menu order


def loan_card(counter: Counter, loan_no: str) -> LoanCard:
    """``PrintRefused`` on ``loan`` for a contract this station does not hold."""
    key = valid_text(loan_no).strip().upper()
    with counter.store.unit_of_work() as uow:
        loan = uow.loans.get(key)
        worker = uow.workers.get(loan.id_number) if loan else None
        accounts = uow.accounts.for_person(loan.id_number) if loan else []
    if loan is None:
        raise PrintRefused("loan", f"本站没有贷款合同编号为 {key} 的贷款")
    method = METHOD_CODES.get(loan.method, "annuity")
    today = counter.today()
    due = last_due_date(loan.start_date, today) if today >= loan.start_date else loan.start_date
    live = loan.status in LIVE_LOAN and loan.outstanding > 0
    left = months_left(loan.start_date, loan.months, due) if live else 0
    paid = loan.months - left if live else loan.months
    contracted = build_schedule(loan.principal, loan.annual_rate, loan.months, method)
    rows = [PlanRow(r.month, add_months(loan.start_date, r.month), r.payment, r.principal, r.interest, r.remaining, True)
            for r in contracted.rows[:paid]]
    if live and left:
        ahead = build_schedule(loan.outstanding, loan.annual_rate, left, method)
        rows += [PlanRow(paid + r.month, add_months(loan.start_date, paid + r.month), r.payment, r.principal, r.interest,
                         r.remaining, False) for r in ahead.rows]
    offset = any(a.offset_agreement for a in accounts)
    kinds: tuple[str, ...] = ()
    if live:
        kinds = (settle_b.KIND,) + ((PREPAY,) if left >= 2 and not loan.arrears_months else ()) + (
            (offset_cancel_b.KIND,) if offset else (offset_sign_b.KIND,)) + (repay_deferral_b.KIND,)
    return LoanCard(loan, worker.name if worker else "", offset, left, tuple(rows), kinds)
