"""Background sync scheduling: interval when online, capped exponential backoff with jitter when not."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from counter_app.sync.runner import Backoff, Schedule, SyncRunner


@given(failures=st.integers(min_value=1, max_value=60), seed=st.integers(0, 2**32 - 1))
def test_backoff_grows_exponentially_within_jitter_and_cap(failures, seed):
    backoff = Backoff(base=2.0, factor=2.0, cap=300.0, jitter=0.25, rng=random.Random(seed))
    raw = min(300.0, 2.0 * 2.0 ** (failures - 1))
    assert raw * 0.75 <= backoff.delay(failures) <= raw * 1.25


def test_jitter_spreads_stations_that_failed_together():
    delays = {Backoff(rng=random.Random(seed)).delay(5) for seed in range(20)}
    assert len(delays) == 20


def test_no_failure_means_no_backoff():
    assert Backoff().delay(0) == 0.0


def scripted(outcomes):
    """A step that fails or succeeds as scripted; the waits it is asked for are recorded."""
    outcomes = iter(outcomes)

    def step():
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return step


def test_runner_backs_off_while_failing_and_returns_to_the_interval():
    waits, results = [], []
    script = [OSError("down"), OSError("down"), OSError("down"), {"pushed": 3}, {"pushed": 0}]
    schedule = Schedule(interval=60.0, backoff=Backoff(base=1.0, factor=3.0, cap=100.0, jitter=0.0))
    runner = SyncRunner(scripted(script), schedule,
                        on_result=lambda r, e: results.append(type(e).__name__ if e else r),
                        wait=lambda s: waits.append(s) or len(waits) == len(script))
    runner.run()
    assert waits == [1.0, 3.0, 9.0, 60.0, 60.0]
    assert results == ["OSError", "OSError", "OSError", {"pushed": 3}, {"pushed": 0}]
    assert schedule.online


def test_stop_ends_the_loop_and_sync_now_wakes_it():
    runner = SyncRunner(lambda: None, Schedule(interval=3600.0))
    runner.sync_now()
    assert runner._wait(3600.0) is False  # woken at once, not stopped
    runner.stop()
    runner.run()  # returns at once
    assert runner._stop.is_set()
