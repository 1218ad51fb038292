"""跨省通办 typed like a clerk: a transfer in keyed field by field gets a receipt; a loan naming a
project that was never admitted is refused beside the field, with the input kept."""

from __future__ import annotations

from typing import Any

from gui_helpers import choose, field, fill
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_wizard import a_worker, open_form, tick_all_materials

from counter_app import services


def test_transfer_in_keyed_by_a_clerk_gets_a_receipt(qtbot: Any, window: Any, counter: Any) -> None:
    card = a_worker(counter)
    form = open_form(qtbot, window, "transfer-in")
    for key, text in (("id_number", card.worker.id_number), ("mobile", "13912345678"), ("source_city", "甘肃省兰州市"),
                      ("source_centre", "兰州住房公积金管理中心"), ("source_account", "620100123456"),
                      ("amount", "１２３４５.６")):
        fill(qtbot, window, key, text)
    assert field(window, "amount").text() == "12345.60", "full-width digits normalised as the clerk leaves"
    tick_all_materials(window)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=3000)
    qtbot.mouseClick(field(window, "submit"), Qt.MouseButton.LeftButton)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()), timeout=5000)
    [stored] = services.list_records(counter, kind="transfer-in")
    assert stored.receipt_number == receipt.text() and stored.fields["amount"] == "12345.60"


def test_a_source_centre_that_is_not_a_fund_centre_is_shown_and_kept(qtbot: Any, window: Any, counter: Any) -> None:
    card = a_worker(counter)
    form = open_form(qtbot, window, "transfer-in")
    for key, text in (("id_number", card.worker.id_number), ("mobile", "13912345678"), ("source_city", "兰州"),
                      ("source_centre", "兰州市"), ("source_account", "6201"), ("amount", "100")):
        fill(qtbot, window, key, text)
    tick_all_materials(window)
    form.try_submit()
    qtbot.waitUntil(lambda: "全称" in window.findChild(QLabel, "source_centre_message").text()
                    or "转出地公积金中心" in form.missing_label.text(), timeout=5000)
    assert services.list_records(counter) == [] and field(window, "source_centre").text() == "兰州市"


def test_a_loan_on_a_project_never_admitted_is_refused_beside_the_field(qtbot: Any, window: Any, counter: Any) -> None:
    card = a_worker(counter)
    form = open_form(qtbot, window, "loan")
    fill(qtbot, window, "id_number", card.worker.id_number)
    choose(window, "borrower_category", "general")
    for key, text in (("monthly_income", "9000"), ("monthly_debt", "0"), ("project_name", "无名小区"),
                      ("house_price", "300000"), ("amount", "100000"), ("months", "120")):
        fill(qtbot, window, key, text)
    choose(window, "method", "01")
    tick_all_materials(window)
    form.try_submit()
    message = window.findChild(QLabel, "project_name_message")
    qtbot.waitUntil(lambda: "准入" in message.text() or "准入" in form.missing_label.text(), timeout=5000)
    assert services.list_records(counter, kind="loan") == []
    assert field(window, "project_name").text() == "无名小区"
