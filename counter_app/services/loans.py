"""Loan intake preview (贷款受理试算): limit with its binding constraint, both repayment schedules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from counter_app.domain.errors import FieldError
from counter_app.domain.loan_limit import LoanLimit
from counter_app.domain.schedule import Schedule, build_schedule
from counter_app.services import rules
from counter_app.services.counter import Counter
from counter_app.services.forms import check_form

_NEEDED = ("id_number", "borrower_category", "monthly_income", "house_price", "months")


@dataclass
class LoanPreview:
    limit: LoanLimit | None = None
    rate: Decimal | None = None
    schedules: dict[str, Schedule] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)


def loan_preview(counter: Counter, form: Mapping[str, Any]) -> LoanPreview:
    """What the applicant could borrow and repay, from whatever of the form is filled in so far."""
    preview = LoanPreview()
    checked = check_form(counter, "loan", form)
    v = checked.values
    preview.errors = [e for e in checked.errors if e.field in _NEEDED]
    if any(k not in v for k in _NEEDED):
        return preview
    version = counter.policy_on()
    second_home = bool(v.get("second_home", False))
    months = int(v["months"])
    preview.rate = version.loan.rate(second_home, months)
    with counter.store.unit_of_work() as uow:
        accounts = uow.accounts.for_person(v["id_number"])
    if not accounts:
        preview.errors.append(FieldError("id_number", "未找到该证件号码的住房公积金账户"))
        return preview
    account = rules.live_account(accounts)  # the same account the submit rule uses
    assert account is not None  # accounts is not empty
    balance = account.balance
    area = rules.station_area(version, counter.station_code)
    preview.limit = rules.loan_limit(version, v, balance=balance, second_home=second_home, area=area)
    principal = Decimal(v["amount"]) if "amount" in v else preview.limit.limit
    if principal > 0:
        preview.schedules = {m: build_schedule(principal, preview.rate, months, m) for m in ("annuity", "linear")}
    return preview
