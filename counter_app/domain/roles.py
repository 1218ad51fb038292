"""Clerk roles and the maker-checker rules (柜员角色与主管复核): who may do what, and what needs approval.

Pure: the services pass in the policy numbers (``supervisor_approval_above``) and who is asking.
A station with no clerk accounts yet (a fresh or demo data dir) runs as the built-in demo clerk,
with nobody to approve: no rule here applies to it (the services decide that, see ``clerks``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

CLERK = "clerk"
SUPERVISOR = "supervisor"
ROLES = {CLERK: "柜员", SUPERVISOR: "站长（主管）"}

# Actions that need a supervisor's approval (maker-checker), with what the approval dialog says.
WITHDRAWAL_ABOVE_LIMIT = "withdrawal_above_limit"
REPRINT_RECEIPT = "reprint_receipt"
CANCEL_APPLICATION = "cancel_application"
EDIT_SETTINGS = "edit_settings"
CLOSE_DAY = "close_day"
REOPEN_DAY = "reopen_day"
APPROVAL_ACTIONS = {
    WITHDRAWAL_ABOVE_LIMIT: "大额提取",
    REPRINT_RECEIPT: "补打受理回执",
    CANCEL_APPLICATION: "撤销已受理的申请",
    EDIT_SETTINGS: "修改站点设置",
    CLOSE_DAY: "日结签核",
    REOPEN_DAY: "重开已日结的业务日",
}
# Managing clerk accounts is a supervisor's own job (not an approval of someone else's action).
SUPERVISOR_ONLY = frozenset({"clerk_add", "clerk_disable", "clerk_passwd_other", "audit_list"})
# Maker ≠ checker (issue #17): the approver is always another supervisor than the one who asks.
# A station with a single supervisor asks a second one to be added (or the sub-centre's supervisor
# approves on site); a supervisor's own request can no longer be waved through with his own password.
SUPERVISOR_MAY_SELF_APPROVE = False


@dataclass(frozen=True)
class ApprovalRequest:
    """What must be approved: the action, the thing it is about, and a line for the supervisor."""

    action: str
    subject: str
    summary: str

    @property
    def label(self) -> str:
        return APPROVAL_ACTIONS.get(self.action, self.action)


def is_role(value: Any) -> bool:
    return isinstance(value, str) and value in ROLES


def withdrawal_needs_approval(amount: Any, limit: Decimal) -> bool:
    """A withdrawal of more than the policy's ``supervisor_approval_above`` needs approval."""
    try:
        return Decimal(str(amount)) > limit
    except (InvalidOperation, ValueError):
        return False  # an unreadable amount is the amount field's error, not an approval matter


def needs_approval(action: str, *, amount: Any = None, limit: Decimal | None = None) -> bool:
    """Whether ``action`` (one of ``APPROVAL_ACTIONS``) needs a supervisor's approval here."""
    if action == WITHDRAWAL_ABOVE_LIMIT:
        return limit is not None and withdrawal_needs_approval(amount, limit)
    return action in APPROVAL_ACTIONS


def may_do(role: str | None, action: str) -> bool:
    """Supervisor-only work (clerk accounts, reading the audit log) needs the supervisor role."""
    return action not in SUPERVISOR_ONLY or role == SUPERVISOR


def approval_problem(approver_role: str | None, approver: str, maker: str) -> str | None:
    """Why ``approver`` cannot approve what ``maker`` asks; None when he can."""
    if approver_role != SUPERVISOR:
        return "复核人须为站长（主管）"
    if approver == maker and not SUPERVISOR_MAY_SELF_APPROVE:
        return "复核人不能是提出申请的本人（经办与复核须为两个人），请由另一位站长（主管）复核"
    return None
