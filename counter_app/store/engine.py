"""The SQLite engine: WAL, foreign keys, busy timeout, and BEGIN IMMEDIATE for write transactions.

pysqlite's own transaction handling is switched off and SQLAlchemy emits BEGIN itself (the recipe of
SQLAlchemy's SQLite dialect documentation), so a write unit of work can take the write lock up front:
two app instances on one PC then queue on the lock instead of failing half-way with "database is
locked" when a read transaction tries to become a write one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

DB_FILENAME = "station.sqlite3"  # the store file in a data dir

WRITE_OPTION = "counter_app_write"  # execution option: this transaction will write
BUSY_TIMEOUT_MS = 30_000
CACHE_KIB = 64 * 1024


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _on_begin)
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is on disk before the receipt prints, so a power cut (common in townships)
    # cannot take back a receipt number already handed out. NORMAL would survive only app crashes.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # index pages of 200,000 workers stay hot
    cursor.execute("PRAGMA temp_store = MEMORY")
    cursor.close()


def _on_begin(connection: Any) -> None:
    write = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(path: Path) -> Engine:
    """An engine on the SQLite file at ``path`` (created if missing)."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def write_engine(engine: Engine) -> Engine:
    """The same engine (same pool) whose transactions start with BEGIN IMMEDIATE."""
    return engine.execution_options(**{WRITE_OPTION: True})
