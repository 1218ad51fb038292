"""Supervisor approval at the clerk's counter (主管复核, ``ui/approval_dialog.ui``).

Opened by the wizard when a submission comes back with an error on field ``approval`` (large
withdrawals), by printing when a reprint needs one and by the station settings; ``approved``
carries the sealed ``Approval`` to repeat the action with. The name and password go through the
credential widget the login and lock screens share.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from counter_app.gui.forms.ui_approval_dialog import Ui_ApprovalDialog
from counter_app.gui.i18n import _t
from counter_app.services import Counter, approvals


class ApprovalDialog(QDialog, Ui_ApprovalDialog):
    """One request, e.g. 大额提取: 提取金额60,000.00元，超过单笔50,000.00元."""

    approved = Signal(object)  # the Approval

    def __init__(self, counter: Counter, request: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.counter, self.request = counter, request
        self.approval_title.setText(_t("需要站长（主管）复核：") + _t(request.label))
        self.approval_summary.setText(request.summary)
        self.approval_maker.setText(_t("经办柜员：") + counter.clerk)
        self.credentials.configure("approver", _t("站长登录名"))
        self.approve_button.clicked.connect(self.try_approve)
        self.credentials.password.returnPressed.connect(self.try_approve)
        self.credentials.succeeded.connect(self._approved)
        self.credentials.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_approve(self) -> None:
        counter, request = self.counter, self.request
        self.credentials.check(
            lambda name, password: approvals.approve(counter, name, password, request.action, request.subject),
            self.approve_button)

    def _approved(self, approval: Any) -> None:
        self.approved.emit(approval)
        self.accept()


def ask_approval(parent: QWidget, counter: Counter, request: Any, then: Callable[[Any], None]) -> ApprovalDialog:
    """Open the dialog (modal to ``parent``'s window); ``then(approval)`` once the supervisor agreed."""
    dialog = ApprovalDialog(counter, request, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.approved.connect(then)
    dialog.open()
    return dialog
