"""A deferral against the store: a registered employer, workers' consent, the policy's longest span."""

from __future__ import annotations

from typing import Any

from counter_app.domain.businesses.deferral import SPEC
from counter_app.services.rules import RuleContext, RuleOutcome, check_rule, pending_same, subject_rule
from counter_app.store.uow import UnitOfWork

KIND = SPEC.kind


@subject_rule(KIND)
def subject(uow: UnitOfWork, uscc: str) -> RuleOutcome:
    out = RuleOutcome()
    employer = uow.employers.get(uscc)
    if employer is None or not employer.registered:
        out.error("uscc", "该单位尚未办理缴存登记，不能申请缓缴")
    return out


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = subject(ctx.uow, v["uscc"])
    if not v.get("workers_consent"):
        out.error("workers_consent", "缓缴须经本单位职工代表大会或工会讨论通过")
    y1, m1 = map(int, v["from_month"].split("-"))
    y2, m2 = map(int, v["to_month"].split("-"))
    span = (y2 - y1) * 12 + (m2 - m1) + 1
    limit = ctx.version.notices.deferral_max_months
    if span > limit:
        out.error("to_month", f"缓缴期限最长{limit}个月（本次为{span}个月）")
    if pending_same(ctx, KIND, v["uscc"]):
        out.error("uscc", "该单位已有一笔缓缴申请正在办理中，请勿重复提交")
    return out
