"""Clerk login at start (柜员登录) and the name-and-password block the lock and approval screens share.

The password check (argon2id, a tenth of a second or more) runs on the operation runner, so the
window never freezes; the services decide everything (lockout, disabled accounts) and the
screens only show their Chinese message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.gui.i18n import _t
from counter_app.gui.operations import Operation

FIELD_WIDTH = 260


class Credentials(QWidget):
    """Login name, password and a message line; ``check`` runs a service call off the GUI thread."""

    succeeded = Signal(object)  # what the service returned (a Clerk or an Approval)

    def __init__(self, prefix: str, name_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.username = QLineEdit(self)
        self.username.setObjectName(f"{prefix}_username" if prefix != "approver" else "approver")
        self.password = QLineEdit(self)
        self.password.setObjectName(f"{prefix}_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.username, self.password):
            edit.setMinimumWidth(FIELD_WIDTH)
        self.username.setAccessibleName(name_label)
        self.password.setAccessibleName(_t("密码"))
        form.addRow(name_label, self.username)
        form.addRow(_t("密码"), self.password)
        self.message = QLabel(self)
        self.message.setObjectName(f"{prefix}_message")
        self.message.setWordWrap(True)
        self.message.setProperty("severity", "error")
        form.addRow(self.message)
        self.username.returnPressed.connect(self.password.setFocus)
        self.busy = False

    def check(self, call: Callable[[str, str], Any], button: QPushButton | None = None) -> None:
        """Run ``call(name, password)``; a FieldError is shown, anything else is ``succeeded``."""
        if self.busy:
            return
        name, password = self.username.text(), self.password.text()
        if not name.strip() or not password:
            self.show_message(_t("请输入登录名和密码"))
            return
        self.busy = True
        if button is not None:
            button.setEnabled(False)
        self.show_message(_t("正在验证…"), error=False)

        def done(result: Any) -> None:
            self.busy = False
            if button is not None:
                button.setEnabled(True)
            if hasattr(result, "field") and hasattr(result, "message"):  # a FieldError
                self.show_message(result.message)
                self.password.clear()
                self.password.setFocus()
                return
            self.password.clear()
            self.show_message("", error=False)
            self.succeeded.emit(result)

        def failed(exc: BaseException) -> None:
            done(type("Problem", (), {"field": "password", "message": _t("无法验证：") + str(exc)})())

        Operation(lambda _p: call(name, password), success=done, failure=failed).run(key=f"credentials-{self.prefix}")

    def show_message(self, text: str, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setProperty("severity", "error" if error else "")
        self.message.style().polish(self.message)


def station_line(counter: Any) -> str:
    return f"{counter.station_name}（{counter.station_code}）· {_t('窗口')} {counter.terminal}"


class LoginDialog(QDialog):
    """Shown over the main window at start when the station has clerk accounts."""

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.setWindowTitle(_t("柜员登录 — counter-app"))
        self.counter = counter
        self.clerk: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        title = QLabel(_t("住房公积金服务站窗口系统"), self)
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        where = QLabel(station_line(counter), self)
        where.setObjectName("login_station")
        where.setStyleSheet("color: #555;")
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addSpacing(12)
        self.credentials = Credentials("login", _t("登录名"), self)
        layout.addWidget(self.credentials)
        buttons = QDialogButtonBox(self)
        self.login_button = buttons.addButton(_t("登录"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.login_button.setObjectName("login_button")
        self.login_button.setDefault(True)
        quit_button = buttons.addButton(_t("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setObjectName("login_quit")
        buttons.rejected.connect(self.reject)
        self.login_button.clicked.connect(self.try_login)
        self.credentials.password.returnPressed.connect(self.try_login)
        self.credentials.succeeded.connect(self._logged_in)
        layout.addWidget(buttons)
        self.credentials.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_login(self) -> None:
        from counter_app.services import clerks

        self.credentials.check(lambda name, password: clerks.login(self.counter, name, password), self.login_button)

    def _logged_in(self, clerk: Any) -> None:
        self.clerk = clerk
        self.accept()


def login_if_needed(counter: Any, parent: QWidget | None = None) -> bool:
    """The login dialog when the station has clerk accounts; True when the app may go on."""
    from counter_app.services import clerks

    if not clerks.has_clerks(counter):
        return True  # a demo or not yet staffed station: the demo clerk
    return LoginDialog(counter, parent).exec() == QDialog.DialogCode.Accepted
