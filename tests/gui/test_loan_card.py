"""贷款卡片 from the worker's card: Enter on a loan shows its facts, the plan to date and ahead, and the
post-loan businesses that apply; a button opens that wizard with the borrower and the contract filled in."""

from __future__ import annotations

from typing import Any

from gui_helpers import field, open_card, send_key
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton, QTableView
from test_loan_settle_gui import a_borrower

from counter_app.services.postloan import loan_card


def test_a_loan_card_opens_its_businesses(qtbot: Any, window: Any, counter: Any) -> None:
    card, loan = a_borrower(counter)
    open_card(qtbot, window, "worker", card.worker.id_number)
    loans = window.card.card_first_table
    row = next(r for r in range(loans.model().rowCount()) if loans.model().index(r, 0).data() == loan.loan_no)
    loans.setFocus()
    loans.setCurrentIndex(loans.model().index(row, 0))
    send_key(loans, Qt.Key.Key_Return)
    dialog = window.card.loan_card
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.card is not None, timeout=10000)  # read off the GUI thread
    expected = loan_card(counter, loan.loan_no)
    plan = dialog.findChild(QTableView, "loan_card_plan")
    assert plan.model().rowCount() == loan.months == len(expected.rows)
    assert sum(1 for r in expected.rows if not r.paid) == expected.months_left > 0
    buttons = {b.objectName() for b in dialog.findChildren(QPushButton) if b.objectName().startswith("loan_card_")}
    assert {"loan_card_loan_settle", "loan_card_repay_deferral"} <= buttons
    qtbot.mouseClick(dialog.findChild(QPushButton, "loan_card_loan_settle"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == "loan-settle")
    assert field(window, "id_number").text() == card.worker.id_number
    assert field(window, "loan_no").text() == loan.loan_no
    assert dialog.result() == QDialog.DialogCode.Accepted
