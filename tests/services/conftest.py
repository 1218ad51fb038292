"""Service-test fixtures: a counter on a temp data dir holding the world of ``service_world``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # service_world beside this file

from service_world import build_world, fixed_clock  # noqa: E402

from counter_app.services import open_counter  # noqa: E402


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "station"


@pytest.fixture
def counter(data_dir: Path):
    """A counter on the world, with the clock fixed at NOW."""
    counter = open_counter(data_dir, clock=fixed_clock)
    build_world(counter.store)
    yield counter
    counter.close()
