"""Deferral follow-up: period checks, deferred amount, payback instalments and reminders."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.payback import (
    Instalment,
    check_period,
    deferred_amount,
    month_end,
    months_between,
    reminders,
    schedule,
)


def test_months_between_is_inclusive() -> None:
    assert months_between("2027-01", "2027-06") == 6
    assert months_between("2026-11", "2027-02") == 4
    assert months_between("2027-03", "2027-03") == 1


def test_period_checks_name_the_field() -> None:
    assert check_period("2027-01", "2027-12", 12) == []
    assert [p.field for p in check_period("2027-01", "2028-01", 12)] == ["to_month"]
    assert "13个月" in check_period("2027-01", "2028-01", 12)[0].message
    assert [p.field for p in check_period("2027-05", "2027-04", 12)] == ["to_month"]
    assert [p.field for p in check_period("2027-13", "x", 12)] == ["from_month", "to_month"]


def test_deferred_amount_is_monthly_contributions_times_months() -> None:
    assert deferred_amount([Decimal("1200.00"), Decimal("800.50")], 6) == Decimal("12003.00")
    assert deferred_amount([], 6) == Decimal("0.00")


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2),
       st.integers(1, 24), st.integers(2020, 2035), st.integers(1, 12))
def test_instalments_add_up_exactly_and_fall_at_month_ends(total: Decimal, n: int, year: int, month: int) -> None:
    plan = schedule(total, f"{year}-{month:02d}", n)
    assert len(plan) == n and [p.seq for p in plan] == list(range(1, n + 1))
    assert sum(p.amount for p in plan) == total
    assert len({p.amount for p in plan[:-1]}) <= 1 and all(p.amount >= 0 for p in plan)
    assert all(p.due_on == month_end(p.due_on.year, p.due_on.month) for p in plan)
    assert all((b.due_on.year * 12 + b.due_on.month) - (a.due_on.year * 12 + a.due_on.month) == 1
               for a, b in itertools.pairwise(plan))
    assert (plan[0].due_on.year * 12 + plan[0].due_on.month) - (year * 12 + month) == 1


def test_schedule_example_crosses_the_year() -> None:
    plan = schedule(Decimal("100.00"), "2027-11", 3)
    assert [(p.due_on, p.amount) for p in plan] == [
        (date(2027, 12, 31), Decimal("33.33")), (date(2028, 1, 31), Decimal("33.33")),
        (date(2028, 2, 29), Decimal("33.34"))]


@given(st.integers(-60, 60))
def test_reminders_for_unpaid_instalments_due_soon_or_overdue(offset: int) -> None:
    due = date(2027, 7, 31)
    today = due - timedelta(days=offset)
    plan = [Instalment(1, due, Decimal("10.00")), Instalment(2, due, Decimal("10.00"), paid_on=due)]
    found = reminders(plan, today, remind_days=7)
    if offset <= 7:
        assert [(r.seq, r.overdue, r.days) for r in found] == [(1, offset < 0, offset)]
    else:
        assert found == []
