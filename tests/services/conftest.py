"""Service-test fixtures: a counter on a temp data dir holding the world of ``service_world``."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # service_world beside this file

from service_world import build_world, fixed_clock

from counter_app.services import open_counter
from counter_app.services.audit import ensure_key


@pytest.fixture(scope="session")
def world_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir migrated and holding the world, made once; tests work on copies."""
    path = tmp_path_factory.mktemp("world") / "station"
    with open_counter(path, clock=fixed_clock) as counter:
        build_world(counter.store)
        ensure_key(counter)  # made once: every copy of the world shares the store id and its key
    return path


@pytest.fixture
def data_dir(world_template: Path, tmp_path: Path) -> Path:
    """This test's own copy of the world's data dir."""
    target = tmp_path / "station"
    shutil.copytree(world_template, target)
    return target


@pytest.fixture
def counter(data_dir: Path):
    """A counter on the world, with the clock fixed at NOW."""
    counter = open_counter(data_dir, clock=fixed_clock)
    yield counter
    counter.close()
