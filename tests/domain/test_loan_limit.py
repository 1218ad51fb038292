"""Loan limit: the smallest of four constraints, the binding one named, rounding always down."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.loan_limit import CONSTRAINT_KEYS, compute_loan_limit
from counter_app.domain.schedule import annuity_payment, principal_for_payment

D = Decimal


def inputs(**overrides):
    base = dict(
        category_cap=D(600_000),
        balance=D(50_000),
        balance_multiple=D(15),
        monthly_income=D(10_000),
        monthly_debt=D(0),
        max_repayment_ratio_pct=D(50),
        annual_rate_pct=D("2.6"),
        months=360,
        house_price=D(1_000_000),
        max_ltv_pct=D(80),
    )
    base.update(overrides)
    return base


def test_each_constraint_by_hand():
    result = compute_loan_limit(**inputs())
    assert result.constraints["category_cap"] == D(600_000)
    assert result.constraints["balance_multiple"] == D(750_000)
    assert result.constraints["loan_to_value"] == D(800_000)
    # 10,000 × 50% = 5,000 a month at 2.6% over 30 years
    assert result.constraints["repayment_capacity"] == principal_for_payment(D(5000), D("2.6"), 360)
    assert result.constraints["repayment_capacity"] > D(1_200_000)
    assert (result.limit, result.binding) == (D(600_000), "category_cap")


@pytest.mark.parametrize(
    ("overrides", "binding"),
    [
        ({"balance": D(20_000)}, "balance_multiple"),
        ({"monthly_debt": D(4000)}, "repayment_capacity"),
        ({"monthly_income": D(1000)}, "repayment_capacity"),
        ({"house_price": D(500_000)}, "loan_to_value"),
        ({"max_ltv_pct": D(50), "house_price": D(1_100_000)}, "loan_to_value"),
    ],
)
def test_binding_names_the_smallest(overrides, binding):
    result = compute_loan_limit(**inputs(**overrides))
    assert result.binding == binding
    assert result.limit == min(result.constraints.values())


def test_debt_above_capacity_means_no_loan():
    result = compute_loan_limit(**inputs(monthly_debt=D(6000)))
    assert result.constraints["repayment_capacity"] == D("0.00")
    assert (result.limit, result.binding) == (D("0.00"), "repayment_capacity")


def test_ties_go_to_the_first_key():
    result = compute_loan_limit(**inputs(balance=D(40_000), category_cap=D(600_000)))  # 40,000 × 15
    assert result.constraints["balance_multiple"] == result.constraints["category_cap"]
    assert result.binding == "category_cap"


def test_round_down_to_a_policy_step():
    result = compute_loan_limit(**inputs(balance=D("33333.33"), round_down_to=D(1000)))
    assert result.constraints["balance_multiple"] == D("499999.95")
    assert result.limit == D("499000.00")
    assert result.binding == "balance_multiple"


def test_repayment_capacity_fits_the_affordable_payment():
    result = compute_loan_limit(**inputs(monthly_income=D("7777.77"), monthly_debt=D("123.45")))
    affordable = D("7777.77") * D(50) / 100 - D("123.45")
    assert annuity_payment(result.constraints["repayment_capacity"], D("2.6"), 360) <= affordable


def test_json_shape():
    data = compute_loan_limit(**inputs(balance=D("12345.67"))).as_dict()
    assert data == {
        "limit": "185185.05",
        "binding": "balance_multiple",
        "constraints": {
            "category_cap": "600000.00",
            "balance_multiple": "185185.05",
            "repayment_capacity": data["constraints"]["repayment_capacity"],
            "loan_to_value": "800000.00",
        },
    }
    assert list(data["constraints"]) == list(CONSTRAINT_KEYS)


@pytest.mark.parametrize("key", ["balance", "monthly_income", "monthly_debt", "house_price", "category_cap"])
def test_negative_inputs_are_refused(key):
    with pytest.raises(ValueError):
        compute_loan_limit(**inputs(**{key: D(-1)}))


money = st.integers(min_value=0, max_value=10**9).map(lambda c: D(c) / 100)


@given(
    cap=money,
    balance=money,
    multiple=st.integers(min_value=0, max_value=40).map(D),
    income=money,
    debt=money,
    ratio=st.integers(min_value=0, max_value=100).map(D),
    rate=st.integers(min_value=0, max_value=1000).map(lambda bp: D(bp) / 100),
    months=st.integers(min_value=1, max_value=360),
    price=money,
    ltv=st.integers(min_value=0, max_value=100).map(D),
    step=st.sampled_from([D("0.01"), D(1), D(100), D(1000), D(10_000)]),
)
def test_limit_is_the_min_and_binding_names_it(cap, balance, multiple, income, debt, ratio, rate, months,
                                               price, ltv, step):
    result = compute_loan_limit(
        category_cap=cap, balance=balance, balance_multiple=multiple, monthly_income=income,
        monthly_debt=debt, max_repayment_ratio_pct=ratio, annual_rate_pct=rate, months=months,
        house_price=price, max_ltv_pct=ltv, round_down_to=step,
    )
    smallest = min(result.constraints.values())
    assert set(result.constraints) == set(CONSTRAINT_KEYS)
    assert result.constraints[result.binding] == smallest
    assert CONSTRAINT_KEYS.index(result.binding) == min(
        i for i, key in enumerate(CONSTRAINT_KEYS) if result.constraints[key] == smallest
    )
    assert 0 <= result.limit <= smallest and smallest - result.limit < step
    assert (result.limit / step) == (result.limit / step).to_integral_value()
    assert result.constraints["loan_to_value"] <= price * ltv / 100
    assert result.constraints["balance_multiple"] <= balance * multiple


# --- which area's category cap applies (issue #18) -----------------------------------------------

from datetime import date as _date  # noqa: E402

from counter_app.domain.loan_limit import cap_area  # noqa: E402
from counter_app.domain.policy import default_policy  # noqa: E402

_V = default_policy().in_force(_date(2026, 10, 1))


def test_report_caps_by_where_the_borrower_works():
    """报告：“其余缴存职工**区提高到**万元、各县**万元”: the rest are capped by the district or county they
    work in (not the station's); talent and “非城市规划区域内工作的在编干部职工” have one cap each."""
    loan, districts = _V.loan, _V.districts
    assert cap_area(loan, districts, "general", "01") == ("district", None)  # 城关区
    assert cap_area(loan, districts, "general", "21") == ("county", None)  # 青山县
    assert loan.category_cap("general", cap_area(loan, districts, "general", "21")[0]) == D("600000")
    for category in ("talent", "outside_urban"):
        _area, problem = cap_area(loan, districts, category, None)
        assert problem is None and loan.category_cap(category, "district") == loan.category_cap(category, "county")


def test_an_unknown_workplace_is_asked_for():
    _area, problem = cap_area(_V.loan, _V.districts, "general", None)
    assert problem.field == "work_district" and "区、县不同" in problem.message
    assert cap_area(_V.loan, _V.districts, "general", "99")[1].field == "work_district"
