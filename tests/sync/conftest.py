"""Fixtures for the central database tests: an initialised central schema and per-test station roles."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.sync import central_db

# Helpers of this folder (station_helpers, the test keyring backend) import by plain name.
HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from station_helpers import Central, drop_roles  # noqa: E402


@pytest.fixture(name="drop_roles")
def drop_roles_fixture():
    """The role clean-up helper, for tests that create roles through the command line."""
    return drop_roles


@pytest.fixture
def central(pg_dsn) -> Iterator[Central]:
    group = "grp_" + uuid.uuid4().hex[:10]
    central_db.init_central(pg_dsn, group)
    env = Central(dsn=pg_dsn, group=group)
    yield env
    drop_roles(pg_dsn, [s.role for s in env.stations] + [group])


@pytest.fixture
def file_keyring(tmp_path, monkeypatch):
    """This test's own keyring file (for this process and any subprocess it starts), holding what the
    run's keyring held (audit keys of template data dirs) so that the test may look at or delete
    entries without touching other tests."""
    import os
    import shutil

    import keyring
    from keyring_file_backend import FileKeyring

    path = tmp_path / "keyring.json"
    if os.path.exists(os.environ.get("COUNTER_TEST_KEYRING", "")):
        shutil.copy(os.environ["COUNTER_TEST_KEYRING"], path)
    monkeypatch.setenv("COUNTER_TEST_KEYRING", str(path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring_file_backend.FileKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield path
    keyring.set_keyring(previous)
