"""提前还款 typed like a clerk: both new schedules side by side before submit, then a receipt."""

from __future__ import annotations

from typing import Any

from gui_helpers import choose, field, fill
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView
from test_loan_settle_gui import a_borrower
from test_wizard import open_form, tick_all_materials

from counter_app import services
from counter_app.domain.businesses.loan_prepay import both_modes, months_left
from counter_app.domain.businesses.loan_settle import last_due_date
from counter_app.domain.money import format_money
from counter_app.domain.schedule import METHOD_CODES

KIND = "loan-prepay"


def test_both_schedules_are_shown_before_a_prepayment_is_submitted(qtbot: Any, window: Any, counter: Any) -> None:
    card, loan = a_borrower(counter)
    amount = (loan.outstanding / 3).quantize(loan.outstanding)
    left = months_left(loan.start_date, loan.months, last_due_date(loan.start_date, counter.today()))
    shorten, reduce = both_modes(loan.outstanding, loan.annual_rate, left, amount, METHOD_CODES[loan.method])
    form = open_form(qtbot, window, KIND)
    fill(qtbot, window, "id_number", card.worker.id_number)
    fill(qtbot, window, "loan_no", loan.loan_no)
    choose(window, "mode", "2")  # 减少月供
    fill(qtbot, window, "amount", str(amount))
    table = window.findChild(QTableView, "prepay_compare")
    qtbot.waitUntil(lambda: table.isVisible() and table.model() is not None and table.model().rowCount() == 4)
    model = table.model()
    cells = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(4)]
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header[2:] == ["缩短期限", "减少月供（选定）"]
    assert cells[1][2:] == [str(shorten.after.months), str(reduce.after.months)]
    assert format_money(reduce.after.monthly_payment) in cells[0][3]
    assert format_money(shorten.interest_saved) in cells[3][2]
    tick_all_materials(window)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=3000)
    qtbot.mouseClick(field(window, "submit"), Qt.MouseButton.LeftButton)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()))
    [stored] = services.list_records(counter, kind=KIND)
    assert stored.receipt_number == receipt.text() and stored.fields["mode"] == "2"
    assert stored.fields["loan"]["months_left"] == left
