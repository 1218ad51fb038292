"""Deferral (缓缴) follow-up: the deferred amount, the payback (补缴) instalments and their reminders.

An employer allowed to defer from ``from_month`` to ``to_month`` pays the deferred contributions
back after the deferral ends, in monthly instalments due on the last day of each month that
follows ``to_month``. Instalments are equal in cents; the last one absorbs the rounding so that
they add up to the deferred amount exactly.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal

from counter_app.domain.errors import FieldError

CENT = Decimal("0.01")
REMIND_DAYS = 7  # an instalment is announced this many days before it falls due


@dataclass(frozen=True)
class Instalment:
    seq: int
    due_on: date
    amount: Decimal
    paid_on: date | None = None


@dataclass(frozen=True)
class Reminder:
    """An unpaid instalment that is due soon or overdue."""

    seq: int
    due_on: date
    amount: Decimal
    overdue: bool
    days: int  # days until due (negative: days overdue)


def parse_month(text: str) -> tuple[int, int] | None:
    try:
        year, month = (int(part) for part in str(text).split("-"))
    except ValueError:
        return None
    return (year, month) if 1 <= month <= 12 and 1900 < year < 3000 else None


def months_between(from_month: str, to_month: str) -> int:
    """Months from ``from_month`` to ``to_month`` inclusive ("2027-01".."2027-06" → 6)."""
    (y1, m1), (y2, m2) = parse_month(from_month), parse_month(to_month)  # type: ignore[misc]
    return (y2 - y1) * 12 + (m2 - m1) + 1


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def check_period(from_month: str, to_month: str, max_months: int) -> list[FieldError]:
    """Well-formed months, in order, no longer than the policy allows."""
    problems: list[FieldError] = []
    if parse_month(from_month) is None:
        problems.append(FieldError("from_month", "缓缴起始年月格式应为 YYYY-MM"))
    if parse_month(to_month) is None:
        problems.append(FieldError("to_month", "缓缴截止年月格式应为 YYYY-MM"))
    if problems:
        return problems
    span = months_between(from_month, to_month)
    if span < 1:
        problems.append(FieldError("to_month", "缓缴截止年月不能早于起始年月"))
    elif span > max_months:
        problems.append(FieldError("to_month", f"缓缴期限最长{max_months}个月（本次为{span}个月）"))
    return problems


def deferred_amount(monthly: Sequence[Decimal], months: int) -> Decimal:
    """What the employer owes at the end: every affected worker's monthly contribution × months."""
    return (sum(monthly, Decimal("0")) * months).quantize(CENT)


def schedule(total: Decimal, to_month: str, instalments: int) -> list[Instalment]:
    """``instalments`` monthly payments of ``total``, due at the ends of the months after ``to_month``."""
    if instalments < 1:
        raise ValueError("at least one instalment")
    year, month = parse_month(to_month)  # type: ignore[misc]
    share = (total / instalments).quantize(CENT, rounding=ROUND_DOWN)
    out = []
    for seq in range(1, instalments + 1):
        month += 1
        if month > 12:
            year, month = year + 1, 1
        amount = share if seq < instalments else total - share * (instalments - 1)
        out.append(Instalment(seq, month_end(year, month), amount))
    return out


def reminders(plan: Sequence[Instalment], today: date, remind_days: int = REMIND_DAYS) -> list[Reminder]:
    """Unpaid instalments already overdue or due within ``remind_days`` days, soonest first."""
    out = []
    for item in plan:
        if item.paid_on is not None:
            continue
        days = (item.due_on - today).days
        if days <= remind_days:
            out.append(Reminder(item.seq, item.due_on, item.amount, overdue=days < 0, days=days))
    return sorted(out, key=lambda r: (r.due_on, r.seq))
