"""A withdrawal against the store: the live account, its balance less withdrawals still pending, the history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from counter_app.domain.businesses.withdrawal import SPEC
from counter_app.domain.clock import china_time
from counter_app.domain.money import format_money, money_str
from counter_app.domain.withdrawal import (
    ZERO,
    AccountFacts,
    PastWithdrawal,
    WithdrawalCheck,
    WithdrawalRequest,
    check_withdrawal,
)
from counter_app.services import policy_facts
from counter_app.services.document_checks import documents_used_once
from counter_app.services.rules import (
    AmountLimit,
    RuleContext,
    RuleOutcome,
    check_rule,
    existing_account,
    has_account,
    limit_rule,
    pending_same,
    subject_rule,
)

KIND = SPEC.kind
subject_rule(KIND)(has_account)


@limit_rule(KIND)
def limit(ctx: RuleContext, v: dict[str, Any]) -> AmountLimit | None:
    """本次最多可提取: as soon as the person and the reason are known (and the variant, event
    amount and date where the reason caps by them)."""
    if not v.get("id_number") or not v.get("reason_code"):
        return None
    out = RuleOutcome()
    account = existing_account(ctx, v["id_number"], out)
    if account is None:
        return None
    checked, _pending = _checked(ctx, {**v, "amount": v.get("amount") or "0"}, account)
    if checked.rule is None:
        return None
    return AmountLimit("amount", checked.max_amount, "本次最多可提取", checked.why)


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    account = existing_account(ctx, v["id_number"], out)
    if account is None:
        return out
    checked, pending = _checked(ctx, v, account)
    pending_total = sum((Decimal(p.fields["amount"]) for p in pending), Decimal("0"))
    out.errors += checked.errors + documents_used_once(ctx, v)  # risk control: one document, one worker
    out.warnings += checked.warnings
    out.details.update(
        account_no=account.account_no, balance=money_str(account.balance - pending_total),
        max_amount=money_str(checked.max_amount), closing=checked.closing,
    )
    if pending_total:
        out.warn("amount", f"该职工另有{len(pending)}笔提取正在办理（合计{format_money(pending_total)}元），已从可用余额中扣除")
    return out


def _checked(ctx: RuleContext, v: dict[str, Any], account: Any) -> tuple[WithdrawalCheck, list[Any]]:
    # Withdrawals taken here but not yet decided count against the balance and the limits,
    # so a worker cannot withdraw twice while the station is offline.
    pending = pending_same(ctx, KIND, v["id_number"])
    pending_total = sum((Decimal(p.fields["amount"]) for p in pending), Decimal("0"))
    history = [
        PastWithdrawal(reason_code=h.reason_code, amount=h.amount, day=h.day, document_no=h.document_no)
        for h in ctx.uow.withdrawals.for_person(v["id_number"])
    ] + [
        PastWithdrawal(
            reason_code=p.fields["reason_code"], amount=Decimal(p.fields["amount"]),
            day=china_time(p.created_at).date() if p.created_at is not None else ctx.today,
            document_no=p.fields.get("document_no") or None,
        )
        for p in pending
    ]
    account_facts = AccountFacts(
        status=account.status,
        balance=account.balance - pending_total,
        # Unknown contribution: no contribution-based cap can be met (the dataclass's own default).
        monthly_contribution=account.monthly_contribution if account.monthly_contribution is not None else ZERO,
        consecutive_months=account.consecutive_months,
        offset_agreement=account.offset_agreement,
    )
    request = WithdrawalRequest(
        reason_code=v["reason_code"], amount=Decimal(v["amount"]), document_no=v.get("document_no") or None,
        day=ctx.today,
        event_amount=Decimal(v["event_amount"]) if v.get("event_amount") else None,
        event_date=date.fromisoformat(v["event_date"]) if v.get("event_date") else None,
        variant=v.get("variant") or None,
    )
    return check_withdrawal(request, account_facts, history, ctx.version, policy_facts.person_facts(ctx.uow, v)), pending
