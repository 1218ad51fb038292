"""Fast bulk INSERT: records turned straight into DB-API tuples and sent by one executemany.

The ORM/Core bind processing costs more than SQLite's own insert for hundreds of thousands of rows,
so the conversions the column types would do (cents, dates, percentages, JSON) are done here once
per column, with exactly the same stored forms as ``types.py`` and SQLAlchemy's SQLite types.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from operator import attrgetter
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Date, Table

from counter_app.domain.money import to_cents
from counter_app.store.types import DecimalText, Money, UtcDateTime

Convert = Callable[[Any], Any]


def _cents(value: Any) -> int | None:
    if value is None:
        return None
    if type(value) is Decimal:  # the common case, without to_cents' checks
        return int((value * 100).to_integral_value(ROUND_HALF_UP))
    return int(to_cents(value) * 100)


def _converter(column: Any) -> Convert | None:
    kind = column.type
    if isinstance(kind, Money):
        return _cents
    if isinstance(kind, (DecimalText, UtcDateTime)):
        return lambda value: kind.process_bind_param(value, None)
    if isinstance(kind, Date):
        return lambda value: None if value is None else value.isoformat()
    if isinstance(kind, Boolean):
        return lambda value: value if value is None or type(value) is bool else bool(value)  # bool is an int
    if isinstance(kind, JSON):
        return lambda value: None if value is None else json.dumps(value, ensure_ascii=False)
    return None


def insert_sql(table: Table, names: Sequence[str]) -> str:
    columns = ", ".join(f'"{n}"' for n in names)
    return f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(names))})'


def insert_tuples(connection: Connection, table: Table, names: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Rows already in stored form (plain text and integers), in ``names`` order."""
    if rows:
        connection.exec_driver_sql(insert_sql(table, names), rows)


@cache
def field_names(cls: type) -> tuple[str, ...]:
    """The fields of a record class, in order (the columns its rows are written with)."""
    return tuple(f.name for f in fields(cls))


def table_rows(table: Table, records: Sequence[Any]) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    """Records of one class → (column names, rows in stored form), ready for ``insert_tuples``."""
    names = field_names(type(records[0]))
    return names, record_tuples(table, names, records)


def record_tuples(table: Table, names: Sequence[str], records: Iterable[Any]) -> list[tuple[Any, ...]]:
    """Records → tuples in stored form, converting each column as its type would."""
    get = attrgetter(*names)  # one C call per record for all the fields
    converters = [(i, conv) for i, name in enumerate(names) if (conv := _converter(table.c[name])) is not None]
    if not converters:
        return [get(r) for r in records]
    rows = []
    for record in records:
        row = list(get(record))
        for i, conv in converters:
            row[i] = conv(row[i])
        rows.append(tuple(row))
    return rows
