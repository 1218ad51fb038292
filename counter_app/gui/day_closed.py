"""A business form opened on a closed day (已日结) says so at once: a banner, submit disabled with the reason.

The clerk learns it before typing anything, not after filling the whole form; the form stays usable
for looking things up and its draft is kept for the day a supervisor reopens (or the next day).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from counter_app.gui.i18n import _t
from counter_app.gui.lazy import LazyModule

operations: Any = LazyModule("counter_app.services.operations")

BANNER_STYLE = "background: #ffebee; border: 1px solid #e57373; color: #b71c1c; padding: 6px; font-weight: bold;"


def warn_if_closed(form: Any) -> str:
    """Show the banner on ``form`` when its clerk's day (or the station's) is closed; returns the
    reason (empty when the day is open). The form keeps submit disabled while it is set."""
    problem = operations.day_closed(form.counter) if form.counter is not None else None
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
    return reason
