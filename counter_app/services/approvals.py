"""Supervisor approval (主管复核, maker-checker) for large withdrawals, reprints, cancels, settings.

``approve`` checks the supervisor's password and returns an ``Approval`` bound to one action, one
subject (e.g. the receipt number) and the clerk who asked; the service doing the action accepts
it for a few minutes. Approvals are sealed with a key of this process, so code cannot forge one
without the password. A station without clerk accounts (demo) needs no approvals at all.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from counter_app.domain.businesses import business
from counter_app.domain.errors import FieldError
from counter_app.domain.roles import (
    APPROVAL_ACTIONS,
    CANCEL_APPLICATION,
    CLOSE_DAY,
    EDIT_SETTINGS,
    REOPEN_DAY,
    REPRINT_RECEIPT,
    WITHDRAWAL_ABOVE_LIMIT,
    ApprovalRequest,
    approval_problem,
)
from counter_app.services import audit
from counter_app.services.clerks import authenticate
from counter_app.services.counter import Counter
from counter_app.store.uow import UnitOfWork

VALID_FOR = timedelta(minutes=5)
_KEY = secrets.token_bytes(32)
SETTINGS_SUBJECT = "station-settings"


@dataclass(frozen=True)
class Approval:
    """A supervisor's yes to one action on one subject, asked by ``maker``."""

    action: str
    subject: str
    approver: str
    maker: str
    at: datetime
    seal: str = field(default="", repr=False)


def _seal(action: str, subject: str, approver: str, maker: str, at: datetime) -> str:
    message = "\x1f".join((action, subject, approver, maker, at.isoformat())).encode("utf-8", "surrogatepass")
    return hmac.new(_KEY, message, hashlib.sha256).hexdigest()


def approve(counter: Counter, supervisor_username: Any, password: Any, action: str, subject: str) -> Approval | FieldError:
    """The supervisor types name and password at the clerk's counter; audited either way."""
    if action not in APPROVAL_ACTIONS:
        return FieldError("approval", "未知的复核事项")
    who = authenticate(counter, supervisor_username, password, purpose="approve")
    if isinstance(who, FieldError):
        return FieldError("approver_password" if who.field == "password" else "approver", who.message)
    problem = approval_problem(who.role, who.username, counter.clerk)
    details = {"action": action, "approver": who.username, "maker": counter.clerk}
    if problem:
        audit.record(counter, "approve_refused", audit_subject(action, subject), details, clerk=who.username)
        return FieldError("approver", problem)
    at = counter.now()
    audit.record(counter, "approve", audit_subject(action, subject), details, clerk=who.username)
    return Approval(action, subject, who.username, counter.clerk, at, _seal(action, subject, who.username, counter.clerk, at))


def refusal(counter: Counter, request: ApprovalRequest, approval: Any, uow: UnitOfWork | None = None) -> FieldError | None:
    """None when ``request`` may go ahead: no clerk accounts, or a fitting approval; else the
    error on field ``approval`` that makes the GUI ask a supervisor."""
    if not _has_clerks(counter, uow):
        return None
    if approval is None:
        return FieldError("approval", f"{request.summary}，须经站长（主管）复核授权")
    if not isinstance(approval, Approval) or not hmac.compare_digest(
            approval.seal, _seal(approval.action, approval.subject, approval.approver, approval.maker, approval.at)):
        return FieldError("approval", "复核授权无效，请站长重新复核")
    if (approval.action, approval.subject) != (request.action, request.subject):
        return FieldError("approval", "复核授权与本次业务不符，请站长重新复核")
    if approval.maker != counter.clerk:
        return FieldError("approval", "复核授权属于另一位柜员，请站长重新复核")
    if not timedelta(0) <= counter.now() - approval.at <= VALID_FOR:
        return FieldError("approval", "复核授权已过期，请站长重新复核")
    return None


def approver_of(approval: Any) -> str | None:
    """Who approved, for the log; None for anything that is not a real ``Approval``."""
    return approval.approver if isinstance(approval, Approval) else None


def _has_clerks(counter: Counter, uow: UnitOfWork | None) -> bool:
    if uow is not None:
        return bool(uow.clerks.any())
    with counter.store.unit_of_work() as own:
        return bool(own.clerks.any())


# --- what each action's approval is about -----------------------------------------------------------

def submission_request(counter: Counter, kind: str, values: dict[str, Any]) -> ApprovalRequest | None:
    """The approval a submission of ``kind`` needs (a withdrawal above the limit), or None."""
    return business(kind).approval(values, counter.policy_on())


def reprint_request(receipt_number: str) -> ApprovalRequest:
    return ApprovalRequest(REPRINT_RECEIPT, receipt_number, f"补打受理回执 {receipt_number}")


def cancel_request(receipt_number: str) -> ApprovalRequest:
    return ApprovalRequest(CANCEL_APPLICATION, receipt_number, f"撤销申请 {receipt_number}")


def close_request(day: Any, scope: str) -> ApprovalRequest:
    who = "全站" if scope == "station" else scope.removeprefix("clerk:")
    return ApprovalRequest(CLOSE_DAY, f"{day}:{scope}", f"{day} {who}日结")


def reopen_request(day: Any, scope: str) -> ApprovalRequest:
    who = "全站" if scope == "station" else scope.removeprefix("clerk:")
    return ApprovalRequest(REOPEN_DAY, f"{day}:{scope}", f"重开 {day} {who}已日结的业务")


def settings_request() -> ApprovalRequest:
    return ApprovalRequest(EDIT_SETTINGS, SETTINGS_SUBJECT, "修改站点设置")


def audit_subject(action: str, subject: str) -> str:
    """An approval's subject as the log keeps it: a withdrawal's ID number masked."""
    if action == WITHDRAWAL_ABOVE_LIMIT and "|" in subject:
        id_number, amount = subject.split("|", 1)
        return f"{audit.masked(id_number)}|{amount}"
    return subject
