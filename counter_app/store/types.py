"""Column types of the local store: money as integer cents, percentages as text, UTC timestamps."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, Text
from sqlalchemy.types import TypeDecorator

from counter_app.domain.money import to_cents

_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


class Money(TypeDecorator[Decimal]):
    """Decimal yuan in Python, integer cents in SQLite (exact sums, no float anywhere)."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        if value is None:
            return None
        return int(to_cents(value) * _HUNDRED)

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / _HUNDRED).quantize(_CENT)


class DecimalText(TypeDecorator[Decimal]):
    """An exact decimal (a ratio "12", a rate "3.1" percent) kept as its text."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("percentages must be Decimal or str, never float")
        return str(Decimal(value))

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value)


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC ISO-8601 text (sorts by time; naive values are refused)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Any) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


def utc_now() -> datetime:
    return datetime.now(UTC)
