"""Is the store file intact (数据文件完整性)? ``PRAGMA quick_check`` when it opens, ``integrity_check`` in full
at the daily close and before every backup.

Cost on a 200,000-worker store with 5,000 applications (128 MB; ``benchmarks/bench_integrity.py``,
warm cache, on the shared 2-core build machine while other work ran; session 6 run): a whole-file
quick_check 0.36–0.63 s, a full integrity_check 2.3–3.0 s. Every CLI command and the GUI's start
open the store, so at open only the station's *own* tables are checked — the ones intake writes
(applications, their status steps, the outbox, receipt counters, the audit log, settings, clerks):
8–12 ms there (with the damage mark's stat), a cost that follows the station's own work, not the
city's reference data; the window runs the whole-file quick_check off the GUI thread.
Damage in the reference tables shows
up when a page is read (SQLite's "malformed" error, reported as a damaged store, nothing written),
and in the full checks at the daily close and before every backup, and in a whole-file
``quick_check`` the GUI runs in the background after it opens. Damage found anywhere is remembered
in a mark beside the file (``station.sqlite3.damaged``, never written into the damaged file): from
then on the store is opened for nothing and takes no write, whichever page the next business would
read, until ``restore`` replaces it. ``StoreDamaged`` says to restore a backup.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from counter_app.faults import DAMAGED, StoreDamaged, classify

WORK_TABLES = ("settings", "applications", "application_status_history", "outbox", "receipt_counters",
               "audit_log", "clerks", "daily_closes")


MARK_SUFFIX = ".damaged"


def mark_path(path: Path) -> Path:
    return path.with_name(path.name + MARK_SUFFIX)


def summary(problem: str) -> str:
    """The first telling line of SQLite's report (it starts "*** in database main ***"), kept short."""
    lines = [line.strip() for line in str(problem).splitlines() if line.strip() and not line.startswith("***")]
    first = lines[0] if lines else str(problem).strip()
    return first if len(first) <= 80 else first[:79] + "…"


def damage_mark(path: Path) -> str | None:
    """The problem recorded when damage was found in the store at ``path`` (None: none found)."""
    mark = mark_path(path)
    if not mark.exists():
        return None
    try:
        return str(json.loads(mark.read_text(encoding="utf-8")).get("problem") or "数据文件损坏")
    except (OSError, ValueError, AttributeError):
        return "数据文件损坏"  # the mark itself is what counts


def mark_damaged(path: Path, problem: str) -> None:
    """Remember that the store is damaged (best effort: a full or read-only disk leaves no mark, and
    the next read of the damage finds it again)."""
    if mark_path(path).exists():
        return
    with contextlib.suppress(OSError):
        mark_path(path).write_text(json.dumps({"problem": problem[:500], "at": datetime.now(UTC).isoformat()},
                                              ensure_ascii=False), encoding="utf-8")


def clear_mark(path: Path) -> None:
    """After a restore: the store is a checked copy again."""
    mark_path(path).unlink(missing_ok=True)


def damaged_fault(path: Path) -> StoreDamaged | None:
    """The refusal for a store marked damaged, None when it is not."""
    problem = damage_mark(path)
    return StoreDamaged(DAMAGED + f"（{summary(problem)}）") if problem is not None else None


def check_on_open(path: Path) -> None:
    """Refuse a store marked damaged; else ``quick_check`` of the station's own tables of an existing
    store file (read-only, writes nothing)."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    marked = damaged_fault(path)
    if marked is not None:
        raise marked
    problems = _run(path, "own")
    if problems:
        raise StoreDamaged(DAMAGED + f"（{summary(problems[0])}）")


def full_check(path: Path) -> list[str]:
    """``integrity_check`` of the whole file: the problems found (empty when intact)."""
    return _run(path, "full")


def scan(path: Path) -> list[str]:
    """A whole-file ``quick_check`` (every table and index; the GUI runs it in the background after it
    opens): the problems found."""
    return _run(path, "whole") if path.is_file() else []


def _run(path: Path, scope: str) -> list[str]:
    """The problems ``scope`` (own tables, whole file quick, full) finds; damage found is marked."""
    try:
        # Not mode=ro: a WAL store opened read-only could not see the WAL without its -shm.
        db = sqlite3.connect(path, timeout=30)
        try:
            if scope == "full":
                rows = db.execute("PRAGMA integrity_check(20)").fetchall()
            elif scope == "whole":
                rows = db.execute("PRAGMA quick_check(20)").fetchall()
            else:
                present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                rows = []
                for table in WORK_TABLES:
                    if table in present:
                        rows += db.execute(f"PRAGMA quick_check('{table}')").fetchall()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:  # not a database, malformed schema, unreadable header
        fault = classify(exc, path.parent)
        if fault is not None and not isinstance(fault, StoreDamaged):
            raise fault from exc  # a full disk or a read-only folder is not a damaged file
        if fault is not None:
            mark_damaged(path, str(exc))
        return [str(exc)]  # unclassified (a lock held too long): refused now, not remembered
    problems = [r[0] for r in rows if r[0] != "ok"]
    if problems:
        mark_damaged(path, problems[0])
    return problems
