"""Establishing an employer against the store: not registered already, not pending twice."""

from __future__ import annotations

from typing import Any

from counter_app.domain.businesses.establish_employer import SPEC
from counter_app.services.rules import RuleContext, RuleOutcome, check_rule, pending_same, subject_rule
from counter_app.store.uow import UnitOfWork

KIND = SPEC.kind


@subject_rule(KIND)
def subject(uow: UnitOfWork, uscc: str) -> RuleOutcome:
    out = RuleOutcome()
    employer = uow.employers.get(uscc)
    if employer is not None and employer.registered:
        out.error("uscc", f"该单位已办理缴存登记（单位账号 {employer.account_no or '—'}），不能重复建制")
    return out


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = subject(ctx.uow, v["uscc"])
    if pending_same(ctx, KIND, v["uscc"]):
        out.error("uscc", "该单位已有一笔建制申请正在办理中，请勿重复提交")
    return out
