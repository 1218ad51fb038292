"""Repayment schedules of a fund loan: equal instalment (等额本息) and equal principal (等额本金).

r = annual rate / 12 / 100. Every month's interest is the remaining principal × r rounded half-up
to cents; the last month absorbs the rounding so the principal repaid sums to P exactly and the
remaining principal ends at 0.00.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from typing import Any, Literal

from counter_app.domain.money import CENT, money_str, to_cents

Method = Literal["annuity", "linear"]
METHODS: tuple[Method, ...] = ("annuity", "linear")
# Repayment method codes of the data standard (DOMAIN.md): 01 等额本息, 02 等额本金.
METHOD_CODES: dict[str, Method] = {"01": "annuity", "02": "linear"}
METHOD_NAMES: dict[Method, str] = {"annuity": "等额本息", "linear": "等额本金"}

_ZERO = Decimal("0.00")
_MONTHLY_PCT = Decimal(1200)  # 12 months × 100 (percent)
_PRECISION = 40  # for the powers in the annuity formula: far beyond any cent


@dataclass(frozen=True, slots=True, init=False)
class ScheduleRow:
    """One month: what is paid, split into principal and interest, and what remains owed."""

    month: int
    payment: Decimal
    principal: Decimal
    interest: Decimal
    remaining: Decimal

    def __init__(self, month: int, payment: Decimal, principal: Decimal, interest: Decimal,
                 remaining: Decimal) -> None:
        # Hot path (360 rows a schedule): the slots' own setters skip the frozen __setattr__ and
        # cost a third of the generated __init__'s object.__setattr__ calls.
        s_month, s_payment, s_principal, s_interest, s_remaining = _ROW_SETTERS
        s_month(self, month)
        s_payment(self, payment)
        s_principal(self, principal)
        s_interest(self, interest)
        s_remaining(self, remaining)

    def as_dict(self) -> dict[str, Any]:
        return {
            "month": self.month,
            "payment": money_str(self.payment),
            "principal": money_str(self.principal),
            "interest": money_str(self.interest),
            "remaining": money_str(self.remaining),
        }


_ROW_SETTERS = tuple(getattr(ScheduleRow, name).__set__ for name in ScheduleRow.__slots__)


@dataclass(frozen=True, slots=True)
class Schedule:
    """A whole repayment plan; ``annual_rate`` is a percentage ("3.1" is 3.1%)."""

    method: Method
    principal: Decimal
    annual_rate: Decimal
    months: int
    rows: tuple[ScheduleRow, ...]

    @property
    def monthly_payment(self) -> Decimal:
        """The first month's payment (for 等额本金 the largest one)."""
        return self.rows[0].payment

    @property
    def total_interest(self) -> Decimal:
        return sum((row.interest for row in self.rows), _ZERO)

    @property
    def total_payment(self) -> Decimal:
        return sum((row.payment for row in self.rows), _ZERO)

    def as_dict(self) -> dict[str, Any]:
        """The ``calc schedule --json`` shape of DESIGN.md, money as strings."""
        return {
            "method": self.method,
            "monthly_payment": money_str(self.monthly_payment),
            "total_interest": money_str(self.total_interest),
            "total_payment": money_str(self.total_payment),
            "rows": [row.as_dict() for row in self.rows],
        }


def _check(principal: Decimal, annual_rate_pct: Decimal, months: int) -> None:
    if isinstance(principal, float) or isinstance(annual_rate_pct, float):
        raise TypeError("money and rates must be Decimal, not float")
    if principal < 0 or annual_rate_pct < 0:
        raise ValueError("principal and rate must not be negative")
    if months < 1:
        raise ValueError("a schedule needs at least one month")


def _annuity_factor(annual_rate_pct: Decimal, months: int) -> Decimal:
    """r(1+r)^n / ((1+r)^n − 1): the payment per yuan borrowed, at high precision."""
    with localcontext(prec=_PRECISION):
        r = Decimal(annual_rate_pct) / _MONTHLY_PCT
        if r == 0:
            return 1 / Decimal(months)
        growth = (1 + r) ** months
        return r * growth / (growth - 1)


def annuity_payment(principal: Decimal, annual_rate_pct: Decimal, months: int) -> Decimal:
    """The 等额本息 monthly payment P·r(1+r)^n/((1+r)^n−1), rounded half-up to cents."""
    _check(principal, annual_rate_pct, months)
    with localcontext(prec=_PRECISION):
        exact = Decimal(principal) * _annuity_factor(annual_rate_pct, months)
    return to_cents(exact)


def principal_for_payment(payment: Decimal, annual_rate_pct: Decimal, months: int) -> Decimal:
    """The largest 等额本息 principal whose exact payment fits ``payment``, floored to cents."""
    _check(payment, annual_rate_pct, months)
    if annual_rate_pct == 0:
        return to_cents(payment) * months  # exact: 1/n has no finite decimal form
    with localcontext(prec=_PRECISION):
        exact = Decimal(payment) / _annuity_factor(annual_rate_pct, months)
    return exact.quantize(CENT, rounding=ROUND_DOWN)


def build_schedule(principal: Decimal, annual_rate_pct: Decimal, months: int, method: Method) -> Schedule:
    """The month-by-month plan; rate 0 works (principal only)."""
    _check(principal, annual_rate_pct, months)
    if method not in METHODS:
        raise ValueError(f"unknown repayment method: {method!r}")
    principal = to_cents(principal)
    rate = Decimal(annual_rate_pct)
    if method == "annuity":
        fixed, linear = annuity_payment(principal, rate, months), False
    else:
        fixed, linear = (principal / months).quantize(CENT, rounding=ROUND_HALF_UP), True
    rows = []
    remaining = principal
    # Half-up context: remaining × pct / 1200 is exact or a repeating decimal at this precision,
    # so quantize sees the true value (no half-cent double rounding).
    with localcontext(prec=28, rounding=ROUND_HALF_UP):
        for month in range(1, months):
            interest = (remaining * rate / _MONTHLY_PCT).quantize(CENT)
            part = fixed if linear else fixed - interest
            if part > remaining:  # tiny loans can round the instalment up past what is owed
                part = remaining
            remaining -= part
            rows.append(ScheduleRow(month, part + interest, part, interest, remaining))
        interest = (remaining * rate / _MONTHLY_PCT).quantize(CENT)
        # The last month absorbs every cent of rounding.
        rows.append(ScheduleRow(months, remaining + interest, remaining, interest, _ZERO))
    return Schedule(method, principal, rate, months, tuple(rows))
