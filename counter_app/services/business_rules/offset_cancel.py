"""Stopping a 月对冲 against the store: an agreement in force on the payer's account, nothing pending."""

from __future__ import annotations

from typing import Any

from counter_app.domain.businesses import offset_sign
from counter_app.domain.businesses.offset_cancel import SPEC
from counter_app.services.business_rules.loan_settle import subject as live_loan_subject
from counter_app.services.business_rules.offset_sign import loan_and_payer, pending_for_loan
from counter_app.services.rules import RuleContext, RuleOutcome, check_rule, subject_rule

KIND = SPEC.kind
subject_rule(KIND)(live_loan_subject)


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    account = loan_and_payer(ctx, v, out)
    if account is not None and not account.offset_agreement:
        out.error("payer_id_number" if v.get("payer_id_number") else "id_number", "该账户未签订月对冲协议，无需解约")
    if pending_for_loan(ctx, KIND, v) or pending_for_loan(ctx, offset_sign.KIND, v):
        out.error("loan_no", "该贷款已有一笔月对冲签约或解约申请正在受理中，请待管理中心办结后再申请")
    return out
