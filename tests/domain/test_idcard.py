"""The ID card validity rule: usable from its start through its end day, refused after it with its date."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.idcard import EXPIRY_NOTICE_DAYS, check_card, validity_errors
from counter_app.domain.ids import make_resident_id

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2080, 12, 31))


@given(start=DAYS, length=st.integers(0, 40 * 366), on=DAYS)
def test_a_card_is_refused_exactly_when_the_day_is_outside_its_period(start: date, length: int, on: date) -> None:
    until = start + timedelta(days=length)
    problems = validity_errors(start, until, on)
    errors = [p for p in problems if p.severity == "error"]
    assert bool(errors) == (not start <= on <= until)
    assert all(p.field == "id_number" for p in problems)
    if on > until:  # expired: the message names the day it ran out
        assert until.isoformat() in errors[0].message and "到期" in errors[0].message
    if on < start:
        assert start.isoformat() in errors[0].message and "尚未生效" in errors[0].message


@given(start=DAYS, length=st.integers(0, 40 * 366), on=DAYS)
def test_a_card_near_its_end_gets_a_reminder_never_a_refusal(start: date, length: int, on: date) -> None:
    until = start + timedelta(days=length)
    warnings = [p for p in validity_errors(start, until, on) if p.severity == "warning"]
    assert bool(warnings) == (start <= on <= until and (until - on).days < EXPIRY_NOTICE_DAYS)
    if warnings:
        assert until.isoformat() in warnings[0].message


@given(start=DAYS, on=DAYS)
def test_a_long_term_card_never_expires(start: date, on: date) -> None:
    problems = validity_errors(start, None, on)
    assert bool(problems) == (on < start)  # only "not yet valid"; no end, so no reminder either
    assert all(p.severity == "error" for p in problems)


def test_the_end_day_itself_is_still_good_and_the_next_is_not() -> None:
    start, until = date(2016, 5, 3), date(2026, 5, 3)
    assert [p.severity for p in validity_errors(start, until, until)] == ["warning"]  # 今日到期
    assert "今日到期" in validity_errors(start, until, until)[0].message
    (expired,) = validity_errors(start, until, until + timedelta(days=1))
    assert expired.severity == "error"
    assert expired.message.startswith("身份证已于2026-05-03到期")


def test_an_end_before_the_start_is_bad_card_data() -> None:
    (problem,) = validity_errors(date(2020, 1, 2), date(2020, 1, 1), date(2020, 1, 1))
    assert problem.severity == "error" and "有效期限有误" in problem.message


BORN = date(1985, 3, 14)
ID_MALE = make_resident_id("110105", BORN, 123)


def test_check_card_accepts_a_good_card() -> None:
    result = check_card(ID_MALE, "1", BORN, date(2016, 5, 3), date(2036, 5, 3), date(2026, 12, 6))
    assert result.ok and not result.warnings
    assert result.value == ID_MALE


@given(born=st.dates(min_value=date(1930, 1, 1), max_value=date(2010, 12, 31)), seq=st.integers(0, 999),
       chip_sex=st.sampled_from(["1", "2"]), shift=st.integers(-3, 3))
def test_check_card_refuses_a_chip_that_disagrees_with_its_number(born: date, seq: int, chip_sex: str, shift: int) -> None:
    number = make_resident_id("110105", born, seq)
    chip_born = born + timedelta(days=shift)
    result = check_card(number, chip_sex, chip_born, date(2020, 1, 1), None, date(2026, 12, 6))
    agrees = chip_sex == ("1" if seq % 2 else "2") and shift == 0
    assert result.ok == agrees
    if shift:
        assert any("出生日期" in e.message for e in result.errors)


def test_check_card_refuses_a_bad_number_and_an_expired_card_together() -> None:
    bad = ID_MALE[:-1] + ("0" if ID_MALE[-1] != "0" else "1")
    result = check_card(bad, "1", BORN, date(2006, 5, 3), date(2016, 5, 3), date(2026, 12, 6))
    messages = [e.message for e in result.errors]
    assert any("校验位" in m for m in messages)
    assert any("2016-05-03到期" in m for m in messages)
