"""Statutory retirement under the 2025 gradual reform, and the loan term it allows."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.retirement import (
    DEFAULT_RULES,
    GROUP_LABELS,
    WORKER_CATEGORIES,
    RetirementRule,
    add_months,
    check_loan_term,
    group_problem,
    retirement_date,
    retirement_group,
    statutory_age_text,
)

MALE, CADRE, WORKER = DEFAULT_RULES["male"], DEFAULT_RULES["female_cadre"], DEFAULT_RULES["female_worker"]


@pytest.mark.parametrize(
    ("rule", "birth", "retires"),
    [
        # before the reform: the old ages
        (MALE, date(1964, 12, 15), date(2024, 12, 15)),
        (CADRE, date(1969, 12, 31), date(2024, 12, 31)),
        (WORKER, date(1974, 12, 1), date(2024, 12, 1)),
        # the tables of the 2024 decision: first cohorts retire one month later
        (MALE, date(1965, 1, 10), date(2025, 2, 10)),  # 60 years 1 month
        (MALE, date(1965, 4, 30), date(2025, 5, 30)),
        (MALE, date(1965, 5, 1), date(2025, 7, 1)),  # 60 years 2 months
        (CADRE, date(1970, 1, 1), date(2025, 2, 1)),  # 55 years 1 month
        (CADRE, date(1970, 5, 20), date(2025, 7, 20)),
        (WORKER, date(1975, 2, 1), date(2025, 3, 1)),  # 50 years 1 month
        (WORKER, date(1975, 3, 1), date(2025, 5, 1)),  # 50 years 2 months
        # the end of the transition: 63, 58 and 55
        (MALE, date(1976, 9, 1), date(2039, 9, 1)),
        (MALE, date(1990, 6, 15), date(2053, 6, 15)),
        (CADRE, date(1981, 9, 1), date(2039, 9, 1)),
        (CADRE, date(1981, 8, 1), date(2039, 7, 1)),  # 57 years 11 months
        (WORKER, date(1984, 11, 1), date(2039, 11, 1)),
        (WORKER, date(1984, 10, 1), date(2039, 9, 1)),  # 54 years 11 months
    ],
)
def test_retirement_dates(rule, birth, retires):
    assert retirement_date(birth, rule) == retires


def test_missing_day_becomes_month_end():
    assert add_months(date(1965, 3, 31), 721) == date(2025, 4, 30)
    assert retirement_date(date(1964, 2, 29), MALE) == date(2024, 2, 29)
    assert retirement_date(date(1960, 2, 29), MALE) == date(2020, 2, 29)
    assert retirement_date(date(1963, 2, 28), MALE) == date(2023, 2, 28)


def test_rules_are_configurable():
    stricter = RetirementRule("male", 60, date(1960, 1, 1), 1, 12)
    assert retirement_date(date(1960, 3, 5), stricter) == date(2020, 6, 5)  # 3 months later
    assert retirement_date(date(1990, 1, 1), stricter) == date(2051, 1, 1)  # capped at 12 months


dates = st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 12, 31))


@given(st.sampled_from(sorted(DEFAULT_RULES)), dates, dates)
def test_retirement_dates_monotone_in_birth(group, a, b):
    rule = DEFAULT_RULES[group]
    early, late = sorted((a, b))
    assert retirement_date(early, rule) <= retirement_date(late, rule)
    age_months = (retirement_date(late, rule).year - late.year) * 12 + retirement_date(late, rule).month - late.month
    assert rule.base_age_years * 12 <= age_months <= rule.base_age_years * 12 + rule.max_delay_months


TERM = dict(rule=MALE, max_term_months=360, max_years_over_retirement=5)


def test_young_borrower_limited_by_policy_term():
    assert check_loan_term(birth=date(1995, 1, 1), application_date=date(2026, 1, 1), months=360, **TERM) == []
    errors = check_loan_term(birth=date(1995, 1, 1), application_date=date(2026, 1, 1), months=361, **TERM)
    assert [(e.field, e.message) for e in errors] == [("months", "贷款期限最长360个月")]


def test_older_borrower_limited_by_retirement_plus_five_years():
    # born 1976-09-01: retires at 63 on 2039-09-01; maturity by 2044-09-01 → 224 months from 2026-01-01
    birth, applied = date(1976, 9, 1), date(2026, 1, 1)
    assert check_loan_term(birth=birth, application_date=applied, months=224, **TERM) == []
    errors = check_loan_term(birth=birth, application_date=applied, months=225, **TERM)
    assert len(errors) == 1 and errors[0].field == "months"
    assert "贷款期限最长224个月" in errors[0].message and "2044-09-01" in errors[0].message


def test_borrower_past_the_age_limit():
    errors = check_loan_term(birth=date(1950, 1, 1), application_date=date(2026, 1, 1), months=12, **TERM)
    assert errors[0].field == "months" and "0个月" in errors[0].message


def test_zero_months_refused():
    errors = check_loan_term(birth=date(1990, 1, 1), application_date=date(2026, 1, 1), months=0, **TERM)
    assert errors[0].message == "贷款期限至少为1个月"


@given(dates, st.dates(min_value=date(2025, 1, 1), max_value=date(2040, 12, 31)),
       st.integers(min_value=1, max_value=480))
def test_accepted_terms_end_in_time(birth, applied, months):
    errors = check_loan_term(birth=birth, application_date=applied, months=months, **TERM)
    latest = add_months(retirement_date(birth, MALE), 60)
    fits = months <= 360 and add_months(applied, months) <= latest
    assert (errors == []) == fits


# --- the worker's category decides a woman's group (issue #18) ---------------------------------------


def test_category_chooses_the_group_for_women_only():
    """“原法定退休年龄为五十周岁的女职工” retire under the 50 rule, 干部 under the 55 rule; men are one group."""
    assert [code for code, _label in WORKER_CATEGORIES] == ["worker", "cadre"]
    assert retirement_group("1", None) == retirement_group("1", "cadre") == "male"
    assert retirement_group("2", "worker") == "female_worker" and retirement_group("2", "cadre") == "female_cadre"
    assert retirement_group("2", None) is None and retirement_group(None, "cadre") is None
    assert set(GROUP_LABELS) == set(DEFAULT_RULES)


def test_unknown_group_names_the_field_to_fill_in():
    assert group_problem("1", None, "计算贷款期限") is None
    woman = group_problem("2", "", "计算贷款期限")
    assert woman.field == "worker_category" and "计算贷款期限" in woman.message
    assert group_problem(None, "cadre", "x").field == "id_number"


@pytest.mark.parametrize(("birth", "group", "text"), [
    (date(1964, 12, 31), "male", "60周岁"),
    (date(1965, 1, 1), "male", "60周岁1个月"),
    (date(1976, 12, 1), "male", "63周岁"),
    (date(1975, 2, 1), "female_worker", "50周岁1个月"),
    (date(1985, 1, 1), "female_worker", "55周岁"),
    (date(1981, 8, 31), "female_cadre", "57周岁11个月"),
    (date(1981, 9, 1), "female_cadre", "58周岁"),
])
def test_statutory_age_as_people_say_it(birth, group, text):
    assert statutory_age_text(birth, DEFAULT_RULES[group]) == text


def test_loan_term_of_a_woman_on_the_50_rule_is_five_years_shorter():
    """The issue: “Loan terms for women all use the 55 rule. Female workers on the 50 rule get terms up to
    5 years too long.” Born 1990-01-01, applying 2026-10-01, retirement + 5 years: 职工 55 → 2050, 干部 58 → 2053."""
    birth, day = date(1990, 1, 1), date(2026, 10, 1)

    def longest(rule):
        for months in range(360, 0, -1):
            if not check_loan_term(birth=birth, rule=rule, application_date=day, months=months,
                                   max_term_months=360, max_years_over_retirement=5):
                return months
        return 0

    worker, cadre = longest(WORKER), longest(CADRE)
    assert (worker, cadre) == (279, 315)  # 2050-01-01 and 2053-01-01, from 2026-10-01
    assert cadre - worker == 36  # three years here; up to five for women born before the raise
    before_any_raise = date(1969, 12, 1)  # five years exactly: 50 → 2019-12-01, 55 → 2024-12-01
    assert retirement_date(before_any_raise, CADRE) == add_months(retirement_date(before_any_raise, WORKER), 60)
