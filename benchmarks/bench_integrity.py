"""Cost of the store's integrity checks (issue #17) on a 200,000-worker demo city: the check every
open runs (``quick_check`` of the station's own tables), the whole-file ``quick_check`` the window runs
in the background after it opens,
and the full ``integrity_check`` of the daily close and every backup.

Run ``python benchmarks/bench_integrity.py [--workers N] [--employers M] [--applications A] [--repeat R]``.
Figures are wall seconds of warm runs (the file in the page cache, as right after the PC used it);
the minimum and the median of ``--repeat`` runs are printed.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from counter_app.demo import generate_and_load
from counter_app.store import DB_FILENAME, Store
from counter_app.store.health import check_on_open, full_check, scan
from counter_app.store.records import ApplicationRecord


def timed(step: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def whole_quick_check(path: Path) -> None:
    assert scan(path) == []


def add_applications(store: Store, count: int) -> None:
    """A year of a township's intake (the tables the open check reads grow with it)."""
    with store.unit_of_work(write=True) as uow:
        for n in range(count):
            cid = str(uuid.uuid4())
            record = ApplicationRecord(
                client_id=cid, receipt_number=f"CG01-01-20260101-{n:05d}", kind="info-change", status="queued",
                subject_key=f"6201021990{n:08d}", subject_name="张三", fields={"new_mobile": "13987654321"},
                materials=["id_card"], clerk="bench", station_code="CG01", terminal="01",
                created_at=datetime.combine(date(2026, 1, 1), datetime.min.time(), UTC))
            uow.applications.add(record)
            uow.outbox.add(cid, "application", {"client_id": cid})
        uow.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=200_000)
    parser.add_argument("--employers", type=int, default=10_000)
    parser.add_argument("--applications", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(tmp)
        generate_and_load(store, workers=args.workers, employers=args.employers, seed=1)
        add_applications(store, args.applications)
        store.close()
        path = Path(tmp) / DB_FILENAME
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = path.stat().st_size / 1e6
        print(f"store: {args.workers:,} workers, {args.applications:,} applications, {size:.0f} MB")
        for label, step in (("open check (quick_check of the station's own tables)", lambda: check_on_open(path)),
                            ("whole-file quick_check (the window's background check)", lambda: whole_quick_check(path)),
                            ("full integrity_check (daily close, backup)", lambda: full_check(path))):
            low, mid = timed(step, args.repeat)
            print(f"{label}: min {low * 1000:.1f} ms, median {mid * 1000:.1f} ms")


if __name__ == "__main__":
    main()
