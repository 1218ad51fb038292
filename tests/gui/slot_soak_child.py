"""Child process of the slot-call soak: Python slot calls by the hundred thousand through the real window.

Run as ``python slot_soak_child.py DATA_DIR CALLS MAX_DRIFT``. It opens the counter window on DATA_DIR and, in
rounds until CALLS counted slot calls are made: a ``QTimer(interval=0)`` ticking into a Python slot,
key events typed into the search box, and key events typed into a business form (Chinese too).
Counted calls are those of our own slots, each connected to a signal Qt emits (timer ``timeout``,
``textEdited`` of the search box and of the form's field); the window's own Python slots run on the
same signals as well and are not counted. After each round it prints one JSON line with the calls so
far and the reference counts of ``None``, ``True`` and ``False`` (a leaking PySide6 6.12.0 drops
references to them), so the parent sees how far it got if PySide6 aborts the process. It stops with
exit status 3 as soon as one of them has fallen by more than MAX_DRIFT: long before the abort.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

TICKS_PER_ROUND = 3000
KEYS_PER_ROUND = 400  # per box: the search box and the form field each get this many characters
EXIT_DRIFT = 3
TEXT = "张三zhangsan城关镇南山路1号李四wangwu0123456789"


def refs() -> dict[str, int]:
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True), "False": sys.getrefcount(False)}


def main(data_dir: str, target: int, max_drift: int) -> int:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from counter_app.gui.app import create_main_window
    from counter_app.gui.operations import runner

    window = create_main_window(data_dir)
    window.resize(1366, 768)
    window.show()
    app = QApplication.instance()
    calls = {"timer": 0, "search": 0, "form": 0}

    def settle(ms: int = 50) -> None:
        """Let queued work finish (searches, checks, autosaves) and the event loop run."""
        deadline = time.monotonic() + 10
        while True:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, ms)
            if not runner().busy or time.monotonic() > deadline:
                return

    def type_into(widget: object, n: int) -> None:
        """``n`` characters as key events; Backspace wipes the box whenever it gets long."""
        for i in range(n):
            ch = TEXT[i % len(TEXT)]
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
            if i % 30 == 29:
                widget.selectAll()  # type: ignore[attr-defined]
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier))

    def count(key: str) -> object:
        def slot(*_args: object) -> None:
            calls[key] += 1
        return slot

    # The search box and one business form field, each with a counting slot beside the window's own.
    window.search_box.textEdited.connect(count("search"))
    window.business_actions["open-account"].trigger()
    settle()
    form_field = window.form.editors["address"].widget
    form_field.textEdited.connect(count("form"))

    timer = QTimer()
    timer.setInterval(0)
    loop = QEventLoop()
    quota = [0]

    def tick() -> None:
        calls["timer"] += 1
        quota[0] -= 1
        if quota[0] <= 0:
            timer.stop()
            loop.quit()

    timer.timeout.connect(tick)
    settle()
    start_refs = refs()
    print(json.dumps({"pyside6": pyside_version, "python": sys.version.split()[0], "refs": start_refs}),
          flush=True)
    started = time.perf_counter()
    rounds = 0
    while sum(calls.values()) < target:
        quota[0] = TICKS_PER_ROUND
        timer.start()
        loop.exec()
        window.search_box.setFocus()
        type_into(window.search_box, KEYS_PER_ROUND)
        form_field.setFocus()
        type_into(form_field, KEYS_PER_ROUND)
        if rounds % 5 == 0:  # leave the field now and then: the form's check runs as the clerk tabs on
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(form_field, QKeyEvent(kind, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier))
        settle(5)
        rounds += 1
        now = refs()
        print(json.dumps({"round": rounds, "calls": sum(calls.values()), "refs": now}), flush=True)
        fallen = {k: start_refs[k] - now[k] for k in now if start_refs[k] - now[k] > max_drift}
        if fallen:
            print(json.dumps({"drift": fallen, "calls": sum(calls.values())}), flush=True)
            return EXIT_DRIFT
    settle()
    end_refs = refs()
    alive = window.isVisible() and window.form is not None
    window.close()
    print(json.dumps({"done": True, "calls": dict(calls), "total": sum(calls.values()), "rounds": rounds,
                      "refs_start": start_refs, "refs_end": end_refs, "alive": alive,
                      "seconds": round(time.perf_counter() - started, 1)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
