"""GUI speed figures: cold start vs a bare PySide6 window, search-as-you-type at 200,000 workers, RSS.

    python benchmarks/bench_gui.py [--workers 200000] [--runs 5] [--data-dir DIR]

Cold start: a fresh interpreter until the window is shown and the event loop is idle, for the
counter window and for a bare window with one label, alternating, median of ``--runs`` each
(target: counter ≤ 1.5 × bare); also the CPU time each process used until then, steadier than wall
time on a machine shared with other work. Search: the counter window on a data dir of ``--workers``
workers (``counter-app demo-data``), a query typed key by key into the search box; latency from
the last key to the hits on screen, and the longest the event loop stalled meanwhile. RSS: the
window's process after loading the store and searching (target ≤ 200 MB). Prints figures only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# As installed: pip and the PyInstaller bundle ship compiled bytecode, so the children may write
# theirs (a shell with PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module at each start).
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("住房公积金"); label.resize(1366, 768); label.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), print("CPU", sum(__import__("resource").getrusage(0)[:2]),
                                                               flush=True), app.quit()))
app.exec()
"""

# The real start path of ``counter-app``: READY when the window is shown and the event loop runs,
# ATTACHED when the store is open and every action works.
COUNTER = """
import sys
from PySide6.QtCore import QTimer
from counter_app.gui import app as gui
qapp = gui.ensure_app()
def poll():
    if qapp.property("counter_app_attached"):
        print("ATTACHED", flush=True); qapp.closeAllWindows(); qapp.quit()
    else:
        QTimer.singleShot(5, poll)
QTimer.singleShot(0, lambda: (print("READY", flush=True), print("CPU", sum(__import__("resource").getrusage(0)[:2]),
                                                               flush=True)))
QTimer.singleShot(0, poll)
sys.exit(gui.run_gui(sys.argv[1]))
"""


def _run(code: str, *args: str) -> dict[str, float]:
    """Wall time from spawning the interpreter until each marker line the child prints."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], env=ENV, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("CPU "):
            marks["CPU"] = float(line.split()[1])  # seconds of CPU until the first loop turn
        else:
            marks[line.strip()] = time.perf_counter() - start
    proc.wait(timeout=300)
    if "READY" not in marks:
        raise SystemExit(f"child failed:\n{proc.stderr.read() if proc.stderr else ''}")
    return marks


def cold_start(data_dir: Path, runs: int) -> None:
    _run(BARE)  # warm the OS file cache, write bytecode and migrate once: "cold" = a new process
    _run(COUNTER, str(data_dir))
    bare, shown, ready, bare_cpu, shown_cpu = [], [], [], [], []
    for _ in range(runs):
        marks = _run(BARE)
        bare.append(marks["READY"])
        bare_cpu.append(marks["CPU"])
        marks = _run(COUNTER, str(data_dir))
        shown.append(marks["READY"])
        shown_cpu.append(marks["CPU"])
        ready.append(marks["ATTACHED"])
    b, c, r = statistics.median(bare), statistics.median(shown), statistics.median(ready)
    bc, cc = statistics.median(bare_cpu), statistics.median(shown_cpu)
    print(f"cold start (median of {runs}, alternating): bare PySide6 window with a label {b * 1000:.0f} ms; "
          f"counter window shown and taking input {c * 1000:.0f} ms = {c / b:.2f}× (target ≤ 1.5×); "
          f"store open, every action enabled {r * 1000:.0f} ms = {r / b:.2f}×")
    print(f"CPU time until then: bare {bc * 1000:.0f} ms; counter window {cc * 1000:.0f} ms = {cc / bc:.2f}×")


def make_data(data_dir: Path, workers: int) -> None:
    if (data_dir / ".bench-workers").exists() and (data_dir / ".bench-workers").read_text() == str(workers):
        return
    start = time.perf_counter()
    cli = subprocess.run([sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), "demo-data",
                          "--workers", str(workers)], env=ENV, cwd=ROOT, capture_output=True, text=True)
    if cli.returncode != 0:  # the demo-data command may not exist yet: the same generator, directly
        from counter_app.demo import generate_city, load_city
        from counter_app.store import Store

        store = Store.open(data_dir)
        load_city(store, generate_city(workers=workers, employers=max(200, workers // 100)), replace=True)
        store.close()
    (data_dir / ".bench-workers").write_text(str(workers))
    print(f"demo data: {workers} workers in {time.perf_counter() - start:.0f} s")


SEARCH = """
import resource, statistics, sys, time
sys.path.insert(0, "tests/gui")
from gui_helpers import send_text
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from counter_app import services
from counter_app.gui.app import create_main_window, ensure_app
app = ensure_app()
window = create_main_window(sys.argv[1]); window.resize(1366, 768); window.show()
app.processEvents()
counter = services.open_counter(sys.argv[1])
people = [h for h in services.search(counter, "王", limit=20) if h.kind == "worker"]
queries = ["zs", "wang", "lij", "王", "张", "南山", people[0].key[:10], people[-1].key, "800000001"]
stalls, latencies, pure = [], [], []
def tick():
    now = clock.elapsed(); stalls.append(now - last[0]); last[0] = now
clock = QElapsedTimer(); clock.start(); last = [0]
timer = QTimer(interval=5, timeout=tick); timer.start()
for q in queries:
    box = window.search_box; box.clear(); box.setFocus()
    loop = QEventLoop(); window.search.results_shown.connect(loop.quit)
    last[0] = clock.elapsed(); stalls.clear()
    send_text(box, q)
    start = time.perf_counter(); loop.exec(); shown = time.perf_counter()
    window.search.results_shown.disconnect(loop.quit)
    latencies.append((shown - start) * 1000)
    t = time.perf_counter(); services.search(counter, q, limit=50); pure.append((time.perf_counter() - t) * 1000)
    print(f"  {q!r:14} hits {window.search.model.rowCount():3d}  on screen {latencies[-1]:6.1f} ms after the last key "
          f"(query {pure[-1]:5.1f} ms)  longest GUI stall {max(stalls or [0]):3d} ms")
rss = int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) / 1024
print(f"search: median {statistics.median(latencies):.0f} ms from last key to hits on screen "
      f"(includes the {window.search._timer.interval()} ms typing pause), median query {statistics.median(pure):.1f} ms")
print(f"RSS with the window open on this store after searching: {rss:.0f} MB (target ≤ 200 MB)")
window.close(); counter.close()
"""


def search_latency(data_dir: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", SEARCH, str(data_dir)], env=ENV, cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    print(proc.stdout.rstrip() or proc.stderr[-3000:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data-dir", help="reuse a data dir (made once, kept)")
    args = parser.parse_args()
    small = Path(tempfile.mkdtemp(prefix="bench-gui-small-"))
    subprocess.run([sys.executable, "-c", "import sys; from counter_app import services; "
                    "services.open_counter(sys.argv[1], demo=True).close()", str(small)], env=ENV, cwd=ROOT, check=True)
    cold_start(small, args.runs)
    big = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="bench-gui-big-"))
    big.mkdir(parents=True, exist_ok=True)
    make_data(big, args.workers)
    search_latency(big)
    return 0


if __name__ == "__main__":
    sys.exit(main())
