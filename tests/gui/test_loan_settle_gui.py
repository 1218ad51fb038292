"""提前结清 typed like a clerk: borrower, contract, day, payoff; a wrong payoff is refused and kept."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from gui_helpers import field, fill
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_wizard import open_form, tick_all_materials

from counter_app import services
from counter_app.domain.businesses.loan_settle import last_due_date, payoff
from counter_app.domain.money import money_str
from counter_app.domain.status import LoanStatus

KIND = "loan-settle"


def a_borrower(counter: Any) -> tuple[Any, Any]:
    """A demo worker repaying a fund loan, with the loan (found through the services)."""
    for surname in "王李张刘陈杨赵黄周吴孙徐马朱胡郭何林罗高":
        for hit in services.search(counter, surname, limit=50):
            if hit.kind != "worker":
                continue
            card = services.person_card(counter, hit.key)
            live = [loan for loan in card.loans if loan.status == LoanStatus.REPAYING and loan.outstanding > 0]
            if live:
                return card, live[0]
    raise AssertionError("the demo city has no borrower repaying a loan")


def fill_settlement(qtbot: Any, window: Any, card: Any, loan: Any, amount: str, day: str) -> None:
    fill(qtbot, window, "id_number", card.worker.id_number)
    fill(qtbot, window, "loan_no", loan.loan_no)
    fill(qtbot, window, "settle_date", day)
    fill(qtbot, window, "amount", amount)
    tick_all_materials(window)


def test_a_settlement_typed_like_a_clerk_gets_a_receipt(qtbot: Any, window: Any, counter: Any) -> None:
    card, loan = a_borrower(counter)
    today = counter.today()
    due = payoff(loan.outstanding, loan.annual_rate, last_due_date(loan.start_date, today), today)
    form = open_form(qtbot, window, KIND)
    message = window.findChild(QLabel, "id_number_message")
    fill_settlement(qtbot, window, card, loan, money_str(due.total), today.isoformat())
    assert loan.loan_no in message.text(), "the borrower's live loans are named beside the ID"
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=3000)
    qtbot.mouseClick(field(window, "submit"), Qt.MouseButton.LeftButton)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()))
    [stored] = services.list_records(counter, kind=KIND)
    assert stored.receipt_number == receipt.text()
    assert stored.fields["loan_no"] == loan.loan_no and stored.fields["amount"] == money_str(due.total)


def test_a_wrong_payoff_is_refused_with_the_right_one_and_kept(qtbot: Any, window: Any, counter: Any) -> None:
    card, loan = a_borrower(counter)
    today = counter.today()
    due = payoff(loan.outstanding, loan.annual_rate, last_due_date(loan.start_date, today), today)
    form = open_form(qtbot, window, KIND)
    fill_settlement(qtbot, window, card, loan, "1000", today.isoformat())
    form.try_submit()
    message = window.findChild(QLabel, "amount_message")
    shown = f"{due.total:,.2f}"
    qtbot.waitUntil(lambda: shown in message.text() or shown in form.missing_label.text())
    assert window.findChild(QLabel, "receipt_number").text() == ""
    assert services.list_records(counter, kind=KIND) == []
    assert field(window, "amount").text() == "1000.00", "the input is kept"


def test_the_panel_shows_the_payoff_on_the_day_typed(qtbot: Any, window: Any, counter: Any) -> None:
    card, loan = a_borrower(counter)
    later = counter.today() + timedelta(days=10)
    due = payoff(loan.outstanding, loan.annual_rate, last_due_date(loan.start_date, later), later)
    open_form(qtbot, window, KIND)
    summary = window.findChild(QLabel, "settle_summary")
    assert "结清日期" in summary.text()  # the hint until the form says which loan and which day
    fill(qtbot, window, "id_number", card.worker.id_number)
    fill(qtbot, window, "loan_no", loan.loan_no)
    fill(qtbot, window, "settle_date", later.isoformat())
    qtbot.waitUntil(lambda: f"{due.total:,.2f}" in summary.text())
    assert f"{due.days} 天" in summary.text() and f"{due.interest:,.2f}" in summary.text()
