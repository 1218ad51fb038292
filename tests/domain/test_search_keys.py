"""Pinyin search keys: full, initials and mixed forms; surnames; rare characters; query folding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.search_keys import (
    employer_aliases,
    employer_keys,
    person_keys,
    person_readings,
    pinyin_query,
    syllable_keys,
)


def test_zhang_san_has_every_form_a_clerk_types() -> None:
    assert set(person_keys("张三")) == {"zhangsan", "zs", "zhs", "zsan", "zhsan"}
    assert person_keys("张三")[0] == "zhangsan"  # full pinyin first


@pytest.mark.parametrize(("name", "surname"), [
    ("曾小明", "zeng"), ("单田芳", "shan"), ("解晓东", "xie"), ("区志强", "ou"), ("仇英", "qiu"),
    ("朴树", "piao"), ("查良镛", "zha"),
])
def test_polyphonic_surnames_read_as_surnames_first(name: str, surname: str) -> None:
    readings = person_readings(name)
    assert readings[0][0] == surname
    assert len(readings) == 2  # the everyday reading is kept as a variant
    assert readings[1][0] != surname


@pytest.mark.parametrize(("name", "full"), [("欧阳娜娜", "ouyangnana"), ("司马光", "simaguang"),
                                            ("尉迟恭", "yuchigong"), ("万俟卨", "moqixie")])
def test_compound_surnames(name: str, full: str) -> None:
    assert person_keys(name)[0] == full


def test_rare_characters_and_middle_dot() -> None:
    assert "wangji" in person_keys("王𠮷") and "wj" in person_keys("王𠮷")
    assert "likun" in person_keys("李堃") and "zhangzhe" in person_keys("张喆") and "sheng" in person_keys("昇")[0]
    assert person_keys("买买提·艾力")[:2] == ("maimaitiaili", "mmtal")


def test_u_umlaut_is_typed_as_v() -> None:
    assert person_keys("吕布")[0] == "lvbu"
    assert pinyin_query("lüb") == "lvb"


def test_characters_without_a_reading_are_skipped() -> None:
    assert person_keys("A张") and person_keys("") == ()


def test_syllable_keys_of_one_syllable_have_no_mixed_forms() -> None:
    assert syllable_keys(["zhang"]) == ["zhang", "z", "zh"]
    assert syllable_keys([]) == []


def test_employer_aliases_drop_leading_place_words() -> None:
    assert employer_aliases("青山镇兴旺建材有限公司") == ("兴旺建材有限公司",)
    assert employer_aliases("城关街道第一小学") == ("第一小学",)
    assert employer_aliases("华联超市") == ()
    assert employer_keys("青山镇卫生院") == ("qingshanzhenweishengyuan", "qszwsy", "weishengyuan", "wsy")


@pytest.mark.parametrize(("typed", "folded"), [
    ("ＺＨＡＮＧ ｓ", "zhangs"), ("zhang'san", "zhangsan"), (" ZS ", "zs"), ("zs1", None), ("张三", None), ("", None),
])
def test_pinyin_query_folds_width_case_spaces_and_apostrophes(typed: str, folded: str | None) -> None:
    assert pinyin_query(typed) == folded


_han = st.text(alphabet=st.sampled_from("张王李赵刘陈杨黄周吴徐孙马朱胡曾单解区三四伟芳娜敏静丽强磊军"), min_size=1, max_size=4)


@given(_han)
def test_every_key_is_lowercase_letters_and_full_pinyin_comes_first(name: str) -> None:
    keys = person_keys(name)
    assert keys and all(k.isascii() and k.isalpha() and k.islower() for k in keys)
    assert len(set(keys)) == len(keys)
    letters = "".join(s[0] for s in person_readings(name)[0])
    assert keys[0] == "".join(person_readings(name)[0]) and letters in keys


def test_latin_names_are_keyed_by_their_letters() -> None:
    assert person_keys("JOHN SMITH")[0] == "johnsmith"
    assert pinyin_query("John Sm") == "johnsm"
