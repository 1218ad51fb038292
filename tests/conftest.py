"""Suite-wide fixtures: Qt offscreen, a real PostgreSQL cluster, a headless keyring."""

from __future__ import annotations

import os
import uuid

# Before any Qt import anywhere in the suite.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

import pytest
from pgcluster import destroy_cluster, start_cluster


@pytest.fixture(scope="session")
def pg_cluster():
    """One real PostgreSQL server for the whole run (never skipped: missing binaries fail)."""
    cluster = start_cluster()
    yield cluster
    destroy_cluster(cluster)


@pytest.fixture
def pg_dsn(pg_cluster):
    """A fresh, empty database on the suite's cluster; DSN of its superuser connection."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_cluster.dsn(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield pg_cluster.dsn(name)
    with psycopg.connect(pg_cluster.dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
