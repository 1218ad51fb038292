"""Clerk accounts and the hash-chained audit log (柜员账号与审计日志) in the local store."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Text, bindparam, func, select, type_coerce, update
from sqlalchemy.dialects.sqlite import insert

from counter_app.domain.audit_chain import GARBLED, ChainRow, Head
from counter_app.store import schema as s
from counter_app.store.repositories._base import Repository, to_record, to_records, values_of
from counter_app.store.types import utc_now

AUDIT_HEAD_KEY = "audit_head"  # settings row: {"seq", "hash"} of the last audit row
PAGE = 5_000
_SET_HEAD = insert(s.settings).values(key=AUDIT_HEAD_KEY, value=bindparam("value", type_=s.settings.c.value.type))
_SET_HEAD = _SET_HEAD.on_conflict_do_update(index_elements=["key"], set_={"value": _SET_HEAD.excluded.value})
_HEAD = select(s.settings.c.value).where(s.settings.c.key == AUDIT_HEAD_KEY)
_LAST_HEAD = select(s.audit_log.c.seq, s.audit_log.c.hash).order_by(s.audit_log.c.seq.desc()).limit(1)


@dataclass(frozen=True)
class ClerkRecord:
    """One clerk account; ``password_hash`` is an argon2id PHC string, never a password."""

    username: str
    display_name: str
    role: str
    password_hash: str
    active: bool = True
    failed_attempts: int = 0
    locked_until: datetime | None = None
    created_at: datetime | None = None
    source: str = "local"
    must_change_password: bool = False
    confirmed_at: datetime | None = None
    offline_override_until: datetime | None = None
    id: int | None = None


class ClerkRepository(Repository):
    def add(self, clerk: ClerkRecord) -> ClerkRecord:
        clerk = replace(clerk, created_at=clerk.created_at or utc_now())
        new_id = self._c.execute(s.clerks.insert().values(values_of(clerk, exclude=("id",)))).inserted_primary_key[0]
        return replace(clerk, id=new_id)

    def get(self, username: str) -> ClerkRecord | None:
        return to_record(ClerkRecord, self._c.execute(select(s.clerks).where(s.clerks.c.username == username)).first())

    def all(self) -> list[ClerkRecord]:
        return to_records(ClerkRecord, self._c.execute(select(s.clerks).order_by(s.clerks.c.username)))

    def count(self, *, active_role: str | None = None) -> int:
        """All accounts, or the active ones of ``active_role``."""
        stmt = select(func.count()).select_from(s.clerks)
        if active_role is not None:
            stmt = stmt.where(s.clerks.c.role == active_role, s.clerks.c.active.is_(True))
        return int(self._c.execute(stmt).scalar_one())

    def confirm(self, usernames: Iterable[str], at: datetime) -> int:
        """The centre listed these accounts as active at ``at`` (the offline lock's confirmation)."""
        names = list(usernames)
        if not names:
            return 0
        return int(self._c.execute(update(s.clerks).where(s.clerks.c.username.in_(names))
                                   .values(confirmed_at=at)).rowcount)

    def any(self) -> bool:
        return self._c.execute(select(s.clerks.c.id).limit(1)).first() is not None

    def update(self, username: str, **changes: Any) -> None:
        self._c.execute(update(s.clerks).where(s.clerks.c.username == username).values(changes))

    def upsert(self, clerks: Iterable[ClerkRecord]) -> int:
        """Insert or replace by username (the centre's clerk list); lockout counters are kept."""
        count = 0
        for clerk in clerks:
            values = values_of(replace(clerk, created_at=clerk.created_at or utc_now()), exclude=("id",))
            stmt = insert(s.clerks).values(values)
            kept = ("username", "failed_attempts", "locked_until", "created_at", "confirmed_at",
                    "offline_override_until")
            self._c.execute(stmt.on_conflict_do_update(
                index_elements=["username"], set_={k: stmt.excluded[k] for k in values if k not in kept}))
            count += 1
        return count


class AuditRepository(Repository):
    """Append and read; nothing here updates or deletes an audit row."""

    def add(self, row: ChainRow, head: Head | None = None) -> None:
        """Append ``row``; ``head`` is the head after it (with its MAC once the chain is keyed)."""
        self._c.execute(s.audit_log.insert(), row.as_dict())  # parameters: the compiled INSERT is reused
        self.set_head(head or Head(row.seq, row.hash))

    def last(self) -> ChainRow | None:
        rows = self._rows(select(*self._columns()).order_by(s.audit_log.c.seq.desc()).limit(1))
        return rows[0] if rows else None

    def last_head(self) -> Head | None:
        """Seq and hash of the last row (what the next row chains on), None for an empty log."""
        row = self._c.execute(_LAST_HEAD).first()
        return None if row is None else Head(row.seq, row.hash)

    def head(self) -> Head | None:
        """The separately kept head; None when there is none (before the first row, or removed),
        ``GARBLED`` when it cannot be read (verification reports both once there are rows)."""
        try:
            row = self._c.execute(_HEAD).first()
        except ValueError:  # not JSON at all
            return GARBLED
        if row is None or row[0] is None:
            return None
        value = row[0]
        if not isinstance(value, dict):
            return GARBLED
        try:
            return Head(int(value["seq"]), str(value["hash"]), str(value.get("mac") or ""))
        except (KeyError, TypeError, ValueError):
            return GARBLED

    def set_head(self, head: Head) -> None:
        value: dict[str, Any] = {"seq": head.seq, "hash": head.hash}
        if head.mac:
            value["mac"] = head.mac
        self._c.execute(_SET_HEAD, {"value": value})

    def count(self) -> int:
        return int(self._c.execute(select(func.count()).select_from(s.audit_log)).scalar_one())

    def waiting_in_outbox(self) -> int:
        """Audit rows queued for the centre (not yet acknowledged nor refused)."""
        o = s.outbox.c
        stmt = select(func.count()).select_from(s.outbox).where(o.topic == "audit", o.rejected_at.is_(None))
        return int(self._c.execute(stmt).scalar_one())

    def iter_all(self, page: int = PAGE) -> Iterator[ChainRow]:
        """Every row in seq order, page by page."""
        after: int | None = None
        while True:
            stmt = select(*self._columns()).order_by(s.audit_log.c.seq).limit(page)
            if after is not None:
                stmt = stmt.where(s.audit_log.c.seq > after)
            rows = self._rows(stmt)
            yield from rows
            if len(rows) < page:
                return
            after = rows[-1].seq

    def recent(self, limit: int = 100, action: str | None = None, clerk: str | None = None,
               before_seq: int | None = None) -> list[ChainRow]:
        """Newest first, optionally of one action or clerk."""
        a = s.audit_log.c
        stmt = select(*self._columns()).order_by(a.seq.desc()).limit(limit)
        if action is not None:
            stmt = stmt.where(a.action == action)
        if clerk is not None:
            stmt = stmt.where(a.clerk == clerk)
        if before_seq is not None:
            stmt = stmt.where(a.seq < before_seq)
        return self._rows(stmt)

    @staticmethod
    def _columns() -> list[Any]:
        a = s.audit_log.c
        # details as its raw text: a hand-edited, no longer valid JSON value must reach the
        # verifier (and be reported) instead of failing the read.
        return [a.seq, a.at, a.station_code, a.terminal, a.clerk, a.action, a.subject,
                type_coerce(a.details, Text).label("details"), a.prev_hash, a.hash]

    def _rows(self, stmt: Any) -> list[ChainRow]:
        return [ChainRow(seq=r.seq, at=r.at, station_code=r.station_code, terminal=r.terminal, clerk=r.clerk,
                         action=r.action, subject=r.subject, details=_json(r.details), prev_hash=r.prev_hash,
                         hash=r.hash) for r in self._c.execute(stmt)]


def _json(text: str | None) -> Any:
    try:
        return json.loads(text) if text is not None else None
    except (TypeError, ValueError):
        return {"__unreadable__": text}
