"""A clerk whose password is the centre's one-time code sets an own password in the login dialog (twice,
typed), then works; a station cut off from the centre too long shows the offline lock's message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from clerk_helpers import CLERK, SUPERVISOR, actions, fast_hashing, staff  # noqa: F401
from gui_helpers import send_key, send_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from counter_app import services
from counter_app.gui.login import LoginDialog
from counter_app.services import clerks

CODE = "Kq7mZp3xWa2c"  # as the centre hands out (12 letters and digits)


@pytest.fixture
def staffed(data_dir: Any, fast_hashing: Any) -> Any:
    """Staff whose clerk got a one-time code (as a centre add or reset leaves it)."""
    with services.open_counter(data_dir) as counter:
        staff(counter)
        with counter.store.unit_of_work(write=True) as uow:
            uow.clerks.update(CLERK[0], password_hash=clerks.HASHER.hash(CODE), must_change_password=True)
            uow.commit()
    return data_dir


def dialog_for(qtbot: Any, counter: Any) -> LoginDialog:
    dialog = LoginDialog(counter)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_into(widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    widget.clear()
    send_text(widget, text)


def test_the_one_time_code_asks_for_an_own_password_typed_twice(qtbot: Any, staffed: Any) -> None:
    with services.open_counter(staffed) as counter:
        dialog = dialog_for(qtbot, counter)
        credentials = dialog.credentials
        box = dialog.findChild(QWidget, "login_new_password_box")
        assert box is not None and not box.isVisible()
        type_into(credentials.username, CLERK[0])
        type_into(credentials.password, CODE)
        send_key(credentials.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: box.isVisible() and not credentials.busy, timeout=10000)
        assert "一次性密码" in credentials.message.text() and counter.clerk != CLERK[0]
        new = dialog.findChild(QLineEdit, "login_new_password")
        again = dialog.findChild(QLineEdit, "login_new_password_again")
        assert new.accessibleName() and again.accessibleName() and new.echoMode() == QLineEdit.EchoMode.Password
        type_into(new, "Zhang-own-2026")
        type_into(again, "Zhang-own-2027")
        send_key(again, Qt.Key.Key_Return)
        assert "不一致" in credentials.message.text() and again.text() == "" and new.text() == "Zhang-own-2026"
        type_into(again, "Zhang-own-2026")
        send_key(again, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
        assert counter.clerk == CLERK[0] and dialog.clerk is not None and not dialog.clerk.must_change_password
        assert isinstance(clerks.login(counter, CLERK[0], CODE), clerks.FieldError)  # the code is spent
        assert clerks.login(counter, CLERK[0], "Zhang-own-2026").username == CLERK[0]
    assert actions(staffed)[-5:-2] == ["login_failed", "clerk_passwd", "login"]


def test_a_too_simple_new_password_is_refused_and_the_step_stays(qtbot: Any, staffed: Any) -> None:
    with services.open_counter(staffed) as counter:
        dialog = dialog_for(qtbot, counter)
        credentials = dialog.credentials
        type_into(credentials.username, CLERK[0])
        type_into(credentials.password, CODE)
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.new_password_box.isVisible() and not credentials.busy, timeout=10000)
        type_into(dialog.new_password, "aaaaaaaa")
        type_into(dialog.new_password_again, "aaaaaaaa")
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not credentials.busy and "简单" in credentials.message.text(), timeout=10000)
        assert dialog.result() != QDialog.DialogCode.Accepted and dialog.new_password_box.isVisible()


def test_the_offline_lock_is_shown_at_login(qtbot: Any, staffed: Any) -> None:
    with services.open_counter(staffed) as counter:
        with counter.store.unit_of_work(write=True) as uow:  # last in touch with the centre 20 days ago
            uow.settings.set("sync_last_at", (datetime.now(UTC) - timedelta(days=20)).isoformat())
            uow.commit()
        dialog = dialog_for(qtbot, counter)
        credentials = dialog.credentials
        type_into(credentials.username, SUPERVISOR[0])
        type_into(credentials.password, SUPERVISOR[1])
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not credentials.busy and "离线" in credentials.message.text(), timeout=10000)
        assert "20天" in credentials.message.text() and dialog.result() != QDialog.DialogCode.Accepted
    assert actions(staffed)[-1] == "login_failed"
