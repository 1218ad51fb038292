"""Monthly contribution: base clamped into [floor, cap], each share = base × ratio half-up."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.contribution import check_ratio, monthly_contribution

D = Decimal
BOUNDS = dict(base_floor=D(2000), base_cap=D(30_000))


def test_ordinary_base():
    c = monthly_contribution(D("6543.21"), D(12), D(12), **BOUNDS)
    # 6543.21 × 12% = 785.1852 → 785.19
    assert (c.base_used, c.worker, c.employer, c.total, c.clamped) == (
        D("6543.21"), D("785.19"), D("785.19"), D("1570.38"), None,
    )


def test_half_cent_rounds_up():
    c = monthly_contribution(D("3000.10"), D(10), D(5), **BOUNDS)  # 300.01 and 150.005
    assert (c.worker, c.employer) == (D("300.01"), D("150.01"))
    c = monthly_contribution(D("2000.50"), D(5), D(5), **BOUNDS)  # 100.025 → 100.03
    assert c.worker == D("100.03")


def test_base_clamped_to_floor_and_cap():
    low = monthly_contribution(D(1500), D(5), D(5), **BOUNDS)
    assert (low.base_used, low.worker, low.clamped) == (D("2000.00"), D("100.00"), "floor")
    high = monthly_contribution(D(45_000), D(12), D(12), **BOUNDS)
    assert (high.base_used, high.total, high.clamped) == (D("30000.00"), D("7200.00"), "cap")


def test_rounding_to_whole_yuan():
    c = monthly_contribution(D("6543.21"), D(12), D(8), round_to=D(1), **BOUNDS)
    assert (c.worker, c.employer, c.total) == (D("785.00"), D("523.00"), D("1308.00"))  # 785.19, 523.46
    assert c.as_dict() == {"base_used": "6543.21", "worker": "785.00", "employer": "523.00",
                           "total": "1308.00", "clamped": None}


def test_bad_bounds_refused():
    with pytest.raises(ValueError):
        monthly_contribution(D(5000), D(12), D(12), base_floor=D(3000), base_cap=D(2000))
    with pytest.raises(ValueError):
        monthly_contribution(D(-1), D(12), D(12), **BOUNDS)


@given(
    base=st.integers(min_value=0, max_value=10**7).map(lambda c: D(c) / 100),
    worker=st.integers(min_value=5, max_value=12).map(D),
    employer=st.integers(min_value=5, max_value=12).map(D),
)
def test_shares_within_half_a_cent_of_exact(base, worker, employer):
    c = monthly_contribution(base, worker, employer, **BOUNDS)
    assert BOUNDS["base_floor"] <= c.base_used <= BOUNDS["base_cap"]
    assert (c.clamped is None) == (c.base_used == base)
    assert abs(c.worker - c.base_used * worker / 100) <= D("0.005")
    assert abs(c.employer - c.base_used * employer / 100) <= D("0.005")
    assert c.total == c.worker + c.employer


@pytest.mark.parametrize(("raw", "expected"), [("12", "12"), ("12%", "12"), ("１２", "12"), (" 7.5 % ", "7.5")])
def test_check_ratio_accepts(raw, expected):
    checked = check_ratio(raw, field="worker_ratio", minimum=5, maximum=12)
    assert checked.ok and checked.value == D(expected)


@pytest.mark.parametrize(
    ("raw", "field", "message"),
    [
        ("4", "worker_ratio", "个人缴存比例应在5%至12%之间"),
        ("13%", "employer_ratio", "单位缴存比例应在5%至12%之间"),
        ("12.5", "ratio", "缴存比例应在5%至12%之间"),
        ("abc", "worker_ratio", "个人缴存比例不是有效的百分比"),
        ("", "worker_ratio", "请填写个人缴存比例"),
        ("-5", "worker_ratio", "个人缴存比例不是有效的百分比"),
    ],
)
def test_check_ratio_refuses(raw, field, message):
    checked = check_ratio(raw, field=field, minimum=5, maximum=12)
    assert [(e.field, e.message) for e in checked.errors] == [(field, message)]
