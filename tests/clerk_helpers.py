"""Shared by the clerk, audit and approval tests: quick argon2id, a staffed station, raw audit rows.

The product hashes with argon2id's RFC 9106 low-memory profile (64 MiB, ~0.1–0.7 s a hash);
tests use argon2id's cheapest parameters so that hundreds of logins stay fast. The hashes are
still real argon2id hashes checked by the same code.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import argon2
import pytest
from argon2.profiles import CHEAPEST

FAST_HASHER = argon2.PasswordHasher.from_parameters(CHEAPEST)
SUPERVISOR = ("wang", "Wang-pass-2026", "王站长")
CLERK = ("zhang", "Zhang-pass-2026", "张柜员")
OTHER_CLERK = ("li", "Li-pass-2026!", "李柜员")


@pytest.fixture
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from counter_app.services import clerks

    monkeypatch.setattr(clerks, "HASHER", FAST_HASHER)
    monkeypatch.setattr(clerks, "_DUMMY_HASH", None)
    yield


def staff(counter: Any, *, with_other: bool = False) -> Any:
    """Add a supervisor and a clerk (and a second clerk); the counter then works as the clerk."""
    from counter_app.services import clerks

    assert clerks.add_clerk(counter, SUPERVISOR[0], SUPERVISOR[1], "supervisor", SUPERVISOR[2]).ok
    counter.clerk = SUPERVISOR[0]
    assert clerks.add_clerk(counter, CLERK[0], CLERK[1], "clerk", CLERK[2]).ok
    if with_other:
        assert clerks.add_clerk(counter, OTHER_CLERK[0], OTHER_CLERK[1], "clerk", OTHER_CLERK[2]).ok
    counter.clerk = CLERK[0]
    return counter


def audit_db(data_dir: Path | str) -> sqlite3.Connection:
    """The station file opened with plain sqlite3, as someone tampering with it would."""
    return sqlite3.connect(Path(data_dir) / "station.sqlite3", isolation_level=None)


def audit_rows(data_dir: Path | str) -> list[tuple[Any, ...]]:
    db = audit_db(data_dir)
    try:
        return db.execute("SELECT seq, clerk, action, subject, details FROM audit_log ORDER BY seq").fetchall()
    finally:
        db.close()


def actions(data_dir: Path | str) -> list[str]:
    return [row[2] for row in audit_rows(data_dir)]


class Clock:
    """A clock a test moves forward."""

    def __init__(self, start: Any) -> None:
        self.now = start

    def __call__(self) -> Any:
        return self.now

    def advance(self, **delta: float) -> None:
        from datetime import timedelta

        self.now = self.now + timedelta(**delta)
