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
from counter_app.domain.audit_chain import ChainBreak, ChainRow, ChainVerifier, Head, at_text, seal
from counter_app.domain.ids import check_resident_id, mask_card, mask_id_number
from counter_app.domain.normalize import valid_text
from counter_app.services.counter import Counter
from counter_app.store.uow import UnitOfWork

TOPIC = "audit"
ACTIONS = {
    "login": "登录", "login_failed": "登录失败", "logout": "退出登录", "lock": "锁屏", "unlock": "解锁",
    "lookup": "查询职工信息", "reveal": "查看完整号码", "submit": "受理申请", "cancel": "撤销申请",
    "status": "状态变更", "print": "打印", "reprint": "补打", "settings": "修改设置", "sync": "与中心同步",
    "approve": "主管复核", "approve_refused": "复核未通过", "clerk_add": "添加柜员", "clerk_disable": "停用柜员",
    "clerk_enable": "启用柜员", "clerk_passwd": "修改密码", "clerk_sync": "同步柜员名单",
}
SUBJECT_MAX = 120


@dataclass(frozen=True)
class Verdict:
    """``audit verify``: how many rows were read and the first break, if any."""

    rows: int
    first_bad: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.first_bad is None

    def as_dict(self) -> dict[str, Any]:
        bad = self.first_bad
        return {"ok": self.ok, "rows": self.rows, "first_bad_seq": bad.seq if bad else None,
                "reason": bad.reason if bad else None, "message": bad.message if bad else None}


def record(counter: Counter, action: str, subject: str = "", details: Mapping[str, Any] | None = None,
           *, uow: UnitOfWork | None = None, clerk: str | None = None) -> ChainRow:
    """Append one row (by ``clerk``, default the counter's); inside ``uow`` if it is a write unit."""
    if uow is not None:
        return _append(counter, uow, action, subject, details, clerk)
    with counter.store.unit_of_work(write=True) as own:
        row = _append(counter, own, action, subject, details, clerk)
        own.commit()
    return row


def _append(counter: Counter, uow: UnitOfWork, action: str, subject: str, details: Mapping[str, Any] | None,
            clerk: str | None) -> ChainRow:
    row = seal(_next_head(uow), at=at_text(counter.now()), station_code=valid_text(counter.station_code),
               terminal=valid_text(counter.terminal), clerk=valid_text(clerk or counter.clerk), action=valid_text(action),
               subject=valid_text(subject)[:SUBJECT_MAX], details=plain(details or {}))
    uow.audit.add(row)
    if uow.clerks.any():
        uow.outbox.add(str(uuid6.uuid7()), TOPIC, row.as_dict())
    return row


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
    if len(text) == 18 and check_resident_id(text).ok:
        return mask_id_number(text)
    if text.isdigit() and len(text) >= 12:
        return mask_card(text)
    return text


def verify_chain(counter: Counter) -> Verdict:
    """Read every row in seq order (one consistent snapshot) and check the chain and the head."""
    verifier = ChainVerifier()
    with counter.store.unit_of_work() as uow:
        head = uow.audit.head()
        for row in uow.audit.iter_all():
            if verifier.feed(row) is not None:
                break
        found = verifier.finish(head)
    return Verdict(rows=verifier.count, first_bad=found)


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
