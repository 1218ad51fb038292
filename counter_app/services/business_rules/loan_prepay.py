"""A partial prepayment against the store: the borrower's live loan, its months left, the fund balance.

The loan as it stood on the day (balance, rate, months left, method) is kept with the application,
so the receipt, the form and the centre see the schedules the borrower chose between.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from counter_app.domain.businesses.loan_prepay import SPEC, both_modes, months_left
from counter_app.domain.businesses.loan_settle import last_due_date
from counter_app.domain.money import CENT, format_money, money_str
from counter_app.domain.schedule import METHOD_CODES
from counter_app.domain.status import AccountStatus, LoanStatus
from counter_app.services.business_rules.loan_settle import find_live_loan, fund_available
from counter_app.services.business_rules.loan_settle import subject as live_loan_subject
from counter_app.services.rules import RuleContext, RuleOutcome, check_rule, existing_account, pending_same, subject_rule
from counter_app.store.records import LoanRecord

KIND = SPEC.kind


subject_rule(KIND)(live_loan_subject)


def loan_facts(loan: LoanRecord, today: date) -> dict[str, Any]:
    """The loan as the prepayment sees it: owed after the last due date, instalments to go."""
    due = last_due_date(loan.start_date, today) if today >= loan.start_date else loan.start_date
    return {"loan_no": loan.loan_no, "balance": money_str(loan.outstanding), "rate": str(loan.annual_rate),
            "months_left": months_left(loan.start_date, loan.months, due), "method": loan.method,
            "last_due": due.isoformat()}


def find_loan(ctx: RuleContext, v: dict[str, Any], out: RuleOutcome) -> LoanRecord | None:
    return find_live_loan(ctx, v, out, "不能提前还款")


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    loan = find_loan(ctx, v, out)
    if loan is None:
        return out
    if any(p.fields.get("loan_no") == loan.loan_no for p in pending_same(ctx, KIND, v["id_number"])):
        out.error("loan_no", "该贷款已有一笔提前还款申请正在受理中，请待管理中心办结后再申请")
    if loan.status == LoanStatus.OVERDUE:
        out.error("loan_no", "该贷款有逾期未还款项，请先归还逾期本息（不收取罚息）或办理提前结清")
    amount = Decimal(v["amount"])
    loan_now = loan_facts(loan, ctx.today)
    if loan_now["months_left"] < 2:
        out.error("loan_no", "该贷款仅剩最后一期，请办理提前结清")
        return out
    if amount >= loan.outstanding:
        out.error("amount", f"提前还款金额应少于剩余本金 {format_money(loan.outstanding)} 元；全部还清请办理提前结清")
        return out
    shorten, reduce = both_modes(loan.outstanding, loan.annual_rate, loan_now["months_left"], amount,
                                 METHOD_CODES.get(loan.method, "annuity"))
    out.details["prepay"] = {"shorten": shorten.as_dict(), "reduce": reduce.as_dict()}
    out.details["record"] = {"loan": loan_now}
    fund = Decimal(v.get("fund_amount") or "0")
    if fund > 0:
        account = existing_account(ctx, v["id_number"], out)
        if account is None:
            return out
        if account.status != AccountStatus.NORMAL:
            out.error("fund_amount", "公积金账户不是正常状态，不能提取还贷")
        else:
            usable = max(fund_available(ctx, v["id_number"], account.balance) - CENT, Decimal("0.00"))
            if fund > usable:
                out.error("fund_amount", f"提取还贷须保留账户余额不为零，本次最多可提取 {format_money(usable)} 元")
    return out
