"""Station-local state: settings, form drafts, the print log and sync cursors."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert

from counter_app.store import schema as s
from counter_app.store.records import Draft, PrintLogEntry
from counter_app.store.repositories._base import Repository, to_record, to_records, values_of
from counter_app.store.types import utc_now


class SettingsRepository(Repository):
    """Key → JSON value."""

    def get(self, key: str, default: Any = None) -> Any:
        row = self._c.execute(select(s.settings.c.value).where(s.settings.c.key == key)).first()
        return default if row is None else row[0]

    def set(self, key: str, value: Any) -> None:
        stmt = insert(s.settings).values(key=key, value=value)
        self._c.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": stmt.excluded.value}))

    def all(self) -> dict[str, Any]:
        return {row.key: row.value for row in self._c.execute(select(s.settings))}


class SyncStateRepository(Repository):
    """Named text values kept by the sync engine (pull cursors, last contact)."""

    def get(self, name: str, default: str | None = None) -> str | None:
        row = self._c.execute(select(s.sync_state.c.value).where(s.sync_state.c.name == name)).first()
        return default if row is None else row[0]

    def set(self, name: str, value: str | None) -> None:
        stmt = insert(s.sync_state).values(name=name, value=value)
        self._c.execute(stmt.on_conflict_do_update(index_elements=["name"], set_={"value": stmt.excluded.value}))


class DraftRepository(Repository):
    """Half-filled forms, one per (kind, key)."""

    def save(self, kind: str, key: str, fields: dict[str, Any]) -> Draft:
        draft = Draft(kind=kind, key=key, fields=fields, updated_at=utc_now())
        stmt = insert(s.drafts).values(values_of(draft))
        self._c.execute(
            stmt.on_conflict_do_update(
                index_elements=["kind", "key"],
                set_={"fields": stmt.excluded.fields, "updated_at": stmt.excluded.updated_at},
            )
        )
        return draft

    def load(self, kind: str, key: str) -> Draft | None:
        d = s.drafts.c
        return to_record(Draft, self._c.execute(select(s.drafts).where(d.kind == kind, d.key == key)).first())

    def delete(self, kind: str, key: str) -> bool:
        d = s.drafts.c
        return self._c.execute(delete(s.drafts).where(d.kind == kind, d.key == key)).rowcount > 0

    def query(self, kind: str | None = None) -> list[Draft]:
        """Newest first."""
        stmt = select(s.drafts).order_by(s.drafts.c.updated_at.desc(), s.drafts.c.id.desc())
        if kind is not None:
            stmt = stmt.where(s.drafts.c.kind == kind)
        return to_records(Draft, self._c.execute(stmt))


class PrintLogRepository(Repository):
    """Every print and reprint (append-only)."""

    def add(self, entry: PrintLogEntry) -> PrintLogEntry:
        entry = replace(entry, at=entry.at or utc_now())
        result = self._c.execute(s.print_log.insert().values(values_of(entry, exclude=("id",))))
        return replace(entry, id=result.inserted_primary_key[0])

    def for_receipt(self, receipt_number: str) -> list[PrintLogEntry]:
        p = s.print_log.c
        stmt = select(s.print_log).where(p.receipt_number == receipt_number).order_by(p.id)
        return to_records(PrintLogEntry, self._c.execute(stmt))

    def recent(self, limit: int = 100) -> list[PrintLogEntry]:
        stmt = select(s.print_log).order_by(s.print_log.c.id.desc()).limit(limit)
        return to_records(PrintLogEntry, self._c.execute(stmt))
