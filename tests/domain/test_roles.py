"""Roles and maker-checker rules: which actions need a supervisor, who may approve, who may manage."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.roles import (
    APPROVAL_ACTIONS,
    CANCEL_APPLICATION,
    CLERK,
    CLOSE_DAY,
    EDIT_SETTINGS,
    REOPEN_DAY,
    REPRINT_RECEIPT,
    SUPERVISOR,
    SUPERVISOR_ONLY,
    WITHDRAWAL_ABOVE_LIMIT,
    approval_problem,
    is_role,
    may_do,
    needs_approval,
    withdrawal_needs_approval,
)

LIMIT = Decimal("50000")
CENTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("10000000"), places=2)


@given(CENTS)
def test_a_withdrawal_needs_approval_exactly_when_it_is_above_the_limit(amount):
    assert withdrawal_needs_approval(amount, LIMIT) is (amount > LIMIT)
    assert needs_approval(WITHDRAWAL_ABOVE_LIMIT, amount=str(amount), limit=LIMIT) is (amount > LIMIT)


def test_the_limit_itself_needs_no_approval_one_cent_more_does():
    assert not withdrawal_needs_approval("50000.00", LIMIT)
    assert withdrawal_needs_approval("50000.01", LIMIT)


@given(st.one_of(st.text(max_size=8), st.none(), st.floats(allow_nan=True)))
def test_an_unreadable_amount_is_not_an_approval_matter(junk):
    result = withdrawal_needs_approval(junk, LIMIT)
    assert isinstance(result, bool)


def test_reprints_cancels_and_settings_always_need_approval():
    for action in (REPRINT_RECEIPT, CANCEL_APPLICATION, EDIT_SETTINGS):
        assert needs_approval(action)
    assert not needs_approval("lookup")
    assert set(APPROVAL_ACTIONS) == {WITHDRAWAL_ABOVE_LIMIT, REPRINT_RECEIPT, CANCEL_APPLICATION, EDIT_SETTINGS,
                                     CLOSE_DAY, REOPEN_DAY}
    assert all("\u4e00" <= ch <= "\u9fff" for label in APPROVAL_ACTIONS.values() for ch in label[:1])


def test_only_a_supervisor_approves():
    assert approval_problem(CLERK, "lisi", "zhangsan") == "复核人须为站长（主管）"
    assert approval_problem(None, "ghost", "zhangsan") is not None
    assert approval_problem(SUPERVISOR, "wang", "zhangsan") is None


def test_a_supervisor_cannot_approve_his_own_action():
    # Attack (issue #17): a supervisor approved his own request with his own password.
    assert "本人" in approval_problem(SUPERVISOR, "wang", "wang")
    assert approval_problem(SUPERVISOR, "zhao", "wang") is None


@given(st.sampled_from(sorted(SUPERVISOR_ONLY)))
def test_managing_clerks_and_reading_the_audit_log_is_for_supervisors(action):
    assert may_do(SUPERVISOR, action)
    assert not may_do(CLERK, action)
    assert not may_do(None, action)


def test_everyday_work_is_for_every_clerk():
    for action in ("submit", "lookup", "print"):
        assert may_do(CLERK, action)


def test_roles_are_clerk_and_supervisor():
    assert is_role("clerk") and is_role("supervisor")
    assert not is_role("admin") and not is_role(None)
