"""Withdrawal rules: balances, closing reasons, account states, caps in their windows, frequency, documents."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.policy import default_policy
from counter_app.domain.retirement import add_months
from counter_app.domain.withdrawal import (
    AccountFacts,
    PastWithdrawal,
    WithdrawalRequest,
    check_withdrawal,
    covered_months,
)

D = Decimal
DAY = date(2026, 10, 1)  # after the 2026 amendment
OLD_DAY = date(2025, 6, 1)
V = default_policy().in_force(DAY)
V_OLD = default_policy().in_force(OLD_DAY)
ACCOUNT = AccountFacts(status="01", balance=D("50000.00"), monthly_contribution=D("1200.00"), consecutive_months=24)


def request(code: str, version=V, day: date = DAY, **changes) -> WithdrawalRequest:
    """A request that meets every rule of the reason with ACCOUNT and no history."""
    r = version.withdrawal.reasons[code]
    base = WithdrawalRequest(
        reason_code=code,
        amount=ACCOUNT.balance if r.closing else D("500.00"),
        document_no="HT-2026-0001" if r.needs_document_no else None,
        day=day,
        event_amount=D("200000.00") if r.event_amount_label else None,
        event_date=day - timedelta(days=30) if r.event_date_label else None,
    )
    return replace(base, **changes)


def check(req: WithdrawalRequest, account: AccountFacts = ACCOUNT, history=(), version=V):
    return check_withdrawal(req, account, list(history), version)


def fields(result) -> list[str]:
    return [e.field for e in result.errors]


def with_reason(version, code: str, **changes):
    """A copy of ``version`` with one withdrawal reason changed (to test a rule the demo city leaves loose)."""
    reasons = dict(version.withdrawal.reasons)
    reasons[code] = reasons[code].model_copy(update=changes)
    return version.model_copy(update={"withdrawal": version.withdrawal.model_copy(update={"reasons": reasons})})


# --- happy paths and reasons ----------------------------------------------------------------------

@pytest.mark.parametrize("code", sorted(V.withdrawal.reasons))
def test_each_reason_has_a_happy_path(code):
    result = check(request(code))
    assert result.errors == [] and result.ok
    reason = V.withdrawal.reasons[code]
    assert result.closing == reason.closing
    assert result.materials[0] == "id_card" and set(reason.materials) <= set(result.materials)
    assert len(result.materials) == len(set(result.materials))
    assert result.max_amount >= request(code).amount


def test_unknown_reason_is_refused():
    result = check(replace(request("07"), reason_code="98"))
    assert fields(result) == ["reason_code"] and "98" in result.errors[0].message
    assert (result.max_amount, result.materials, result.rule) == (D("0.00"), [], None)


def test_reasons_of_the_amendment_are_refused_before_it_takes_effect():
    req = request("92")
    assert check(req).ok
    old = replace(req, day=date(2026, 9, 19), event_date=date(2026, 9, 1))
    assert fields(check(old, version=default_policy().in_force(old.day))) == ["reason_code"]


# --- amount against the balance -------------------------------------------------------------------

@settings(max_examples=200)
@given(
    balance=st.decimals(min_value=0, max_value=10**7, places=2),
    amount=st.decimals(min_value=-100, max_value=10**7 + 100, places=2),
)
def test_partial_withdrawal_leaves_at_least_one_cent(balance, amount):
    account = replace(ACCOUNT, balance=balance)
    req = request("06", amount=amount, event_amount=D("99999999.00"))
    result = check(req, account)
    assert result.max_amount == max(D("0.00"), balance - D("0.01"))
    assert ("amount" not in fields(result)) == (D("0") < amount <= balance - D("0.01"))
    assert not result.closing


@settings(max_examples=200)
@given(
    balance=st.decimals(min_value=0, max_value=10**7, places=2),
    amount=st.decimals(min_value=-100, max_value=10**7 + 100, places=2),
    code=st.sampled_from(["03", "04", "05", "08"]),
)
def test_closing_withdrawal_takes_exactly_the_whole_balance(balance, amount, code):
    result = check(request(code, amount=amount), replace(ACCOUNT, balance=balance))
    assert result.closing and result.max_amount == balance and result.rule == "balance"
    assert ("amount" not in fields(result)) == (amount == balance and amount > 0)


def test_emptying_the_account_needs_a_closing_reason():
    result = check(request("06", amount=ACCOUNT.balance))
    assert fields(result) == ["amount"] and "销户" in result.errors[0].message and result.rule == "balance"
    assert "超过账户余额" in check(request("06", amount=ACCOUNT.balance + 1)).errors[0].message


def test_closing_reason_refuses_a_partial_amount():
    result = check(request("03", amount=D("100.00")))
    assert fields(result) == ["amount"] and "全部余额50,000.00元" in result.errors[0].message


def test_amount_in_fractions_of_a_cent_is_refused():
    assert "两位小数" in check(request("06", amount=D("10.005"))).errors[0].message


# --- the account ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("status", "word"), [
    ("03", "销户"), ("04", "销户"), ("05", "销户"), ("06", "冻结"), ("99", "其他"), ("7", "无效")])
@pytest.mark.parametrize("code", ["01", "03"])
def test_closed_frozen_and_unknown_accounts_cannot_withdraw(status, word, code):
    result = check(request(code), replace(ACCOUNT, status=status))
    assert fields(result) == ["id_number"] and word in result.errors[0].message


def test_sealed_account_may_withdraw_except_where_the_reason_forbids():
    sealed = replace(ACCOUNT, status="02")
    assert check(request("01"), sealed).ok and check(request("03"), sealed).ok
    result = check(request("07"), sealed)
    assert fields(result) == ["id_number"] and "封存" in result.errors[0].message


def test_monthly_offset_agreement_blocks_partial_withdrawals_only():
    offset = replace(ACCOUNT, offset_agreement=True)
    result = check(request("06"), offset)
    assert fields(result) == ["id_number"] and "月对冲" in result.errors[0].message
    assert check(request("03"), offset).ok
    lenient = V.model_copy(update={"withdrawal": V.withdrawal.model_copy(update={"offset_blocks_partial": False})})
    assert check(request("06"), offset, version=lenient).ok


def test_fraud_ban_applies_from_the_amendment_until_its_end():
    banned = replace(ACCOUNT, banned_until=date(2027, 3, 1))
    result = check(request("06"), banned)
    assert fields(result) == ["id_number"] and "2027-03-01" in result.errors[0].message
    assert check(request("06", day=date(2027, 3, 1)), banned).ok
    assert check(request("06", version=V_OLD, day=OLD_DAY), banned, version=V_OLD).ok  # no legal basis before


def test_rent_needs_three_months_of_contributions():
    result = check(request("07"), replace(ACCOUNT, consecutive_months=2))
    assert fields(result) == ["id_number"] and "3个月" in result.errors[0].message
    assert check(request("07"), replace(ACCOUNT, consecutive_months=3)).ok


# --- rent: caps in their windows, frequency ------------------------------------------------------------

def test_rent_is_capped_per_month_covered():
    lease_start = date(2026, 4, 10)  # April..October: 7 months
    req = request("07", event_date=lease_start, amount=D("4200.00"))
    assert check(req).ok and check(req).limits["monthly_cap"] == D("4200.00")
    result = check(replace(req, amount=D("4200.01")))
    assert fields(result) == ["amount"] and result.rule == "monthly_cap" and "600.00" in result.errors[0].message


def test_rent_monthly_cap_follows_the_share_of_the_contribution_when_lower():
    low = replace(ACCOUNT, monthly_contribution=D("500.00"))  # 65% → 325.00 a month
    req = request("07", event_date=date(2026, 8, 1), amount=D("975.00"))  # Aug, Sep, Oct
    assert check(req, low).ok and check(req, low).max_amount == D("975.00")
    assert fields(check(replace(req, amount=D("975.01")), low)) == ["amount"]


def test_rent_months_already_withdrawn_are_not_counted_again():
    history = [PastWithdrawal("07", D("1800.00"), date(2026, 6, 15), "ZL-1")]
    req = request("07", event_date=date(2025, 1, 1), document_no="ZL-1")  # July..October after June
    assert check(req, history=history).limits["monthly_cap"] == D("2400.00")


def test_rent_once_every_three_months():
    history = [PastWithdrawal("07", D("600.00"), date(2026, 7, 2), "ZL-1")]
    too_soon = check(request("07", document_no="ZL-1"), history=history)
    assert fields(too_soon) == ["reason_code"] and "2026-10-02" in too_soon.errors[0].message
    assert check(request("07", day=date(2026, 10, 2), document_no="ZL-1"), history=history).ok  # same lease again


def test_yearly_cap_counts_the_calendar_year():
    version = with_reason(V, "07", max_amount_per_month=D("3000"), max_pct_of_monthly_contribution=None)
    history = [
        PastWithdrawal("07", D("9000.00"), date(2026, 1, 5), "ZL-1"),
        PastWithdrawal("07", D("2500.00"), date(2026, 5, 5), "ZL-1"),
        PastWithdrawal("07", D("9000.00"), date(2025, 12, 20), "ZL-1"),  # last year: not counted
    ]
    req = request("07", document_no="ZL-1", amount=D("500.00"))
    result = check(req, history=history, version=version)
    assert result.ok and result.rule == "yearly_cap" and result.max_amount == D("500.00")
    over = check(replace(req, amount=D("500.01")), history=history, version=version)
    assert fields(over) == ["amount"] and "已提取11,500.00元" in over.errors[0].message


def test_property_fee_yearly_cap():
    over = check(request("93", amount=D("3600.01")))
    assert fields(over) == ["amount"] and over.rule == "yearly_cap" and over.max_amount == D("3600.00")
    monthly = with_reason(V, "93", min_months_between=None)  # isolate the cap from the frequency
    this_year = [PastWithdrawal("93", D("3000.00"), date(2026, 2, 1))]
    assert check(request("93", amount=D("600.00")), history=this_year, version=monthly).ok
    assert fields(check(request("93", amount=D("600.01")), history=this_year, version=monthly)) == ["amount"]
    last_year = [PastWithdrawal("93", D("3000.00"), date(2025, 12, 30))]
    assert check(request("93", amount=D("3600.00")), history=last_year, version=monthly).ok


def test_history_of_other_reasons_and_later_days_is_ignored():
    history = [PastWithdrawal("06", D("600.00"), date(2026, 9, 1), "X"), PastWithdrawal("07", D("600.00"), date(2026, 12, 1))]
    assert check(request("07"), history=history).ok


def test_covered_months_window():
    day = date(2026, 10, 31)
    assert covered_months(day, [], None) == 12
    assert covered_months(day, [], date(2026, 10, 1)) == 1
    assert covered_months(day, [PastWithdrawal("07", D("1"), date(2026, 10, 1))], None) == 0
    assert covered_months(day, [PastWithdrawal("07", D("1"), date(2020, 1, 1))], date(2019, 1, 1)) == 12


@st.composite
def rent_attempts(draw):
    start = draw(st.dates(min_value=date(2026, 9, 20), max_value=date(2027, 6, 30)))
    gaps = draw(st.lists(st.integers(min_value=0, max_value=200), min_size=1, max_size=12))
    amounts = draw(st.lists(st.decimals(min_value=1, max_value=8000, places=2), min_size=len(gaps), max_size=len(gaps)))
    lease = start - timedelta(days=draw(st.integers(min_value=0, max_value=900)))
    return lease, start, gaps, amounts


@settings(max_examples=150, deadline=None)
@given(rent_attempts(), st.booleans())
def test_accepted_rent_withdrawals_never_break_the_windows(attempt, high_monthly_cap):
    """Whatever is asked, what the rules accept stays within every cap and frequency."""
    lease, day, gaps, amounts = attempt
    version = (with_reason(V, "07", max_amount_per_month=D("2000"), max_pct_of_monthly_contribution=None)
               if high_monthly_cap else V)
    rent = version.withdrawal.reasons["07"]
    per_month = D("2000") if high_monthly_cap else D("600")
    accepted: list[PastWithdrawal] = []
    for gap, amount in zip(gaps, amounts):
        day += timedelta(days=gap)
        req = request("07", day=day, amount=amount, event_date=lease, document_no="ZL-9")
        result = check(req, history=accepted, version=version)
        if result.max_amount > 0 and not [f for f in fields(result) if f != "amount"]:
            assert check(replace(req, amount=result.max_amount), history=accepted, version=version).ok
        if result.ok:
            accepted.append(PastWithdrawal("07", amount, day, "ZL-9"))
    for a, b in itertools.pairwise(accepted):
        assert b.day >= add_months(a.day, rent.min_months_between)
    for year in {w.day.year for w in accepted}:
        assert sum(w.amount for w in accepted if w.day.year == year) <= rent.max_amount_per_year
    for i, w in enumerate(accepted):
        months = (w.day.year - lease.year) * 12 + w.day.month - lease.month + 1
        assert sum(x.amount for x in accepted[: i + 1]) <= per_month * months


# --- events, documents, other reasons -----------------------------------------------------------------

def test_elevator_once_only():
    history = [PastWithdrawal("91", D("8000.00"), date(2025, 3, 1), "DT-1")]
    result = check(request("91", document_no="DT-2"), history=history)
    assert fields(result) == ["reason_code"] and "2025-03-01" in result.errors[0].message


def test_elevator_within_three_years_of_acceptance():
    assert check(request("91", event_date=date(2023, 10, 1))).ok
    late = check(request("91", event_date=date(2023, 9, 30)))
    assert fields(late) == ["event_date"] and "3年" in late.errors[0].message


def test_event_date_is_required_and_not_in_the_future():
    assert fields(check(request("91", event_date=None))) == ["event_date"]
    assert fields(check(request("91", event_date=DAY + timedelta(days=1)))) == ["event_date"]


def test_amount_up_to_the_amount_actually_paid():
    req = request("91", event_amount=D("12000.00"), amount=D("12000.00"))
    assert check(req).ok and check(req).rule == "event_amount"
    over = check(replace(req, amount=D("12000.01")))
    assert fields(over) == ["amount"] and "个人实际出资额" in over.errors[0].message
    assert "12,000.00元" in over.errors[0].message
    assert fields(check(replace(req, event_amount=None))) == ["event_amount"]
    assert fields(check(replace(req, event_amount=D("0")))) == ["event_amount", "amount"]


def test_commercial_loan_repayment_up_to_what_is_owed_once_a_year():
    owed = check(request("06", event_amount=D("3000.00"), amount=D("3000.01")))
    assert fields(owed) == ["amount"] and "尚未偿还的贷款本息" in owed.errors[0].message
    history = [PastWithdrawal("06", D("3000.00"), date(2025, 10, 2), "HT-2026-0001")]
    assert fields(check(request("06"), history=history)) == ["reason_code"]
    assert check(request("06", day=date(2026, 10, 2)), history=history).ok  # same loan contract next year


def test_document_number_is_required_where_the_reason_says():
    result = check(request("01", document_no="  "))
    assert fields(result) == ["document_no"] and "购房合同编号" in result.errors[0].message
    assert check(request("93", document_no=None)).ok


def test_the_same_purchase_contract_cannot_be_used_twice():
    history = [PastWithdrawal("01", D("100000.00"), date(2026, 5, 1), "ht 2026 0001")]
    result = check(request("01", document_no="ＨＴ-2026-0001"), history=history)
    assert fields(result) == ["document_no"] and "不能重复" in result.errors[0].message
    assert check(request("01", document_no="HT-2026-0002"), history=history).ok


def test_large_amounts_are_flagged_for_a_supervisor():
    rich = replace(ACCOUNT, balance=D("90000"))
    big = check(request("06", amount=D("50000.01")), rich)
    assert big.ok and [w.field for w in big.warnings] == ["amount"] and "主管" in big.warnings[0].message
    assert check(request("06", amount=D("50000.00")), rich).warnings == []


def test_rent_variant_decides_the_documents():
    public = check(request("07", variant="public"))
    commercial = check(request("07", variant="commercial"))
    assert public.ok and "rent_receipts" in public.materials and "no_house_cert" not in public.materials
    assert commercial.ok and "no_house_cert" in commercial.materials and "rent_receipts" not in commercial.materials
    unsure = check(request("07"))
    assert unsure.ok and [w.field for w in unsure.warnings] == ["reason_code"]
    assert fields(check(request("07", variant="castle"))) == ["variant"]
