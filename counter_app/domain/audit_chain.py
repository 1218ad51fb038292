"""The audit log's hash chain (审计日志哈希链): sealing rows and finding the first tampered one.

Each row carries the hash of the row before it (``prev_hash``) and its own ``hash`` over
prev_hash + canonical JSON of the row's fields. Editing any field breaks that row's hash; deleting,
reordering or inserting a row breaks the sequence or a link. A *head* (the last seq and hash, kept
apart from the rows and anchored at the centre) also catches a removed or added last row; a missing
or unreadable head is a break, never "no head".

Keyed chain (issue #17): from a marked row on, ``hash`` is HMAC-SHA256 with the station's secret key
(kept in the OS keyring, registered at the centre), so someone who can edit the SQLite file but not
read the key cannot recompute a row or the head's ``mac``. Rows before the mark (written by an older
version) keep plain SHA-256 and still verify. The seq of the first keyed row is stored with the key
(out of reach of the file's editor); when an older log switches, that row is an ``audit_key`` row
("启用审计密钥") so that a reader of the log sees where the switch happened. A new log is keyed from 1.
Pure: no store, no clock, no keyring.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64  # prev_hash of the first row
HASHED_FIELDS = ("seq", "at", "station_code", "terminal", "clerk", "action", "subject", "details")

KEY_ACTION = "audit_key"  # the first keyed row: "the chain is keyed from here on"

EDITED = "edited"
MISSING = "missing"
OUT_OF_PLACE = "out_of_place"
INSERTED = "inserted"
HEAD_MISSING = "head_missing"
HEAD_GARBLED = "head_garbled"
HEAD_FORGED = "head_forged"
KEY_MISSING = "key_missing"
KEY_MARK = "key_mark"
REASONS = {
    EDITED: "记录内容被改动（哈希值不符）",
    MISSING: "记录缺失（被删除）",
    OUT_OF_PLACE: "记录顺序被打乱或序号被改动",
    INSERTED: "记录是后来插入的（与前后记录的链接不符）",
    HEAD_MISSING: "审计链头（最后一条记录的序号和哈希值）缺失，可能被删除",
    HEAD_GARBLED: "审计链头已损坏，无法读取",
    HEAD_FORGED: "审计链头的密钥校验码不符（被改写）",
    KEY_MISSING: "本机系统钥匙串中没有审计密钥，带密钥的记录无法核验",
    KEY_MARK: "启用审计密钥的标记与密钥记录的位置不符（被改动）",
}


@dataclass(frozen=True)
class ChainRow:
    """One audit row as stored; ``details`` holds JSON values only (no floats: money as text)."""

    seq: int
    at: str  # UTC ISO-8601 with microseconds, exactly as hashed
    station_code: str
    terminal: str
    clerk: str
    action: str
    subject: str
    details: dict[str, Any] = field(default_factory=dict)
    prev_hash: str = GENESIS
    hash: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Head:
    """The last row's seq and hash (0 and GENESIS for an empty log); ``mac`` seals a keyed head."""

    seq: int = 0
    hash: str = GENESIS
    mac: str = ""


GARBLED = Head(-1, "")  # what the store returns for a head it cannot read


@dataclass(frozen=True)
class ChainKey:
    """The station's secret key and the seq of the first row hashed with it."""

    key: bytes = field(repr=False)
    from_seq: int


def head_mac(key: bytes, seq: int, hash_: str) -> str:
    return hmac.new(key, f"head:{seq}:{hash_}".encode(), hashlib.sha256).hexdigest()


def sealed_head(row: ChainRow, key: bytes | None) -> Head:
    """The head after ``row``: with its MAC when the row is keyed."""
    return Head(row.seq, row.hash, head_mac(key, row.seq, row.hash) if key else "")


def payload_digest(payload: Mapping[str, Any]) -> str:
    """SHA-256 of a payload's canonical JSON: what the submit's audit row and the centre compare."""
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def payload_mac(key: bytes, digest: str) -> str:
    """The station's MAC over a payload digest, checked by the centre with the registered key."""
    return hmac.new(key, f"payload:{digest}".encode(), hashlib.sha256).hexdigest()


def subject_mac(key: bytes, subject: str) -> str:
    """Who was looked at, as a keyed digest: an audit row says exactly which person without holding
    the ID number; only a holder of the station's key (the centre) can test a number against it."""
    return hmac.new(key, f"subject:{subject.strip().upper()}".encode(), hashlib.sha256).hexdigest()[:32]


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


@dataclass(frozen=True)
class ChainBreak:
    """Where the chain first goes wrong: the seq of the bad (or missing) row, and why."""

    seq: int
    reason: str

    @property
    def message(self) -> str:
        return f"第{self.seq}条：{REASONS.get(self.reason, self.reason)}"


def at_text(moment: datetime) -> str:
    """The one text form of a time in the chain (UTC, microseconds)."""
    if moment.tzinfo is None:
        raise ValueError("audit times must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def canonical(row: ChainRow | Mapping[str, Any]) -> str:
    """The hashed text of a row: its fields (not the hashes) as sorted, compact JSON."""
    values = row.as_dict() if isinstance(row, ChainRow) else row
    return json.dumps({k: values[k] for k in HASHED_FIELDS}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"), allow_nan=False)


def row_hash(prev_hash: str, row: ChainRow | Mapping[str, Any], key: bytes | None = None) -> str:
    """SHA-256 (unkeyed, rows before the mark) or HMAC-SHA256 with the station's key."""
    message = (prev_hash + canonical(row)).encode("utf-8")
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def seal(head: Head, *, at: str, station_code: str, terminal: str, clerk: str, action: str,
         subject: str = "", details: Mapping[str, Any] | None = None, key: bytes | None = None) -> ChainRow:
    """The next row after ``head``, with its seq, link and hash (keyed when ``key`` is given)."""
    row = ChainRow(seq=head.seq + 1, at=at, station_code=station_code, terminal=terminal, clerk=clerk,
                   action=action, subject=subject, details=dict(details or {}), prev_hash=head.hash)
    return ChainRow(**{**row.as_dict(), "hash": row_hash(head.hash, row, key)})


def head_of(row: ChainRow | None) -> Head:
    return Head() if row is None else Head(row.seq, row.hash)


class ChainVerifier:
    """Feed rows in stored (seq) order; the first break found is kept. Streams: O(1) memory.

    ``keyed_from`` is the seq of the first keyed row (from the key itself, or the store's mark when
    the key is not at hand); ``key`` the station's key, None when it is missing."""

    def __init__(self, key: bytes | None = None, keyed_from: int | None = None) -> None:
        self.count = 0
        self.found: ChainBreak | None = None
        self._prev: ChainRow | None = None
        self.key = key
        self.keyed_from = keyed_from

    def feed(self, row: ChainRow) -> ChainBreak | None:
        if self.found is None:
            self.found = self._check(row)
            self._prev = row
            self.count += 1
        return self.found

    def _check(self, row: ChainRow) -> ChainBreak | None:
        prev = self._prev
        expected = (prev.seq + 1) if prev is not None else 1
        linked_to = prev.hash if prev is not None else GENESIS
        # A row that links past its predecessor to the row before it: the predecessor was slipped in.
        if prev is not None and row.prev_hash != linked_to and row.prev_hash == prev.prev_hash:
            return ChainBreak(prev.seq, INSERTED)
        if row.seq != expected:
            return ChainBreak(expected, MISSING if _is_int(row.seq) and row.seq > expected else OUT_OF_PLACE)
        keyed = self.keyed_from is not None and row.seq >= self.keyed_from
        switch = self.keyed_from is not None and self.keyed_from > 1 and row.seq == self.keyed_from
        if (row.action == KEY_ACTION) != switch:
            return ChainBreak(row.seq, KEY_MARK)  # the switch point was moved, added or removed
        if keyed and self.key is None:
            return ChainBreak(row.seq, KEY_MISSING)
        if _safe_hash(row, self.key if keyed else None) != row.hash:
            return ChainBreak(row.seq, EDITED)
        if row.prev_hash != linked_to:
            return ChainBreak(row.seq, OUT_OF_PLACE)
        return None

    def finish(self, head: Head | None = None, *, require_head: bool = False) -> ChainBreak | None:
        """After the last row: compare with the separately kept head (catches the tail). With
        ``require_head`` a log that has rows must have a readable head (sealed, once keyed)."""
        if self.found is not None:
            return self.found
        if head is None:
            if require_head and self._prev is not None:
                self.found = ChainBreak(self._prev.seq, HEAD_MISSING)
            return self.found
        if head == GARBLED or not _is_int(head.seq) or head.seq < 0:
            self.found = ChainBreak(max(self._prev.seq if self._prev else 0, 0), HEAD_GARBLED)
            return self.found
        last = head_of(self._prev)
        if head.seq > last.seq:
            self.found = ChainBreak(last.seq + 1, MISSING)
        elif head.seq < last.seq:
            self.found = ChainBreak(head.seq + 1, INSERTED)
        elif head.hash != last.hash:
            self.found = ChainBreak(last.seq, EDITED)
        elif self.keyed_from is not None and last.seq >= self.keyed_from and self.key is not None and \
                not hmac.compare_digest(str(head.mac), head_mac(self.key, head.seq, head.hash)):
            self.found = ChainBreak(last.seq, HEAD_FORGED)
        return self.found


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _safe_hash(row: ChainRow, key: bytes | None = None) -> str | None:
    """The hash a row should have; None when a field is no longer JSON (a tampered value)."""
    try:
        return row_hash(str(row.prev_hash), row, key)
    except (TypeError, ValueError):
        return None


def find_break(rows: Iterable[ChainRow], head: Head | None = None, key: ChainKey | None = None
               ) -> ChainBreak | None:
    verifier = ChainVerifier(key.key if key else None, key.from_seq if key else None)
    for row in rows:
        if verifier.feed(row) is not None:
            break
    return verifier.finish(head)


def verify(rows: Iterable[ChainRow], head: Head | None = None, key: ChainKey | None = None) -> int | None:
    """The seq of the first edited, deleted, reordered or inserted row; None when intact."""
    found = find_break(rows, head, key)
    return None if found is None else found.seq
