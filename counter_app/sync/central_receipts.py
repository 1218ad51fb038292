"""Is this receipt genuine (回执真伪核验)? The centre recomputes the verification code from its inbox.

The code is a MAC with the receipt key the centre issued to the station that took the application
(``domain.receipt_code``, central revision 0015); the older unkeyed code counts only for a receipt
taken before that station's key was issued.

``counter-central verify-receipt TEXT`` takes the QR's content (``"<receipt number>|<code>"``) or the
number and the code as printed. Genuine: the centre received that application and the code matches
its client id; the receipt's facts are shown (the ID number masked). Anything else is forged — or,
for a receipt taken offline and not yet synced, not (yet) known to the centre, which the answer says.
"""

from __future__ import annotations

import hmac
from typing import Any

import psycopg

from counter_app.domain.businesses import BUSINESSES
from counter_app.domain.clock import CHINA_TZ
from counter_app.domain.ids import mask_id_number
from counter_app.domain.receipt_code import parse_receipt_text, unkeyed_code, verification_code

DECISION_LABELS = {"approve": "已核准", "reject": "不予核准", "needs-more": "需补充材料", "conflict": "由中心核实"}


class ReceiptTextError(ValueError):
    """The text is neither a QR's content nor a receipt number with its 8-digit code."""


def _code_matches(number: str, client_id: str, code: str, key: bytes | None, before_key: bool) -> bool:
    """The keyed code; the unkeyed one only for an application taken before the station had a key."""
    keyed = key is not None and hmac.compare_digest(verification_code(number, client_id, key), code)
    return keyed or (before_key and hmac.compare_digest(unkeyed_code(number, client_id), code))


def verify_receipt(conn: psycopg.Connection, text: str) -> dict[str, Any]:
    """``{"genuine": bool, "receipt_number", "message", ...facts when genuine}``."""
    parsed = parse_receipt_text(text)
    if parsed is None:
        raise ReceiptTextError("请输入回执二维码的内容，或回执编号加8位校验码，如 CG01-01-20261123-0001|1a2b3c4d")
    number, code = parsed
    row = conn.execute(
        "SELECT i.client_id::text, i.station_code, s.name, i.kind, i.subject_key, i.created_at, i.received_at,"
        " (SELECT d.decision FROM central.decisions d WHERE d.client_id = i.client_id ORDER BY d.id DESC LIMIT 1),"
        " k.key, k.issued_at FROM central.inbox i JOIN central.stations s ON s.code = i.station_code"
        " LEFT JOIN central.receipt_keys k ON k.station_code = i.station_code WHERE i.receipt_number = %s",
        (number,)).fetchone()
    if row is None:
        return {"genuine": False, "receipt_number": number,
                "message": f"中心没有回执编号为 {number} 的申请：回执系伪造，"
                           "或为尚未同步到中心的离线受理（请联系受理服务站核实）"}
    client_id, station, station_name, kind, subject, created_at, received_at, decision, key, issued_at = row
    if not _code_matches(number, client_id, code, bytes(key) if key is not None else None,
                         key is None or created_at < issued_at):
        return {"genuine": False, "receipt_number": number, "message": f"回执 {number} 的校验码不符：回执系伪造或被涂改"}
    spec = BUSINESSES.get(kind)
    return {
        "genuine": True, "receipt_number": number, "message": f"回执 {number} 真实有效",
        "station_code": station, "station_name": station_name, "kind": kind,
        "kind_title": spec.title if spec else kind, "subject": mask_id_number(subject),
        "taken_at": created_at.astimezone(CHINA_TZ).isoformat(timespec="minutes"),
        "received_at": received_at.astimezone(CHINA_TZ).isoformat(timespec="minutes"),
        "status": DECISION_LABELS.get(decision, "中心已接收，待审批") if decision else "中心已接收，待审批",
    }
