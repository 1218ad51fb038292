"""Statuses, one table each: applications (受理状态), personal accounts (JGJ/T 320 A.6), fund loans.

Each status is a ``StrEnum`` (its value is what the store, the JSON and the centre hold) with its one
Chinese label; the GUI, the CLI, printing and the daily close all show ``label`` (the GUI through its
``catalog`` translations). Applications also carry their lifecycle: which statuses are still open,
which the counter may cancel, and which moves are allowed (the store refuses any other).
"""

from __future__ import annotations

from enum import StrEnum


class ApplicationStatus(StrEnum):
    """Where an application taken at the counter stands."""

    SUBMITTED = "submitted"  # accepted at the counter (受理)
    QUEUED = "queued"  # waiting in the outbox for the centre
    RECEIVED = "received"  # the centre acknowledged it
    APPROVED = "approved"
    REJECTED = "rejected"
    NEEDS_MORE = "needs-more"
    CONFLICT = "conflict"  # the centre found it conflicting: a person must resolve it
    CANCELLED = "cancelled"  # withdrawn at the counter before it was sent

    @property
    def label(self) -> str:
        return APPLICATION_LABELS[self]


APPLICATION_LABELS: dict[ApplicationStatus, str] = {
    ApplicationStatus.SUBMITTED: "已受理",
    ApplicationStatus.QUEUED: "待上传中心",
    ApplicationStatus.RECEIVED: "中心已接收",
    ApplicationStatus.APPROVED: "已核准",
    ApplicationStatus.REJECTED: "不予核准",
    ApplicationStatus.NEEDS_MORE: "需补充材料",
    ApplicationStatus.CONFLICT: "冲突待处理",
    ApplicationStatus.CANCELLED: "已撤销",
}

_S = ApplicationStatus
# Taken, not yet decided by the centre: counts against balances and blocks a second application.
OPEN: frozenset[ApplicationStatus] = frozenset({_S.SUBMITTED, _S.QUEUED, _S.RECEIVED, _S.NEEDS_MORE})
# Not decided by the centre (a conflict waits for a person there): a registration in one of these is
# still 待中心审核, its subject found at the station from the application.
CONFLICT_OR_OPEN: frozenset[ApplicationStatus] = OPEN | {_S.CONFLICT}
# The counter may still withdraw it (and only while no push of it has started: see cancel_application).
CANCELLABLE: frozenset[ApplicationStatus] = frozenset({_S.SUBMITTED, _S.QUEUED})
# Not yet acknowledged by the centre.
NOT_YET_RECEIVED: frozenset[ApplicationStatus] = frozenset({_S.SUBMITTED, _S.QUEUED})
# The centre's decisions; a decision may follow any status the centre has seen, again after a
# snapshot reload re-applies every decision, and a person may correct an earlier one.
DECISIONS: frozenset[ApplicationStatus] = frozenset({_S.APPROVED, _S.REJECTED, _S.NEEDS_MORE, _S.CONFLICT})
# Not taken up: an employer with only these has not registered, a worker has not opened an account.
NOT_TAKEN_UP: frozenset[ApplicationStatus] = frozenset({_S.CANCELLED, _S.REJECTED})

TRANSITIONS: dict[ApplicationStatus, frozenset[ApplicationStatus]] = {
    _S.SUBMITTED: frozenset({_S.QUEUED, _S.RECEIVED, _S.CANCELLED}) | DECISIONS,
    _S.QUEUED: frozenset({_S.RECEIVED, _S.CANCELLED}) | DECISIONS,
    _S.RECEIVED: DECISIONS,
    _S.NEEDS_MORE: DECISIONS,
    _S.CONFLICT: DECISIONS,
    _S.APPROVED: DECISIONS,
    _S.REJECTED: DECISIONS,
    _S.CANCELLED: frozenset(),  # final: it never reached the centre
}
# What a new application is stored with, and the steps it went through at that same moment.
ACCEPTED_STEPS: tuple[ApplicationStatus, ...] = (_S.SUBMITTED,)
ACCEPTED: ApplicationStatus = _S.QUEUED


class StatusTransitionError(ValueError):
    """A status move the lifecycle does not allow (a programming error, never a clerk's input)."""

    def __init__(self, current: str, wanted: str) -> None:
        super().__init__(f"application status cannot move from {current!r} to {wanted!r}")
        self.current = current
        self.wanted = wanted


def can_move(current: str, wanted: str) -> bool:
    """Whether an application in ``current`` may move to ``wanted`` (unknown statuses may not)."""
    try:
        return ApplicationStatus(wanted) in TRANSITIONS[ApplicationStatus(current)]
    except ValueError:
        return False


def check_move(current: str, wanted: str) -> ApplicationStatus:
    """``wanted`` as a status, or ``StatusTransitionError``."""
    if not can_move(current, wanted):
        raise StatusTransitionError(current, wanted)
    return ApplicationStatus(wanted)


def application_label(status: str) -> str:
    """The Chinese label of a stored status; an unknown one shows as it is."""
    try:
        return ApplicationStatus(status).label
    except ValueError:
        return status


# --- personal accounts (JGJ/T 320 A.6) ---------------------------------------------------------

class AccountStatus(StrEnum):
    """A personal fund account's status code."""

    NORMAL = "01"
    SEALED = "02"
    CLOSED_MERGED = "03"
    CLOSED_TRANSFERRED = "04"
    CLOSED_WITHDRAWN = "05"
    FROZEN = "06"
    OTHER = "99"

    @property
    def label(self) -> str:
        return ACCOUNT_LABELS[self]


ACCOUNT_LABELS: dict[AccountStatus, str] = {
    AccountStatus.NORMAL: "正常",
    AccountStatus.SEALED: "封存",
    AccountStatus.CLOSED_MERGED: "合并销户",
    AccountStatus.CLOSED_TRANSFERRED: "外部转出销户",
    AccountStatus.CLOSED_WITHDRAWN: "提取销户",
    AccountStatus.FROZEN: "冻结",
    AccountStatus.OTHER: "其他",
}
CLOSED_ACCOUNT: frozenset[AccountStatus] = frozenset(
    {AccountStatus.CLOSED_MERGED, AccountStatus.CLOSED_TRANSFERRED, AccountStatus.CLOSED_WITHDRAWN})


def account_label(status: str) -> str:
    try:
        return AccountStatus(status).label
    except ValueError:
        return status


# --- fund loans -------------------------------------------------------------------------------

class LoanStatus(StrEnum):
    """A fund loan's status as the centre sends it."""

    REPAYING = "repaying"
    SETTLED = "settled"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        return LOAN_LABELS[self]


LOAN_LABELS: dict[LoanStatus, str] = {
    LoanStatus.REPAYING: "还款中",
    LoanStatus.SETTLED: "已结清",
    LoanStatus.OVERDUE: "逾期",
}
# Not yet paid off: a borrower with one cannot take another loan.
LIVE_LOAN: frozenset[LoanStatus] = frozenset({LoanStatus.REPAYING, LoanStatus.OVERDUE})


def loan_label(status: str) -> str:
    try:
        return LoanStatus(status).label
    except ValueError:
        return status


# --- employers (JGJ/T 320 A.4) ----------------------------------------------------------------

class EmployerStatus(StrEnum):
    """An employer's fund registration status code."""

    NORMAL = "01"
    OPENED = "02"
    DEFERRED = "03"
    CLOSED = "04"
    SEALED = "05"
    OTHER = "99"

    @property
    def label(self) -> str:
        return EMPLOYER_LABELS[self]


EMPLOYER_LABELS: dict[EmployerStatus, str] = {
    EmployerStatus.NORMAL: "正常",
    EmployerStatus.OPENED: "开户",
    EmployerStatus.DEFERRED: "缓缴",
    EmployerStatus.CLOSED: "销户",
    EmployerStatus.SEALED: "封存",
    EmployerStatus.OTHER: "其他",
}


def employer_label(status: str) -> str:
    try:
        return EmployerStatus(status).label
    except ValueError:
        return status
