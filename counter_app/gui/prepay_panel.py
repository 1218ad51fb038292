"""Post-loan side panels. Prepayment (提前还款试算): the schedule now and both new schedules, side by
side, the chosen mode marked, so the borrower compares 缩短期限 and 减少月供 before anything is submitted.
Settlement (结清试算): the payoff on the day typed — principal, days and interest — to copy into the form.
Figures come from ``services.prepay_preview`` / ``settle_preview`` off the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget
from shiboken6 import isValid

from counter_app import services
from counter_app.gui.formats import money
from counter_app.gui.i18n import _t
from counter_app.gui.loan_panel import fit_height
from counter_app.gui.operations import Operation
from counter_app.gui.rows import RowsModel

HINT = QT_TR_NOOP("填写身份证号、贷款合同编号和提前还款金额后，显示两种调整方式的新还款计划。")


class PrepayPanel(QGroupBox):
    """Shown beside the prepayment wizard; ``refresh()`` after each field the clerk leaves."""

    def __init__(self, counter: Any, form: Any, parent: QWidget | None = None) -> None:
        super().__init__(_t("提前还款试算"), parent)
        self.setObjectName("prepay_panel")
        self.counter, self.form = counter, form
        self.preview: Any = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(_t(HINT), self)
        self.summary.setObjectName("prepay_summary")
        self.summary.setWordWrap(True)
        self.compare_view = QTableView(self)
        self.compare_view.setObjectName("prepay_compare")
        self.compare_view.setAccessibleName(_t("提前还款两种方式比较"))
        self.compare_view.verticalHeader().hide()
        self.compare_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.compare_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.compare_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.compare_view.setVisible(False)
        layout.addWidget(self.summary)
        layout.addWidget(self.compare_view)
        layout.addStretch(1)  # figures at the top, not centred in the tall side column

    def refresh(self) -> None:
        values = self.form.values()
        Operation(lambda _p: services.prepay_preview(self.counter, values), success=self.show_preview,
                  failure=self._preview_failed).run(key="prepay_preview")

    def _preview_failed(self, exc: BaseException) -> None:
        if isValid(self.summary):
            self.summary.setText(_t("试算失败：") + str(exc))

    def show_preview(self, preview: Any) -> None:
        if not isValid(self.compare_view):  # the clerk left the prepayment form while the preview ran
            return
        self.preview = preview
        self.compare_view.setVisible(bool(preview.options))
        if not preview.options:
            self.summary.setText("；".join(e.message for e in preview.errors) or _t(HINT))
            return
        loan = preview.loan
        self.summary.setText(
            f"<b>{loan['loan_no']}</b>　{_t('剩余本金')} {money(loan['balance'])}　{_t('剩余期数')} "
            f"{loan['months_left']}　{_t('年利率')} {loan['rate']}%")
        chosen = services.prepay_mode(self.form.values().get("mode"))
        before = preview.options[0].before
        names = {"shorten": _t("缩短期限"), "reduce": _t("减少月供")}
        header = [_t("项目"), _t("当前")] + [
            names[o.mode] + ("（" + _t("选定") + "）" if o.mode == chosen else "") for o in preview.options]
        rows = [
            [_t("首期月供")] + [money(before.monthly_payment)] + [money(o.after.monthly_payment) for o in preview.options],
            [_t("剩余期数")] + [str(before.months)] + [str(o.after.months) for o in preview.options],
            [_t("剩余利息")] + [money(before.total_interest)] + [money(o.after.total_interest) for o in preview.options],
            [_t("节省利息")] + ["—"] + [money(o.interest_saved) for o in preview.options],
        ]
        self.compare_view.setModel(RowsModel(header, self, rows))
        fit_height(self.compare_view)


SETTLE_HINT = QT_TR_NOOP("填写身份证号、贷款合同编号和结清日期后，显示当日结清应还金额。")


class SettlePanel(QGroupBox):
    """Shown beside the settlement wizard; ``refresh()`` after each field the clerk leaves."""

    def __init__(self, counter: Any, form: Any, parent: QWidget | None = None) -> None:
        super().__init__(_t("结清试算"), parent)
        self.setObjectName("settle_panel")
        self.counter, self.form = counter, form
        self.preview: Any = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(_t(SETTLE_HINT), self)
        self.summary.setObjectName("settle_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def refresh(self) -> None:
        values = self.form.values()
        Operation(lambda _p: services.settle_preview(self.counter, values), success=self.show_preview,
                  failure=lambda exc: self.summary.setText(_t("试算失败：") + str(exc))).run(key="settle_preview")

    def show_preview(self, preview: Any) -> None:
        self.preview = preview
        due = preview.payoff
        if due is None:
            self.summary.setText("；".join(e.message for e in preview.errors) or _t(SETTLE_HINT))
            return
        self.summary.setText(
            "<b>" + _t("结清应还") + f" {money(due.total)}</b><br>" + _t("剩余本金") + f" {money(due.principal)}<br>"
            + _t("利息 {0}（{1} 至 {2}，{3} 天，日利率＝年利率÷360）").format(
                money(due.interest), due.last_due.isoformat(), due.on.isoformat(), due.days))
