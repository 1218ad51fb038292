"""The one operation runner: long work off the GUI thread, results back on it (后台操作).

Shaped after Anki's ``QueryOp``: a plain function ``op(progress)`` runs on a worker thread; its
result goes to ``success`` and any exception to ``failure``, both called on the GUI thread.
``progress.report(done, total, label)`` may be called from the op; ``progress.cancelled`` tells
it that the clerk pressed cancel (the op stops by raising ``Cancelled`` or returning early).
Operations sharing a ``key`` supersede each other: starting a new search cancels the previous
one and a stale result is never delivered, so typing fast never shows old hits. An operation with
an ``owner`` (the widget that asked) delivers nothing once that widget is gone: a wizard closed
while its check was running is simply not told.

    Operation(lambda p: services.search(counter, text), success=show_hits).run(key="search")
"""

from __future__ import annotations

import gc
import logging
import threading
import time
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

T = TypeVar("T")
log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside an op that noticed ``progress.cancelled``."""


@dataclass(frozen=True)
class ProgressInfo:
    done: int
    total: int  # 0 when unknown
    label: str


class Progress:
    """What an op sees: report progress, ask whether it was cancelled. Thread-safe."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the clerk cancelled: call it between chunks of work."""
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int = 0, label: str = "") -> None:
        self._relay.progressed.emit(ProgressInfo(done, total, label))


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, the relay's own slots run on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(object)

    def __init__(self, on_finished: Callable[[Any], None], on_failed: Callable[[BaseException], None],
                 on_progress: Callable[[ProgressInfo], None]) -> None:
        super().__init__()
        self._callbacks = (on_finished, on_failed, on_progress)
        # Explicitly queued: the slots must run on the relay's (GUI) thread, never the worker's.
        self.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self._callbacks[0](result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._callbacks[1](exc)

    @Slot(object)
    def _progressed(self, info: ProgressInfo) -> None:
        self._callbacks[2](info)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], progress: Progress, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._progress, self._relay = fn, progress, relay

    def run(self) -> None:  # worker thread
        try:
            result = self._fn(self._progress)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


class PythonWorkers(Protocol):
    """Threads other than the GUI's that run Python: the runner's pool, the background sync's thread."""

    @property
    def working(self) -> bool: ...  # something may still run Python there

    @property
    def parked(self) -> bool: ...  # nothing runs there now


class _GcOnGuiThread:
    """While workers run Python, the cyclic GC runs only on the GUI thread.

    CPython collects on whichever thread's allocation crosses the threshold: a worker's collection
    would delete garbage GUI objects (a closed form left in a reference cycle) from that worker
    thread, and Qt segfaults (seen mid-way through the first-run wizard's save). So while any
    runner has work, automatic collection is off and a GUI-thread timer collects by the same
    thresholds; once every worker is idle the automatic GC is back.
    """

    def __init__(self) -> None:
        self._runners: weakref.WeakSet[PythonWorkers] = weakref.WeakSet()
        self._timer: QTimer | None = None
        self._held = False  # we turned automatic collection off (never touch it if someone else did)
        self._next_full = 0.0  # time.monotonic() before which no full collection runs here

    def hold(self, runner: PythonWorkers) -> None:
        self._runners.add(runner)
        if self._held or not gc.isenabled():
            return
        gc.disable()
        self._held = True
        if self._timer is None or not shiboken6.isValid(self._timer):
            self._timer = QTimer()
            self._timer.setInterval(20)
            self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] > thresholds[0]:
            generation = 1 if counts[1] > thresholds[1] else 0
            # A full collection of a big heap takes long: at most 10% of the time (CPython's own rule,
            # a quarter of new long-lived objects, is not visible from Python).
            if counts[2] > thresholds[2] and time.monotonic() >= self._next_full:
                generation = 2
            began = time.monotonic()
            gc.collect(generation)
            if generation == 2:
                self._next_full = time.monotonic() + max(1.0, 10 * (time.monotonic() - began))
        if not any(r.working for r in self._runners):
            self._release()  # nothing in flight, every worker parked: only the GUI thread runs Python

    def settle(self) -> None:
        """Give the GC back now if every worker is parked, even with results not yet delivered (a
        test's teardown, where no event loop may tick again)."""
        if self._held and all(r.parked for r in self._runners):
            self._release()

    def _release(self) -> None:
        gc.enable()
        self._held = False
        if self._timer is not None:
            self._timer.stop()


_gc_guard = _GcOnGuiThread()


class Handle:
    """A running operation: cancel it, or ask whether it is still running."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.running = True
        self.superseded = False

    def cancel(self) -> None:
        self.progress.cancel()


class OperationRunner(QObject):
    """Owns the worker threads and the latest operation of each key (one per application)."""

    started = Signal()
    idle = Signal()

    # Four: a draft or audit write may wait seconds for the store's write lock (a sync's snapshot
    # load holds it); reads such as the wizard's checks and the search must not queue behind it.
    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._latest: dict[str, Handle] = {}
        self._live: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._live)

    @property
    def working(self) -> bool:
        """An operation is in flight or a worker has not yet parked (it may still run Python)."""
        return shiboken6.isValid(self) and (bool(self._live) or self._pool.activeThreadCount() > 0)

    @property
    def parked(self) -> bool:
        """No worker of this runner is running anything."""
        return not shiboken6.isValid(self) or self._pool.activeThreadCount() == 0

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Block until the pool is empty (shutdown and tests only)."""
        return self._pool.waitForDone(msecs)

    def submit(self, op: Operation[Any], key: str | None) -> Handle:
        handle: Handle

        def done(deliver: Callable[[], None]) -> None:
            handle.running = False
            self._live.discard(relay)
            relay.deleteLater()
            if key is not None and self._latest.get(key) is handle:
                del self._latest[key]
            if not handle.superseded and op.owner_alive():
                deliver()
            if not self._live:
                self.idle.emit()

        relay = _Relay(
            lambda result: done(lambda: op._deliver_success(result)),
            lambda exc: done(lambda: op._deliver_failure(exc)),
            lambda info: None if handle.superseded or not op.owner_alive() else op._deliver_progress(info),
        )
        progress = Progress(relay)
        handle = Handle(progress)
        if key is not None:
            previous = self._latest.get(key)
            if previous is not None and previous.running:
                previous.superseded = True
                previous.cancel()
            self._latest[key] = handle
        self._live.add(relay)
        _gc_guard.hold(self)  # before the worker starts: it must never run the cyclic GC
        self.started.emit()
        self._pool.start(_Job(op.op, progress, relay))
        return handle


_runner: OperationRunner | None = None


def keep_gc_on_gui_thread(workers: PythonWorkers) -> None:
    """Call from the GUI thread before ``workers`` start running Python outside the runner (the
    background sync's thread): the cyclic GC stays on the GUI thread while they work."""
    _gc_guard.hold(workers)


def settle_gc() -> None:
    """Automatic GC back on if no worker runs (tests' teardown; the GUI's timer does it otherwise)."""
    _gc_guard.settle()


def runner() -> OperationRunner:
    """The application's runner (created on first use, parented to the QApplication)."""
    global _runner
    app = QCoreApplication.instance()
    if _runner is None or _runner.parent() is not app:
        _runner = OperationRunner(app)
    return _runner


class Operation(Generic[T]):
    """One piece of work: ``op`` off the GUI thread, then ``success`` or ``failure`` on it."""

    def __init__(
        self,
        op: Callable[[Progress], T],
        success: Callable[[T], None] | None = None,
        failure: Callable[[BaseException], None] | None = None,
        progress: Callable[[ProgressInfo], None] | None = None,
        cancelled: Callable[[], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        self.op = op
        self.owner = owner
        self._success = success
        self._failure = failure
        self._progress = progress
        self._cancelled = cancelled

    def owner_alive(self) -> bool:
        """False once the owner widget is deleted: its callbacks would touch a dead widget."""
        return self.owner is None or shiboken6.isValid(self.owner)

    def run(self, key: str | None = None, on: OperationRunner | None = None) -> Handle:
        return (on or runner()).submit(self, key)

    def run_later(self, delay_ms: int, key: str | None = None) -> None:
        """Run after a short delay on the GUI thread (e.g. once the window has painted)."""
        QTimer.singleShot(delay_ms, lambda: self.run(key))

    def _deliver_success(self, result: T) -> None:
        if self._success is not None:
            self._success(result)

    def _deliver_failure(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            if self._cancelled is not None:
                self._cancelled()
            return
        if self._failure is not None:
            self._failure(exc)
        else:
            log.error("后台操作失败：%s\n%s", exc, getattr(exc, "__traceback_text__", ""))

    def _deliver_progress(self, info: ProgressInfo) -> None:
        if self._progress is not None:
            self._progress(info)
