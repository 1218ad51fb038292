"""Money: cents rounding, clerk input parsing, display forms and PBoC amounts in capitals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.money import (
    CENT,
    format_money,
    money_str,
    parse_capitals,
    parse_money,
    parse_percent,
    percent_str,
    to_capitals,
    to_cents,
)

cents_amounts = st.integers(min_value=1, max_value=99_999_999_999_999).map(lambda c: Decimal(c) / 100)


# ------------------------------------------------------------------------------------------ to_cents

@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.005", "1.01"),  # half-up, not banker's rounding
        ("1.004", "1.00"),
        ("2.675", "2.68"),
        (Decimal("0.125"), "0.13"),
        (7, "7.00"),
        ("-1.005", "-1.01"),
        ("-0.001", "0.00"),  # never "-0.00"
    ],
)
def test_to_cents_rounds_half_up(raw, expected):
    assert str(to_cents(raw)) == expected


def test_to_cents_refuses_float_and_garbage():
    with pytest.raises(TypeError):
        to_cents(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        to_cents("abc")
    with pytest.raises(ValueError):
        to_cents(Decimal("NaN"))


@given(st.decimals(min_value=-10**12, max_value=10**12, allow_nan=False, allow_infinity=False))
def test_to_cents_is_idempotent_and_within_half_a_cent(d):
    once = to_cents(d)
    assert to_cents(once) == once
    assert once.as_tuple().exponent == -2
    assert abs(once - d) <= CENT / 2


# --------------------------------------------------------------------------------------- parse_money

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234.5", "1234.50"),
        ("１２３", "123.00"),
        ("¥1234", "1234.00"),
        ("￥1,234.56", "1234.56"),
        ("1234元", "1234.00"),
        ("人民币 100 元", "100.00"),
        (" 12 345 . 60 ", "12345.60"),
        ("１，２３４．５", "1234.50"),
        ("1.230", "1.23"),  # trailing zeros are not extra decimals
        (".5", "0.50"),
        ("1000000000000", "1000000000000.00"),
    ],
)
def test_parse_money_accepts_what_clerks_type(text, expected):
    checked = parse_money(text)
    assert checked.ok, checked.errors
    assert str(checked.value) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1.234", "金额最多两位小数"),
        ("-5", "金额不能为负数"),
        ("－5", "金额不能为负数"),
        ("¥-5", "金额不能为负数"),
        ("abc", "金额不是有效的数字"),
        ("1e5", "金额不是有效的数字"),
        ("1,5", "金额不是有效的数字"),  # a decimal comma must not become fifteen
        ("12,34,567", "金额不是有效的数字"),
        ("1.2.3", "金额不是有效的数字"),
        ("", "请填写金额"),
        ("0", "金额必须大于0"),
        ("1000000000000.01", "金额超出合理范围（不能超过1万亿元）"),
    ],
)
def test_parse_money_refuses_with_chinese_message(text, message):
    checked = parse_money(text)
    assert not checked.ok and checked.value is None
    assert [(e.field, e.message) for e in checked.errors] == [("amount", message)]


def test_parse_money_names_the_field():
    checked = parse_money("12.345", field="house_price")
    assert checked.errors[0].field == "house_price"
    assert checked.errors[0].message == "房屋总价最多两位小数"
    assert parse_money("x", field="fee", label="手续费").errors[0].message == "手续费不是有效的数字"


def test_parse_money_reads_json_numbers_and_decimals():
    assert parse_money(1234.5).value == Decimal("1234.50")  # as written in a JSON file
    assert parse_money(0.1).value == Decimal("0.10")
    assert parse_money(Decimal("1E+3")).value == Decimal("1000.00")
    assert parse_money(12).value == Decimal("12.00")
    assert parse_money(1.005).errors[0].message == "金额最多两位小数"
    assert parse_money(None).errors[0].message == "请填写金额"


def test_parse_money_allow_zero():
    assert parse_money("0", field="monthly_debt", allow_zero=True).value == Decimal("0.00")
    assert parse_money("-0", allow_zero=True).value == Decimal("0.00")


@given(cents_amounts)
def test_display_forms_parse_back(amount):
    assert parse_money(format_money(amount)).value == amount
    assert parse_money(money_str(amount)).value == amount


def test_display_forms():
    assert format_money(Decimal("1234.5")) == "1,234.50"
    assert format_money(1234567) == "1,234,567.00"
    assert money_str(Decimal("4270.155")) == "4270.16"
    assert money_str(0) == "0.00"


# ------------------------------------------------------------------------------------ percentages

def test_parse_percent():
    assert parse_percent("3.1%", field="rate", minimum=0, maximum=100).value == Decimal("3.1")
    assert parse_percent("１２", field="rate", minimum=0, maximum=100).value == Decimal("12")
    bad = parse_percent("13", field="rate", minimum=0, maximum="12.5")
    assert bad.errors[0].message == "年利率应在0%至12.5%之间"
    assert parse_percent("abc", field="rate", minimum=0, maximum=1).errors[0].message == "年利率不是有效的百分比"
    assert percent_str(Decimal("2.600")) == "2.6"
    assert percent_str(Decimal("12")) == "12"
    assert percent_str(Decimal("1E+1")) == "10"


# ---------------------------------------------------------------------------- amounts in capitals

CAPITALS = [
    # the examples of the PBoC rules for filling in bills, and of DOMAIN.md
    ("12345.67", "人民币壹万贰仟叁佰肆拾伍元陆角柒分"),
    ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),  # 角 is 0, 分 is not: 零 after 元
    ("325.04", "人民币叁佰贰拾伍元零肆分"),
    ("1409.50", "人民币壹仟肆佰零玖元伍角整"),  # a zero inside: one 零; 角 without 分 ends with 整
    ("6007.14", "人民币陆仟零柒元壹角肆分"),  # several zeros inside: still one 零
    ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),  # 元 digit 0, 角 not: 零 after 元
    ("107000.53", "人民币壹拾万柒仟元零伍角叁分"),  # zeros closing the 万 group before 仟: no 零
    # whole yuan, tens, group boundaries
    ("100", "人民币壹佰元整"),
    ("10", "人民币壹拾元整"),  # 壹拾, never a bare 拾
    ("15", "人民币壹拾伍元整"),
    ("110", "人民币壹佰壹拾元整"),
    ("1010", "人民币壹仟零壹拾元整"),
    ("100000.10", "人民币壹拾万元零壹角整"),
    ("1000000001", "人民币壹拾亿零壹元整"),  # zero run across the 万 group
    ("100010000", "人民币壹亿零壹万元整"),
    ("110000000", "人民币壹亿壹仟万元整"),
    ("1001000", "人民币壹佰万壹仟元整"),  # zeros ending the 万 group: not read
    ("10000", "人民币壹万元整"),
    ("20000.02", "人民币贰万元零贰分"),
    ("1000000000000", "人民币壹万亿元整"),
    ("999999999999.99", "人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    # under one yuan: start at 角/分, no leading 零 and no 元
    ("0.5", "人民币伍角整"),
    ("0.05", "人民币伍分"),
    ("0.55", "人民币伍角伍分"),
    ("0.01", "人民币壹分"),
    ("0", "人民币零元整"),
    # cents: never 整 after 分
    ("1.01", "人民币壹元零壹分"),
    ("1.10", "人民币壹元壹角整"),
    ("10.10", "人民币壹拾元零壹角整"),
]


@pytest.mark.parametrize(("amount", "capitals"), CAPITALS)
def test_capitals_follow_pboc_rules(amount, capitals):
    assert to_capitals(Decimal(amount)) == capitals
    assert parse_capitals(capitals) == Decimal(amount)


def test_capitals_refuse_negative_and_float():
    with pytest.raises(ValueError):
        to_capitals(Decimal("-1"))
    with pytest.raises(TypeError):
        to_capitals(1.5)  # type: ignore[arg-type]


def test_parse_capitals_accepts_variants_and_refuses_junk():
    assert parse_capitals("人民币壹佰圆正") == Decimal("100.00")
    assert parse_capitals("壹拾万柒仟元零伍角叁分") == Decimal("107000.53")
    assert parse_capitals("人民币壹拾万零柒仟元伍角叁分") == Decimal("107000.53")  # the PBoC's other form
    assert parse_capitals("人民币伍角") == Decimal("0.50")
    for junk in ("", "人民币", "人民币一百元", "人民币壹佰元叁"):
        with pytest.raises(ValueError):
            parse_capitals(junk)


@given(cents_amounts)
def test_capitals_parse_back_exactly(amount):
    assert parse_capitals(to_capitals(amount)) == amount


@given(cents_amounts)
def test_capitals_shape(amount):
    text = to_capitals(amount)
    assert text.startswith("人民币")
    assert "零零" not in text
    assert not text.endswith("零") and "零元" not in text and "零万" not in text and "零亿" not in text
    assert text.endswith("分") != text.endswith("整")
    # every 拾 has its digit written in front of it (壹拾, not 拾)
    assert all(text[i - 1] in "壹贰叁肆伍陆柒捌玖" for i, ch in enumerate(text) if ch == "拾")
