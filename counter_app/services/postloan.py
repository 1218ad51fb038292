"""Post-loan previews at the counter (贷后试算): a prepayment's two new schedules before submit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from counter_app.domain.businesses.loan_prepay import KIND as PREPAY
from counter_app.domain.businesses.loan_prepay import MODE_CODES, Mode, Prepayment, both_modes
from counter_app.domain.errors import FieldError
from counter_app.domain.schedule import METHOD_CODES
from counter_app.domain.status import LIVE_LOAN
from counter_app.services.business_rules.loan_prepay import loan_facts
from counter_app.services.counter import Counter
from counter_app.services.forms import check_form


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
