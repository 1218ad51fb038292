"""The operation runner: results on the GUI thread, failures, progress, cancel, superseding."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QThread

from counter_app.gui.operations import Cancelled, Operation, OperationRunner


@pytest.fixture
def runner(qapp: Any) -> Any:
    r = OperationRunner(qapp)
    yield r
    r.wait_for_done()


def test_op_runs_off_the_gui_thread_and_success_on_it(qtbot: Any, runner: OperationRunner) -> None:
    seen: dict[str, Any] = {}
    gui = QThread.currentThread()

    def op(_progress: Any) -> int:
        seen["op_thread"] = threading.current_thread()
        return 42

    def success(value: int) -> None:
        seen["value"], seen["success_on_gui"] = value, QThread.currentThread() is gui

    Operation(op, success=success).run(on=runner)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["op_thread"] is not threading.main_thread()
    assert seen["success_on_gui"]


def test_failure_reaches_the_failure_callback(qtbot: Any, runner: OperationRunner) -> None:
    failures: list[BaseException] = []

    def op(_p: Any) -> None:
        raise ValueError("坏数据")

    Operation(op, success=lambda _v: pytest.fail("no success expected"), failure=failures.append).run(on=runner)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], ValueError) and "坏数据" in str(failures[0])


def test_progress_reports_arrive_in_order(qtbot: Any, runner: OperationRunner) -> None:
    reports: list[Any] = []
    done: list[int] = []

    def op(progress: Any) -> int:
        for i in range(1, 6):
            progress.report(i, 5, f"第{i}批")
        return 5

    Operation(op, success=done.append, progress=reports.append).run(on=runner)
    qtbot.waitUntil(lambda: bool(done))
    assert [r.done for r in reports] == [1, 2, 3, 4, 5]
    assert reports[-1].label == "第5批" and reports[-1].total == 5


def test_cancel_stops_a_cooperative_op(qtbot: Any, runner: OperationRunner) -> None:
    started = threading.Event()
    cancelled: list[bool] = []

    def op(progress: Any) -> None:
        started.set()
        while True:
            progress.check()
            threading.Event().wait(0.001)

    handle = Operation(op, success=lambda _v: pytest.fail("cancelled op succeeded"),
                       cancelled=lambda: cancelled.append(True)).run(on=runner)
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(cancelled))
    assert cancelled == [True]
    assert not handle.running and not runner.busy


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(count=st.integers(min_value=2, max_value=8))
def test_a_newer_op_of_the_same_key_supersedes_older_ones(qtbot: Any, qapp: Any, count: int) -> None:
    """Search-as-you-type: however many queries are in flight, only the last one is shown."""
    runner = OperationRunner(qapp)
    gate = threading.Event()
    delivered: list[int] = []

    def make(i: int) -> Any:
        def op(_p: Any) -> int:
            gate.wait(5)
            return i
        return op

    handles = [Operation(make(i), success=delivered.append).run(key="search", on=runner) for i in range(count)]
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert delivered == [count - 1]
    assert all(h.progress.cancelled for h in handles[:-1])
    runner.wait_for_done()


def test_cancelled_exception_is_not_reported_as_failure(qtbot: Any, runner: OperationRunner) -> None:
    outcomes: list[str] = []

    def op(_p: Any) -> None:
        raise Cancelled()

    Operation(op, failure=lambda _e: outcomes.append("failure"), cancelled=lambda: outcomes.append("cancelled")).run(on=runner)
    qtbot.waitUntil(lambda: bool(outcomes))
    assert outcomes == ["cancelled"]
