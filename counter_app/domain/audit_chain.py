"""The audit log's hash chain (审计日志哈希链): sealing rows and finding the first tampered one.

Each row carries the hash of the row before it (``prev_hash``) and its own ``hash`` =
SHA-256(prev_hash + canonical JSON of the row's fields). Editing any field breaks that row's hash;
deleting, reordering or inserting a row breaks the sequence or a link. A *head* (the last seq and
hash, kept apart from the rows and pushed to the centre) also catches a removed or added last row.
Pure: no store, no clock.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64  # prev_hash of the first row
HASHED_FIELDS = ("seq", "at", "station_code", "terminal", "clerk", "action", "subject", "details")

EDITED = "edited"
MISSING = "missing"
OUT_OF_PLACE = "out_of_place"
INSERTED = "inserted"
REASONS = {
    EDITED: "记录内容被改动（哈希值不符）",
    MISSING: "记录缺失（被删除）",
    OUT_OF_PLACE: "记录顺序被打乱或序号被改动",
    INSERTED: "记录是后来插入的（与前后记录的链接不符）",
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
    """The last row's seq and hash (0 and GENESIS for an empty log)."""

    seq: int = 0
    hash: str = GENESIS


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


def row_hash(prev_hash: str, row: ChainRow | Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical(row)).encode("utf-8")).hexdigest()


def seal(head: Head, *, at: str, station_code: str, terminal: str, clerk: str, action: str,
         subject: str = "", details: Mapping[str, Any] | None = None) -> ChainRow:
    """The next row after ``head``, with its seq, link and hash filled in."""
    row = ChainRow(seq=head.seq + 1, at=at, station_code=station_code, terminal=terminal, clerk=clerk,
                   action=action, subject=subject, details=dict(details or {}), prev_hash=head.hash)
    return ChainRow(**{**row.as_dict(), "hash": row_hash(head.hash, row)})


def head_of(row: ChainRow | None) -> Head:
    return Head() if row is None else Head(row.seq, row.hash)


class ChainVerifier:
    """Feed rows in stored (seq) order; the first break found is kept. Streams: O(1) memory."""

    def __init__(self) -> None:
        self.count = 0
        self.found: ChainBreak | None = None
        self._prev: ChainRow | None = None

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
        if _safe_hash(row) != row.hash:
            return ChainBreak(row.seq, EDITED)
        if row.prev_hash != linked_to:
            return ChainBreak(row.seq, OUT_OF_PLACE)
        return None

    def finish(self, head: Head | None = None) -> ChainBreak | None:
        """After the last row: compare with the separately kept head (catches the tail)."""
        if self.found is not None or head is None:
            return self.found
        last = head_of(self._prev)
        if head.seq > last.seq:
            self.found = ChainBreak(last.seq + 1, MISSING)
        elif head.seq < last.seq:
            self.found = ChainBreak(head.seq + 1, INSERTED)
        elif head.hash != last.hash:
            self.found = ChainBreak(last.seq, EDITED)
        return self.found


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _safe_hash(row: ChainRow) -> str | None:
    """The hash a row should have; None when a field is no longer JSON (a tampered value)."""
    try:
        return row_hash(str(row.prev_hash), row)
    except (TypeError, ValueError):
        return None


def find_break(rows: Iterable[ChainRow], head: Head | None = None) -> ChainBreak | None:
    verifier = ChainVerifier()
    for row in rows:
        if verifier.feed(row) is not None:
            break
    return verifier.finish(head)


def verify(rows: Iterable[ChainRow], head: Head | None = None) -> int | None:
    """The seq of the first edited, deleted, reordered or inserted row; None when intact."""
    found = find_break(rows, head)
    return None if found is None else found.seq
