"""Slot-call soak: 100,000+ Python slot calls through the real counter window, in a child process.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` (and to ``True``/``False``) on Python slot
calls; after some 49,000 calls the interpreter aborts (``Fatal Python error: none_dealloc``). The calls
run in a child process so that such an abort fails this test instead of killing pytest; the child
also stops early, with its own exit status, once a reference count has fallen by more than MAX_DRIFT.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CALLS = 100_000
MAX_DRIFT = 2_000  # a sound PySide6 moves None's count by a few hundred either way; a leak, by one per call
CHILD = Path(__file__).with_name("slot_soak_child.py")


def test_the_window_lives_through_100000_slot_calls_without_losing_references(data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, str(CHILD), str(data_dir), str(CALLS), str(MAX_DRIFT)], env=env,
                         capture_output=True, text=True, timeout=300)
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    fatal = [line for line in run.stderr.splitlines() if line.startswith("Fatal Python error")]
    assert lines, f"the child printed nothing (exit {run.returncode}): {run.stderr[-2000:]}"
    first, last = lines[0], lines[-1]
    seen = f"PySide6 {first.get('pyside6')}, Python {first.get('python')}; last report: {last}"
    assert run.returncode != -6 and not fatal, f"the window process aborted: {fatal or run.stderr[-1500:]} ({seen})"
    assert "drift" not in last, f"reference counts fell by {last.get('drift')} over {last['calls']} slot calls ({seen})"
    assert run.returncode == 0, f"the child failed (exit {run.returncode}): {run.stderr[-2000:]}"
    assert last.get("done") and last["alive"], seen
    assert last["total"] >= CALLS and all(last["calls"][k] > 0 for k in ("timer", "search", "form")), seen
    fallen = {k: last["refs_start"][k] - last["refs_end"][k] for k in last["refs_start"]}
    assert all(d <= MAX_DRIFT for d in fallen.values()), f"reference counts fell by {fallen} ({seen})"
