"""Risk-control checks at intake that do not belong to one business's rules: documents used once (一证一用)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from counter_app.domain.document_reuse import DocumentUse, document_key, reuse_problem
from counter_app.domain.errors import FieldError
from counter_app.services.rules import RuleContext

_LIVE = ("submitted", "queued", "received", "needs-more", "approved", "conflict")  # not cancelled nor rejected


def documents_used_once(ctx: RuleContext, values: Mapping[str, Any]) -> list[FieldError]:
    """A withdrawal's contract/lease/agreement number already used by another worker (一证一用)."""
    uow = ctx.uow
    reason = ctx.version.withdrawal.reasons.get(values.get("reason_code", ""))
    key = document_key(values.get("document_no"))
    if reason is None or reason.shared_document or not key:
        return []
    uses = [DocumentUse("history")] * min(1, uow.withdrawals.others_using(key, values["id_number"]))
    uses += [DocumentUse("pending")] * min(1, uow.applications.withdrawals_using(key, values["id_number"], _LIVE))
    found = reuse_problem(reason.document_label, values["document_no"], uses)
    return [found] if found else []
