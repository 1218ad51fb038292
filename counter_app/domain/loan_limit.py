"""The loan limit (贷款额度): the smallest of four constraints, and which one binds; and which
area's category cap applies (where the borrower works, as the city's report classes borrowers)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from counter_app.domain.errors import FieldError
from counter_app.domain.money import CENT, floor_cents, money_str
from counter_app.domain.policy_schema import District, LoanPolicy
from counter_app.domain.schedule import principal_for_payment

CONSTRAINT_KEYS = ("category_cap", "balance_multiple", "repayment_capacity", "loan_to_value")
# What a clerk reads next to each constraint.
CONSTRAINT_LABELS: dict[str, str] = {
    "category_cap": "类别最高额度",
    "balance_multiple": "账户余额倍数",
    "repayment_capacity": "还款能力",
    "loan_to_value": "房价贷款成数",
}


@dataclass(frozen=True)
class LoanLimit:
    """``limit`` is the smallest constraint rounded down; ``binding`` names the constraint that set it."""

    limit: Decimal
    binding: str
    constraints: dict[str, Decimal]

    def as_dict(self) -> dict[str, object]:
        """The ``calc loan-limit --json`` shape of DESIGN.md, money as strings."""
        return {
            "limit": money_str(self.limit),
            "binding": self.binding,
            "constraints": {key: money_str(self.constraints[key]) for key in CONSTRAINT_KEYS},
        }


def _percent_of(amount: Decimal, pct: Decimal) -> Decimal:
    return amount * pct / 100


def compute_loan_limit(
    *,
    category_cap: Decimal,
    balance: Decimal,
    balance_multiple: Decimal,
    monthly_income: Decimal,
    monthly_debt: Decimal,
    max_repayment_ratio_pct: Decimal,
    annual_rate_pct: Decimal,
    months: int,
    house_price: Decimal,
    max_ltv_pct: Decimal,
    round_down_to: Decimal = CENT,
) -> LoanLimit:
    """Apply the four constraints of DOMAIN.md; the repayment capacity uses 等额本息 (conservative)."""
    values = {
        "category_cap": category_cap,
        "balance": balance,
        "balance_multiple": balance_multiple,
        "monthly_income": monthly_income,
        "monthly_debt": monthly_debt,
        "max_repayment_ratio_pct": max_repayment_ratio_pct,
        "annual_rate_pct": annual_rate_pct,
        "house_price": house_price,
        "max_ltv_pct": max_ltv_pct,
    }
    negative = [name for name, value in values.items() if value < 0]
    if negative:
        raise ValueError(f"negative loan-limit inputs: {', '.join(negative)}")
    if months < 1 or round_down_to <= 0:
        raise ValueError("months and round_down_to must be positive")
    affordable = max(Decimal(0), _percent_of(monthly_income, max_repayment_ratio_pct) - monthly_debt)
    constraints = {
        "category_cap": floor_cents(category_cap),
        "balance_multiple": floor_cents(balance * balance_multiple),
        "repayment_capacity": principal_for_payment(floor_cents(affordable), annual_rate_pct, months),
        "loan_to_value": floor_cents(_percent_of(house_price, max_ltv_pct)),
    }
    binding = min(CONSTRAINT_KEYS, key=constraints.__getitem__)  # ties: the first key wins
    steps = (constraints[binding] / round_down_to).to_integral_value(rounding=ROUND_FLOOR)
    limit = floor_cents(steps * round_down_to)
    return LoanLimit(limit=limit, binding=binding, constraints=constraints)


def cap_area(
    loan: LoanPolicy, districts: Mapping[str, District], category: str, work_district: str | None
) -> tuple[str, FieldError | None]:
    """The area ("district"/"county") whose cap applies to ``category``, by where the borrower works.

    The report classes borrowers by where they work ("非城市规划区域内工作的在编干部职工") and caps the
    rest by district or county ("其余缴存职工**区提高到**万元、各县**万元"). A category with one
    city-wide cap needs no area; otherwise an unknown workplace is an error naming ``work_district``.
    """
    chosen = loan.categories.get(category)
    if chosen is not None and chosen.cap is not None:
        return "district", None  # any area: the cap is the same
    if not work_district:
        label = chosen.label if chosen is not None else category
        return "district", FieldError("work_district", f"请选择工作单位所在区县：{label}的最高贷款额度区、县不同")
    place = districts.get(work_district)
    if place is None:
        return "district", FieldError("work_district", f"区县代码“{work_district}”不在本市政策中")
    return place.area, None
