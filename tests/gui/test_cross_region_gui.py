"""跨省通办 typed like a clerk: a transfer in keyed field by field gets a receipt; a loan naming a
project that was never admitted is refused beside the field, with the input kept."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import Any

from gui_helpers import choose, field, fill
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from test_wizard import a_worker, open_form, tick_all_materials

from counter_app import services
from counter_app.domain.ids import make_resident_id
from counter_app.store import WorkerRecord

STRANGER = make_resident_id("620102", date(1991, 4, 9), 7)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


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


def _card_shown(qtbot: Any, window: Any, id_number: str) -> Any:
    window.show_card("worker", id_number)
    qtbot.waitUntil(lambda: window.card is not None and window.pages.currentWidget() is window.card_page)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    return window.card


def test_the_clerk_prints_the_certificate_from_the_workers_card_by_alt_z(qtbot: Any, window: Any,
                                                                         counter: Any) -> None:
    person = a_worker(counter)
    card = _card_shown(qtbot, window, person.worker.id_number)
    button = card.findChild(QPushButton, "card_certificate")
    assert button is not None and "(&Z)" in button.text() and button.accessibleName() == "缴存使用证明"
    qtbot.keyClick(card, "z", Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.printer.last_preview is not None, timeout=15000)
    preview = window.printer.last_preview
    assert preview.document == "certificate" and preview.pdf.read_bytes().startswith(b"%PDF")
    assert "缴存使用证明" in preview.windowTitle()
    with counter.store.unit_of_work() as uow:
        logged = [p for p in uow.print_log.recent(20) if p.document == "certificate"]
        [row] = uow.audit.recent(5, action="print")
    assert [p.subject for p in logged] == [person.worker.id_number] and str(preview.pdf) == logged[0].path
    assert row.subject == logged[0].receipt_number and len(row.details["code"]) == 19  # the keyed code, sealed
    preview.close()


def test_no_account_no_certificate_button(qtbot: Any, window: Any, counter: Any) -> None:
    with counter.store.unit_of_work(write=True) as uow:
        uow.workers.upsert(WorkerRecord(id_number=STRANGER, name="陈七"))
        uow.commit()
    card = _card_shown(qtbot, window, STRANGER)
    assert card.findChild(QPushButton, "card_certificate") is None, "nothing to certify without an account"


def test_transfer_out_keyed_by_a_clerk_gets_a_receipt_that_says_where(qtbot: Any, window: Any, counter: Any) -> None:
    card = a_worker(counter)
    form = open_form(qtbot, window, "transfer-out")
    for key, text in (("id_number", card.worker.id_number), ("mobile", "13912345678"), ("target_city", "陕西省西安市"),
                      ("target_centre", "西安住房公积金管理中心"), ("target_account", "610100123456"),
                      ("target_employer", "西安某某科技有限公司")):
        fill(qtbot, window, key, text)
    tick_all_materials(window)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=5000)
    qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter submits
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()), timeout=5000)
    [stored] = services.list_records(counter, kind="transfer-out")
    assert stored.receipt_number == receipt.text() and stored.fields["target_centre"] == "西安住房公积金管理中心"
    printed = services.print_receipt(counter, stored.receipt_number, window.printer.out_dir / "r.pdf")
    text = "".join(pdf_text(printed.path).split())
    assert "转入地" in text and "西安住房公积金管理中心" in text and "转出后本市账户销户" in text


def test_offsite_purchase_keyed_by_a_clerk_gets_a_receipt(qtbot: Any, window: Any, counter: Any) -> None:
    card = a_worker(counter)
    form = open_form(qtbot, window, "offsite-purchase-withdrawal")
    for key, text in (("id_number", card.worker.id_number), ("house_city", "陕西省西安市"),
                      ("house_address", "西安市雁塔区科技路1号"), ("document_no", "XA-2026-0001"),
                      ("event_date", "2026-11-01"), ("event_amount", "900000"), ("amount", "3000"),
                      ("bank_card", "6222020000000000000")):
        fill(qtbot, window, key, text)
    tick_all_materials(window)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=5000)
    qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()), timeout=5000)
    [stored] = services.list_records(counter, kind="offsite-purchase-withdrawal")
    assert stored.fields["amount"] == "3000.00" and stored.fields["house_city"] == "陕西省西安市"


def test_an_offsite_purchase_over_the_price_paid_is_refused_beside_the_field(qtbot: Any, window: Any,
                                                                             counter: Any) -> None:
    card = a_worker(counter)
    form = open_form(qtbot, window, "offsite-purchase-withdrawal")
    for key, text in (("id_number", card.worker.id_number), ("house_city", "陕西省西安市"),
                      ("house_address", "西安市雁塔区科技路1号"), ("document_no", "XA-2026-0002"),
                      ("event_date", "2026-11-01"), ("event_amount", "2000"), ("amount", "3000"),
                      ("bank_card", "6222020000000000000")):
        fill(qtbot, window, key, text)
    tick_all_materials(window)
    form.try_submit()
    message = window.findChild(QLabel, "amount_message")
    qtbot.waitUntil(lambda: "实际支付的购房款" in message.text(), timeout=5000)
    assert "2,000.00" in message.text()
    assert services.list_records(counter, kind="offsite-purchase-withdrawal") == []
    assert field(window, "amount").text() == "3000.00"
