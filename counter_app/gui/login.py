"""Clerk login at start (柜员登录, ``ui/login_dialog.ui``).

The password check runs through the shared credential widget (``credentials.py``) on the operation
runner; the services decide everything (lockout, disabled accounts) and the dialog only shows
their Chinese message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from counter_app.gui.forms.ui_login_dialog import Ui_LoginDialog
from counter_app.gui.i18n import _t
from counter_app.services import Counter, clerks


def station_line(counter: Counter) -> str:
    return f"{counter.station_name}（{counter.station_code}）· {_t('窗口')} {counter.terminal}"


class LoginDialog(QDialog, Ui_LoginDialog):
    """Shown over the main window at start when the station has clerk accounts."""

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.counter = counter
        self.clerk: clerks.Clerk | None = None
        self.login_station.setText(station_line(counter))
        self.credentials.configure("login", _t("登录名"))
        self.login_button.clicked.connect(self.try_login)
        self.credentials.password.returnPressed.connect(self.try_login)
        self.credentials.succeeded.connect(self._logged_in)
        self.credentials.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_login(self) -> None:
        counter = self.counter
        self.credentials.check(lambda name, password: clerks.login(counter, name, password), self.login_button)

    def _logged_in(self, clerk: clerks.Clerk) -> None:
        self.clerk = clerk
        self.accept()


def login_if_needed(counter: Counter, parent: QWidget | None = None) -> bool:
    """The login dialog when the station has clerk accounts; True when the app may go on."""
    if not clerks.has_clerks(counter):
        return True  # a demo or not yet staffed station: the demo clerk
    return LoginDialog(counter, parent).exec() == QDialog.DialogCode.Accepted
