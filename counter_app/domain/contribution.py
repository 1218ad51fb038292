"""Monthly contribution (月缴存额): base × ratio for the worker's and the employer's share.

Regulation art. 16–18: the base is last year's average monthly wage, kept between the local floor
and the cap (3× the city's average wage); each ratio is a percentage within the city's bounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from counter_app.domain.errors import Checked
from counter_app.domain.money import CENT, FIELD_LABELS, money_str, parse_percent, to_cents

Clamp = Literal["floor", "cap"]


@dataclass(frozen=True)
class Contribution:
    """``clamped`` says whether the base was raised to the floor or lowered to the cap (else None)."""

    base_used: Decimal
    worker: Decimal
    employer: Decimal
    total: Decimal
    clamped: Clamp | None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "base_used": money_str(self.base_used),
            "worker": money_str(self.worker),
            "employer": money_str(self.employer),
            "total": money_str(self.total),
            "clamped": self.clamped,
        }


def _share(base: Decimal, ratio_pct: Decimal, round_to: Decimal) -> Decimal:
    # Some cities round each share to whole yuan (round_to=Decimal("1")); the result keeps cents form.
    return (base * ratio_pct / 100).quantize(round_to, rounding=ROUND_HALF_UP).quantize(CENT)


def monthly_contribution(
    base: Decimal,
    worker_ratio_pct: Decimal,
    employer_ratio_pct: Decimal,
    *,
    base_floor: Decimal,
    base_cap: Decimal,
    round_to: Decimal = CENT,
) -> Contribution:
    """Clamp the base into [floor, cap], then each share = base × ratio, rounded half-up."""
    if min(base, worker_ratio_pct, employer_ratio_pct, base_floor) < 0 or base_floor > base_cap:
        raise ValueError("contribution inputs must be non-negative and floor ≤ cap")
    base = to_cents(base)
    clamped: Clamp | None = None
    if base < base_floor:
        base, clamped = to_cents(base_floor), "floor"
    elif base > base_cap:
        base, clamped = to_cents(base_cap), "cap"
    worker = _share(base, worker_ratio_pct, round_to)
    employer = _share(base, employer_ratio_pct, round_to)
    return Contribution(base, worker, employer, worker + employer, clamped)


def check_ratio(
    value: object, *, field: str, minimum: Decimal | int | str, maximum: Decimal | int | str
) -> Checked[Decimal]:
    """Read a contribution ratio ("12", "12%", "１２"): e.g. 个人缴存比例应在5%至12%之间."""
    label = FIELD_LABELS.get(field, "缴存比例")
    return parse_percent(value, field=field, minimum=minimum, maximum=maximum, label=label)
