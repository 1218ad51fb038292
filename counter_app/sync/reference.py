"""Central reference rows ↔ the station store's records (same field names; JSON payloads re-typed)."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from counter_app.store.records import (
    AccountRecord,
    EmployerRecord,
    LoanRecord,
    PastWithdrawalRecord,
    PolicyVersionRecord,
    WorkerRecord,
)
from counter_app.store.records_operations import PreregistrationRecord, ProjectRecord


@dataclass(frozen=True)
class Entity:
    """One kind of reference row: its central table, the store record and the store repository."""

    name: str  # as written in the change feed
    table: str  # central.<table>
    record: type
    repository: str  # attribute of the unit of work


ENTITIES: dict[str, Entity] = {e.name: e for e in (
    Entity("employer", "employers", EmployerRecord, "employers"),
    Entity("worker", "workers", WorkerRecord, "workers"),
    Entity("account", "accounts", AccountRecord, "accounts"),
    Entity("loan", "loans", LoanRecord, "loans"),
    Entity("withdrawal_history", "withdrawal_history", PastWithdrawalRecord, "withdrawals"),
    Entity("policy_version", "policy_versions", PolicyVersionRecord, "policies"),
    Entity("preregistration", "preregistrations", PreregistrationRecord, "preregistrations"),  # central 0006
    Entity("project", "projects", ProjectRecord, "projects"),  # central 0013: every station, city-wide
)}

# Station-side bookkeeping fields that the centre does not keep.
_LOCAL_ONLY = ("updated_seq", "pulled_at", "imported_at")


@cache
def columns(record: type) -> tuple[str, ...]:
    """The record fields the centre holds, in record order (the SELECT list of a snapshot)."""
    return tuple(f.name for f in fields(record) if f.name not in _LOCAL_ONLY)


@cache
def _types(record: type) -> dict[str, type]:
    hints = typing.get_type_hints(record)
    out = {}
    for name in columns(record):
        hint = hints[name]
        if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
            hint = next(a for a in typing.get_args(hint) if a is not type(None))
        out[name] = typing.get_origin(hint) or hint
    return out


def _convert(value: Any, target: type) -> Any:
    if value is None or (isinstance(value, target) and not (target is date and isinstance(value, datetime))):
        return value
    if target is Decimal:
        return Decimal(str(value))  # JSON numbers arrive as Decimal or int: never through float
    if target is datetime:
        return datetime.fromisoformat(value)
    if target is date:
        return date.fromisoformat(str(value)[:10])
    return target(value) if target in (int, str, bool) else value


def from_payload(entity: str, payload: dict[str, Any]) -> Any:
    """The store record for a change-feed payload (``to_jsonb`` of the central row)."""
    spec = ENTITIES[entity]
    kinds = _types(spec.record)
    return spec.record(**{name: _convert(payload.get(name), kinds[name]) for name in columns(spec.record)})


def from_row(entity: str, row: tuple[Any, ...]) -> Any:
    """The store record for a row selected with ``columns(record)`` (already typed by psycopg)."""
    spec = ENTITIES[entity]
    return spec.record(**dict(zip(columns(spec.record), row)))
