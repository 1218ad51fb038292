"""An offsite purchase withdrawal against the store: the purchase limits of the policy in force,
on the live account less every withdrawal still pending, the purchase contract used once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from counter_app.domain import status
from counter_app.domain.businesses.offsite_purchase_withdrawal import PURCHASE_REASON, SPEC
from counter_app.domain.clock import china_time
from counter_app.domain.money import money_str
from counter_app.domain.withdrawal import ZERO, AccountFacts, PastWithdrawal, WithdrawalRequest, check_withdrawal
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
_WITHDRAWALS = ("withdrawal", KIND)  # both draw on the same balance while undecided


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    account = existing_account(ctx, v["id_number"], out)
    if account is None:
        return out
    pending = [a for a in ctx.uow.applications.for_subject(v["id_number"])
               if a.kind in _WITHDRAWALS and a.status in status.OPEN]
    pending_total = sum((Decimal(p.fields["amount"]) for p in pending), ZERO)
    history = [
        PastWithdrawal(reason_code=h.reason_code, amount=h.amount, day=h.day, document_no=h.document_no)
        for h in ctx.uow.withdrawals.for_person(v["id_number"])
    ] + [
        PastWithdrawal(
            reason_code=p.fields.get("reason_code", PURCHASE_REASON), amount=Decimal(p.fields["amount"]),
            day=china_time(p.created_at).date() if p.created_at is not None else ctx.today,
            document_no=p.fields.get("document_no") or None,
        )
        for p in pending
    ]
    facts_now = AccountFacts(
        status=account.status, balance=account.balance - pending_total,
        monthly_contribution=account.monthly_contribution if account.monthly_contribution is not None else ZERO,
        consecutive_months=account.consecutive_months, offset_agreement=account.offset_agreement,
    )
    request = WithdrawalRequest(
        reason_code=PURCHASE_REASON, amount=Decimal(v["amount"]), document_no=v["document_no"], day=ctx.today,
        event_amount=Decimal(v["event_amount"]), event_date=date.fromisoformat(v["event_date"]),
    )
    checked = check_withdrawal(request, facts_now, history, ctx.version)
    out.errors += [e for e in checked.errors if e.field != "reason_code"]
    out.warnings += [w for w in checked.warnings if w.field != "reason_code"]
    out.details.update(account_no=account.account_no, balance=money_str(facts_now.balance),
                       max_amount=money_str(checked.max_amount), closing=checked.closing)
    return out
