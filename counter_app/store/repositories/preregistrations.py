"""Pre-registered companies (多证合一 企业预缴登记): imported from the registration feed or pulled
from the centre, upserted by USCC (a later record of the same company replaces the earlier)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert

from counter_app.domain.normalize import normalize_code
from counter_app.store import schema_operations as o
from counter_app.store.records_operations import PreregistrationRecord
from counter_app.store.repositories._base import Repository, to_record, to_records, values_of
from counter_app.store.types import utc_now


class PreregistrationRepository(Repository):
    def upsert(self, rec: PreregistrationRecord) -> None:
        self.upsert_many([rec])

    add = upsert  # what the centre's snapshot load calls

    def upsert_many(self, records: Iterable[PreregistrationRecord]) -> int:
        """One statement executed for many rows: building an upsert per row cost most of an import."""
        now = utc_now()
        rows = [values_of(replace(rec, imported_at=rec.imported_at or now)) for rec in records]
        if not rows:
            return 0
        stmt = insert(o.preregistrations)
        changed = {k: stmt.excluded[k] for k in rows[0] if k != "uscc"}
        self._c.execute(stmt.on_conflict_do_update(index_elements=["uscc"], set_=changed), rows)
        return len(rows)

    def get(self, uscc: str) -> PreregistrationRecord | None:
        row = self._c.execute(select(o.preregistrations).where(o.preregistrations.c.uscc == normalize_code(uscc)))
        return to_record(PreregistrationRecord, row.first())

    def query(self, township: str | None = None) -> list[PreregistrationRecord]:
        """Newest registrations first."""
        c = o.preregistrations.c
        stmt = select(o.preregistrations).order_by(c.registered_on.desc().nulls_last(), c.uscc)
        if township is not None:
            stmt = stmt.where(c.township == township)
        return to_records(PreregistrationRecord, self._c.execute(stmt))

    def count(self) -> int:
        return int(self._c.execute(select(func.count()).select_from(o.preregistrations)).scalar_one())
