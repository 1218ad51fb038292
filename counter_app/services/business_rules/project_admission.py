"""A project admission against the store: the developer known or named, the old file's documents
real, the agreement of a back-fill still in force, and one pending admission per project."""

from __future__ import annotations

from typing import Any

from counter_app.domain.businesses.project_admission import BACKFILL, SPEC, held_refs
from counter_app.domain.normalize import normalize_text
from counter_app.services.rules import RuleContext, RuleOutcome, check_rule, pending_same, subject_rule
from counter_app.store.uow import UnitOfWork

KIND = SPEC.kind


@subject_rule(KIND)
def subject(uow: UnitOfWork, uscc: str) -> RuleOutcome:
    out = RuleOutcome()
    if uow.employers.get(uscc) is None:
        out.warn("uscc", "库中无此单位，请填写开发企业名称")
    return out


def _same_project(a: str, b: str) -> bool:
    return normalize_text(a).replace(" ", "") == normalize_text(b).replace(" ", "")


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    if not v.get("developer_name") and ctx.uow.employers.get(v["uscc"]) is None:
        out.error("developer_name", "库中无此单位，请填写开发企业名称")
    if v.get("on_file"):
        _held, unknown = held_refs(v["on_file"], ctx.version)
        if unknown:
            out.error("on_file", f"不是楼盘准入材料：{'、'.join(unknown)}")
    if v["admission_type"] == BACKFILL and v.get("agreement_valid_until", "") < ctx.today.isoformat():
        out.error("agreement_valid_until", "该合作协议已过期，不能补录，请按新楼盘办理准入")
    if any(_same_project(a.fields.get("project_name", ""), v["project_name"]) for a in pending_same(ctx, KIND, v["uscc"])):
        out.error("project_name", "该楼盘已有一笔准入申请正在办理中，请勿重复提交")
    return out
