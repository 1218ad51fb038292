"""Backups: consistent while the store is in use, restore with a safety copy, copy before migration."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from counter_app.cli import main as cli_main
from counter_app.store import Store, migrate
from counter_app.store import backup as b
from counter_app.store.engine import make_engine
from counter_app.store.store import DB_FILENAME

OLD_REVISION = "0001"


@pytest.fixture(scope="module")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("backup") / "station"
    Store.open(path).close()
    return path


@pytest.fixture
def data_dir(store_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "station"
    shutil.copytree(store_template, target)
    return target


def queue(store: Store, *client_ids: str) -> None:
    with store.unit_of_work(write=True) as uow:
        for client_id in client_ids:
            uow.outbox.add(client_id, "application", {"n": client_id})
        uow.commit()


def queued(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT client_id FROM outbox ORDER BY id")]


def test_backup_while_the_store_is_open_and_mid_write_is_a_consistent_standalone_file(data_dir, tmp_path) -> None:
    with Store.open(data_dir) as store:
        queue(store, "a", "b")
        writer = sqlite3.connect(data_dir / DB_FILENAME, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO outbox (client_id, topic, payload, created_at) VALUES ('c', 't', '{}', 'x')")
        info = b.backup(data_dir, tmp_path / "out" / "copy.sqlite3")  # the writer still holds its lock
        writer.execute("COMMIT")
        writer.close()
    assert info.path.is_file() and info.revision == migrate.head_revision()
    assert not Path(str(info.path) + "-wal").exists() and not list(info.path.parent.glob("*.partial"))
    with sqlite3.connect(info.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert queued(info.path) == ["a", "b"]  # the snapshot, without the uncommitted row
    assert queued(data_dir / DB_FILENAME) == ["a", "b", "c"]


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(data_dir, tmp_path) -> None:
    with Store.open(data_dir) as store:
        queue(store, "before")
        saved = b.backup(data_dir, tmp_path / "saved.sqlite3")
        queue(store, "after")
        result = b.restore(data_dir, saved.path)
        # The open store sees the restored content at once (the copy went through SQLite).
        with store.unit_of_work() as uow:
            assert [item.client_id for item in uow.outbox.pending()] == ["before"]
    assert result.safety_copy is not None and result.safety_copy.parent == data_dir / b.BACKUP_DIR
    assert result.safety_copy.name.startswith(b.BEFORE_RESTORE)
    assert queued(result.safety_copy) == ["before", "after"]
    assert [info.path for info in b.list_backups(data_dir)] == [result.safety_copy]


def test_restore_into_an_empty_data_dir_needs_no_safety_copy(data_dir, tmp_path) -> None:
    with Store.open(data_dir) as store:
        queue(store, "moved")
    saved = b.backup(data_dir, tmp_path / "moving.sqlite3")
    result = b.restore(tmp_path / "new-pc", saved.path)
    assert result.safety_copy is None
    assert queued(tmp_path / "new-pc" / DB_FILENAME) == ["moved"]


def make_old_store(data_dir: Path, *client_ids: str) -> Path:
    """A store as an older counter-app left it: schema at OLD_REVISION, with queued rows."""
    data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(data_dir / DB_FILENAME)
    migrate.upgrade(engine, OLD_REVISION)
    engine.dispose()
    with sqlite3.connect(data_dir / DB_FILENAME) as conn:
        for client_id in client_ids:
            conn.execute("INSERT INTO outbox (client_id, topic, payload, created_at) VALUES (?, 't', '{}', ?)",
                         (client_id, "2025-01-02T03:04:05+00:00"))
    return data_dir / DB_FILENAME


def test_an_upgrade_copies_the_old_store_first_and_keeps_the_outbox(tmp_path) -> None:
    path = make_old_store(tmp_path / "station", "queued-1", "queued-2")
    assert b.list_backups(path.parent) == []  # creating at an old revision copied nothing
    with Store.open(path.parent) as store:
        assert store.schema_revision() == migrate.head_revision() != OLD_REVISION
        with store.unit_of_work() as uow:
            assert [item.client_id for item in uow.outbox.pending()] == ["queued-1", "queued-2"]
    [copy] = b.list_backups(path.parent)
    assert copy.path.name.startswith(f"{b.PRE_MIGRATION}-{OLD_REVISION}-") and copy.revision == OLD_REVISION
    assert queued(copy.path) == ["queued-1", "queued-2"]
    Store.open(path.parent).close()  # already at head: no second copy
    assert len(b.list_backups(path.parent)) == 1


def test_only_the_newest_automatic_copies_are_kept(tmp_path) -> None:
    path = make_old_store(tmp_path / "station")
    copies = [b.backup_before_migration(path) for _ in range(b.KEEP_AUTOMATIC + 2)]
    kept = {info.path for info in b.list_backups(path.parent)}
    assert len(kept) == b.KEEP_AUTOMATIC and copies[-1] in kept and copies[0] not in kept


@pytest.mark.parametrize("where", [None, ":memory:"])
def test_no_copy_without_a_file(where) -> None:
    assert b.backup_before_migration(where) is None


def test_an_old_backup_is_migrated_when_restored(data_dir, tmp_path) -> None:
    old = make_old_store(tmp_path / "old", "from-old")
    b.restore(data_dir, old)
    with Store.open(data_dir) as store:
        assert store.schema_revision() == migrate.head_revision()
    assert queued(data_dir / DB_FILENAME) == ["from-old"]


def refusal(data_dir: Path, file: Path) -> str:
    before = queued(data_dir / DB_FILENAME)
    with pytest.raises(b.BackupError) as caught:
        b.restore(data_dir, file)
    assert queued(data_dir / DB_FILENAME) == before  # nothing changed
    return caught.value.message


def test_restore_refuses_what_is_not_a_counter_app_store(data_dir, tmp_path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    assert "不是 SQLite" in refusal(data_dir, text)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    assert "缺少服务站数据表" in refusal(data_dir, other)
    assert "找不到" in refusal(data_dir, tmp_path / "missing.sqlite3")


def test_restore_refuses_a_backup_from_a_newer_version(data_dir, tmp_path) -> None:
    newer = b.backup(data_dir, tmp_path / "newer.sqlite3").path
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    message = refusal(data_dir, newer)
    assert "更新版本" in message and "9999_future" in message


def test_restore_refuses_a_damaged_file(data_dir, tmp_path) -> None:
    damaged = b.backup(data_dir, tmp_path / "damaged.sqlite3").path
    raw = bytearray(damaged.read_bytes())
    page = 4096
    for start in range(page * 2, len(raw), page):  # wreck every page after the schema page
        raw[start:start + 64] = b"\xff" * 64
    damaged.write_bytes(bytes(raw))
    assert "损坏" in refusal(data_dir, damaged)


def test_backup_refuses_without_a_store_or_onto_the_store_itself(data_dir, tmp_path) -> None:
    with pytest.raises(b.BackupError, match="还没有服务站数据"):
        b.backup(tmp_path / "empty", tmp_path / "x.sqlite3")
    with pytest.raises(b.BackupError, match="正在使用的数据文件"):
        b.backup(data_dir, data_dir / DB_FILENAME)


def test_cli_backup_and_restore(data_dir, tmp_path, capsys) -> None:
    with Store.open(data_dir) as store:
        queue(store, "cli-1")
    target = tmp_path / "cli.sqlite3"
    assert cli_main(["--data-dir", str(data_dir), "backup", str(target), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["file"] == str(target) and shown["revision"] == migrate.head_revision()
    with Store.open(data_dir) as store:
        queue(store, "cli-2")
    # Not a terminal and no --yes: refused, nothing restored.
    assert cli_main(["--data-dir", str(data_dir), "restore", str(target), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["errors"][0]["field"] == "yes"
    assert queued(data_dir / DB_FILENAME) == ["cli-1", "cli-2"]
    assert cli_main(["--data-dir", str(data_dir), "restore", str(target), "--yes"]) == 0
    assert "已从" in capsys.readouterr().out
    assert queued(data_dir / DB_FILENAME) == ["cli-1"]


def test_cli_restore_of_a_bad_file_names_the_problem_in_chinese(data_dir, tmp_path, capsys) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all")
    assert cli_main(["--data-dir", str(data_dir), "restore", str(bad), "--yes"]) == 2
    assert "不是 SQLite" in capsys.readouterr().err
