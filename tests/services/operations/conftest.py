"""Fixtures of the operations service tests: moving the counter's clock, clerk accounts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

PASSWORD = "Counter-pass-2026"


@pytest.fixture
def move_to(counter: Any) -> Callable[[date], None]:
    """``move_to(day)``: the counter's clock stands at 10:00 China time on ``day``."""

    def move(day: date) -> None:
        moment = datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC)
        counter.clock = lambda: moment

    return move


@pytest.fixture
def staffed(counter: Any) -> Any:
    """The station gets a supervisor ``zhan`` and a clerk ``li``; the counter works as ``li``."""
    from counter_app.services.clerks import add_clerk

    assert add_clerk(counter, "zhan", PASSWORD, "supervisor", "站长").ok
    counter.clerk = "zhan"
    assert add_clerk(counter, "li", PASSWORD, "clerk", "李柜员").ok
    counter.clerk = "li"
    return counter
