"""Partial prepayment (部分提前还款): both modes and both methods against an independent reference."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from counter_app.domain.businesses import business
from counter_app.domain.businesses.loan_prepay import (
    SPEC,
    both_modes,
    comparison_table,
    cross_checks,
    months_left,
    prepay,
    receipt_lines,
)
from counter_app.domain.schedule import annuity_payment

D = Decimal


# --- an independent reference: exact fractions, integer half-up rounding, a linear search -------

def half_up(x: Fraction) -> Fraction:
    """To cents, half-up, for non-negative exact values."""
    cents, rest = divmod(x * 100, 1)
    return Fraction(int(cents) + (1 if rest >= Fraction(1, 2) else 0), 100)


def ref_payment(principal: Fraction, rate: Fraction, n: int) -> Fraction:
    r = rate / 1200
    if r == 0:
        return half_up(principal / n)
    g = (1 + r) ** n
    return half_up(principal * r * g / (g - 1))


def ref_schedule(principal: Fraction, rate: Fraction, n: int, method: str) -> list[tuple[Fraction, Fraction]]:
    """(payment, interest) per month, as DOMAIN.md states the rule: each month's interest is the
    remaining principal × r to the cent; the last month pays what remains."""
    r = rate / 1200
    fixed = ref_payment(principal, rate, n) if method == "annuity" else half_up(principal / n)
    rows, remaining = [], principal
    for month in range(1, n + 1):
        interest = half_up(remaining * r)
        last = month == n
        part = remaining if last else min(fixed if method == "linear" else fixed - interest, remaining)
        remaining -= part
        rows.append((part + interest, interest))
    return rows


def ref_prepay(balance: Fraction, rate: Fraction, n: int, amount: Fraction, mode: str, method: str) -> dict:
    before = ref_schedule(balance, rate, n, method)
    new = balance - amount
    months = n
    if mode == "shorten":
        if method == "annuity":
            old = ref_payment(balance, rate, n)
            months = next(k for k in range(1, n + 1) if ref_payment(new, rate, k) <= old)
        else:
            part = half_up(balance / n)
            months = min(n, max(1, -((-new) // part)))  # ceiling division
    after = ref_schedule(new, rate, months, method)
    return {
        "new_payment": after[0][0], "new_months": months,
        "interest_saved": sum(i for _, i in before) - sum(i for _, i in after),
        "payments": [p for p, _ in after],
    }


cases = st.tuples(
    st.decimals(min_value=D("1000.00"), max_value=D("1200000.00"), places=2),  # balance
    st.decimals(min_value=D("0"), max_value=D("5.5"), places=3),  # rate %
    st.integers(min_value=2, max_value=360),  # months left
    st.integers(min_value=1, max_value=9999),  # amount as a share of the balance, in 1/10000
    st.sampled_from(["shorten", "reduce"]),
    st.sampled_from(["annuity", "linear"]),
)


@settings(max_examples=300, deadline=None)
@given(cases)
def test_prepayment_agrees_with_an_independent_reference(case) -> None:
    balance, rate, n, share, mode, method = case
    amount = (balance * share / 10000).quantize(D("0.01"))
    assume(D("0") < amount < balance)
    got = prepay(balance, rate, n, amount, mode, method)
    ref = ref_prepay(Fraction(balance), Fraction(rate), n, Fraction(amount), mode, method)
    assert got.after.months == ref["new_months"]
    assert Fraction(got.after.monthly_payment) == ref["new_payment"]
    assert Fraction(got.interest_saved) == ref["interest_saved"]
    assert [Fraction(r.payment) for r in got.after.rows] == ref["payments"]


@settings(max_examples=300, deadline=None)
@given(cases)
@example((D("1000.00"), D("0.583"), 256, 1, "shorten", "annuity"))  # 0.10 off a 256-month loan: -0.11 "saved"
def test_the_new_schedule_repays_exactly_what_is_left(case) -> None:
    balance, rate, n, share, mode, method = case
    amount = (balance * share / 10000).quantize(D("0.01"))
    assume(D("0") < amount < balance)
    got = prepay(balance, rate, n, amount, mode, method)
    assert sum(r.principal for r in got.after.rows) == balance - amount
    assert got.after.rows[-1].remaining == 0
    assert got.after.total_payment == balance - amount + got.after.total_interest
    # Each month's interest is rounded half-up to cents in both schedules (at most half a cent
    # each way), so on a tiny prepayment the rounding can outweigh the true saving by up to a
    # cent per instalment of the old schedule; a real prepayment saves (below).
    assert got.interest_saved >= -D("0.01") * n
    if amount * rate / 1200 >= D("0.05"):  # a month's interest on the amount is at least five cents
        assert got.interest_saved > 0
    assert got.after.monthly_payment <= got.before.monthly_payment
    if mode == "reduce":
        assert got.after.months == n
    else:
        assert 1 <= got.after.months <= n


@settings(max_examples=200, deadline=None)
@given(cases)
def test_shortening_takes_the_fewest_months_that_keep_the_payment(case) -> None:
    balance, rate, n, share, _, _ = case
    amount = (balance * share / 10000).quantize(D("0.01"))
    assume(D("0") < amount < balance)
    got = prepay(balance, rate, n, amount, "shorten", "annuity")
    assert got.after.monthly_payment <= got.before.monthly_payment
    if got.after.months > 1:  # one month fewer would need more than the borrower pays now
        assert annuity_payment(balance - amount, rate, got.after.months - 1) > got.before.monthly_payment


def test_a_worked_example() -> None:
    # 310,000.00 left over 187 months at 2.85 %, 等额本息; 100,000.00 repaid early.
    shorten, reduce = both_modes(D("310000.00"), D("2.85"), 187, D("100000.00"), "annuity")
    assert shorten.before.monthly_payment == reduce.before.monthly_payment
    assert reduce.after.months == 187 and reduce.after.monthly_payment < reduce.before.monthly_payment
    assert shorten.after.months < 187 and shorten.interest_saved > reduce.interest_saved > 0
    data = shorten.as_dict()
    assert data["mode"] == "shorten" and data["new_balance"] == "210000.00" and data["old_months"] == 187
    assert len(data["rows"]) == data["new_months"] == shorten.after.months


def test_refusals() -> None:
    with pytest.raises(ValueError):
        prepay(D("1000"), D("3"), 12, D("1000"), "reduce", "annuity")  # that is a settlement
    with pytest.raises(ValueError):
        prepay(D("1000"), D("3"), 12, D("0"), "reduce", "annuity")
    with pytest.raises(ValueError):
        prepay(D("1000"), D("3"), 12, D("10"), "faster", "annuity")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        prepay(D("1000"), D("3"), 12, 10.0, "reduce", "annuity")  # type: ignore[arg-type]


def test_months_left_after_the_last_due_date() -> None:
    assert months_left(date(2022, 6, 1), 240, date(2026, 11, 1)) == 240 - 53
    assert months_left(date(2024, 1, 31), 12, date(2024, 2, 29)) == 11
    assert months_left(date(2024, 1, 31), 12, date(2024, 1, 31)) == 12
    assert months_left(date(2020, 1, 1), 12, date(2026, 1, 1)) == 0


def test_the_business_and_its_printed_comparison() -> None:
    assert business("loan-prepay") is SPEC and SPEC.field("mode").choices == (("1", "缩短期限"), ("2", "减少月供"))
    assert cross_checks({"amount": "100.00", "fund_amount": "100.01"}, [])[0].field == "fund_amount"
    table = comparison_table(both_modes(D("310000.00"), D("2.85"), 187, D("100000.00"), "annuity"), "reduce")
    assert [row[0] for row in table.rows] == ["当前", "缩短期限", "减少月供（选定）"]
    assert table.rows[0][1] == "310,000.00" and table.rows[1][1] == "210,000.00"
    fields = {"amount": "100000.00", "fund_amount": "20000.00", "mode": "1",
              "loan": {"balance": "310000.00", "rate": "2.85", "months_left": 187, "method": "01"}}
    lines = dict(receipt_lines(SPEC, fields))
    assert lines["还款来源"] == "提取公积金 20,000.00 元，现金（转账）80,000.00 元"
    assert "节省利息" in lines["还款后"]
