"""An info change against the store: the worker exists, each change really changes, the values before."""

from __future__ import annotations

from datetime import date
from typing import Any

from counter_app.domain.businesses.info_change import SPEC
from counter_app.services.rules import RuleContext, RuleOutcome, check_rule, pending_same, subject_rule
from counter_app.store.uow import UnitOfWork

KIND = SPEC.kind


@subject_rule(KIND)
def subject(uow: UnitOfWork, id_number: str) -> RuleOutcome:
    out = RuleOutcome()
    if uow.workers.get(id_number) is None:
        out.error("id_number", "未找到该证件号码的职工信息，请核对证件号码")
    return out


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    worker = ctx.uow.workers.get(v["id_number"])
    if worker is None:
        out.error("id_number", "未找到该证件号码的职工信息，请核对证件号码")
        return out
    if pending_same(ctx, KIND, v["id_number"]):
        # A second change before the first is decided would record stale "before" values.
        out.error("id_number", "该职工已有一笔信息变更正在办理中，请待中心办结后再申请")
    changes: dict[str, dict[str, Any]] = {}
    for key, new in v.items():
        if not key.startswith("new_"):
            continue
        name = key[4:]
        before = getattr(worker, name, None)
        before = before.isoformat() if isinstance(before, date) else before
        if before is not None and str(before) == str(new):
            out.error(key, "新值与原值相同，无需变更")
        changes[name] = {"before": before, "after": new}
    new_id = v.get("new_id_number")
    if new_id and new_id != v["id_number"] and ctx.uow.workers.get(new_id) is not None:
        out.error("new_id_number", "新证件号码已属于另一名职工，请核实")
    out.details["changes"] = changes
    return out
