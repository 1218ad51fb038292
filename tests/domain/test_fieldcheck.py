"""Form checks per field kind (months, dates, yes/no, money, percentages, terms, choices, materials,
text) and across fields; normalised values are fixed points; junk never raises."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.catalog import BUSINESSES, FieldSpec, business
from counter_app.domain.fieldcheck import check_field, check_form, choice_options, is_blank
from counter_app.domain.ids import make_resident_id
from counter_app.domain.policy import default_policy

TODAY = date(2026, 11, 23)
V = default_policy().in_force(TODAY)
FULL_WIDTH = str.maketrans("0123456789-/.", "０１２３４５６７８９－／．")
MONTH = FieldSpec("start_month", "起缴年月", "month")
DAY = FieldSpec("event_date", "事件日期", "date")
YES_NO = FieldSpec("workers_consent", "职工同意", "bool")
MONEY = FieldSpec("amount", "提取金额（元）", "money")
DEBT = business("loan").field("monthly_debt")
RATIO = business("open-account").field("worker_ratio")
TERM = business("loan").field("months")
MATERIALS = business("withdrawal").field("materials")
ADDRESS = business("open-account").field("address")
REASON = business("deferral").field("reason")
ID = make_resident_id("620102", date(1990, 5, 15), 11)


def check(spec: FieldSpec, raw, **kw):
    return check_field(spec, raw, version=V, today=TODAY, **kw)


def value(spec: FieldSpec, raw):
    result = check(spec, raw)
    assert result.ok, result.errors
    return result.value


def error(spec: FieldSpec, raw) -> str:
    result = check(spec, raw)
    assert not result.ok and result.value is None
    assert [e.field for e in result.errors] == [spec.key]
    return result.errors[0].message


# --- months and dates -------------------------------------------------------------------------------

MONTH_FORMATS = ("{y}-{m:02d}", "{y}-{m}", "{y}/{m}", "{y}.{m:02d}", "{y}年{m}月", "{y}{m:02d}", " {y} - {m} ")


@given(st.integers(1900, 2200), st.integers(1, 12), st.sampled_from(MONTH_FORMATS), st.booleans())
def test_month_round_trip(year, month, fmt, wide):
    typed = fmt.format(y=year, m=month)
    typed = typed.translate(FULL_WIDTH) if wide else typed
    assert value(MONTH, typed) == f"{year:04d}-{month:02d}"
    assert value(MONTH, value(MONTH, typed)) == value(MONTH, typed)


@pytest.mark.parametrize("typed", ["2026-13", "2026-00", "1899-12", "2201-01", "26-11", "2026-11-01", "明年", "2026—11"])
def test_impossible_months_refused_with_the_format(typed):
    assert "2026-11" in error(MONTH, typed) and "起缴年月" in error(MONTH, typed)


DATE_FORMATS = ("{d:%Y-%m-%d}", "{d.year}-{d.month}-{d.day}", "{d.year}/{d.month}/{d.day}", "{d:%Y.%m.%d}",
                "{d.year}年{d.month}月{d.day}日", "{d:%Y%m%d}")


@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)), st.sampled_from(DATE_FORMATS), st.booleans())
def test_date_round_trip(day, fmt, wide):
    typed = fmt.format(d=day)
    typed = typed.translate(FULL_WIDTH) if wide else typed
    assert value(DAY, typed) == day.isoformat()
    assert value(DAY, day) == day.isoformat()  # a date object from a date widget


@pytest.mark.parametrize("typed", ["2026-02-29", "2026-11-31", "20261323", "2026-11", "昨天", "23/11/2026"])
def test_impossible_dates_refused(typed):
    assert "不是有效日期" in error(DAY, typed)


# --- yes/no ------------------------------------------------------------------------------------------------

YES = ("1", "true", "True", "YES", "y", "是", "有", "on", "ｙｅｓ")
NO = ("0", "false", "No", "n", "否", "无", "off", "ＯＦＦ")


@pytest.mark.parametrize("typed", YES)
def test_yes(typed):
    assert value(YES_NO, typed) is True


@pytest.mark.parametrize("typed", NO)
def test_no(typed):
    assert value(YES_NO, typed) is False


@given(st.booleans())
def test_bool_values_pass_through(flag):
    assert value(YES_NO, flag) is flag


@given(st.text(max_size=8))
def test_any_other_answer_asks_for_yes_or_no(text):
    folded = " ".join(__import__("unicodedata").normalize("NFKC", text).split()).lower()
    result = check(YES_NO, text)
    if folded in {t.lower() for t in YES} | {"true", "yes"}:
        assert result.value is True
    elif result.ok:
        assert result.value is False
    elif any(__import__("unicodedata").category(c) == "Cf" for c in text):  # refused before reading (bidi etc.)
        assert "格式控制字符" in result.errors[0].message
    else:
        assert "是" in result.errors[0].message and "否" in result.errors[0].message


# --- money and percentages ----------------------------------------------------------------------------------

cents = st.integers(1, 10**11).map(lambda c: Decimal(c) / 100)
MONEY_FORMATS = ("{a}", "{a:.2f}", "{a:,.2f}", "¥{a:.2f}", "{a:.2f}元", "人民币{a:,.2f}元", " {a:.2f} ")


@given(cents, st.sampled_from(MONEY_FORMATS), st.booleans())
def test_money_round_trip(amount, fmt, wide):
    typed = fmt.format(a=amount)
    typed = typed.translate(FULL_WIDTH) if wide else typed
    stored = value(MONEY, typed)
    assert stored == f"{amount:.2f}" and Decimal(stored) == amount
    assert value(MONEY, stored) == stored
    assert value(MONEY, amount) == stored  # a Decimal from a script


@pytest.mark.parametrize(("typed", "words"), [
    ("0", "大于0"), ("-5", "负数"), ("1.234", "两位小数"), ("12a", "不是有效"), ("1,23", "不是有效"),
])
def test_bad_amounts_refused_naming_the_field(typed, words):
    message = error(MONEY, typed)
    assert "提取金额" in message and words in message


def test_zero_is_a_valid_existing_debt():
    assert value(DEBT, "0") == "0.00"


@given(st.integers(500, 1200).map(lambda n: Decimal(n) / 100), st.sampled_from(("{r}", "{r}%", " {r} ％")))
def test_ratio_within_bounds_is_stored_without_trailing_zeros(ratio, fmt):
    stored = value(RATIO, fmt.format(r=ratio))
    assert Decimal(stored) == ratio and stored == format(ratio.normalize(), "f")
    assert value(RATIO, stored) == stored


@pytest.mark.parametrize("typed", ["4.99", "12.01", "0", "百分之十", "-5"])
def test_ratio_outside_5_to_12_refused(typed):
    assert "个人缴存比例" in error(RATIO, typed)


# --- terms, choices, materials, text --------------------------------------------------------------------------


@given(st.integers(1, V.loan.max_term_months))
def test_term_in_months(months):
    assert value(TERM, str(months)) == months and value(TERM, months) == months
    assert value(TERM, str(months).translate(FULL_WIDTH)) == months


@pytest.mark.parametrize("typed", ["0", "361", "12.5", "二十年", "-12"])
def test_term_outside_1_to_360_months_refused(typed):
    assert "贷款期限" in error(TERM, typed)


def test_choice_by_code_or_label_and_method_aliases():
    method = business("loan").field("method")
    assert value(method, "01") == value(method, "等额本息") == value(method, "annuity") == "01"
    assert value(method, "linear") == "02"
    assert "01 等额本息" in error(method, "monthly")
    reason = business("withdrawal").field("reason_code")
    assert value(reason, "租房") == "07" and value(reason, "０７") == "07"
    assert value(business("open-account").field("sex"), "女") == "2"
    assert "annuity" not in [c for c, _ in choice_options(reason, V)]
    assert "提取原因" in error(reason, "annuity")  # the aliases are the repayment method's only


def test_policy_driven_choices():
    assert [c for c, _ in choice_options(business("withdrawal").field("reason_code"), V)] == sorted(V.withdrawal.reasons)
    assert {c for c, _ in choice_options(business("withdrawal").field("variant"), V)} == {"public", "commercial"}
    assert [c for c, _ in choice_options(business("loan").field("borrower_category"), V)] == list(V.loan.categories)
    assert choice_options(ADDRESS, V) == ()


def test_materials_from_a_list_or_typed_text_without_repeats():
    assert value(MATERIALS, ["id_card", "lease", "id_card"]) == ["id_card", "lease"]
    assert value(MATERIALS, "id_card，lease、bank_card") == ["id_card", "lease", "bank_card"]
    assert "no_such_paper" in error(MATERIALS, ["id_card", "no_such_paper"])
    assert "列表" in error(MATERIALS, 42)


def test_text_is_trimmed_and_bounded():
    assert value(ADDRESS, "  示范市　南山镇  ") == "示范市 南山镇"
    assert "120" in error(ADDRESS, "路" * 121)
    assert "控制字符" in error(ADDRESS, "示范市\x07南山镇")
    assert value(REASON, " 订单减少\n资金紧张 ") == "订单减少\n资金紧张"  # several lines keep their breaks


def test_id_number_of_another_id_type_is_plain_text():
    spec = business("open-account").field("id_number")
    assert value(spec, ID.lower()) == ID
    assert check(spec, "E12345678", id_type="03").value == "E12345678"
    assert not check(spec, "E12345678").ok


def test_is_blank():
    assert all(is_blank(v) for v in (None, "", "  ", "\u3000", [], {}, ()))
    assert not any(is_blank(v) for v in ("0", 0, False, ["x"]))


@given(
    spec=st.sampled_from([f for b in BUSINESSES.values() for f in b.fields]),
    raw=st.one_of(st.text(max_size=30), st.integers(), st.booleans(), st.decimals(allow_nan=False, places=2),
                  st.sampled_from(["2026-11", "2026-11-23", "600", "12", "是", "07", "01", ID, "id_card"])),
)
@settings(max_examples=300)
def test_a_normalised_value_is_its_own_normal_form(spec, raw):
    first = check(spec, raw)
    if first.ok and first.value is not None:
        again = check(spec, first.value)
        assert again.ok and again.value == first.value


# --- whole forms ---------------------------------------------------------------------------------------------------

OPEN = {"id_type": "01", "id_number": ID, "name": "张三", "mobile": "13912345678", "address": "示范市南山镇", "employer_uscc":
        "91350100M000100Y43", "monthly_base": "5000", "worker_ratio": "12", "employer_ratio": "12",
        "start_month": "2026-12"}


def form_check(kind: str, raw: dict):
    return check_form(business(kind), raw, version=V, today=TODAY)


def test_open_account_form_fills_sex_and_birth_date_from_the_id():
    result = form_check("open-account", OPEN)
    assert result.ok, result.errors
    assert (result.values["sex"], result.values["birth_date"]) == ("1", "1990-05-15")
    assert result.facts["id_number"]["birth_date"] == date(1990, 5, 15)


def test_typed_birth_date_contradicting_the_id_refused():
    result = form_check("open-account", {**OPEN, "birth_date": "1990-05-16"})
    assert [e.field for e in result.errors] == ["birth_date"]
    assert "1990-05-15" in result.errors[0].message


def test_passport_holder_must_give_sex_and_birth_date():
    result = form_check("open-account", {**OPEN, "id_type": "03", "id_number": "E12345678"})
    assert {e.field for e in result.errors} == {"sex", "birth_date"}
    typed = {**OPEN, "id_type": "03", "id_number": "E12345678", "sex": "2", "birth_date": "1990-01-02"}
    assert form_check("open-account", typed).ok


def test_missing_and_unknown_fields_are_each_named():
    raw = {k: v for k, v in OPEN.items() if k not in ("mobile", "start_month")} | {"salary": "1", "age": 30}
    result = form_check("open-account", raw)
    assert sorted(e.field for e in result.errors) == ["age", "mobile", "salary", "start_month"]
    assert "请填写手机号码" in [e.message for e in result.errors]


def test_a_warning_does_not_block():
    result = form_check("open-account", {**OPEN, "bank_card": "6222020000000000001"})
    assert result.ok and [w.field for w in result.warnings] == ["bank_card"]


def test_rules_across_fields():
    loan = {"id_number": ID, "borrower_category": "general", "monthly_income": "8000", "house_price": "500000",
            "amount": "500000.01", "months": "240", "method": "01", "co_borrower_id": ID}
    assert sorted(e.field for e in form_check("loan", loan).errors) == ["amount", "co_borrower_id"]
    deferral = {"uscc": "91350100M000100Y43", "from_month": "2027-03", "to_month": "2027-02", "reason": "困难",
                "workers_consent": True}
    assert [e.field for e in form_check("deferral", deferral).errors] == ["to_month"]
    assert [e.field for e in form_check("info-change", {"id_number": ID}).errors] == ["new_name"]
    # A wrong new value is its own error, not "nothing to change".
    assert [e.field for e in form_check("info-change", {"id_number": ID, "new_mobile": "1"}).errors] == ["new_mobile"]


junk = st.one_of(
    st.none(), st.text(max_size=20), st.integers(), st.floats(), st.booleans(), st.decimals(),
    st.lists(st.one_of(st.text(max_size=6), st.integers(), st.none()), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@given(kind=st.sampled_from(list(BUSINESSES)), data=st.data())
@settings(max_examples=300)
def test_junk_in_any_field_gives_field_errors_never_an_exception(kind, data):
    keys = [*list(business(kind).keys), "junk_key"]
    raw = data.draw(st.dictionaries(st.sampled_from(keys), junk, max_size=len(keys)))
    result = form_check(kind, raw)
    assert all(e.field in keys and e.message for e in result.errors + result.warnings)
    assert result.ok == (not result.errors)
    assert set(result.values) <= set(keys)
