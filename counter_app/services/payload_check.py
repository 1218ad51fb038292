"""Applications against the digest their submit row sealed (``audit verify``): the stored row and
the queued payload must both still be exactly what was accepted at the counter.

The submit's audit row carries ``payload_sha256`` of the canonical outbox payload; the audit chain
(keyed) protects that row, so an amount changed in ``applications`` or in ``outbox`` — even with
every plain hash recomputed — shows here, named by its receipt number. Rows accepted before the
chain was keyed carry no digest and are only checked for having a submit row.
"""

from __future__ import annotations

import hmac
from typing import Any

from counter_app.domain.audit_chain import ChainKey, payload_digest, payload_mac

CHANGED = "与受理时封存的校验值不符（内容被改动）"
NO_SUBMIT = "没有对应的受理审计记录（不是在本机柜台受理的）"
BAD_MAC = "的密钥校验码不符（内容或校验值被改动）"


def check_payloads(uow: Any, sealed: dict[str, tuple[str, str | None]], key: ChainKey | None,
                   keyed_from: int | None) -> Any:
    """The first mismatch (``services.audit.PayloadMismatch``), or None. ``sealed`` maps client id
    to (receipt number, digest) from the submit rows."""
    from counter_app.services.applications import outbox_payload
    from counter_app.services.audit import INTEGRITY, PayloadMismatch

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
