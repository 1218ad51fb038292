"""Is the store file intact (数据文件完整性)? ``PRAGMA quick_check`` when it opens, ``integrity_check`` in full
at the daily close and before every backup.

Cost on a 200,000-worker store with 5,000 applications (127 MB; ``benchmarks/bench_integrity.py``,
warm cache, on the shared 2-core build machine while other work ran): a whole-file quick_check
0.32–0.60 s, a full integrity_check 1.9–2.5 s. Every CLI command and the GUI's start open the
store, so at open only the station's *own* tables are checked — the ones intake writes
(applications, their status steps, the outbox, receipt counters, the audit log, settings, clerks):
15–25 ms there, a cost that follows the station's own work, not the city's reference data.
Damage in the reference tables shows
up when a page is read (SQLite's "malformed" error, reported as a damaged store, nothing written),
and in the full checks at the daily close and before every backup. A damaged store is opened for
nothing: ``StoreDamaged`` says to restore a backup.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from counter_app.faults import DAMAGED, StoreDamaged, classify

WORK_TABLES = ("settings", "applications", "application_status_history", "outbox", "receipt_counters",
               "audit_log", "clerks", "daily_closes")


def check_on_open(path: Path) -> None:
    """``quick_check`` of the station's own tables of an existing store file (read-only, writes nothing)."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    problems = _run(path, full=False)
    if problems:
        raise StoreDamaged(DAMAGED + f"（{problems[0]}）")


def full_check(path: Path) -> list[str]:
    """``integrity_check`` of the whole file: the problems found (empty when intact)."""
    return _run(path, full=True)


def _run(path: Path, *, full: bool) -> list[str]:
    try:
        # Not mode=ro: a WAL store opened read-only could not see the WAL without its -shm.
        db = sqlite3.connect(path, timeout=30)
        try:
            if full:
                rows = db.execute("PRAGMA integrity_check(20)").fetchall()
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
        return [str(exc)]
    return [r[0] for r in rows if r[0] != "ok"]
