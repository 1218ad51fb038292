"""Login at start, the idle lock (short test interval), unlock and lockout, approvals and revealed numbers."""

from __future__ import annotations

from typing import Any

import pytest
from clerk_helpers import CLERK, OTHER_CLERK, SUPERVISOR, actions, fast_hashing, staff  # noqa: F401
from gui_helpers import field, open_card, send_key, send_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton
from test_wizard import a_worker, fill_open_account, fresh_id, open_form

from counter_app import services
from counter_app.domain.ids import mask_id_number
from counter_app.gui.approval import ApprovalDialog
from counter_app.gui.lock import LOCK_SHORTCUTS
from counter_app.gui.login import LoginDialog, login_if_needed
from counter_app.services.approvals import Approval, reprint_request
from counter_app.services.clerks import MAX_FAILED_ATTEMPTS


@pytest.fixture
def staffed(data_dir: Any, fast_hashing: Any) -> Any:
    """The demo data dir with a supervisor and two clerks (before any window opens on it)."""
    with services.open_counter(data_dir) as counter:
        staff(counter, with_other=True)
    return data_dir


@pytest.fixture
def clerk_window(qtbot: Any, staffed: Any) -> Any:
    """The counter window as the clerk 张柜员 would have it after logging in."""
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


def type_credentials(qtbot: Any, credentials: Any, name: str, password: str) -> None:
    credentials.username.setText(name)
    credentials.password.setFocus()
    credentials.password.clear()
    send_text(credentials.password, password)


def submit_and_wait(qtbot: Any, credentials: Any, button: QPushButton, until: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not credentials.busy and until(), timeout=10000)


def test_a_demo_station_opens_without_login_and_without_a_lock(window: Any, counter: Any) -> None:
    assert login_if_needed(counter) is True
    assert window.idle_lock is None and window.findChild(object, "action_lock") is None


def test_the_login_dialog_refuses_a_wrong_password_and_lets_the_clerk_in(qtbot: Any, staffed: Any) -> None:
    with services.open_counter(staffed) as counter:
        dialog = LoginDialog(counter)
        qtbot.addWidget(dialog)
        dialog.show()
        credentials = dialog.credentials
        assert counter.station_name in dialog.findChild(QLabel, "login_station").text()
        type_credentials(qtbot, credentials, CLERK[0], "not-my-password")
        submit_and_wait(qtbot, credentials, dialog.login_button, lambda: "密码" in credentials.message.text())
        assert credentials.message.text() == "用户名或密码不正确" and credentials.password.text() == ""
        type_credentials(qtbot, credentials, CLERK[0], CLERK[1])
        submit_and_wait(qtbot, credentials, dialog.login_button, lambda: dialog.result() == QDialog.DialogCode.Accepted)
        assert counter.clerk == CLERK[0] and dialog.clerk.display_name == CLERK[2]
        assert actions(staffed)[-2:] == ["login_failed", "login"]


def test_the_window_locks_after_the_idle_time_and_input_restarts_it(qtbot: Any, staffed: Any, clerk_window: Any) -> None:
    window = clerk_window
    lock = window.idle_lock
    assert lock is not None and lock.timer.interval() == window.counter.policy_on().idle_lock_minutes * 60_000
    lock.timer.setInterval(10_000)
    lock.timer.start()
    qtbot.waitUntil(lambda: lock.timer.remainingTime() < 9_500, timeout=5000)
    send_key(window.search_box, Qt.Key.Key_A)  # typing counts as activity …
    QApplication.processEvents()
    assert lock.timer.remainingTime() > 9_500 and not lock.is_locked
    lock.timer.setInterval(200)  # … and a short idle time locks the screen
    lock.timer.start()
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
    screen = lock.screen
    assert screen.isVisible() and screen.isFullScreen()
    assert screen.windowModality() == Qt.WindowModality.ApplicationModal
    assert CLERK[0] in screen.who.text() and screen.credentials.username.text() == CLERK[0]
    assert not lock.timer.isActive()
    qtbot.waitUntil(lambda: actions(staffed)[-1] == "lock")  # audited off the GUI thread


def test_unlock_needs_the_password_and_the_session_carries_on(qtbot: Any, staffed: Any, clerk_window: Any) -> None:
    window = clerk_window
    lock = window.idle_lock
    lock.lock("shortcut")
    screen = lock.screen
    type_credentials(qtbot, screen.credentials, CLERK[0], "wrong-password-1")
    submit_and_wait(qtbot, screen.credentials, screen.unlock_button, lambda: bool(screen.credentials.message.text()))
    assert lock.is_locked and "不正确" in screen.credentials.message.text()
    type_credentials(qtbot, screen.credentials, CLERK[0], CLERK[1])
    with qtbot.waitSignal(lock.unlocked, timeout=10000):
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.is_locked and lock.timer.isActive() and window.counter.clerk == CLERK[0]
    assert actions(staffed)[-3:] == ["lock", "login_failed", "unlock"]


def test_repeated_failures_lock_the_account_and_a_supervisor_takes_over(qtbot: Any, staffed: Any, clerk_window: Any) -> None:
    window = clerk_window
    lock = window.idle_lock
    lock.lock("idle")
    screen = lock.screen
    for _ in range(MAX_FAILED_ATTEMPTS):
        type_credentials(qtbot, screen.credentials, CLERK[0], "wrong-password-1")
        submit_and_wait(qtbot, screen.credentials, screen.unlock_button, lambda: True)
    assert "锁定" in screen.credentials.message.text()
    type_credentials(qtbot, screen.credentials, CLERK[0], CLERK[1])  # the right password no longer opens it
    submit_and_wait(qtbot, screen.credentials, screen.unlock_button, lambda: "锁定" in screen.credentials.message.text())
    assert lock.is_locked
    type_credentials(qtbot, screen.credentials, OTHER_CLERK[0], OTHER_CLERK[1])  # another clerk may not
    submit_and_wait(qtbot, screen.credentials, screen.unlock_button, lambda: "本人或站长" in screen.credentials.message.text())
    type_credentials(qtbot, screen.credentials, SUPERVISOR[0], SUPERVISOR[1])
    with qtbot.waitSignal(lock.unlocked, timeout=10000):
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert window.counter.clerk == SUPERVISOR[0]
    qtbot.waitUntil(lambda: SUPERVISOR[0] in field(window, "status_clerk").text(), timeout=10000)


def test_the_lock_shortcut_locks_at_once(qtbot: Any, staffed: Any, clerk_window: Any) -> None:
    window = clerk_window
    lock = window.idle_lock
    assert [s.toString() for s in lock.action.shortcuts()] == list(LOCK_SHORTCUTS)
    assert lock.action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
    qtbot.keyClick(window.search_box, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: lock.is_locked, timeout=5000)
    lock.lock("shortcut")  # locking a locked screen changes nothing
    qtbot.waitUntil(lambda: "lock" in actions(staffed))
    qtbot.wait(200)
    assert actions(staffed).count("lock") == 1


def test_the_approval_dialog_takes_only_a_supervisor(qtbot: Any, staffed: Any) -> None:
    with services.open_counter(staffed) as counter:
        counter.clerk = CLERK[0]
        request = reprint_request("CG01-01-20261123-0001")
        dialog = ApprovalDialog(counter, request)
        qtbot.addWidget(dialog)
        dialog.show()
        assert "补打受理回执" in dialog.findChild(QLabel, "approval_title").text()
        type_credentials(qtbot, dialog.credentials, OTHER_CLERK[0], OTHER_CLERK[1])
        submit_and_wait(qtbot, dialog.credentials, dialog.approve_button, lambda: "站长" in dialog.credentials.message.text())
        type_credentials(qtbot, dialog.credentials, SUPERVISOR[0], SUPERVISOR[1])
        with qtbot.waitSignal(dialog.approved, timeout=10000) as approved:
            qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
        approval = approved.args[0]
        assert isinstance(approval, Approval) and (approval.approver, approval.maker) == (SUPERVISOR[0], CLERK[0])


def test_a_reprint_in_the_window_asks_the_supervisor_then_prints(qtbot: Any, staffed: Any, clerk_window: Any) -> None:
    window = clerk_window
    form = open_form(qtbot, window, "open-account")
    fill_open_account(qtbot, window, window.counter, fresh_id(5), "王𠮷")
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=3000)
    qtbot.mouseClick(field(window, "submit"), Qt.MouseButton.LeftButton)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()))
    qtbot.mouseClick(form.print_receipt, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.printer.last_preview is not None, timeout=10000)
    window.printer.last_preview.close()
    window.printer.last_preview = None
    window.printer.request("receipt", receipt.text(), reprint_reason="原件遗失")
    qtbot.waitUntil(lambda: window.findChild(QDialog, "approval_dialog") is not None, timeout=10000)
    dialog = window.findChild(QDialog, "approval_dialog")
    type_credentials(qtbot, dialog.credentials, SUPERVISOR[0], SUPERVISOR[1])
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.printer.last_preview is not None, timeout=10000)
    history = services.printing.print_history(window.counter, receipt.text())
    assert [e.reprint for e in history] == [False, True] and history[1].reason == "原件遗失"


def test_the_card_masks_numbers_until_shown_and_each_showing_is_logged(qtbot: Any, window: Any, counter: Any,
                                                                       data_dir: Any) -> None:
    card = a_worker(counter)
    open_card(qtbot, window, "worker", card.worker.id_number)
    shown = window.card.findChild(QLabel, "card_id_number")
    assert shown.text() == mask_id_number(card.worker.id_number)
    qtbot.mouseClick(window.card.findChild(QPushButton, "reveal_id_number"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown.text() == card.worker.id_number)  # read and audited off the GUI thread
    reveals = [a for a in actions(data_dir) if a == "reveal"]
    assert reveals == ["reveal"]


def test_station_settings_are_saved_only_after_a_supervisor_approves(qtbot: Any, clerk_window: Any) -> None:
    from PySide6.QtWidgets import QLineEdit

    from counter_app.gui.station_settings import StationSettingsDialog
    from counter_app.services.settings import load_settings

    counter = clerk_window.counter
    dialog = StationSettingsDialog(counter, printers=[], parent=clerk_window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    dialog.station.inputs["station_code"].setCurrentText(counter.station_code)
    dialog.station.inputs["station_name"].setText("南山镇便民服务站")
    dialog.centre.offline.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.findChild(QDialog, "approval_dialog") is not None, timeout=5000)
    approval = dialog.findChild(QDialog, "approval_dialog")
    assert load_settings(counter).station_name != "南山镇便民服务站" and dialog.isVisible()
    assert isinstance(approval.findChild(QLineEdit, "approver"), QLineEdit)
    type_credentials(qtbot, approval.credentials, SUPERVISOR[0], SUPERVISOR[1])
    qtbot.mouseClick(approval.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
    assert load_settings(counter).station_name == "南山镇便民服务站"
