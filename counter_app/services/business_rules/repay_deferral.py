"""A hardship deferral against the store: the borrower's live loan (overdue too), the months it has left."""

from __future__ import annotations

from typing import Any

from counter_app.domain.businesses.loan_prepay import months_left
from counter_app.domain.businesses.loan_settle import last_due_date
from counter_app.domain.businesses.repay_deferral import SPEC
from counter_app.services.business_rules.loan_settle import find_live_loan
from counter_app.services.business_rules.loan_settle import subject as live_loan_subject
from counter_app.services.rules import RuleContext, RuleOutcome, check_rule, pending_same, subject_rule

KIND = SPEC.kind
subject_rule(KIND)(live_loan_subject)


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    loan = find_live_loan(ctx, v, out, "无需缓期还款")
    if loan is None:
        return out
    if any(p.fields.get("loan_no") == loan.loan_no for p in pending_same(ctx, KIND, v["id_number"])):
        out.error("loan_no", "该贷款已有一笔缓期还款申请正在受理中，请勿重复提交")
    if v["from_month"] < f"{ctx.today:%Y-%m}":
        out.error("from_month", "缓期起始年月不能早于本月")
    due = last_due_date(loan.start_date, ctx.today) if ctx.today >= loan.start_date else loan.start_date
    left = months_left(loan.start_date, loan.months, due)
    if int(v["defer_months"]) >= left:
        out.error("defer_months", f"该贷款仅剩{left}期，缓期月数应少于剩余期数")
    return out
