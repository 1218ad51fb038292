"""The status tables: one label per status, the lifecycle's sets and its allowed moves."""

from __future__ import annotations

import itertools

import pytest

from counter_app.domain import status as st
from counter_app.domain.status import (
    AccountStatus,
    ApplicationStatus,
    EmployerStatus,
    LoanStatus,
    StatusTransitionError,
    can_move,
    check_move,
)

A = ApplicationStatus


@pytest.mark.parametrize("enum, labels", [
    (ApplicationStatus, st.APPLICATION_LABELS), (AccountStatus, st.ACCOUNT_LABELS),
    (LoanStatus, st.LOAN_LABELS), (EmployerStatus, st.EMPLOYER_LABELS),
])
def test_every_status_has_one_distinct_label(enum, labels) -> None:
    assert set(labels) == set(enum)
    assert len(set(labels.values())) == len(labels)


def test_the_labels_the_issue_found_disagreeing_are_settled() -> None:
    assert A.SUBMITTED.label == "已受理" and A.REJECTED.label == "不予核准"
    assert st.application_label("queued") == "待上传中心"
    assert st.application_label("no-such") == "no-such"  # an unknown stored value shows as it is


def test_open_cancellable_and_not_yet_received_sets() -> None:
    assert st.CANCELLABLE <= st.OPEN
    assert {A.SUBMITTED, A.QUEUED} == st.NOT_YET_RECEIVED
    assert not st.OPEN & {A.APPROVED, A.REJECTED, A.CANCELLED, A.CONFLICT}


def test_every_status_has_its_transitions_and_cancelled_is_final() -> None:
    assert set(st.TRANSITIONS) == set(A)
    assert st.TRANSITIONS[A.CANCELLED] == frozenset()
    for before in A:
        assert A.CANCELLED not in st.TRANSITIONS[before] or before in st.CANCELLABLE


@pytest.mark.parametrize("before, after", [
    ("submitted", "queued"), ("queued", "received"), ("queued", "cancelled"), ("received", "approved"),
    ("needs-more", "approved"), ("approved", "approved"), ("conflict", "rejected"),
])
def test_allowed_moves(before: str, after: str) -> None:
    assert can_move(before, after)
    assert check_move(before, after) == after


@pytest.mark.parametrize("before, after", [
    ("cancelled", "approved"), ("received", "cancelled"), ("approved", "queued"), ("received", "submitted"),
    ("queued", "no-such"), ("no-such", "queued"),
])
def test_refused_moves_raise_a_typed_error(before: str, after: str) -> None:
    assert not can_move(before, after)
    with pytest.raises(StatusTransitionError) as raised:
        check_move(before, after)
    assert (raised.value.current, raised.value.wanted) == (before, after)


def test_accepted_steps_are_a_path_of_the_lifecycle() -> None:
    steps = (*st.ACCEPTED_STEPS, st.ACCEPTED)
    assert all(can_move(a, b) for a, b in itertools.pairwise(steps))


def test_account_and_loan_sets() -> None:
    assert "03" in st.CLOSED_ACCOUNT and "02" not in st.CLOSED_ACCOUNT
    assert {LoanStatus.REPAYING, LoanStatus.OVERDUE} == st.LIVE_LOAN
    assert st.account_label("06") == "冻结" and st.loan_label("settled") == "已结清"
    assert st.employer_label("03") == "缓缴"
