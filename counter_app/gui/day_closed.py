"""A business form opened on a closed day (已日结) says so at once: a banner, submit disabled with the reason.

The clerk learns it before typing anything, not after filling the whole form; the form stays usable
for looking things up and its draft is kept for the day a supervisor reopens (or the next day).
The store is read on the operation runner, never on the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from counter_app.domain.errors import FieldError
from counter_app.gui.i18n import _t
from counter_app.gui.operations import Operation
from counter_app.services import operations

BANNER_STYLE = "background: #ffebee; border: 1px solid #e57373; color: #b71c1c; padding: 6px; font-weight: bold;"


def warn_if_closed(form: Any) -> None:
    """Ask off the GUI thread whether ``form``'s clerk's day (or the station's) is closed; when it is,
    ``show_closed`` puts up the banner and keeps submit off."""
    counter = form.counter
    form.closed_checked = counter is None  # tests and the clerk-day driver wait for the answer
    if counter is None:
        return
    Operation(lambda _p: operations.day_closed(counter),
              success=lambda problem: show_closed(form, problem),
              failure=lambda _exc: show_closed(form, None), owner=form).run()  # the submit still refuses


def show_closed(form: Any, problem: FieldError | None) -> str:
    """Show (or clear) the closed-day banner on ``form``; returns the reason, empty when the day is open."""
    if getattr(form, "_retired", False):
        return ""
    form.closed_checked = True
    reason = problem.message if problem is not None else ""
    banner = getattr(form, "closed_banner", None)
    if reason and banner is None:
        banner = QLabel(form)
        banner.setObjectName("closed_banner")
        banner.setWordWrap(True)
        banner.setStyleSheet(BANNER_STYLE)
        banner.setAccessibleName(_t("已日结提示"))
        form.form_layout.insertWidget(form.form_layout.indexOf(form.draft_banner), banner)
        form.closed_banner = banner
    if banner is not None:
        banner.setText(reason + _t("。可以查询和录入，内容保存为草稿。") if reason else "")
        banner.setVisible(bool(reason))
    form.day_closed = reason
    if reason:
        form.submit.setEnabled(False)
        form.submit.setToolTip(reason)
        if form.review is not None:
            form._show_missing(form.review)  # the line under the form names the closed day too
    return reason
