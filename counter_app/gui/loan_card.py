"""贷款卡片: one loan from the worker's card — its facts and arrears, the plan to date (grey) and ahead,
and a button for each post-loan business that applies, opening its wizard with the borrower and contract."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QModelIndex, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from counter_app import services
from counter_app.domain.businesses import business
from counter_app.domain.person_fields import REPAYMENT_METHODS
from counter_app.domain.status import loan_label
from counter_app.gui.formats import day, money
from counter_app.gui.i18n import _t, catalog_text
from counter_app.gui.operations import Operation
from counter_app.gui.rows import RowsModel

PAID = QColor("#eeeeee")  # instalments already due: shaded
PLAN_HEADERS = (QT_TR_NOOP("期次"), QT_TR_NOOP("还款日"), QT_TR_NOOP("月供"), QT_TR_NOOP("本金"), QT_TR_NOOP("利息"),
                QT_TR_NOOP("剩余本金"))


class LoanCardDialog(QDialog):
    """Opened from the loans table of a worker's card (Enter or double-click on a loan).

    The dialog opens at once saying it is reading; the card (loan, plan, arrears) is read off the GUI
    thread and fills it (``loaded``), with a business button for each post-loan business that applies.
    """

    loaded = Signal()

    def __init__(self, counter: Any, loan_no: str, request: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loan_card")
        self.card: Any = None
        self.request = request
        self.setWindowTitle(_t("贷款卡片") + f"　{loan_no}")
        layout = QVBoxLayout(self)
        self.summary = QLabel(_t("正在读取贷款…"), self)
        self.summary.setObjectName("loan_card_summary")
        layout.addWidget(self.summary)
        self.plan = QTableView(self)
        self.plan.setObjectName("loan_card_plan")
        self.plan.setAccessibleName(_t("还款计划"))
        self.plan_model = RowsModel(PLAN_HEADERS, self)
        self.plan.setModel(self.plan_model)
        self.plan.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.plan.verticalHeader().hide()
        layout.addWidget(self.plan)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        close = QPushButton(_t("关闭"), self)
        close.clicked.connect(self.reject)
        self.buttons.addWidget(close)
        layout.addLayout(self.buttons)
        self.resize(760, 640)
        Operation(lambda _p: services.postloan.loan_card(counter, loan_no), success=self.show_card,
                  failure=lambda exc: self.summary.setText(_t("读取失败：") + str(exc)), owner=self).run()

    def show_card(self, card: Any) -> None:
        self.card = card
        loan = card.loan
        arrears = (_t("{0} 期，{1}（自 {2} 起）").format(loan.arrears_months, money(loan.arrears_amount),
                                                      day(loan.overdue_since)) if loan.arrears_months else _t("无"))
        pairs = [
            (_t("借款人"), card.borrower), (_t("状态"), catalog_text(loan_label(loan.status))),
            (_t("贷款本金"), money(loan.principal)), (_t("剩余本金"), money(loan.outstanding)),
            (_t("年利率"), f"{loan.annual_rate}%"), (_t("还款方式"), dict(REPAYMENT_METHODS).get(loan.method, loan.method)),
            (_t("期限（月）"), str(loan.months)), (_t("剩余期数"), str(card.months_left)),
            (_t("放款日期"), day(loan.start_date)),
            (_t("下期还款"), f"{day(loan.next_due_date)}　{money(loan.next_due_amount)}" if loan.next_due_date else ""),
            (_t("逾期"), arrears), (_t("月对冲"), _t("已签约") if card.offset_in_force else _t("未签约")),
            (_t("共同借款人"), loan.co_borrower_id or _t("无")),
        ]
        self.summary.setText("<table>" + "".join(
            f"<tr><td style='color:#555;padding-right:12px'>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
            for k, v in pairs) + "</table>")
        self.plan_model.set_rows([(r.month, r.due, r.payment, r.principal, r.interest, r.remaining) for r in card.rows],
                                 card.rows, {i: PAID for i, r in enumerate(card.rows) if r.paid})
        first_ahead = next((i for i, r in enumerate(card.rows) if not r.paid), None)
        if first_ahead is not None:  # once the view has laid out the new rows
            target = self.plan_model.index(first_ahead, 0)
            QTimer.singleShot(0, lambda: self.plan.scrollTo(target, QTableView.ScrollHint.PositionAtTop))
        for position, kind in enumerate(card.kinds):
            button = QPushButton(catalog_text(business(kind).short), self)
            button.setObjectName(f"loan_card_{kind.replace('-', '_')}")
            button.clicked.connect(lambda _c=False, k=kind: (self.accept(), self.request(
                k, {"id_number": loan.id_number, "loan_no": loan.loan_no})))
            self.buttons.insertWidget(position, button)
        self.loaded.emit()


def open_loan_card(counter: Any, view: Any, index: QModelIndex) -> LoanCardDialog | None:
    """The card of the loan in ``index``'s row of the worker's loans table."""
    if not index.isValid():
        return None
    loan_no = str(index.model().index(index.row(), 0).data())
    dialog = LoanCardDialog(counter, loan_no, view.business_requested.emit, view)
    view.loan_card = dialog
    dialog.open()
    return dialog
