"""A transfer out against the store: a live account not frozen, no fund loan still being repaid,
no withdrawal or transfer of the same worker still pending."""

from __future__ import annotations

from typing import Any

from counter_app.domain import status
from counter_app.domain.businesses.transfer_out import SPEC
from counter_app.domain.money import format_money
from counter_app.domain.status import AccountStatus
from counter_app.services.rules import (
    RuleContext,
    RuleOutcome,
    check_rule,
    existing_account,
    has_account,
    subject_rule,
)

KIND = SPEC.kind
subject_rule(KIND)(has_account)
# Businesses that move money out of the account: one at a time with a transfer out.
_MONEY_OUT = ("withdrawal", "offsite-purchase-withdrawal", KIND)


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    account = existing_account(ctx, v["id_number"], out)
    if account is None:
        return out
    if account.status not in (AccountStatus.NORMAL, AccountStatus.SEALED):
        out.error("id_number", f"本市账户状态为“{AccountStatus(account.status).label}”，不能办理转出")
    if any(loan.status in status.LIVE_LOAN for loan in ctx.uow.loans.for_person(v["id_number"])):
        out.error("id_number", "该职工在本市有尚未还清的公积金贷款，须结清后方可转出")
    pending = [a for a in ctx.uow.applications.for_subject(v["id_number"])
               if a.kind in _MONEY_OUT and a.status in status.OPEN]
    if pending:
        out.error("id_number", f"该职工有{len(pending)}笔提取或转出申请正在办理中（受理编号 {pending[0].receipt_number}），"
                               "办结后再办理转出")
    out.details.update(account_no=account.account_no, balance=str(account.balance))
    out.warn("target_account", f"本市账户余额{format_money(account.balance)}元（另加结息）将全部转出，本市账户随之销户")
    return out
