"""Backup and restore of the station store (数据备份与恢复), and the safety copy made before a migration.

Copies go through SQLite's online backup API: one read transaction over the whole copy, so a backup
taken while the counter is working is a consistent snapshot (WAL lets the clerk keep writing).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counter_app.store import migrate
from counter_app.store.blobs import BlobStore, sha256_file
from counter_app.store.engine import DB_FILENAME, make_engine
from counter_app.store.health import clear_mark, damage_mark, full_check

BACKUP_DIR = "backups"
PRE_MIGRATION = "pre-migration"
BEFORE_RESTORE = "before-restore"
DAMAGED_BEFORE_RESTORE = "damaged-before-restore"
KEEP_AUTOMATIC = 5  # automatic copies of each kind kept; the clerk's own backups are never pruned
REQUIRED_TABLES = frozenset({"alembic_version", "settings", "outbox", "applications"})
SQLITE_MAGIC = b"SQLite format 3\x00"
FILES_SUFFIX = ".attachments"  # beside a backup file: the data dir's attachment files it refers to


class BackupError(Exception):
    """A backup or restore that cannot be done; ``message`` is for the clerk."""

    def __init__(self, message: str, field: str = "file") -> None:
        super().__init__(message)
        self.message, self.field = message, field


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str | None
    size: int
    modified: datetime
    files: int = 0  # attachment files kept beside the backup (its ``.attachments`` folder)


@dataclass(frozen=True)
class RestoreResult:
    restored_revision: str | None
    safety_copy: Path | None  # the store as it was just before the restore
    files_restored: int = 0  # attachment files put back from beside the backup


def store_path(data_dir: str | os.PathLike[str]) -> Path:
    return Path(data_dir) / DB_FILENAME


def backup_dir(data_dir: str | os.PathLike[str]) -> Path:
    return Path(data_dir) / BACKUP_DIR


def backup(data_dir: str | os.PathLike[str], file: str | os.PathLike[str]) -> BackupInfo:
    """Copy the store of ``data_dir`` to ``file`` (a single self-contained SQLite file)."""
    source = store_path(data_dir)
    if not source.is_file():
        raise BackupError("该数据目录中还没有服务站数据，无需备份", "data_dir")
    target = Path(file)
    if target.exists() and target.resolve() == source.resolve():
        raise BackupError("备份文件不能是正在使用的数据文件本身")
    if target.is_dir():
        raise BackupError("备份文件路径是一个文件夹，请给出文件名（如 station-backup.sqlite3）")
    damaged = full_check(source)  # a backup of a damaged store would replace a good one later
    if damaged:
        raise BackupError(f"数据文件已损坏（完整性检查未通过：{damaged[0]}），不能备份；请用 counter-app restore "
                          "从较早的备份恢复，并联系技术支持", "data_dir")
    _copy_database(source, target)
    files = 0
    if not _inside(target, backup_dir(data_dir)):  # automatic copies stay beside the data dir's own files
        files = _copy_files(BlobStore(data_dir), files_beside(target))
    info = describe(target)
    return BackupInfo(info.path, info.revision, info.size, info.modified, files)


def files_beside(backup_file: str | os.PathLike[str]) -> Path:
    """The folder holding a backup's attachment files (``station.sqlite3`` → ``station.sqlite3.attachments``)."""
    return Path(str(backup_file) + FILES_SUFFIX)


def _copy_files(blobs: BlobStore, folder: Path) -> int:
    """Every attachment file into ``folder`` (same content-addressed layout), skipping those already
    there: a second backup to the same place copies only what is new. Returns how many it holds."""
    count = 0
    for sha in blobs:
        target = folder / sha[:2] / sha
        if not (target.is_file() and target.stat().st_size == blobs.size(sha)):
            _copy_atomically(blobs.path(sha), target)
        count += 1
    return count


def _copy_atomically(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".part-{target.name}")
    try:
        shutil.copyfile(source, partial)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"无法写入备份的附件文件：{exc.strerror or exc}") from exc


def _restore_files(folder: Path, blobs: BlobStore) -> int:
    """Attachment files kept beside a backup put back where missing; a file whose content does not
    match its name is not put back (``audit verify`` then names what is missing)."""
    restored = 0
    for path in sorted(folder.glob("??/*")) if folder.is_dir() else []:
        sha = path.name
        if path.name.startswith(".") or len(sha) != 64 or blobs.exists(sha) or sha256_file(path) != sha:
            continue
        _copy_atomically(path, blobs.path(sha))
        restored += 1
    return restored


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _copy_database(source: Path, target: Path) -> None:
    """Online copy to a temporary file beside ``target``, then an atomic rename: never half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with _connect(source) as src, closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)  # pages=-1: one step, one snapshot
            # The copy carries the source's WAL flag; a backup file must stand alone.
            dst.execute("PRAGMA journal_mode = DELETE")
        os.replace(partial, target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"备份失败：{_sqlite_reason(exc)}") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"无法写入备份文件：{exc.strerror or exc}") from exc


def restore(data_dir: str | os.PathLike[str], file: str | os.PathLike[str]) -> RestoreResult:
    """Replace the store of ``data_dir`` by the backup ``file``, then migrate it to this version.

    The file is checked first (a counter-app store, intact, not from a newer version); the current
    store is copied to ``backups/before-restore-….sqlite3`` so a wrong restore can be undone.
    """
    source = Path(file)
    revision = validate_backup(source)
    target = store_path(data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    safety = None
    damaged = False
    if target.is_file():
        try:
            safety = backup(data_dir, _automatic_name(data_dir, BEFORE_RESTORE, None)).path
        except BackupError:
            if damage_mark(target) is None:
                raise
            damaged = True  # what restore is for: the damaged file is kept as it is, byte for byte
            safety = _raw_copy(target, _automatic_name(data_dir, DAMAGED_BEFORE_RESTORE, None))
        _prune(data_dir, BEFORE_RESTORE)
    try:
        _copy_into(source, target)
    except sqlite3.Error as exc:
        if not damaged:
            raise BackupError(f"恢复失败，当前数据未改变：{_sqlite_reason(exc)}") from exc
        for part in (target, target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
            part.unlink(missing_ok=True)  # too damaged to be written through SQLite: replaced whole
        _copy_into(source, target)
    clear_mark(target)
    upgrade_store(target)  # an older backup is brought up to this version's schema
    files = _restore_files(files_beside(source), BlobStore(data_dir))
    return RestoreResult(restored_revision=revision, safety_copy=safety, files_restored=files)


def _copy_into(source: Path, target: Path) -> None:
    # Copy *into* the live database through SQLite, so open connections see the new content
    # and its WAL stays coherent (replacing the file under them would not).
    with _connect(source, read_only=True) as src, closing(sqlite3.connect(target, timeout=30)) as dst:
        src.backup(dst)


def _raw_copy(target: Path, copy: Path) -> Path:
    """The damaged store and its WAL copied as files (SQLite cannot read it whole any more)."""
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(target, copy)
    wal = target.with_name(target.name + "-wal")
    if wal.is_file():
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    return copy


def validate_backup(file: str | os.PathLike[str]) -> str | None:
    """The schema revision of a backup file, or ``BackupError`` saying why it cannot be restored."""
    path = Path(file)
    if not path.is_file():
        raise BackupError("找不到备份文件")
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise BackupError("该文件不是 counter-app 的备份（不是 SQLite 数据库）")
    try:
        with _connect(path, read_only=True) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables >= REQUIRED_TABLES:
                raise BackupError("该文件不是 counter-app 的备份（缺少服务站数据表）")
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError("备份文件已损坏，无法恢复")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as exc:
        raise BackupError(f"无法读取备份文件：{_sqlite_reason(exc)}") from exc
    revision = row[0] if row else None
    if revision is not None and not migrate.known_revision(revision):
        raise BackupError(f"该备份来自更新版本的 counter-app（数据版本 {revision}），请先升级本程序再恢复")
    return revision


def backup_before_migration(db_path: str | os.PathLike[str] | None) -> Path | None:
    """Called by the store's migrate step: copy a store whose schema is behind head, before upgrading.

    Returns the copy, or None when there is nothing to keep (new or in-memory store, already at head,
    or a revision this version does not know, which the migration itself will refuse).
    """
    if not db_path or str(db_path) == ":memory:":
        return None
    path = Path(db_path)
    if not path.is_file() or path.stat().st_size == 0:
        return None
    revision = _revision_of(path, read_only=False)  # a live WAL store: read-only might lack its -shm
    if revision is None or not migrate.known_revision(revision) or revision == migrate.head_revision():
        return None
    data_dir = path.parent
    copy = backup(data_dir, _automatic_name(data_dir, PRE_MIGRATION, revision)).path
    _prune(data_dir, PRE_MIGRATION)
    return copy


def upgrade_store(path: Path) -> None:
    """Copy a store that is behind (see above), then migrate it to this version's schema."""
    engine = make_engine(path)
    try:
        backup_before_migration(path)
        migrate.upgrade(engine)
    finally:
        engine.dispose()


def list_backups(data_dir: str | os.PathLike[str]) -> list[BackupInfo]:
    """The automatic copies in ``data_dir/backups``, newest first (for the settings dialog)."""
    folder = backup_dir(data_dir)
    files = folder.glob("*.sqlite3") if folder.is_dir() else []
    return sorted((describe(p) for p in files), key=lambda b: b.modified, reverse=True)


def describe(path: Path) -> BackupInfo:
    stat = path.stat()
    return BackupInfo(path=path, revision=_revision_of(path), size=stat.st_size,
                      modified=datetime.fromtimestamp(stat.st_mtime))


def _revision_of(path: Path, read_only: bool = True) -> str | None:
    try:
        with _connect(path, read_only=read_only) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _automatic_name(data_dir: str | os.PathLike[str], kind: str, revision: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")  # unique: pruning frees names
    stem = f"{kind}-{revision}-{stamp}" if revision else f"{kind}-{stamp}"
    folder = backup_dir(data_dir)
    candidate, n = folder / f"{stem}.sqlite3", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{n}.sqlite3"
    return candidate


def _prune(data_dir: str | os.PathLike[str], kind: str) -> None:
    copies = sorted(backup_dir(data_dir).glob(f"{kind}-*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in copies[KEEP_AUTOMATIC:]:
        old.unlink(missing_ok=True)




def _connect(path: Path, read_only: bool = False) -> closing[sqlite3.Connection]:
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    else:
        conn = sqlite3.connect(path, timeout=30)
    return closing(conn)


def _sqlite_reason(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return "数据库正被占用，请稍后重试"
    if "not a database" in text or "malformed" in text:
        return "文件已损坏或不是数据库"
    return text
