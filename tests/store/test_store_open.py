"""Opening the store: file, pragmas, migrations to head, and the 0001 → head upgrade keeping rows."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from counter_app.store import DB_FILENAME, Store, WorkerRecord, migrate
from counter_app.store.engine import make_engine
from counter_app.store.schema import metadata


def test_open_creates_the_database_at_the_newest_revision(tmp_path: Path) -> None:
    data_dir = tmp_path / "new" / "dir"
    with Store.open(data_dir) as store:
        assert (data_dir / DB_FILENAME).is_file()
        assert store.schema_revision() == migrate.head_revision()
        assert migrate.head_revision() not in (None, "0001")


def test_database_uses_wal(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    with sqlite3.connect(tmp_path / DB_FILENAME) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_engine_enforces_foreign_keys(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    engine = make_engine(tmp_path / DB_FILENAME)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text("INSERT INTO application_status_history (application_id, status, at, by) "
                          "VALUES (999, 'submitted', '2026-01-01T00:00:00+00:00', 'x')"))
    engine.dispose()


def test_migrated_schema_matches_the_models(store: Store) -> None:
    engine = make_engine(store.path)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()


def test_reopening_keeps_data_and_revision(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store, store.unit_of_work(write=True) as uow:
        uow.settings.set("station_code", "QS01")
        uow.commit()
    with Store.open(tmp_path) as again, again.unit_of_work() as uow:
        assert uow.settings.get("station_code") == "QS01"
        assert again.schema_revision() == migrate.head_revision()


def test_upgrade_from_0001_keeps_rows_and_adds_the_new_tables(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    engine = make_engine(path)
    migrate.upgrade(engine, "0001")
    assert migrate.current_revision(engine) == "0001"
    with engine.begin() as conn:
        tables = {row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
        assert "workers" in tables and "drafts" not in tables and "print_log" not in tables
        conn.execute(text("INSERT INTO workers (id_type, id_number, name, birth_date, updated_seq) "
                          "VALUES ('01', '11010519491231002X', '张三', '1949-12-31', 7)"))
        conn.execute(text("INSERT INTO search_keys (key, owner, ref) VALUES ('zs', 'W', '11010519491231002X')"))
        conn.execute(text("INSERT INTO accounts (account_no, id_number, balance) "
                          "VALUES ('800000000001', '11010519491231002X', 123456)"))
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('terminal', '\"02\"')"))
    engine.dispose()

    with Store.open(tmp_path) as store:
        assert store.schema_revision() == migrate.head_revision()
        with store.unit_of_work(write=True) as uow:
            assert uow.workers.get("11010519491231002X") == WorkerRecord(
                id_number="11010519491231002X", name="张三", birth_date=date(1949, 12, 31), updated_seq=7)
            assert str(uow.accounts.get("800000000001").balance) == "1234.56"
            assert uow.settings.get("terminal") == "02"
            uow.drafts.save("withdrawal", "11010519491231002X", {"amount": "100.00"})  # the new table works
            uow.commit()
        assert [h.name for h in store.search("zs")] == ["张三"]


def test_two_stores_on_one_file_open_concurrently(tmp_path: Path) -> None:
    first = Store.open(tmp_path)
    second = Store.open(tmp_path)  # a second app instance: migration is a no-op, no lock error
    with first.unit_of_work(write=True) as uow:
        uow.settings.set("k", 1)
        uow.commit()
    with second.unit_of_work() as uow:
        assert uow.settings.get("k") == 1
    first.close()
    second.close()


def test_a_store_at_head_opens_while_another_process_holds_the_write_lock(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening reads the schema revision; only a store behind head takes the write lock to migrate
    (a lookup must not wait behind the window's sync writing its snapshot)."""
    from counter_app.store import engine as store_engine

    Store.open(tmp_path).close()
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 200)  # a lock asked for fails at once here
    writer = sqlite3.connect(tmp_path / DB_FILENAME, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another process is writing (a sync's snapshot, say)
        with Store.open(tmp_path) as store, store.unit_of_work() as uow:
            assert store.schema_revision() == migrate.head_revision() and uow.settings.get("station_code") is None
    finally:
        writer.execute("ROLLBACK")
        writer.close()
