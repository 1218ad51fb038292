"""An early settlement against the store: the borrower's live loan, the payoff to the day, the fund balance."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from counter_app.domain.businesses import withdrawal
from counter_app.domain.businesses.loan_settle import SPEC, last_due_date, payoff
from counter_app.domain.money import CENT, format_money
from counter_app.domain.status import LIVE_LOAN, OPEN, AccountStatus, LoanStatus, loan_label
from counter_app.services.rules import RuleContext, RuleOutcome, check_rule, existing_account, pending_same, subject_rule
from counter_app.store.records import LoanRecord
from counter_app.store.uow import UnitOfWork

KIND = SPEC.kind
AHEAD_DAYS = 30  # a settlement is booked for today or a day within the next 30


def live_loans(uow: UnitOfWork, id_number: str) -> list[LoanRecord]:
    return [loan for loan in uow.loans.for_person(id_number) if loan.status in LIVE_LOAN]


def find_live_loan(ctx: RuleContext, v: dict[str, Any], out: RuleOutcome, refused: str) -> LoanRecord | None:
    """The borrower's loan named by ``loan_no`` when it is live; otherwise an error on loan_no ending in ``refused``."""
    loans = {loan.loan_no: loan for loan in ctx.uow.loans.for_person(v["id_number"])}
    loan = loans.get(str(v["loan_no"]).strip().upper())
    if loan is None:
        out.error("loan_no", "贷款合同编号不属于该借款人，请核对")
        return None
    if loan.status not in LIVE_LOAN:
        out.error("loan_no", f"该贷款{loan_label(loan.status)}，{refused}")
        return None
    return loan


@subject_rule(KIND)
def subject(uow: UnitOfWork, id_number: str) -> RuleOutcome:
    """No live loan is an error; each live loan is named, so the clerk can type its number."""
    out = RuleOutcome()
    loans = live_loans(uow, id_number)
    if not loans:
        out.error("id_number", "该借款人没有正在还款的公积金贷款")
    for loan in loans:
        out.warn("id_number", f"贷款合同 {loan.loan_no}（{loan_label(loan.status)}）：剩余本金 "
                              f"{format_money(loan.outstanding)} 元，年利率 {loan.annual_rate}%")
    return out


def fund_available(ctx: RuleContext, id_number: str, balance: Decimal) -> Decimal:
    """The balance less what applications taken here, not yet decided, will take out of it: withdrawals,
    and the fund part (``fund_amount``) of any loan repayment (settlement, prepayment …)."""
    taken = sum((Decimal(p.fields["amount"]) for p in pending_same(ctx, withdrawal.SPEC.kind, id_number)), Decimal(0))
    taken += sum((Decimal(p.fields.get("fund_amount") or "0") for p in ctx.uow.applications.for_subject(id_number)
                  if p.status in OPEN), Decimal(0))
    return balance - taken


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    loan = find_live_loan(ctx, v, out, "无需结清")
    if loan is None:
        return out
    if any(p.fields.get("loan_no") == loan.loan_no for p in pending_same(ctx, KIND, v["id_number"])):
        out.error("loan_no", "该贷款已有一笔提前结清申请正在受理中，请勿重复提交")
    if loan.status == LoanStatus.OVERDUE:
        out.warn("loan_no", "该贷款有逾期未还款项：逾期本息须一并结清，以管理中心核算为准（不收取罚息）")
    on = date.fromisoformat(v["settle_date"])
    if not ctx.today <= on <= ctx.today + timedelta(days=AHEAD_DAYS):
        out.error("settle_date", f"结清日期应在今日至{AHEAD_DAYS}天内")
        return out
    due = payoff(loan.outstanding, loan.annual_rate, last_due_date(loan.start_date, on), on)
    out.details["payoff"] = due.as_dict()
    if Decimal(v["amount"]) != due.total:
        out.error("amount", f"结清应还 {format_money(due.total)} 元（剩余本金 {format_money(due.principal)} 元"
                            f"＋{due.days}天利息 {format_money(due.interest)} 元），与填写的金额不符")
    fund = Decimal(v.get("fund_amount") or "0")
    if fund > 0:
        account = existing_account(ctx, v["id_number"], out)
        if account is None:
            return out
        if account.status != AccountStatus.NORMAL:
            out.error("fund_amount", "公积金账户不是正常状态，不能提取还贷")
        elif fund > fund_available(ctx, v["id_number"], account.balance) - CENT:
            usable = max(fund_available(ctx, v["id_number"], account.balance) - CENT, Decimal("0.00"))
            out.error("fund_amount", f"提取还贷须保留账户余额不为零，本次最多可提取 {format_money(usable)} 元")
    return out
