"""Shared plumbing of the repositories: rows ↔ frozen records, chunked executemany."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, Table

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

    def _insert_records(self, table: Table, records: Iterable[Any]) -> int:
        """INSERT records by executemany in chunks (fast path of ``bulk``); returns how many."""
        count = 0
        for batch in chunks(records):
            insert_tuples(self._c, table, *table_rows(table, batch))
            count += len(batch)
        return count
