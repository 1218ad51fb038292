"""GUI stalls while a sync snapshot loads: a clerk types into a wizard as the centre's reference data arrives.

    python benchmarks/bench_gui_stall.py [--rows 200000] [--heartbeat-ms 5]

A throwaway real PostgreSQL centre holds ``--rows`` reference rows (workers and accounts) for the
station's district. The counter window (demo station, offscreen) opens the 开户 wizard; a sync round
(the window's own ``sync_now`` path: push, then the snapshot load, one local write transaction)
runs while a typist posts real key events into the form: an ID number, a name, a mobile number,
an address and a base, each left with Tab (field checks, subject lookup, materials, draft
autosave), at a clerk's pace (one key every 40 ms). A heartbeat QTimer records how late each tick
fires; the longest gap is the longest time the GUI thread did not run its event loop.

Prints, for the typing with the sync running and (as a reference) with no sync: the longest stall,
the 99th percentile, the number of stalls over 50 ms (the GUI rule), and how long the sync took.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the suite's throwaway cluster helper
sys.path.insert(0, str(ROOT / "benchmarks"))

import psycopg  # noqa: E402
from bench_sync import _seed_reference  # noqa: E402
from pgcluster import destroy_cluster, start_cluster  # noqa: E402
from psycopg.conninfo import make_conninfo  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from counter_app import services  # noqa: E402
from counter_app.domain.ids import make_resident_id  # noqa: E402
from counter_app.gui.app import create_main_window, ensure_app  # noqa: E402
from counter_app.sync import central_db, engine  # noqa: E402
from counter_app.sync.engine import sync_once  # noqa: E402

KEY_MS = 40  # one key every 40 ms: a quick clerk


class Heartbeat:
    """A precise timer; each tick records how long the event loop took to get back to it."""

    def __init__(self, interval_ms: int) -> None:
        self.interval = interval_ms
        self.clock = QElapsedTimer()
        self.gaps: list[int] = []
        self.timer = QTimer(interval=interval_ms, timerType=Qt.TimerType.PreciseTimer, timeout=self._tick)

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self.last = 0
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self.last)
        self.last = now

    def stop(self) -> list[int]:
        self.timer.stop()
        return list(self.gaps)


def script(n: int) -> list[tuple[str, str]]:
    """The fields typed in one pass, in paper-form order (each value left with Tab)."""
    return [("id_number", make_resident_id("110105", date(1990, 3, 7), 100 + (2 * n + 1) % 800)),
            ("name", "测试"), ("mobile", "13812345678"), ("address", "城关镇南山路1号"), ("monthly_base", "6000")]


class Typist:
    """Posts key events at a clerk's pace through the event loop (as a keyboard would)."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.queue: list[tuple[str, str | None]] = []
        self.passes = 0
        self.timer = QTimer(interval=KEY_MS, timeout=self._next)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _refill(self) -> None:
        for key, text in script(self.passes):
            self.queue.append((key, None))  # focus the field, select what is there
            self.queue += [(key, ch) for ch in text]
            self.queue.append((key, "\t"))
        self.passes += 1

    def _next(self) -> None:
        if not self.queue:
            self._refill()
        key, ch = self.queue.pop(0)
        widget = self.window.findChild(QWidget, key)
        if widget is None:
            return
        if ch is None:
            widget.setFocus()
            if hasattr(widget, "selectAll"):
                widget.selectAll()
            return
        target = QApplication.focusWidget() or widget
        if ch == "\t":
            press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        else:
            press = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        QApplication.postEvent(target, press)


def figures(gaps: list[int], interval: int) -> str:
    if not gaps:
        return "no ticks"
    lags = sorted(g - interval for g in gaps)
    p99 = lags[min(len(lags) - 1, int(len(lags) * 0.99))]
    over = sum(1 for g in lags if g > 50)
    return (f"longest stall {max(lags)} ms, p99 {p99} ms, median {statistics.median(lags):.0f} ms, "
            f"{over} stalls > 50 ms in {len(lags)} ticks")


def run(window: QWidget, heartbeat: Heartbeat, seconds: float | None, sync: threading.Thread | None) -> list[int]:
    typist = Typist(window)
    loop = QEventLoop()  # the window's own event loop, as in the app
    started = time.perf_counter()

    def done() -> None:
        if sync.is_alive() if sync is not None else time.perf_counter() - started < (seconds or 5):
            return
        loop.quit()

    poll = QTimer(interval=20, timeout=done)
    heartbeat.start()
    typist.start()
    poll.start()
    if sync is not None:
        sync.start()
    loop.exec()
    poll.stop()
    typist.stop()
    gaps = heartbeat.stop()
    print(f"    ({typist.passes} passes over the form typed)")
    return gaps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000, help="reference rows the centre holds for the station")
    parser.add_argument("--heartbeat-ms", type=int, default=5)
    parser.add_argument("--chunk", type=int, default=0, help="rows per snapshot chunk (experiment; 0: the engine's)")
    args = parser.parse_args()
    if args.chunk:
        engine.SNAPSHOT_CHUNK = args.chunk
    app = ensure_app()
    data = Path(tempfile.mkdtemp(prefix="bench-stall-"))
    with services.open_counter(data, demo=True) as counter:
        code = counter.station_code
    cluster = start_cluster()
    try:
        with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
        dsn = cluster.dsn("bench")
        central_db.init_central(dsn)
        with psycopg.connect(dsn, autocommit=True) as owner:
            creds = central_db.add_station(owner, code, "基准站", "城关区")
            started = time.perf_counter()
            _seed_reference(owner, args.rows, "城关区")
            print(f"centre seeded with {args.rows:,} reference rows in {time.perf_counter() - started:.0f} s")
        station_dsn = make_conninfo(dsn, user=creds.role, password=creds.password)

        window = create_main_window(data)
        window.resize(1366, 768)
        window.show()
        window.open_business("open-account")
        app.processEvents()
        heartbeat = Heartbeat(args.heartbeat_ms)

        print("typing into the 开户 wizard, no sync (reference):")
        print("  " + figures(run(window, heartbeat, 6.0, None), args.heartbeat_ms))

        outcome: dict[str, object] = {}

        def sync() -> None:  # what 同步 (F5) runs on the operation runner
            began = time.perf_counter()
            try:
                outcome["report"] = sync_once(window.counter.store,
                                              lambda: psycopg.connect(station_dsn, autocommit=True))
            except Exception as exc:  # noqa: BLE001 - printed below
                outcome["error"] = exc
            outcome["seconds"] = time.perf_counter() - began

        print(f"typing into the 开户 wizard while a sync loads the snapshot of {args.rows:,} rows:")
        gaps = run(window, heartbeat, None, threading.Thread(target=sync, name="sync"))
        print("  " + figures(gaps, args.heartbeat_ms))
        report = outcome.get("report")
        pulled = report.as_dict()["pulled"] if report is not None else "?"
        print(f"  sync took {outcome['seconds']:.1f} s, pulled {pulled} rows"
              + (f", FAILED: {outcome['error']}" if "error" in outcome else ""))
        window.close()
    finally:
        destroy_cluster(cluster)
    return 0


if __name__ == "__main__":
    sys.exit(main())
