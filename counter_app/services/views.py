"""How an application taken at this station is shown to lists, cards and scripts (``records --json``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from counter_app.store.records import ApplicationRecord


@dataclass(frozen=True)
class RecordView:
    """One application as lists and scripts show it (``records --json``)."""

    receipt_number: str
    kind: str
    status: str
    client_id: str
    created_at: datetime
    fields: dict[str, Any]
    subject_name: str = ""
    clerk: str = ""
    decision_reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        shown = {
            "receipt_number": self.receipt_number, "kind": self.kind, "status": self.status,
            "client_id": self.client_id, "created_at": self.created_at.isoformat(), "fields": self.fields,
        }
        if self.decision_reason:  # the centre's reason (a refusal at receipt starts "中心拒收：")
            shown["decision_reason"] = self.decision_reason
        return shown


def record_view(a: ApplicationRecord) -> RecordView:
    return RecordView(
        receipt_number=a.receipt_number, kind=a.kind, status=a.status, client_id=a.client_id,
        created_at=a.taken_at, fields=a.fields, subject_name=a.subject_name or "", clerk=a.clerk,
        decision_reason=a.decision_reason,
    )
