"""The background sync thread (后台同步): rounds every minute, backing off while the line is down.

The runner's loop lives in a plain Python thread (it mostly waits); each round's result is handed
to the GUI thread through a Qt signal so the status bar refreshes there.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from counter_app.gui.operations import keep_gc_on_gui_thread
from counter_app.services import Counter, sync


class BackgroundSync(QObject):
    round_done = Signal(object, object)  # (report or None, error or None)

    def __init__(self, counter: Counter, parent: QObject | None = None, interval: float = 60.0) -> None:
        super().__init__(parent)
        self.runner = sync.background_runner(counter, lambda report, error: self.round_done.emit(report, error),
                                             interval=interval)
        self.thread = threading.Thread(target=self.runner.run, name="counter-sync", daemon=True)

    @property
    def working(self) -> bool:
        """The sync thread runs Python between its waits for as long as it lives."""
        return self.thread.is_alive()

    @property
    def parked(self) -> bool:
        return not self.thread.is_alive()

    def start(self) -> None:
        keep_gc_on_gui_thread(self)  # a collection started on the sync thread would delete GUI garbage there
        self.thread.start()

    def sync_now(self) -> None:
        self.runner.sync_now()

    def stop(self, timeout: float = 5.0) -> None:
        self.runner.stop()
        if self.thread.is_alive():
            self.thread.join(timeout)
