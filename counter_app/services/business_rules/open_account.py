"""Opening an account against the store: one person one account, a registered employer, the base's range."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from counter_app.domain.businesses.open_account import SPEC
from counter_app.domain.contribution import monthly_contribution
from counter_app.domain.money import format_money, money_str
from counter_app.services.rules import ACTIVE, SEALED, RuleContext, RuleOutcome, check_rule, pending_same, subject_rule
from counter_app.store.uow import UnitOfWork

KIND = SPEC.kind


@subject_rule(KIND)
def subject(uow: UnitOfWork, id_number: str) -> RuleOutcome:
    """A normal account already open is an error; a sealed one is transferred into the new account."""
    out = RuleOutcome()
    for account in uow.accounts.for_person(id_number):
        if account.status == ACTIVE:
            employer = uow.employers.get(account.employer_uscc) if account.employer_uscc else None
            where = f"（{employer.name}）" if employer else ""
            out.error("id_number", f"该职工已有正常缴存的公积金账户 {account.account_no}{where}，一人一户，不能重复开户")
        elif account.status == SEALED:
            out.warn("id_number", f"该职工有封存账户 {account.account_no}，可办理转移接续，原账户余额将并入新账户")
            out.details["transfer_from"] = account.account_no
    return out


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    id_number = v["id_number"]
    out = subject(ctx.uow, id_number)
    if pending_same(ctx, KIND, id_number):
        out.error("id_number", "该职工已有一笔开户申请正在办理中，请勿重复提交")
    employer = ctx.uow.employers.get(v["employer_uscc"])
    if employer is None:
        out.warn("employer_uscc", "本站数据中没有该单位，将由中心核实")
    elif not employer.registered:
        out.error("employer_uscc", f"{employer.name}尚未办理住房公积金缴存登记，请先为单位办理建制")
    c = ctx.version.contribution
    base = Decimal(v["monthly_base"])
    if not c.base_floor <= base <= c.base_cap:
        out.error("monthly_base", f"缴存基数应在{format_money(c.base_floor)}至{format_money(c.base_cap)}元之间")
    else:
        amounts = monthly_contribution(
            base, Decimal(v["worker_ratio"]), Decimal(v["employer_ratio"]), base_floor=c.base_floor, base_cap=c.base_cap
        )
        out.details["monthly_contribution"] = {
            "worker": money_str(amounts.worker), "employer": money_str(amounts.employer), "total": money_str(amounts.total)
        }
    return out
