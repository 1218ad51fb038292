"""Early settlement (提前结清): the payoff to the day against an independent reference, and the form's checks."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.businesses import business
from counter_app.domain.businesses.loan_settle import (
    SPEC,
    accrued_interest,
    add_months,
    cross_checks,
    last_due_date,
    payoff,
    receipt_lines,
)
from counter_app.domain.schedule import build_schedule

D = Decimal
balances = st.decimals(min_value=D("0"), max_value=D("2000000"), places=2)
rates = st.decimals(min_value=D("0"), max_value=D("6"), places=3)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))


def reference_half_up(x: Fraction) -> Decimal:
    """Round a non-negative exact fraction half-up to cents, by integer arithmetic only."""
    cents, rest = divmod(x * 100, 1)
    return D(int(cents) + (1 if rest >= Fraction(1, 2) else 0)) / 100


def reference_interest(balance: Decimal, rate: Decimal, n_days: int) -> Decimal:
    return reference_half_up(Fraction(balance) * Fraction(rate) / 100 / 360 * n_days)


def reference_last_due(start: date, on: date) -> date:
    """Walk every month from the start; a 31st falls back to the month's last day."""
    best, k = start, 0
    while True:
        y, m = divmod(start.month - 1 + k, 12)
        year, month = start.year + y, m + 1
        due = date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
        if due > on:
            return best
        best, k = due, k + 1


@settings(max_examples=400)
@given(balances, rates, days, st.integers(min_value=0, max_value=400))
def test_interest_to_the_day_agrees_with_an_exact_reference(balance, rate, since, n_days) -> None:
    on = since + timedelta(days=n_days)
    assert accrued_interest(balance, rate, since, on) == reference_interest(balance, rate, n_days)


@settings(max_examples=300)
@given(days, st.integers(min_value=0, max_value=12000))
def test_last_due_date_agrees_with_walking_the_months(start, offset) -> None:
    on = start + timedelta(days=offset)
    due = last_due_date(start, on)
    assert due == reference_last_due(start, on)
    assert start <= due <= on


@settings(max_examples=400)
@given(balances, rates, days, st.integers(min_value=0, max_value=40))
def test_a_settlement_clears_the_balance_to_the_cent(balance, rate, last_due, n_days) -> None:
    due = payoff(balance, rate, last_due, last_due + timedelta(days=n_days))
    assert due.total - due.interest == balance  # the whole principal, nothing left owing
    assert due.total == balance + reference_interest(balance, rate, n_days)
    assert due.days == n_days and due.interest >= 0
    assert D(due.as_dict()["payoff"]) == due.total


@settings(max_examples=200)
@given(st.decimals(min_value=D("1000"), max_value=D("1500000"), places=2), rates,
       st.integers(min_value=2, max_value=360), st.sampled_from(["annuity", "linear"]))
def test_thirty_days_cost_exactly_one_month_of_the_schedule(principal, rate, months, method) -> None:
    """Day rate × 30 = month rate: settling on the next due date of a 30-day month pays that
    month's scheduled interest (the schedule is the independent reference here)."""
    row = build_schedule(principal, rate, months, method).rows[0]
    assert accrued_interest(principal, rate, date(2026, 4, 1), date(2026, 5, 1)) == row.interest


@given(balances, rates, days, st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=200))
def test_a_later_settlement_never_costs_less(balance, rate, since, a, b) -> None:
    early, late = sorted((a, b))
    assert (accrued_interest(balance, rate, since, since + timedelta(days=early))
            <= accrued_interest(balance, rate, since, since + timedelta(days=late)))


def test_a_worked_example() -> None:
    # 310,000.00 at 2.85 %, due on the 1st, settled on 2026-11-23: 22 days.
    due = payoff(D("310000.00"), D("2.85"), last_due_date(date(2022, 6, 1), date(2026, 11, 23)), date(2026, 11, 23))
    assert due.last_due == date(2026, 11, 1) and due.days == 22
    assert due.interest == D("539.92")  # 310000 × 0.0285 ÷ 360 × 22 = 539.9166…
    assert due.as_dict() == {"payoff": "310539.92", "principal": "310000.00", "interest": "539.92", "days": 22,
                             "last_due": "2026-11-01", "on": "2026-11-23"}


def test_month_ends_keep_their_day() -> None:
    start = date(2024, 1, 31)
    assert add_months(start, 1) == date(2024, 2, 29)
    assert add_months(start, 2) == date(2024, 3, 31)  # counted from the start, not from February
    assert last_due_date(start, date(2024, 3, 30)) == date(2024, 2, 29)
    assert last_due_date(start, date(2024, 1, 31)) == start
    with pytest.raises(ValueError):
        last_due_date(start, date(2024, 1, 30))


def test_floats_and_backward_days_are_refused() -> None:
    with pytest.raises(TypeError):
        accrued_interest(1000.0, D("3"), date(2026, 1, 1), date(2026, 1, 2))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        accrued_interest(D("1000"), D("3"), date(2026, 1, 2), date(2026, 1, 1))
    with pytest.raises(ValueError):
        accrued_interest(D("-1"), D("3"), date(2026, 1, 1), date(2026, 1, 2))


def test_the_business_is_registered_with_its_fields() -> None:
    assert business("loan-settle") is SPEC
    assert SPEC.keys == ("id_number", "loan_no", "settle_date", "amount", "fund_amount", "materials")
    assert SPEC.action_name == "action_loan_settle" and SPEC.amount_field == "amount"


def test_the_fund_part_cannot_exceed_the_payoff() -> None:
    errors = cross_checks({"amount": "1000.00", "fund_amount": "1000.01"}, [])
    assert [(e.field, e.message) for e in errors] == [("fund_amount", "提取公积金还款金额不能超过结清金额")]
    assert cross_checks({"amount": "1000.00", "fund_amount": "1000.00"}, []) == []
    assert cross_checks({"amount": "1000.00"}, []) == []


def test_the_receipt_splits_fund_and_cash() -> None:
    lines = receipt_lines(SPEC, {"amount": "310539.92", "fund_amount": "30000.00"})
    assert lines == (("还款来源", "提取公积金 30,000.00 元，现金（转账）280,539.92 元"),)
