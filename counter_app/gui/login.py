"""Clerk login at start (柜员登录, ``ui/login_dialog.ui``).

The password check runs through the shared credential widget (``credentials.py``) on the operation
runner; the services decide everything (lockout, disabled accounts, the offline lock) and the dialog
only shows their Chinese message. A one-time code from the centre opens a second step: the clerk
types an own new password twice (``login_new_password``, ``login_new_password_again``), which then
replaces the code.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from counter_app.domain.errors import FieldError
from counter_app.gui.forms.ui_login_dialog import Ui_LoginDialog
from counter_app.gui.i18n import _t
from counter_app.services import Counter, clerks


def station_line(counter: Counter) -> str:
    return f"{counter.station_name}（{counter.station_code}）· {_t('窗口')} {counter.terminal}"


@dataclass(frozen=True)
class _FirstLogin:
    """The one-time code was right: the clerk now sets an own password (the code is kept until then)."""

    username: str
    code: str
    message: str


class LoginDialog(QDialog, Ui_LoginDialog):
    """Shown over the main window at start when the station has clerk accounts."""

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.counter = counter
        self.clerk: clerks.Clerk | None = None
        self.first: _FirstLogin | None = None
        self.login_station.setText(station_line(counter))
        self.credentials.configure("login", _t("登录名"))
        self._build_new_password()
        self.login_button.clicked.connect(self.try_login)
        self.credentials.password.returnPressed.connect(self.try_login)
        self.credentials.succeeded.connect(self._logged_in)
        self.credentials.message_shown.connect(self._fit)
        self.credentials.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_new_password(self) -> None:
        """The first login's step: two password inputs under the credentials, hidden until needed."""
        self.new_password_box = QWidget(self)
        self.new_password_box.setObjectName("login_new_password_box")
        form = QFormLayout(self.new_password_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.new_password = QLineEdit(self.new_password_box)
        self.new_password_again = QLineEdit(self.new_password_box)
        for edit, key, label in ((self.new_password, "login_new_password", _t("新密码")),
                                 (self.new_password_again, "login_new_password_again", _t("再次输入新密码"))):
            edit.setObjectName(key)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(label)
            form.addRow(QLabel(label, self.new_password_box), edit)
        self.new_password.returnPressed.connect(self.new_password_again.setFocus)
        self.new_password_again.returnPressed.connect(self.try_login)
        self.new_password_box.hide()
        self.login_layout.insertWidget(self.login_layout.indexOf(self.credentials) + 1, self.new_password_box)

    def _fit(self) -> None:
        """A long message (the offline lock's, a lockout's) wraps onto more lines: grow to show it all."""
        self.credentials.message.updateGeometry()
        self.credentials.layout().activate()  # the wrapped label's new height reaches the dialog's layout
        self.login_layout.activate()
        self.adjustSize()

    def try_login(self) -> None:
        counter = self.counter
        first = self.first
        if first is None:
            self.credentials.check(lambda name, password: self._login(name, password), self.login_button)
            return
        new, again = self.new_password.text(), self.new_password_again.text()
        if new != again:
            self.credentials.show_message(_t("两次输入的新密码不一致"))
            self.new_password_again.clear()
            self.new_password_again.setFocus()
            return
        self.credentials.password.setText(first.code)  # the widget checks that a password was typed
        self.credentials.check(lambda _name, _password: clerks.login(counter, first.username, first.code,
                                                                     new_password=new), self.login_button)

    def _login(self, name: str, password: str) -> object:
        result = clerks.login(self.counter, name, password)
        if isinstance(result, FieldError) and result.field == "new_password":
            return _FirstLogin(clerks.normalize_username(name), password, result.message)
        return result

    def _logged_in(self, result: object) -> None:
        if isinstance(result, _FirstLogin):
            self._ask_new_password(result)
            return
        assert isinstance(result, clerks.Clerk)
        self.clerk = result
        self.accept()

    def _ask_new_password(self, first: _FirstLogin) -> None:
        self.first = first
        self.credentials.username.setText(first.username)
        self.credentials.username.setEnabled(False)
        self.credentials.password.setEnabled(False)
        self.new_password_box.show()
        self.login_button.setText(_t("设置新密码并登录"))
        self.credentials.show_message(first.message, error=False)
        self.new_password.setFocus(Qt.FocusReason.OtherFocusReason)


def login_if_needed(counter: Counter, parent: QWidget | None = None, staffed: bool | None = None) -> bool:
    """The login dialog when the station has clerk accounts (``staffed``, when the caller read it off
    the GUI thread); True when the app may go on."""
    if not (clerks.has_clerks(counter) if staffed is None else staffed):
        return True  # a demo or not yet staffed station: the demo clerk
    return LoginDialog(counter, parent).exec() == QDialog.DialogCode.Accepted
