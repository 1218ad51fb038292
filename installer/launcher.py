"""Entry script of the frozen bundle: the same ``counter-app`` command as the wheel's entry point.

``COUNTER_APP_STARTUP_PROBE`` is for ``installer/build``'s timing only (never set for clerks):
``window`` leaves as soon as the first window is painted, ``ready`` once the store is attached and
every action works (or the first-run wizard is up); the process prints what it reached and exits.
"""

import os
import sys


def _probe(until: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    def reached(what: str) -> int:
        print(f"{what}", flush=True)
        os._exit(0)  # no teardown: the figure is the time to get here

    def event_loop(*_args: object) -> int:  # QApplication.exec is static: PySide passes no self
        app = QApplication.instance()
        app.processEvents()
        if until == "window":
            return reached("window: " + ", ".join(type(w).__name__ for w in app.topLevelWidgets() if w.isVisible()))

        def poll() -> None:
            if app.property("counter_app_attached"):
                reached("ready: store attached")
            QTimer.singleShot(5, poll)

        poll()
        return original_exec()

    original_exec = QApplication.exec
    QApplication.exec = event_loop
    QDialog.exec = lambda dialog: reached(f"ready: {dialog.objectName() or type(dialog).__name__} shown")


if __name__ == "__main__":
    import multiprocessing

    # A big demo city is generated in a spawned child: in the bundle that child is this executable.
    multiprocessing.freeze_support()
    if os.environ.get("COUNTER_APP_STARTUP_PROBE"):
        _probe(os.environ["COUNTER_APP_STARTUP_PROBE"])
    from counter_app.cli import main

    sys.exit(main())
