"""Fixtures for the central database tests: an initialised central schema and per-test station roles."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import make_conninfo

from counter_app.sync import central_db

# Helpers of this folder (station_helpers, the test keyring backend) import by plain name.
HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))


@dataclass
class Station:
    code: str
    role: str
    password: str
    district: str
    dsn: str

    def connect(self, **kwargs) -> psycopg.Connection:
        return psycopg.connect(self.dsn, autocommit=True, **kwargs)


@dataclass
class Central:
    """An initialised central database; roles are cluster-wide, so every name carries a unique suffix."""

    dsn: str
    group: str
    stations: list[Station] = field(default_factory=list)

    def connect(self, **kwargs) -> psycopg.Connection:
        return psycopg.connect(self.dsn, autocommit=True, **kwargs)

    def add_station(self, district: str = "D1", name: str = "测试服务站") -> Station:
        code = "S" + uuid.uuid4().hex[:8].upper()
        with self.connect() as conn:
            creds = central_db.add_station(conn, code, name, district)
        station = Station(creds.code, creds.role, creds.password, district,
                          make_conninfo(self.dsn, user=creds.role, password=creds.password))
        self.stations.append(station)
        return station


def drop_roles(dsn: str, roles: list[str]) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        for role in roles:
            conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


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
    """The test keyring (a JSON file) for this process and any subprocess it starts."""
    import keyring
    from keyring_file_backend import FileKeyring

    path = tmp_path / "keyring.json"
    monkeypatch.setenv("COUNTER_TEST_KEYRING", str(path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring_file_backend.FileKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield path
    keyring.set_keyring(previous)
