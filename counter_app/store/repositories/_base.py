"""Shared plumbing of the repositories: rows ↔ frozen records, chunked executemany."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, Table
from sqlalchemy.dialects.sqlite import Insert, insert

from counter_app.store.bulk import field_names as _names
from counter_app.store.bulk import insert_tuples, table_rows

R = TypeVar("R")
CHUNK = 50_000


def to_record(cls: type[R], row: Row[Any] | None) -> R | None:
    if row is None:
        return None
    mapping = row._mapping
    return cls(**{name: mapping[name] for name in _names(cls)})  # type: ignore[arg-type]


def to_records(cls: type[R], rows: Iterable[Row[Any]]) -> list[R]:
    return [to_record(cls, row) for row in rows]  # type: ignore[misc]


def values_of(record: Any, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """A record's fields as a dict, shallow (``asdict`` deep-copies and is slow in bulk loads)."""
    return {k: getattr(record, k) for k in _names(type(record)) if k not in exclude}


@cache
def upsert_statement(table: Table, key: str, columns: tuple[str, ...]) -> Insert:
    """``INSERT … ON CONFLICT (key) DO UPDATE`` of ``columns``, built once per table and column set and
    executed with parameters: a statement built per row spent milliseconds in SQLAlchemy's
    construction and compilation (2,000 pulled accounts took 8 s of a sync)."""
    stmt = insert(table)
    return stmt.on_conflict_do_update(index_elements=[key], set_={c: stmt.excluded[c] for c in columns if c != key})


def chunks(items: Iterable[R], size: int = CHUNK) -> Iterator[list[R]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class Repository:
    """Base: holds the connection of the unit of work it belongs to."""

    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def _insert_many(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if rows:
            self._c.execute(table.insert(), rows)

    def _upsert_values(self, table: Table, key: str, values: dict[str, Any]) -> None:
        self._c.execute(upsert_statement(table, key, tuple(values)), values)

    def _upsert_records(self, table: Table, key: str, records: Iterable[Any]) -> int:
        """Upsert records of one type by executemany (a pulled page's run of accounts or loans)."""
        rows = [values_of(r) for r in records]
        if rows:
            self._c.execute(upsert_statement(table, key, tuple(rows[0])), rows)
        return len(rows)

    def _insert_records(self, table: Table, records: Iterable[Any]) -> int:
        """INSERT records by executemany in chunks (fast path of ``bulk``); returns how many."""
        count = 0
        for batch in chunks(records):
            insert_tuples(self._c, table, *table_rows(table, batch))
            count += len(batch)
        return count
