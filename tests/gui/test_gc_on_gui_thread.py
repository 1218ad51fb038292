"""The cyclic GC never runs on an operation's worker thread: garbage GUI objects die on the GUI thread.

CPython collects on whichever thread's allocation crosses the threshold. Before the runner kept the GC
on the GUI thread, a worker's collection deleted garbage forms from that worker and Qt segfaulted (the
full suite once died so, mid-way through the first-run wizard's save); the child below crashed within
a few hundred operations. It runs in a child process so that a segfault fails this test, not pytest.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import weakref
from pathlib import Path
from typing import Any

from counter_app.gui import operations
from counter_app.gui.background_sync import BackgroundSync
from counter_app.gui.operations import Operation, OperationRunner

OPS = 600
CHILD = Path(__file__).with_name("gc_threads_child.py")
ROOT = Path(__file__).resolve().parents[2]


def test_garbage_forms_die_on_the_gui_thread_while_workers_allocate() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run([sys.executable, str(CHILD), str(OPS), "4"], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    fatal = [line for line in run.stderr.splitlines() if line.startswith("Fatal Python error")]
    assert run.returncode == 0 and not fatal, f"the child died (exit {run.returncode}): {run.stderr[-2500:]}"
    counts = json.loads(run.stdout.splitlines()[-1])
    assert counts["ops"] == counts["delivered"] == OPS, counts
    assert counts["collections_on_worker"] == 0 and counts["forms_deleted_on_worker"] == 0, counts
    # The garbage was really collected (on the GUI thread), not merely kept alive.
    assert counts["collections_on_gui"] > 0 and counts["forms_deleted_on_gui"] >= OPS // 2, counts


def test_automatic_gc_is_back_once_every_worker_is_idle(qtbot: Any, qapp: Any) -> None:
    assert gc.isenabled()
    runner = OperationRunner(qapp)
    seen: list[bool] = []
    Operation(lambda _p: gc.isenabled(), success=seen.append).run(on=runner)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [False]  # while the op ran, no allocation could start a collection on its worker
    runner.wait_for_done()
    qtbot.waitUntil(gc.isenabled, timeout=2000)
    assert not runner.working


def test_a_teardown_gets_the_gc_back_without_an_event_loop(qtbot: Any, qapp: Any) -> None:
    runner = OperationRunner(qapp)
    Operation(lambda _p: 1).run(on=runner)
    assert not gc.isenabled()
    assert runner.wait_for_done()  # the worker parked; its result is not delivered (no event loop ran)
    assert runner.busy
    operations.settle_gc()
    assert gc.isenabled()
    qtbot.waitUntil(lambda: not runner.busy)  # deliver it, so no later test sees this runner busy


def test_the_background_sync_thread_keeps_the_gc_on_the_gui_thread(qtbot: Any, counter: Any) -> None:
    """The sync's own thread runs Python outside the runner for the whole session: while it lives,
    collections happen on the GUI thread's timer only."""
    assert gc.isenabled()
    background = BackgroundSync(counter, interval=3600)
    background.start()
    try:
        assert not gc.isenabled()
        class Node:
            pass

        node = Node()
        node.again = node  # type: ignore[attr-defined]  # a cycle: only the cyclic GC frees it
        freed = weakref.ref(node)
        del node
        padding = [[] for _ in range(5 * gc.get_threshold()[0])]  # enough allocations to be due a collection
        qtbot.waitUntil(lambda: freed() is None, timeout=3000)  # collected by the GUI thread's timer
        del padding
        assert not gc.isenabled(), "the thread is alive: the automatic GC stays off"
    finally:
        background.stop()
    qtbot.waitUntil(gc.isenabled, timeout=3000)
