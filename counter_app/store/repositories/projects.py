"""Developers' projects pulled from the centre (楼盘准入), upserted by project key."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert

from counter_app.store import schema_operations as o
from counter_app.store.records_operations import ProjectRecord
from counter_app.store.repositories._base import Repository, to_record, to_records, values_of


class ProjectRepository(Repository):
    def upsert(self, rec: ProjectRecord) -> None:
        self.upsert_many([rec])

    add = upsert  # what the centre's snapshot load calls

    def upsert_many(self, records: Iterable[ProjectRecord]) -> int:
        rows = [values_of(rec) for rec in records]
        if not rows:
            return 0
        stmt = insert(o.projects)
        changed = {k: stmt.excluded[k] for k in rows[0] if k != "project_key"}
        self._c.execute(stmt.on_conflict_do_update(index_elements=["project_key"], set_=changed), rows)
        return len(rows)

    def get(self, project_key: str) -> ProjectRecord | None:
        row = self._c.execute(select(o.projects).where(o.projects.c.project_key == project_key)).first()
        return to_record(ProjectRecord, row)

    def all(self) -> list[ProjectRecord]:
        return to_records(ProjectRecord, self._c.execute(select(o.projects).order_by(o.projects.c.name)))
