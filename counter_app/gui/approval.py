"""Supervisor approval at the clerk's counter (主管复核): the supervisor types name and password.

Opened by the wizard when a submission comes back with an error on field ``approval`` (large
withdrawals) and by printing when a reprint needs one; ``approved`` carries the sealed
``Approval`` to repeat the action with.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from counter_app.gui.i18n import _t
from counter_app.gui.login import Credentials


class ApprovalDialog(QDialog):
    """One request, e.g. 大额提取: 提取金额60,000.00元，超过单笔50,000.00元."""

    approved = Signal(object)  # the Approval

    def __init__(self, counter: Any, request: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approval_dialog")
        self.setWindowTitle(_t("主管复核"))
        self.counter, self.request = counter, request
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        title = QLabel(_t("需要站长（主管）复核：") + _t(request.label), self)
        title.setObjectName("approval_title")
        title.setStyleSheet("font-size: 17px; font-weight: bold;")
        layout.addWidget(title)
        summary = QLabel(request.summary, self)
        summary.setObjectName("approval_summary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        maker = QLabel(_t("经办柜员：") + counter.clerk, self)
        maker.setStyleSheet("color: #555;")
        layout.addWidget(maker)
        layout.addSpacing(8)
        self.credentials = Credentials("approver", _t("站长登录名"), self)
        layout.addWidget(self.credentials)
        buttons = QDialogButtonBox(self)
        self.approve_button = buttons.addButton(_t("授权"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.approve_button.setObjectName("approve_button")
        self.approve_button.setDefault(True)
        cancel = buttons.addButton(_t("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("approval_cancel")
        buttons.rejected.connect(self.reject)
        self.approve_button.clicked.connect(self.try_approve)
        self.credentials.password.returnPressed.connect(self.try_approve)
        self.credentials.succeeded.connect(self._approved)
        layout.addWidget(buttons)
        self.credentials.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_approve(self) -> None:
        from counter_app.services import approvals

        request = self.request
        self.credentials.check(
            lambda name, password: approvals.approve(self.counter, name, password, request.action, request.subject),
            self.approve_button)

    def _approved(self, approval: Any) -> None:
        self.approved.emit(approval)
        self.accept()


def ask_approval(parent: QWidget, counter: Any, request: Any, then: Callable[[Any], None]) -> ApprovalDialog:
    """Open the dialog (modal to ``parent``'s window); ``then(approval)`` once the supervisor agreed."""
    dialog = ApprovalDialog(counter, request, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.approved.connect(then)
    dialog.open()
    return dialog
