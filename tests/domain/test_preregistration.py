"""多证合一 pre-registration feed rows (企业预缴登记): what is kept, what refuses a row, what is dropped."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.ids import make_uscc, make_uscc_of
from counter_app.domain.policy import default_policy
from counter_app.domain.preregistration import COLUMNS, check_row, missing_columns

V = default_policy().in_force(date(2026, 11, 23))
TODAY = date(2026, 11, 23)
USCC = make_uscc_of("91620102", "MA01AB23")


def row(**changes):
    base = {"uscc": USCC, "name": "示范市南山新材料有限公司", "legal_rep": "王强", "address": "示范市南山镇创业路3号",
            "contact_name": "李梅", "contact_mobile": "13912345678", "registered_on": "2026-11-02",
            "township": "南山镇"}
    return {**base, **changes}


def test_report_duozhengheyi_a_new_company_is_taken_with_its_registration_data():
    """报告：“开展好新办企业“多证合一”工作，确保住房公积金缴存登记与企业登记同步进行……上半年共计办理*笔
    企业预缴登记手续”: the feed's record becomes the station's pre-registration, district from the township."""
    checked = check_row(row(), V, TODAY)
    assert checked.errors == () and checked.notes == ()
    assert checked.values == {
        "uscc": USCC, "name": "示范市南山新材料有限公司", "legal_rep": "王强", "address": "示范市南山镇创业路3号",
        "contact_name": "李梅", "contact_mobile": "13912345678", "registered_on": date(2026, 11, 2),
        "district": "01", "township": "南山镇",
    }


def test_chinese_and_english_headers_map_to_the_same_fields():
    assert COLUMNS["统一社会信用代码"] == COLUMNS["uscc"] == "uscc"
    assert COLUMNS["企业名称"] == COLUMNS["单位名称"] == "name"
    assert missing_columns(["uscc"]) == ["企业名称"] and missing_columns(["uscc", "name"]) == []


def test_a_row_without_a_valid_uscc_or_a_name_is_refused_with_the_reason():
    bad_org = make_uscc("91620102MA0000000")  # valid USCC check character, wrong GB 11714 one
    assert "组织机构代码" in check_row(row(uscc=bad_org), V, TODAY).errors[0]
    assert check_row(row(uscc=""), V, TODAY).values is None
    assert check_row(row(name="  "), V, TODAY).errors == ("企业名称为空",)
    both = check_row(row(uscc="123", name=""), V, TODAY)
    assert both.values is None and len(both.errors) == 2


def test_bad_optional_values_are_dropped_with_a_note_and_the_company_kept():
    checked = check_row(row(contact_mobile="1391234", registered_on="2026-02-30", legal_rep="王强2",
                            township="月球镇", district="99"), V, TODAY)
    v = checked.values
    assert v is not None and v["uscc"] == USCC
    assert (v["contact_mobile"], v["registered_on"], v["legal_rep"], v["township"], v["district"]) == (
        None, None, None, None, None)
    assert len(checked.notes) == 5 and all(n.endswith("已忽略") or "已忽略" in n for n in checked.notes)


def test_dates_from_spreadsheets_and_text():
    for raw in (datetime(2026, 11, 2, 0, 0), date(2026, 11, 2), "2026/11/2", "2026年11月2日", "20261102"):
        assert check_row(row(registered_on=raw), V, TODAY).values["registered_on"] == date(2026, 11, 2)
    future = check_row(row(registered_on="2027-01-01"), V, TODAY)
    assert future.values["registered_on"] is None and "晚于今天" in future.notes[0]


def test_a_township_of_another_district_is_dropped():
    checked = check_row(row(district="21", township="南山镇"), V, TODAY)
    assert (checked.values["district"], checked.values["township"]) == ("21", None)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(set(COLUMNS.values()))),
                       st.one_of(st.none(), st.text(max_size=30), st.integers(), st.dates())))
def test_any_row_is_either_kept_with_a_valid_uscc_or_refused_with_reasons(raw):
    checked = check_row(raw, V, TODAY)
    if checked.values is None:
        assert checked.errors
    else:
        assert checked.errors == () and checked.values["name"]
        from counter_app.domain.ids import check_uscc

        assert check_uscc(checked.values["uscc"]).ok
