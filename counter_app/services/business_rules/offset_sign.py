"""A 月对冲 agreement against the store: the borrower's live loan, the payer's usable account, none in force."""

from __future__ import annotations

from typing import Any

from counter_app.domain.businesses import offset_cancel
from counter_app.domain.businesses.offset_sign import CO_BORROWER, SPEC, payer_of
from counter_app.domain.status import LIVE_LOAN, AccountStatus, loan_label
from counter_app.services.business_rules.loan_settle import subject as live_loan_subject
from counter_app.services.rules import RuleContext, RuleOutcome, check_rule, live_account, pending_same, subject_rule
from counter_app.store.records import AccountRecord

KIND = SPEC.kind
subject_rule(KIND)(live_loan_subject)
PAYING = frozenset({AccountStatus.NORMAL, AccountStatus.SEALED})  # a sealed account still holds its balance


def loan_and_payer(ctx: RuleContext, v: dict[str, Any], out: RuleOutcome) -> AccountRecord | None:
    """The loan must be the borrower's and live; the payer's account is returned (None, with an error, when none)."""
    loans = {loan.loan_no: loan for loan in ctx.uow.loans.for_person(v["id_number"])}
    loan = loans.get(str(v["loan_no"]).strip().upper())
    if loan is None:
        out.error("loan_no", "贷款合同编号不属于该借款人，请核对")
    elif loan.status not in LIVE_LOAN:
        out.error("loan_no", f"该贷款{loan_label(loan.status)}，无需办理月对冲")
    elif v.get("payer_relation") == CO_BORROWER and loan.co_borrower_id and payer_of(v) != loan.co_borrower_id:
        out.error("payer_id_number", "对冲账户人不是该贷款合同的共同借款人")
    account = live_account(ctx.uow.accounts.for_person(payer_of(v)))
    key = "payer_id_number" if v.get("payer_id_number") else "id_number"
    if account is None:
        out.error(key, "对冲账户人没有住房公积金账户")
    return account


def pending_for_loan(ctx: RuleContext, kind: str, v: dict[str, Any]) -> bool:
    return any(p.fields.get("loan_no") == str(v["loan_no"]).strip().upper() for p in pending_same(ctx, kind, v["id_number"]))


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    account = loan_and_payer(ctx, v, out)
    key = "payer_id_number" if v.get("payer_id_number") else "id_number"
    if account is not None:
        if account.status not in PAYING:
            out.error(key, "对冲账户不是正常或封存状态，不能用于月对冲还款")
        elif account.offset_agreement:
            out.error(key, "该账户已签订月对冲协议，如需变更请先办理解约")
    if pending_for_loan(ctx, KIND, v) or pending_for_loan(ctx, offset_cancel.KIND, v):
        out.error("loan_no", "该贷款已有一笔月对冲签约或解约申请正在受理中，请待管理中心办结后再申请")
    if ctx.version.withdrawal.offset_blocks_partial and not out.errors:
        out.warn("payer_relation", "签约期间该账户不能办理部分提取（本市规定）")
    return out
