"""Tests for counter_app/domain/areas.py: province codes, place names from stdnum's division table."""

from __future__ import annotations

from stdnum.cn import ric as stdnum_ric
from stdnum.exceptions import ValidationError

from counter_app.domain import areas


def test_province_codes_are_those_of_gb_t_2260():
    assert len(areas.PROVINCE_CODES) == 36
    assert {"11", "46", "54", "65", "71", "81", "82", "83", "91"} <= areas.PROVINCE_CODES
    assert not {"00", "10", "16", "20", "24", "30", "38", "47", "55", "60", "66", "72", "84", "99"} & areas.PROVINCE_CODES


def test_names_join_province_prefecture_and_county_without_groupings():
    assert areas.area_name("110105") == "北京市朝阳区"  # 110100 "市辖区" is a grouping, not a place
    assert areas.area_name("440304", 2000) == "广东省深圳市福田区"
    assert areas.area_name("110000") == "北京市"  # province row: no repeated name
    assert areas.area_name("469001") == "海南省五指山市"  # 省直辖县级行政单位 is left out


def test_unknown_codes_have_no_name():
    assert areas.area_name("119999") is None
    assert not areas.is_known_area("119999")
    assert areas.is_known_area("110105")


def test_a_retired_code_keeps_its_old_name():
    # 110103 崇文区 was merged away in 2010; IDs issued before still carry it.
    assert areas.area_name("110103", 1980) == "北京市崇文区"
    assert areas.area_name("110103", 2015) == "北京市崇文区"


def test_names_agree_with_stdnum_where_it_names_the_county():
    compared = 0
    for code in areas.known_area_codes()[::97]:
        number = code + "19900101001"
        number += stdnum_ric.calc_check_digit(number + "0")
        try:
            county = stdnum_ric.get_birth_place(number)["county"]
        except ValidationError:  # stdnum refuses codes not in force in 1990; we still name them
            continue
        if county not in ("市辖区", "县"):  # groupings, left out of our names
            assert areas.area_name(code, 1990).endswith(county)
            compared += 1
    assert compared > 20


def test_known_area_codes_are_county_level_and_known():
    codes = areas.known_area_codes()
    assert len(codes) > 3000
    assert codes == sorted(codes)
    assert all(len(c) == 6 and c.isdigit() and c[4:] != "00" and c[:2] in areas.PROVINCE_CODES for c in codes)
    assert all(areas.is_known_area(c) for c in codes)
