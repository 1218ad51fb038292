"""Suite-wide fixtures: Qt offscreen, a real PostgreSQL cluster, a real CUPS server, a headless keyring."""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path

# Before any Qt import anywhere in the suite.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The audit chain's key lives only in a keyring, so every test has one: a JSON file for this run,
# shared with the subprocesses the tests start (they find the backend through PYTHONPATH). Tests of
# "no keyring" select keyring.backends.null / fail themselves.
_KEYRING_DIR = Path(__file__).resolve().parent / "sync"
sys.path.insert(0, str(_KEYRING_DIR))
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(_KEYRING_DIR), os.environ.get("PYTHONPATH")) if p)
os.environ.setdefault("COUNTER_TEST_KEYRING", str(Path(tempfile.mkdtemp(prefix="counter-keyring-")) / "keyring.json"))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring_file_backend.FileKeyring")

import pytest  # noqa: E402  after the keyring environment above, which subprocesses inherit
from pgcluster import destroy_cluster, start_cluster  # noqa: E402


@pytest.fixture(autouse=True)
def _gc_back_on_after_the_test():
    """The operation runner turns automatic GC off while its workers run; a test that ends before the
    GUI's timer notices they parked must not leave the following tests without it."""
    yield
    operations = sys.modules.get("counter_app.gui.operations")
    if operations is not None:
        operations.settle_gc()


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


@pytest.fixture(scope="session")
def cups_server():
    """One real CUPS server for the run (its own cupsd and cups-pdf queues; never skipped)."""
    from cupsserver import destroy_server, start_server

    server = start_server()
    server.add_pdf_queue("counter-a4", "A4 激光打印机（虚拟 PDF）", default=True)
    server.add_pdf_queue("counter-receipt", "回执打印机（虚拟 PDF）", page_size="A5")
    server.add_file_queue("office-duplex", "双面激光打印机")
    yield server
    destroy_server(server)


@pytest.fixture
def print_server(cups_server, monkeypatch):
    """The suite's CUPS server as this test's print service (CUPS_SERVER, as libcups reads it)."""
    monkeypatch.setenv("CUPS_SERVER", cups_server.server)
    yield cups_server
    cups_server.wait_for_jobs()
