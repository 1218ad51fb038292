"""Workers and employers (reference data from the centre), with their pinyin search keys."""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from sqlalchemy import delete, func, select

from counter_app.domain.normalize import normalize_code
from counter_app.domain.search_keys import employer_aliases, employer_keys, person_keys
from counter_app.store import schema as s
from counter_app.store.bulk import insert_tuples
from counter_app.store.records import EmployerRecord, WorkerRecord
from counter_app.store.repositories._base import Repository, chunks, to_record, to_records, values_of

WORKER = "W"
EMPLOYER = "E"
KEY_COLUMNS = ("key", "owner", "ref")


KeyRow = tuple[str, str, str]  # (key, owner, ref)


def worker_key_rows(name: str, id_number: str) -> list[KeyRow]:
    return [(k, WORKER, id_number) for k in person_keys(name)]


def employer_key_rows(name: str, uscc: str) -> list[KeyRow]:
    keys = (*employer_keys(name), *employer_aliases(name))
    return [(k, EMPLOYER, uscc) for k in dict.fromkeys(keys)]


# Which table's rows carry search keys: (its key rows, the name column, the reference column).
KEYED_TABLES = {s.workers.name: (worker_key_rows, "name", "id_number"),
                s.employers.name: (employer_key_rows, "name", "uscc")}


class _KeyedRepository(Repository):
    """Upsert/bulk insert that keep ``search_keys`` in step with the names."""

    table: Any
    unique: str
    owner: str

    def _key_rows(self, rec: Any) -> list[KeyRow]:
        raise NotImplementedError

    def _upsert(self, rec: Any) -> None:
        values = values_of(rec)
        unique = self.table.c[self.unique]
        old = self._c.execute(select(self.table).where(unique == values[self.unique])).first()
        self._upsert_values(self.table, self.unique, values)
        if old is not None and old.name == rec.name:
            return
        if old is not None:  # the name changed: its old keys go (found by key, see schema)
            k = s.search_keys.c
            stale = [key for key, _, _ in self._key_rows(to_record(type(rec), old))]
            self._c.execute(delete(s.search_keys).where(
                k.key.in_(stale), k.owner == self.owner, k.ref == values[self.unique]))
        insert_tuples(self._c, s.search_keys, KEY_COLUMNS, self._key_rows(rec))

    def _bulk_insert(self, records: Iterable[Any]) -> int:
        """Plain INSERTs by executemany (fast path for demo data and the first full pull)."""
        count = 0
        for batch in chunks(records):
            count += self._insert_records(self.table, batch)
            # Key order makes the inserts appends to the index; one ref never repeats a key.
            keys = sorted([row for r in batch for row in self._key_rows(r)], key=itemgetter(0))
            insert_tuples(self._c, s.search_keys, KEY_COLUMNS, keys)
        return count

    def count(self) -> int:
        return int(self._c.execute(select(func.count()).select_from(self.table)).scalar_one())


class WorkerRepository(_KeyedRepository):
    table = s.workers
    unique = "id_number"
    owner = WORKER

    def _key_rows(self, rec: WorkerRecord) -> list[KeyRow]:
        return worker_key_rows(rec.name, rec.id_number)

    def get(self, id_number: str) -> WorkerRecord | None:
        row = self._c.execute(select(s.workers).where(s.workers.c.id_number == normalize_code(id_number)))
        return to_record(WorkerRecord, row.first())

    def upsert(self, rec: WorkerRecord) -> None:
        self._upsert(rec)

    def bulk_insert(self, records: Iterable[WorkerRecord]) -> int:
        return self._bulk_insert(records)

    def by_employer(self, uscc: str) -> list[WorkerRecord]:
        rows = self._c.execute(
            select(s.workers).where(s.workers.c.employer_uscc == uscc).order_by(s.workers.c.name)
        )
        return to_records(WorkerRecord, rows)

    def page(self, limit: int = 1000, after_id_number: str = "") -> list[WorkerRecord]:
        """Workers in ID order after ``after_id_number`` (for batch letters over tens of thousands)."""
        rows = self._c.execute(
            select(s.workers).where(s.workers.c.id_number > after_id_number)
            .order_by(s.workers.c.id_number).limit(limit)
        )
        return to_records(WorkerRecord, rows)


class EmployerRepository(_KeyedRepository):
    table = s.employers
    unique = "uscc"
    owner = EMPLOYER

    def _key_rows(self, rec: EmployerRecord) -> list[KeyRow]:
        return employer_key_rows(rec.name, rec.uscc)

    def get(self, uscc: str) -> EmployerRecord | None:
        row = self._c.execute(select(s.employers).where(s.employers.c.uscc == normalize_code(uscc)))
        return to_record(EmployerRecord, row.first())

    def upsert(self, rec: EmployerRecord) -> None:
        self._upsert(rec)

    def bulk_insert(self, records: Iterable[EmployerRecord]) -> int:
        return self._bulk_insert(records)

    def unregistered(self, township: str | None = None) -> list[EmployerRecord]:
        """Employers without a fund registration (建制通知 candidates), most insured staff first."""
        stmt = select(s.employers).where(s.employers.c.registered.is_(False))
        if township is not None:
            stmt = stmt.where(s.employers.c.township == township)
        stmt = stmt.order_by(s.employers.c.insured_staff.desc().nulls_last(), s.employers.c.uscc)
        return to_records(EmployerRecord, self._c.execute(stmt))

    def picker_rows(self) -> list[tuple[str, str, Any, Any, str]]:
        """Every employer as (uscc, name, worker_ratio, employer_ratio, its pinyin keys joined by
        spaces), by name: the employer picker's list, read once and filtered in memory."""
        keys = (select(s.search_keys.c.ref, func.group_concat(s.search_keys.c.key, " ").label("keys"))
                .where(s.search_keys.c.owner == EMPLOYER).group_by(s.search_keys.c.ref).subquery())
        e = s.employers.c
        stmt = (select(e.uscc, e.name, e.worker_ratio, e.employer_ratio, keys.c["keys"])
                .outerjoin_from(s.employers, keys, keys.c.ref == e.uscc).order_by(e.name))
        return [tuple(row) for row in self._c.execute(stmt)]

    def query(self, township: str | None = None) -> list[EmployerRecord]:
        stmt = select(s.employers).order_by(s.employers.c.township, s.employers.c.name)
        if township is not None:
            stmt = stmt.where(s.employers.c.township == township)
        return to_records(EmployerRecord, self._c.execute(stmt))
