"""日结 in the window: a confirmation with the day's totals, the supervisor's sign-off and reopen, and a
business form that says the day is closed as it opens (not after the clerk has filled it)."""

from __future__ import annotations

from typing import Any

import pytest
from clerk_helpers import CLERK, SUPERVISOR, actions, fast_hashing, staff  # noqa: F401
from gui_helpers import send_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel

from counter_app import services
from counter_app.services import operations as ops


@pytest.fixture
def staffed(data_dir: Any, fast_hashing: Any) -> Any:
    with services.open_counter(data_dir) as counter:
        staff(counter)
    return data_dir


@pytest.fixture
def clerk_window(qtbot: Any, staffed: Any) -> Any:
    from counter_app.gui.app import create_main_window

    window = create_main_window(staffed, clerk=CLERK[0])
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.idle_lock is not None and window.idle_lock.screen is not None:
        window.idle_lock.screen.close()
    window.close()


def take_walk_ins(counter: Any, n: int = 2) -> list[str]:
    """``n`` info changes (a new mobile) of demo workers, taken through the services."""
    numbers = []
    for hit in services.search(counter, "王", limit=50):
        if hit.kind != "worker" or len(numbers) == n:
            continue
        result = services.submit_application(counter, "info-change", {
            "id_number": hit.key, "new_mobile": f"1391234{len(numbers):04d}", "materials": ["id_card"]})
        if result.ok:
            numbers.append(result.receipt_number)
    assert len(numbers) == n
    return numbers


def close_page(window: Any) -> Any:
    window.findChild(QAction, "action_station_close").trigger()
    return window.station.pages["action_station_close"]


def confirm_dialog(qtbot: Any, page: Any) -> Any:
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.confirm_dialog is not None and page.confirm_dialog.isVisible(), timeout=10000)
    return page.confirm_dialog


def approve(qtbot: Any, parent: Any) -> None:
    """The supervisor types name and password into the approval dialog and approves."""
    qtbot.waitUntil(lambda: parent.findChild(QDialog, "approval_dialog") is not None, timeout=10000)
    dialog = parent.findChild(QDialog, "approval_dialog")
    dialog.credentials.username.setText(SUPERVISOR[0])
    dialog.credentials.password.setFocus()
    send_text(dialog.credentials.password, SUPERVISOR[1])
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)


def test_the_confirmation_shows_the_days_totals_and_going_back_closes_nothing(qtbot: Any, window: Any,
                                                                             counter: Any) -> None:
    take_walk_ins(counter)
    page = close_page(window)
    live = ops.day_report(counter, counter.today(), window.counter.clerk).totals
    dialog = confirm_dialog(qtbot, page)
    assert live.count == 2 and dialog.findChild(QLabel, "close_count").text() == "2"
    assert dialog.findChild(QLabel, "close_amount").text().strip("¥").replace(",", "") == str(live.amount)
    assert "无缺号" in dialog.findChild(QLabel, "close_gaps").text()
    assert dialog.by_kind.rowCount() == len(live.by_kind)
    dialog.reject()
    qtbot.waitUntil(lambda: page.close_button.isEnabled())
    assert ops.get_close(counter, counter.today(), window.counter.clerk) is None


def test_a_clerk_closes_with_the_supervisors_sign_off_and_a_supervisor_reopens(qtbot: Any, clerk_window: Any,
                                                                              staffed: Any) -> None:
    window = clerk_window
    page = close_page(window)
    dialog = confirm_dialog(qtbot, page)
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    approve(qtbot, dialog)
    qtbot.waitUntil(lambda: "已日结" in page.page_summary.text(), timeout=10000)
    qtbot.waitUntil(lambda: window.printer.last_preview is not None, timeout=10000)
    window.printer.last_preview.close()
    assert page.reopen_button.isEnabled() and not page.close_button.isEnabled()
    qtbot.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)
    reopen = page.reopen_dialog
    assert reopen is not None and reopen.isVisible()
    qtbot.mouseClick(reopen.confirm, Qt.MouseButton.LeftButton)  # no reason yet
    qtbot.waitUntil(lambda: "原因" in reopen.message.text(), timeout=10000)
    reopen.reason.setFocus()
    send_text(reopen.reason.lineEdit(), "漏录一笔提取业务")
    qtbot.mouseClick(reopen.confirm, Qt.MouseButton.LeftButton)
    approve(qtbot, reopen)
    qtbot.waitUntil(lambda: "已重开" in page.page_summary.text(), timeout=10000)
    assert "漏录一笔提取业务" in page.details.toPlainText() and "第1次日结" in page.details.toPlainText()
    assert page.close_button.isEnabled() and not page.reopen_button.isEnabled()
    logged = actions(staffed)
    assert "daily_close" in logged and "daily_close_reopen" in logged
    dialog = confirm_dialog(qtbot, page)
    assert "第2次日结" in dialog.findChild(QLabel, "close_heading").text()


def test_a_business_form_warns_as_it_opens_on_a_closed_day(qtbot: Any, window: Any) -> None:
    assert ops.close_day(window.counter).ok
    form = window.open_business("withdrawal")
    qtbot.waitUntil(lambda: form.closed_checked and form.settled and form.review is not None, timeout=10000)
    banner = form.findChild(QLabel, "closed_banner")
    assert banner is not None and banner.isVisible() and "已日结" in banner.text()
    assert not form.submit.isEnabled() and "已日结" in form.missing_label.text()
    assert "重开" in form.submit.toolTip()
    assert ops.reopen_day(window.counter, window.counter.today(), "漏录业务需补录").ok
    window.show_home()
    form = window.open_business("withdrawal")
    qtbot.waitUntil(lambda: form.closed_checked and form.settled and form.review is not None, timeout=10000)
    banner = form.findChild(QLabel, "closed_banner")
    assert banner is None or not banner.isVisible()
    assert "已日结" not in form.missing_label.text()
