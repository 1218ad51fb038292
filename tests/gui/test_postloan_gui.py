"""月对冲 and 缓期还款 typed like a clerk: keys into the fields, the choice by its code, submit, a receipt."""

from __future__ import annotations

from typing import Any

from gui_helpers import choose, field, fill
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_loan_settle_gui import a_borrower
from test_wizard import open_form, tick_all_materials

from counter_app import services


def submit_and_wait(qtbot: Any, window: Any, form: Any) -> str:
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=3000)
    qtbot.mouseClick(field(window, "submit"), Qt.MouseButton.LeftButton)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()))
    return str(receipt.text())


def test_an_offset_agreement_signed_by_keyboard(qtbot: Any, window: Any, counter: Any) -> None:
    card, loan = a_borrower(counter)
    form = open_form(qtbot, window, "offset-sign")
    fill(qtbot, window, "id_number", card.worker.id_number)
    fill(qtbot, window, "loan_no", loan.loan_no)
    choose(window, "payer_relation", "1")
    tick_all_materials(window)
    number = submit_and_wait(qtbot, window, form)
    [stored] = services.list_records(counter, kind="offset-sign")
    assert stored.receipt_number == number and stored.fields["payer_relation"] == "1"


def test_a_spouses_account_asks_for_the_spouses_id(qtbot: Any, window: Any, counter: Any) -> None:
    card, loan = a_borrower(counter)
    form = open_form(qtbot, window, "offset-sign")
    fill(qtbot, window, "id_number", card.worker.id_number)
    fill(qtbot, window, "loan_no", loan.loan_no)
    choose(window, "payer_relation", "2")
    tick_all_materials(window)
    form.try_submit()
    qtbot.waitUntil(lambda: "对冲账户人身份证号码" in form.missing_label.text())  # named as still missing
    assert services.list_records(counter, kind="offset-sign") == []


def test_a_hardship_deferral_typed_in_chinese(qtbot: Any, window: Any, counter: Any) -> None:
    card, loan = a_borrower(counter)
    form = open_form(qtbot, window, "repay-deferral")
    fill(qtbot, window, "id_number", card.worker.id_number)
    fill(qtbot, window, "loan_no", loan.loan_no)
    today = counter.today()
    fill(qtbot, window, "from_month", f"{today:%Y-%m}")
    fill(qtbot, window, "defer_months", "3")
    fill(qtbot, window, "reason", "本人失业，暂时无力还款")
    tick_all_materials(window)
    number = submit_and_wait(qtbot, window, form)
    [stored] = services.list_records(counter, kind="repay-deferral")
    assert stored.receipt_number == number and stored.fields["reason"] == "本人失业，暂时无力还款"
    assert stored.fields["defer_months"] == 3
