"""The audit log (审计日志): what happened at this counter, by whom, when; hash-chained and verifiable.

``record`` appends a row inside the caller's unit of work when given one, so the row commits (or
rolls back) with what it records. Rows also go to the outbox (topic ``"audit"``) once the station
has clerk accounts: a demo or fresh data dir has no accountable clerk and keeps its log locally.
Personal subjects are stored masked (``110105********002X``); passwords never reach this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import uuid6

from counter_app.crash import scrub
from counter_app.domain.audit_chain import (
    KEY_ACTION,
    KEY_MARK,
    ChainBreak,
    ChainKey,
    ChainRow,
    ChainVerifier,
    Head,
    at_text,
    payload_digest,
    payload_mac,
    seal,
    sealed_head,
    subject_mac,
)
from counter_app.domain.ids import mask_card, mask_id_number
from counter_app.domain.normalize import valid_text
from counter_app.faults import KeyringUnavailable
from counter_app.services.counter import Counter
from counter_app.services.payload_check import INTEGRITY, PayloadMismatch, check_attachments, check_payloads
from counter_app.store import audit_key as chain_key
from counter_app.store.blobs import BlobStore
from counter_app.store.uow import UnitOfWork

TOPIC = "audit"
SUBJECT_MAC = "subject_mac"  # a lookup row's keyed digest of the full ID number (counter-central audit-lookups)
ACTIONS = {
    "login": "登录", "login_failed": "登录失败", "logout": "退出登录", "lock": "锁屏", "unlock": "解锁",
    "lookup": "查询职工信息", "reveal": "查看完整号码", "submit": "受理申请", "cancel": "撤销申请",
    "status": "状态变更", "print": "打印", "reprint": "补打", "settings": "修改设置", "sync": "与中心同步",
    "approve": "主管复核", "approve_refused": "复核未通过", "clerk_add": "添加柜员", "clerk_disable": "停用柜员",
    "clerk_enable": "启用柜员", "clerk_passwd": "修改密码", "clerk_sync": "同步柜员名单", "print_job": "送打印机",
    "attach": "附加材料",
    KEY_ACTION: "启用审计密钥",
}
SUBJECT_MAX = 120
NO_KEYRING = chain_key.NO_KEYRING  # what connect says when the OS keyring cannot hold the audit key


def keyring_usable() -> bool:
    """Whether the OS keyring can hold the station's audit key (asked before anything is saved)."""
    return chain_key.keyring_usable()


@dataclass(frozen=True)
class Verdict:
    """``audit verify``: rows read, the first break of the chain, the first application that differs
    from its sealed hash, and (online) how the chain compares with the head anchored at the centre."""

    rows: int
    first_bad: ChainBreak | None
    payload_bad: PayloadMismatch | None = None
    anchor: dict[str, Any] | None = None  # {"seq", "ok", "message"} when the centre was asked

    @property
    def ok(self) -> bool:
        return self.first_bad is None and self.payload_bad is None and (self.anchor is None or self.anchor["ok"])

    @property
    def message(self) -> str:
        if self.first_bad is not None:
            return self.first_bad.message
        if self.payload_bad is not None:
            return self.payload_bad.message
        if self.anchor is not None and not self.anchor["ok"]:
            return str(self.anchor["message"])
        return ""

    def as_dict(self) -> dict[str, Any]:
        bad = self.first_bad
        return {"ok": self.ok, "rows": self.rows, "first_bad_seq": bad.seq if bad else None,
                "reason": bad.reason if bad else None, "message": self.message or None,
                "payload": self.payload_bad.as_dict() if self.payload_bad else None, "anchor": self.anchor}


def record(counter: Counter, action: str, subject: str = "", details: Mapping[str, Any] | None = None,
           *, uow: UnitOfWork | None = None, clerk: str | None = None, about: str | None = None) -> ChainRow:
    """Append one row (by ``clerk``, default the counter's); inside ``uow`` if it is a write unit.
    ``about``: the full ID number a lookup concerned, kept only as ``subject_mac`` (see audit_chain)."""
    if uow is not None:
        return _append(counter, uow, action, subject, details, clerk, about)
    with counter.store.unit_of_work(write=True) as own:
        row = _append(counter, own, action, subject, details, clerk, about)
        own.commit()
    return row


def _append(counter: Counter, uow: UnitOfWork, action: str, subject: str, details: Mapping[str, Any] | None,
            clerk: str | None, about: str | None = None) -> ChainRow:
    key = key_for_writing(counter, uow)
    if about:
        details = {**(details or {}), SUBJECT_MAC: subject_mac(key.key, about)}
    return _write(counter, uow, key, action, subject, details, clerk)


def _write(counter: Counter, uow: Any, key: ChainKey, action: str, subject: str,
           details: Mapping[str, Any] | None, clerk: str | None = None) -> ChainRow:
    row = seal(_next_head(uow), at=at_text(counter.now()), station_code=valid_text(counter.station_code),
               terminal=valid_text(counter.terminal), clerk=valid_text(clerk or counter.clerk), action=valid_text(action),
               subject=valid_text(subject)[:SUBJECT_MAX], details=plain(details or {}), key=key.key)
    uow.audit.add(row, sealed_head(row, key.key))
    if uow.clerks.any():
        uow.outbox.add(str(uuid6.uuid7()), TOPIC, row.as_dict())
    return row


def key_for_writing(counter: Counter, uow: Any) -> ChainKey:
    """The station's audit key, made on the first write of a store without one (its first keyed row,
    ``audit_key``, is written then). Never a second key over a mark: a key gone from the keyring
    stops the log (``KeyringUnavailable``) rather than letting anyone start a fresh chain."""
    mark = uow.settings.get(chain_key.MARK_KEY)
    key = counter.chain_key
    store_id = uow.settings.get("store_id")
    if key is None:
        key = chain_key.read(store_id)
    if key is None:
        if isinstance(mark, dict):
            raise KeyringUnavailable(chain_key.KEY_GONE.format(from_seq=mark.get("from_seq")))
        key = chain_key.create(store_id, _next_head(uow).seq + 1)
    counter.chain_key = key
    if not isinstance(mark, dict) and _next_head(uow).seq + 1 == key.from_seq:
        # A new key (or one whose first use was rolled back with its transaction): mark the switch;
        # an older log also gets a visible "启用审计密钥" row where its keyed part starts.
        uow.settings.set(chain_key.MARK_KEY, {"from_seq": key.from_seq})
        if key.from_seq > 1:
            _write(counter, uow, key, KEY_ACTION, "audit", {"from_seq": key.from_seq})
    return key


def ensure_key(counter: Counter) -> ChainKey:
    """Make (or find) the audit key now — when the station is set up — rather than at the first row."""
    with counter.store.unit_of_work(write=True) as uow:
        key = key_for_writing(counter, uow)
        uow.commit()
    return key


def seal_payload(counter: Counter, uow: Any, payload: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
    """An application's outbox payload with its integrity (digest and the station's MAC over it),
    and the digest for the submit's audit row. The centre recomputes both on receipt."""
    digest = payload_digest(payload)
    key = key_for_writing(counter, uow)
    return {**payload, INTEGRITY: {"sha256": digest, "mac": payload_mac(key.key, digest)}}, digest


def _next_head(uow: UnitOfWork) -> Head:
    """Chain on from the kept head: a removed last row then shows as a gap, not a fresh tail.
    If rows run past the head (tampering), continue after them so the counter keeps working."""
    head, last = uow.audit.head(), uow.audit.last_head() or Head()
    if head is None or head.seq < last.seq or head.seq < 0:
        return last
    return head


def plain(value: Any) -> Any:
    """JSON-only values for a chained row: Decimal and dates as text, never a float."""
    if isinstance(value, Mapping):
        return {valid_text(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, (Decimal, float)):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, str):
        return valid_text(value)
    if value is None or isinstance(value, (int, bool)):
        return value
    return valid_text(value)


def masked(value: Any) -> str:
    """An ID number masked (6+4); a card-like run of digits masked (4+4); anything else as is."""
    text = str(value or "").strip()
    # By shape, not by validity: an ID from an area the table lacks is masked too, and a print's
    # audit row does not load the division table (0.1 s of a cold ``counter-app print``).
    if len(text) == 18 and text[:17].isdigit() and text[17] in "0123456789Xx":
        return mask_id_number(text)
    if text.isdigit() and len(text) >= 12:
        return mask_card(text)
    return text


def verify_chain(counter: Counter, anchored: Head | None = None) -> Verdict:
    """Read every row in seq order (one consistent snapshot) and check the chain, the head, and every
    application row and queued payload against the digest its submit row sealed. ``anchored`` is the
    head the centre holds (``audit verify`` online): the local chain must still contain it."""
    with counter.store.unit_of_work() as uow:
        mark = uow.settings.get(chain_key.MARK_KEY)
        try:
            key = counter.chain_key or chain_key.read(uow.settings.get("store_id"))
        except KeyringUnavailable:
            if isinstance(mark, dict):  # keyed rows, no keyring to check them: a fault of the PC, not tampering
                raise KeyringUnavailable(chain_key.NO_KEYRING_TO_VERIFY) from None
            key = None
        marked = mark.get("from_seq") if isinstance(mark, dict) else None
        keyed_from = key.from_seq if key else marked
        verifier = ChainVerifier(key.key if key else None, keyed_from)
        if key is not None and marked not in (None, key.from_seq):
            verifier.found = ChainBreak(min(key.from_seq, int(marked) if isinstance(marked, int) else key.from_seq),
                                        KEY_MARK)
        head = uow.audit.head()
        anchor_row = None
        sealed: dict[str, tuple[str, str | None]] = {}
        files: dict[str, dict[str, Any]] = {}  # attached files by id, as their ``attach`` rows sealed them
        for row in uow.audit.iter_all():
            if verifier.feed(row) is not None:
                break
            if anchored is not None and row.seq == anchored.seq:
                anchor_row = row
            if row.action == "submit" and isinstance(row.details, dict) and row.details.get("client_id"):
                sealed[str(row.details["client_id"])] = (row.subject, row.details.get("payload_sha256"))
            elif row.action == "attach" and isinstance(row.details, dict) and isinstance(row.details.get("files"), list):
                files.update((str(f.get("id")), f) for f in row.details["files"] if isinstance(f, dict))
        found = verifier.finish(head, require_head=True)
        payload_bad = None if found else check_payloads(uow, sealed, key, keyed_from)
        if found is None and payload_bad is None:
            payload_bad = check_attachments(uow, files, BlobStore(counter.data_dir))
    return Verdict(rows=verifier.count, first_bad=found, payload_bad=payload_bad,
                   anchor=_anchor_verdict(anchored, anchor_row, verifier.count) if anchored is not None else None)


def _anchor_verdict(anchored: Head, row: ChainRow | None, rows: int) -> dict[str, Any]:
    if anchored.seq == 0:
        return {"seq": 0, "ok": True, "message": "中心尚未锚定本站审计链头"}
    if row is None:
        return {"seq": anchored.seq, "ok": False,
                "message": f"中心锚定的第{anchored.seq}条记录在本机已不存在（本机仅{rows}条，审计日志被截断或改写）"}
    if row.hash != anchored.hash:
        return {"seq": anchored.seq, "ok": False, "message": f"第{anchored.seq}条记录与中心锚定的哈希值不符（被改写）"}
    return {"seq": anchored.seq, "ok": True, "message": f"与中心锚定的第{anchored.seq}条记录一致"}


def list_entries(counter: Counter, limit: int = 100, action: str | None = None, clerk: str | None = None,
                 before_seq: int | None = None) -> list[ChainRow]:
    """Newest first."""
    with counter.store.unit_of_work() as uow:
        return uow.audit.recent(limit=limit, action=action, clerk=clerk, before_seq=before_seq)


def record_sync(counter: Counter, report: Mapping[str, Any] | None = None, error: str | None = None) -> ChainRow:
    """For the sync service: one row per sync round (counts, or the failure without credentials)."""
    details = dict(report or {})
    if error:
        details["error"] = scrub(error)[:300]  # a DSN in a driver message loses its password
    return record(counter, "sync", "centre", details)


def action_label(action: str) -> str:
    return ACTIONS.get(action, action)
