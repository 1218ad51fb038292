"""The name-and-password block of the login, lock and approval screens (``ui/credentials.ui``).

One widget for all three: ``configure`` names its inputs for the screen (``login_username``,
``approver``, ``unlock_password`` …); ``check`` runs the service call (argon2id, a tenth of a
second or more) on the operation runner, so the window never freezes, and shows the service's
Chinese message when it refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from counter_app.domain.errors import FieldError
from counter_app.gui.forms.ui_credentials import Ui_Credentials
from counter_app.gui.i18n import _t
from counter_app.gui.operations import Operation


class Credentials(QWidget, Ui_Credentials):
    """Login name, password and a message line."""

    succeeded = Signal(object)  # what the service returned (a Clerk or an Approval)
    message_shown = Signal()  # the message line changed (a dialog may grow to show a longer one)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.prefix = "login"
        self.busy = False
        self.username.returnPressed.connect(self.password.setFocus)

    def configure(self, prefix: str, name_label: str) -> None:
        """Name the inputs for one screen (the objectNames tests and scripts use) and label the name."""
        self.prefix = prefix
        self.username.setObjectName(f"{prefix}_username" if prefix != "approver" else "approver")
        self.password.setObjectName(f"{prefix}_password")
        self.message.setObjectName(f"{prefix}_message")
        self.name_label.setText(name_label)
        self.username.setAccessibleName(name_label)

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
            if isinstance(result, FieldError):
                self.show_message(result.message)
                self.password.clear()
                self.password.setFocus()
                return
            self.password.clear()
            self.show_message("", error=False)
            self.succeeded.emit(result)

        def failed(exc: BaseException) -> None:
            done(FieldError("password", _t("无法验证：") + str(exc)))

        Operation(lambda _p: call(name, password), success=done, failure=failed,
                  owner=self).run(key=f"credentials-{self.prefix}")

    def show_message(self, text: str, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setProperty("severity", "error" if error else "")
        self.message.style().polish(self.message)
        self.message_shown.emit()
