"""Small helpers shared by the operations services: China-day bounds, date input, the supervisor check."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from counter_app.domain.clock import CHINA_TZ
from counter_app.domain.errors import FieldError
from counter_app.domain.normalize import format_control_problem, normalize_text
from counter_app.domain.roles import SUPERVISOR
from counter_app.services.counter import Counter
from counter_app.store.uow import UnitOfWork


def day_bounds(start: date, end: date | None = None) -> tuple[datetime, datetime]:
    """UTC instants [from, to) of the China calendar days ``start``..``end`` (inclusive)."""
    last = end or start
    begin = datetime.combine(start, time(), CHINA_TZ).astimezone(UTC)
    finish = datetime.combine(last + timedelta(days=1), time(), CHINA_TZ).astimezone(UTC)
    return begin, finish


def parse_day(value: Any, key: str, label: str) -> tuple[date | None, FieldError | None]:
    """A date from a ``date`` or "YYYY-MM-DD" text (full-width digits accepted)."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    text = normalize_text(value)
    if not text:
        return None, FieldError(key, f"请填写{label}")
    try:
        return date.fromisoformat(text), None
    except ValueError:
        return None, FieldError(key, f"{label}格式应为 YYYY-MM-DD，且须为真实日期")


def supervisor_problem(counter: Counter, uow: UnitOfWork, message: str) -> FieldError | None:
    """Once the station has clerk accounts, only an active supervisor may go on."""
    if not uow.clerks.any():
        return None
    actor = uow.clerks.get(counter.clerk)
    if actor is not None and actor.active and actor.role == SUPERVISOR:
        return None
    return FieldError("clerk", message)


def hidden_problems(labels: dict[str, str], values: dict[str, Any]) -> list[FieldError]:
    """Bidi and other invisible format characters in any of ``values`` (key → text), named by field."""
    found = []
    for key, value in values.items():
        problem = format_control_problem(value, labels.get(key, key))
        if problem:
            found.append(FieldError(key, problem))
    return found


def text(value: Any) -> str:
    return normalize_text(value) if value is not None else ""
