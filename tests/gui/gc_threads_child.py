"""Child process of the GC-thread stress: Operations whose workers allocate while GUI garbage waits.

Run as ``python gc_threads_child.py OPS IN_FLIGHT``. Each round leaves a form (a QWidget with a line
edit and a label, held only by its own reference cycle, as a closed form with a callback on ``self``)
as garbage on the GUI thread and starts an Operation whose op allocates cyclic containers, so the
cyclic GC's threshold is crossed on the worker threads. If the GC ran there, it would delete those
forms from a worker thread: Qt then segfaults within a few hundred rounds. Prints one JSON line with
the counts: where the forms' C++ objects died and on which threads collections started.
"""

from __future__ import annotations

import faulthandler
import gc
import json
import os
import sys
import threading
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # after the platform is chosen
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

from counter_app.gui.operations import Operation, OperationRunner


class Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.edit = QLineEdit(self)
        self.label = QLabel(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.label)
        self.on_text = lambda text: self.label.setText(text)  # the cycle: self -> lambda -> self


def main(ops: int, in_flight: int) -> int:
    faulthandler.enable()  # a segfault shows both threads' stacks to the parent
    gc.set_threshold(100, 5, 5)  # collect often, as a long day's allocations would
    app = QApplication([])
    runner = OperationRunner(app, max_threads=4)
    gui = threading.get_ident()
    counts = {"ops": 0, "delivered": 0, "forms_deleted_on_gui": 0, "forms_deleted_on_worker": 0,
              "collections_on_gui": 0, "collections_on_worker": 0}
    lock = threading.Lock()

    def where(prefix: str) -> str:
        return f"{prefix}_on_gui" if threading.get_ident() == gui else f"{prefix}_on_worker"

    def form_deleted(*_: Any) -> None:
        with lock:
            counts[where("forms_deleted")] += 1

    def collection(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            counts[where("collections")] += 1

    gc.callbacks.append(collection)

    def work(_p: Any, i: int) -> int:
        junk = []
        for k in range(300):
            item: dict[str, Any] = {"k": k}
            item["self"] = item
            junk.append(item)
        return i

    def start_one() -> None:
        i = counts["ops"]
        counts["ops"] += 1
        form = Form()
        form.destroyed.connect(form_deleted, Qt.ConnectionType.DirectConnection)
        form.on_text(str(i))
        del form  # garbage now: only its own cycle holds it
        Operation(lambda p: work(p, i), success=delivered).run(on=runner)

    def delivered(_result: int) -> None:
        counts["delivered"] += 1
        if counts["ops"] < ops:
            start_one()
        elif counts["delivered"] == ops:
            QTimer.singleShot(0, app.quit)

    for _ in range(in_flight):
        start_one()
    QTimer.singleShot(240_000, app.quit)
    started = time.monotonic()
    app.exec()
    runner.wait_for_done()
    gc.callbacks.remove(collection)
    print(json.dumps({**counts, "seconds": round(time.monotonic() - started, 2)}), flush=True)
    return 0 if counts["delivered"] == ops else 3


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), int(sys.argv[2])))
