"""Employer picker figures at N employers: list load (off the GUI thread) and completer latency per key.

    python benchmarks/bench_employer_picker.py [--employers 20000] [--data-dir DIR]

Makes (or reuses) a demo data dir of ``--employers`` employers, reads the picker's list the way a
wizard does (``services.lookup.employer_choices``, on the runner), fills the model, and types
queries key by key into a USCC field's completer (pinyin initials, a Chinese name fragment through
the input method, a USCC prefix): the time from each key to the filtered list, worst and median.
Prints figures only.
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from counter_app.domain.search_keys import employer_keys
from counter_app.gui.employer_picker import EmployerCompleter, EmployerModel, match_texts
from counter_app.services.counter import open_store_counter
from counter_app.services.lookup import employer_choices


def make_data(data_dir: Path, employers: int) -> None:
    if (data_dir / "station.sqlite3").exists():
        return
    subprocess.run([sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), "demo-data",
                    "--workers", str(employers), "--employers", str(employers)], check=True, capture_output=True)


def type_query(app: QApplication, line: QLineEdit, completer: EmployerCompleter, text: str, ime: bool) -> list[float]:
    """Per-key latency (ms) from the key event to the completer's filtered count."""
    line.clear()
    times = []
    for ch in text:
        start = time.perf_counter()
        if ime:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(line, event)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(line, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
        completer.completionCount()  # forces the filtering the popup shows
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employers", type=int, default=20000)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="picker-"))
    make_data(data_dir, args.employers)
    app = QApplication.instance() or QApplication([])
    counter = open_store_counter(data_dir)
    start = time.perf_counter()
    choices = employer_choices(counter)
    match = match_texts(choices)
    read_ms = (time.perf_counter() - start) * 1000
    line = QLineEdit()
    line.setObjectName("employer_uscc")
    line.resize(400, 30)
    line.show()
    model = EmployerModel()
    start = time.perf_counter()
    model.set_choices(choices, match)
    fill_ms = (time.perf_counter() - start) * 1000
    completer = EmployerCompleter(model, line)
    line.setFocus()
    sample = choices[len(choices) // 2]
    initials = min(employer_keys(sample.name), key=len)
    print(f"employers in the picker: {len(choices):,}")
    print(f"list read and prepared (worker thread): {read_ms:.0f} ms; handed to the model (GUI thread): {fill_ms:.1f} ms")
    for label, text, ime in (("pinyin initials", initials, False), ("name fragment (IME)", sample.name[-6:-2], True),
                             ("USCC prefix", sample.uscc[:10], False)):
        times = type_query(app, line, completer, text, ime)
        found = any(sample.uscc in completer.completionModel().index(r, 0).data() for r in range(completer.completionCount()))
        print(f"{label:22s} {text!r:14s} per key: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms; "
              f"{completer.completionCount()} rows, target listed: {found}")
    counter.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
