"""Applications against the digest their submit row sealed (``audit verify``): the stored row and
the queued payload must both still be exactly what was accepted at the counter.

The submit's audit row carries ``payload_sha256`` of the canonical outbox payload; the audit chain
(keyed) protects that row, so an amount changed in ``applications`` or in ``outbox`` — even with
every plain hash recomputed — shows here, named by its receipt number. Rows accepted before the
chain was keyed carry no digest and are only checked for having a submit row.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any

from counter_app.domain.audit_chain import ChainKey, payload_digest, payload_mac
from counter_app.store.blobs import BlobStore
from counter_app.store.records import ApplicationRecord

CHANGED = "与受理时封存的校验值不符（内容被改动）"
NO_SUBMIT = "没有对应的受理审计记录（不是在本机柜台受理的）"
BAD_MAC = "的密钥校验码不符（内容或校验值被改动）"
INTEGRITY = "integrity"  # the outbox payload's key for the digest and MAC (not itself hashed)


@dataclass(frozen=True)
class PayloadMismatch:
    """An application (row or queued payload) that differs from what its submit row sealed."""

    receipt_number: str
    where: str  # "application" (the stored row), "outbox" (what would be sent) or "attachment" (a file)
    reason: str

    @property
    def message(self) -> str:
        place = {"application": "本机申请记录", "attachment": "附件"}.get(self.where, "待上传队列中的申请")
        return f"回执 {self.receipt_number}：{place}{self.reason}"

    def as_dict(self) -> dict[str, str]:
        return {"receipt_number": self.receipt_number, "where": self.where, "message": self.message}


def outbox_payload(record: ApplicationRecord) -> dict[str, Any]:
    """What the centre receives for one application (its inbox row)."""
    return {
        "client_id": record.client_id, "receipt_number": record.receipt_number, "kind": record.kind,
        "station_code": record.station_code, "terminal": record.terminal, "subject_key": record.subject_key,
        "fields": record.fields, "materials": record.materials, "clerk": record.clerk,
        "created_at": record.taken_at.isoformat(),
    }


def check_payloads(uow: Any, sealed: dict[str, tuple[str, str | None]], key: ChainKey | None,
                   keyed_from: int | None) -> PayloadMismatch | None:
    """The first mismatch, or None. ``sealed`` maps client id
    to (receipt number, digest) from the submit rows."""
    for record in uow.applications.iter_all():
        known = sealed.get(record.client_id)
        if known is None:
            if keyed_from is not None:
                return PayloadMismatch(record.receipt_number, "application", NO_SUBMIT)
            continue
        digest = known[1]
        if digest is not None and _digest(outbox_payload(record)) != digest:
            return PayloadMismatch(record.receipt_number, "application", CHANGED)
    for item in uow.outbox.iter_topic("application"):
        payload = item.payload if isinstance(item.payload, dict) else {}
        receipt = str(payload.get("receipt_number") or item.client_id)
        known = sealed.get(item.client_id)
        if known is None:
            if keyed_from is not None:
                return PayloadMismatch(receipt, "outbox", NO_SUBMIT)
            continue
        body = {k: v for k, v in payload.items() if k != INTEGRITY}
        if known[1] is not None and _digest(body) != known[1]:
            return PayloadMismatch(known[0], "outbox", CHANGED)
        seal = payload.get(INTEGRITY)
        if known[1] is not None and key is not None:
            mac = seal.get("mac") if isinstance(seal, dict) else None
            if not isinstance(mac, str) or not hmac.compare_digest(mac, payload_mac(key.key, known[1])):
                return PayloadMismatch(known[0], "outbox", BAD_MAC)
    return None


def _digest(payload: Any) -> str | None:
    try:
        return payload_digest(payload)
    except (TypeError, ValueError):
        return None


NOT_SEALED = "没有对应的附件审计记录（不是经本机附加的）"
ROW_CHANGED = "的登记信息与附加时封存的哈希值不符（被改动）"


def check_attachments(uow: Any, sealed: dict[str, dict[str, Any]], blobs: BlobStore) -> PayloadMismatch | None:
    """Every attached file against its ``attach`` audit row (``sealed``: file id → what the row
    holds) and its content against its name: a swapped, damaged or missing file is named."""
    for row in uow.attachments.iter_all():
        known = sealed.get(row.client_id)
        label = f"“{row.name}”"
        if known is None:
            return PayloadMismatch(row.receipt_number, "attachment", f"{label}{NOT_SEALED}")
        if known.get("sha256") != row.sha256 or known.get("original_sha256") != row.original_sha256:
            return PayloadMismatch(row.receipt_number, "attachment", f"{label}{ROW_CHANGED}")
        for digest, what in ((row.sha256, "归档件"), (row.original_sha256, "原件")):
            problem = blobs.problem(digest) if digest else None
            if problem:
                return PayloadMismatch(row.receipt_number, "attachment", f"{label}的{what}{problem}（SHA-256 {digest[:16]}…）")
    return None
