"""Loan eligibility: contributions, arrears, account state, outstanding and earlier loans, fraud ban."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.eligibility import LoanApplicantFacts, account_status_problem, check_loan_eligibility
from counter_app.domain.policy import default_policy

DAY = date(2026, 10, 1)
V = default_policy().in_force(DAY)
GOOD = LoanApplicantFacts(account_status="01", consecutive_months=24)


def errors(facts: LoanApplicantFacts, *, second_home: bool = False, day: date = DAY, version=V):
    return [(e.field, e.message) for e in check_loan_eligibility(facts, second_home=second_home, day=day, version=version)]


def with_loan(version, **changes):
    return version.model_copy(update={"loan": version.loan.model_copy(update=changes)})


def test_a_normal_contributor_is_eligible():
    assert errors(GOOD) == [] and errors(GOOD, second_home=True) == []


@given(st.integers(min_value=0, max_value=600))
def test_consecutive_contribution_months(months):
    found = errors(replace(GOOD, consecutive_months=months))
    assert bool(found) == (months < V.loan.min_contribution_months)
    if found:
        assert found == [("id_number", found[0][1])] and f"{V.loan.min_contribution_months}个月" in found[0][1]


def test_required_months_come_from_the_policy():
    strict = with_loan(V, min_contribution_months=12)
    facts = replace(GOOD, consecutive_months=8)
    assert errors(facts) == [] and "12个月" in errors(facts, version=strict)[0][1]


def test_arrears_block_the_application():
    [(field, message)] = errors(replace(GOOD, in_arrears=True))
    assert field == "id_number" and "欠缴" in message


@pytest.mark.parametrize(("status", "word"), [
    ("02", "封存"), ("03", "销户"), ("04", "销户"), ("05", "销户"), ("06", "冻结"), ("99", "其他"), ("X", "无效")])
def test_only_a_normal_account_may_borrow(status, word):
    [(field, message)] = errors(replace(GOOD, account_status=status))
    assert field == "id_number" and word in message and "申请贷款" in message


def test_account_status_problem_lets_sealed_accounts_through_when_allowed():
    assert account_status_problem("02", "提取", sealed_ok=True) is None
    assert account_status_problem("01", "提取", sealed_ok=False) is None
    assert "封存" in account_status_problem("02", "提取", sealed_ok=False)


def test_an_outstanding_fund_loan_blocks_a_new_one():
    facts = replace(GOOD, has_outstanding_loan=True, prior_fund_loans=1)
    for second_home in (False, True):
        [(field, message)] = errors(facts, second_home=second_home)
        assert field == "id_number" and "未结清" in message


def test_second_home_rules_may_allow_a_loan_while_one_is_outstanding():
    lenient = with_loan(V, second_home_with_outstanding_loan=True)
    facts = replace(GOOD, has_outstanding_loan=True)
    assert errors(facts, second_home=True, version=lenient) == []
    [(field, message)] = errors(facts, second_home=False, version=lenient)
    assert field == "second_home" and "第二套" in message


def test_an_earlier_fund_loan_makes_it_a_second_home_loan():
    facts = replace(GOOD, prior_fund_loans=1)
    assert errors(facts, second_home=True) == []
    [(field, _message)] = errors(facts)
    assert field == "second_home"
    assert errors(facts, version=with_loan(V, prior_loan_is_second_home=False)) == []


def test_no_more_fund_loans_after_the_maximum():
    [(field, message)] = errors(replace(GOOD, prior_fund_loans=V.loan.max_fund_loans), second_home=True)
    assert field == "id_number" and f"{V.loan.max_fund_loans}次" in message


def test_fraud_ban_of_the_2026_amendment():
    banned = replace(GOOD, banned_until=date(2030, 1, 1))
    [(field, message)] = errors(banned)
    assert field == "id_number" and "2030-01-01" in message
    assert errors(banned, day=date(2030, 1, 1), version=default_policy().in_force(date(2030, 1, 1))) == []
    before = date(2026, 9, 19)
    assert errors(banned, day=before, version=default_policy().in_force(before)) == []  # no ban before the amendment


def test_every_problem_is_reported_at_once():
    facts = LoanApplicantFacts(account_status="06", consecutive_months=2, in_arrears=True, has_outstanding_loan=True,
                               banned_until=date(2028, 1, 1))
    assert len(errors(facts)) == 5
