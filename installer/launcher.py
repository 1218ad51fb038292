"""Entry script of the frozen bundle: the same ``counter-app`` command as the wheel's entry point.

``COUNTER_APP_STARTUP_PROBE=1`` is for ``installer/build``'s timing only: the first window (main
window or first-run wizard) is painted, its name printed, and the app leaves instead of waiting.
"""

import os
import sys


def _probe_first_window() -> None:
    from PySide6.QtWidgets import QApplication, QDialog

    def shown(*_args: object) -> int:
        app = QApplication.instance()
        app.processEvents()
        names = [w.objectName() or type(w).__name__ for w in app.topLevelWidgets() if w.isVisible()]
        print("first window:", ", ".join(names), flush=True)
        return 0

    QApplication.exec = shown
    QDialog.exec = shown


if __name__ == "__main__":
    if os.environ.get("COUNTER_APP_STARTUP_PROBE"):
        _probe_first_window()
    from counter_app.cli import main

    sys.exit(main())
