"""Working-day arithmetic for legal and service deadlines (工作日).

Weekends are skipped; public holidays and their make-up working days are not known offline, so a
deadline computed here can only be earlier than the true one — the safe side for a promise
printed on a receipt.
"""

from __future__ import annotations

from datetime import date, timedelta


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (Monday to Friday)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current
