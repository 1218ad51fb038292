"""A transfer in against the store: a live account here to receive it, one transfer in at a time."""

from __future__ import annotations

from typing import Any

from counter_app.domain.businesses.transfer_in import SPEC
from counter_app.domain.status import AccountStatus
from counter_app.services.rules import (
    RuleContext,
    RuleOutcome,
    check_rule,
    existing_account,
    has_account,
    pending_same,
    subject_rule,
)

KIND = SPEC.kind
subject_rule(KIND)(has_account)


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    account = existing_account(ctx, v["id_number"], out)
    if account is None:
        return out
    if account.status != AccountStatus.NORMAL:
        label = AccountStatus(account.status).label if account.status in set(AccountStatus) else account.status
        out.error("id_number", f"本市账户状态为“{label}”，须先由现单位在本市正常缴存后再办理转入")
    out.details["account_no"] = account.account_no
    if pending_same(ctx, KIND, v["id_number"]):
        out.error("id_number", "该职工已有一笔转入申请正在办理中，请勿重复提交")
    return out
