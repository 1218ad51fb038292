"""楼盘准入 and 跨省通办 by the keyboard alone (#20 Done-when): each business opened by its shortcut,
every field reached by Tab and typed with key events (Chinese as a keyboard or an IME delivers it), the
checklist ticked with A, Ctrl+Enter for the receipt number, Alt+R and Alt+A for the receipt and the form."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from keyboard_walk import open_by_shortcut, print_by_mnemonic, tick_and_submit, walk
from PySide6.QtCore import Qt
from test_wizard import a_worker, an_employer

from counter_app import services


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())


def values(kind: str, counter: Any) -> tuple[dict[str, str], list[str]]:
    """What the clerk types, and what the printed receipt must say besides the receipt number."""
    bought = (counter.today() - timedelta(days=20)).isoformat()
    if kind == "project-admission":
        return {"uscc": an_employer(counter).uscc, "admission_type": "new", "project_name": "紫荆花园",
                "project_address": "南山镇紫荆路8号", "district": "01", "buildings": "9", "units": "540",
                "land_cert_no": "示国用2026第0088号", "land_planning_permit_no": "地字620102202600021",
                "works_planning_permit_no": "建字620102202600034", "construction_permit_no": "620102202603150088",
                "presale_permit_no": "示房预售证2026052", "escrow_bank": "中国建设银行示范市分行",
                "escrow_account": "62001590000052500077"}, ["紫荆花园"]
    worker = a_worker(counter).worker.id_number
    if kind == "transfer-in":
        return {"id_number": worker, "mobile": "13912345678", "source_city": "甘肃省兰州市",
                "source_centre": "兰州住房公积金管理中心", "source_account": "620100123456",
                "amount": "23456.7"}, ["兰州住房公积金管理中心", "到账"]
    if kind == "transfer-out":
        return {"id_number": worker, "mobile": "13912345678", "target_city": "陕西省西安市",
                "target_centre": "西安住房公积金管理中心", "target_account": "610100123456",
                "target_employer": "西安某某科技有限公司"}, ["西安住房公积金管理中心"]
    return {"id_number": worker, "house_city": "陕西省西安市", "house_address": "西安市雁塔区科技路1号",
            "document_no": "XA-2026-0001", "event_date": bought, "event_amount": "900000", "amount": "3000",
            "bank_card": "6222020000000000000"}, ["陕西省西安市"]


@pytest.mark.parametrize("kind", ["project-admission", "transfer-in", "transfer-out", "offsite-purchase-withdrawal"])
def test_each_business_by_the_keyboard_alone(qtbot: Any, window: Any, counter: Any, kind: str) -> None:
    typed, on_receipt = values(kind, counter)
    open_by_shortcut(qtbot, window, kind)
    visited = walk(qtbot, window, typed)
    required = [k for k in typed if k not in ("bank_card", "mobile")]  # those two may come from the worker's record
    assert [k for k in visited if k in required] == required, "Tab reaches every field, in the paper form's order"
    number = tick_and_submit(qtbot, window)
    [stored] = services.list_records(counter, kind=kind)
    assert stored.receipt_number == number and stored.status == "queued"
    for key, value in typed.items():
        if key not in ("amount", "event_amount", "bank_card", "mobile", "event_date"):
            assert stored.fields[key] == value, key
    assert len(stored.fields["materials"]) == len(services.required_materials(counter, kind, stored.fields))
    receipt = pdf_text(print_by_mnemonic(qtbot, window, Qt.Key.Key_R, "receipt"))
    assert number in receipt and all(text in receipt for text in on_receipt), receipt[:400]
    form = pdf_text(print_by_mnemonic(qtbot, window, Qt.Key.Key_A, "form"))
    assert number in form and on_receipt[0] in form


def test_the_transfer_in_receipt_says_by_when_the_money_arrives(qtbot: Any, window: Any, counter: Any) -> None:
    typed, _ = values("transfer-in", counter)
    open_by_shortcut(qtbot, window, "transfer-in")
    walk(qtbot, window, typed)
    tick_and_submit(qtbot, window)
    receipt = pdf_text(print_by_mnemonic(qtbot, window, Qt.Key.Key_R, "receipt"))
    [stored] = services.list_records(counter, kind="transfer-in")
    assert stored.fields["amount"] == "23456.70"
    assert "23,456.70" in receipt and "预计" in receipt and "到账" in receipt
    expected = [d for d in (date.today() + timedelta(days=n) for n in range(10, 60)) if d.isoformat() in receipt
                or f"{d.year}年{d.month}月{d.day}日" in receipt]
    assert expected, "a date a few weeks ahead is named for the money"
