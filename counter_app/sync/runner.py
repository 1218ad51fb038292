"""Background sync scheduling: a steady interval when online, exponential backoff with jitter when not.

Pure logic plus one loop whose waiting is injected (``threading.Event.wait`` in the GUI's worker
thread), so it is tested without sleeping. "Sync now" sets the wake event; stop sets the stop event.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Backoff:
    """Delay after ``failures`` consecutive failures: base·factor^(n−1), capped, with ± jitter."""

    base: float = 2.0
    factor: float = 2.0
    cap: float = 300.0
    jitter: float = 0.25  # fraction of the delay, drawn uniformly in [−jitter, +jitter]
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, failures: int) -> float:
        if failures <= 0:
            return 0.0
        raw = min(self.cap, self.base * self.factor ** (failures - 1))
        return max(0.0, raw * (1 + self.rng.uniform(-self.jitter, self.jitter)))


@dataclass
class Schedule:
    """What to wait before the next round, given how the last one went."""

    interval: float = 60.0  # between successful rounds
    backoff: Backoff = field(default_factory=Backoff)
    failures: int = 0

    def after_success(self) -> float:
        self.failures = 0
        return self.interval

    def after_failure(self) -> float:
        self.failures += 1
        return self.backoff.delay(self.failures)

    @property
    def online(self) -> bool:
        return self.failures == 0


class SyncRunner:
    """Runs ``step`` again and again; ``on_result(result, error)`` reports each round.

    ``wait(seconds) -> bool`` returns True to stop; by default it waits on the runner's events, so
    ``sync_now()`` wakes it early and ``stop()`` ends the loop."""

    def __init__(
        self,
        step: Callable[[], Any],
        schedule: Schedule | None = None,
        on_result: Callable[[Any, BaseException | None], None] | None = None,
        wait: Callable[[float], bool] | None = None,
    ) -> None:
        self.step = step
        self.schedule = schedule or Schedule()
        self.on_result = on_result or (lambda result, error: None)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._wait = wait or self._wait_events

    def _wait_events(self, seconds: float) -> bool:
        self._wake.wait(seconds)
        self._wake.clear()
        return self._stop.is_set()

    def sync_now(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def run_round(self) -> float:
        """One round; returns the delay before the next."""
        try:
            result = self.step()
        except Exception as exc:  # noqa: BLE001  any failure of a round is retried later, never fatal
            self.on_result(None, exc)
            return self.schedule.after_failure()
        self.on_result(result, None)
        return self.schedule.after_success()

    def run(self) -> None:
        while not self._stop.is_set():
            if self._wait(self.run_round()):
                return
