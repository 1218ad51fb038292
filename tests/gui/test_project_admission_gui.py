"""楼盘准入 typed like a clerk: the developer found by USCC, the project keyed field by field, the 13
documents ticked, a receipt; a back-fill's old file shrinks the checklist as it is typed."""

from __future__ import annotations

from typing import Any

from gui_helpers import choose, field, fill
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_wizard import an_employer, open_form, tick_all_materials

from counter_app import services

KIND = "project-admission"
PROJECT = {
    "project_name": "南山花园", "project_address": "南山镇花园路1号", "buildings": "12", "units": "860",
    "land_cert_no": "示国用2025第0101号", "land_planning_permit_no": "地字620102202500012",
    "works_planning_permit_no": "建字620102202500031", "construction_permit_no": "620102202506150101",
    "presale_permit_no": "示房预售证2026018", "escrow_bank": "中国建设银行示范市分行",
    "escrow_account": "62001590000052500018",
}


def fill_project(qtbot: Any, window: Any, uscc: str, admission_type: str) -> None:
    fill(qtbot, window, "uscc", uscc)
    choose(window, "admission_type", admission_type)
    choose(window, "district", "01")
    for key, text in PROJECT.items():
        fill(qtbot, window, key, text)


def test_new_project_keyed_by_a_clerk_gets_a_receipt(qtbot: Any, window: Any, counter: Any) -> None:
    employer = an_employer(counter)
    form = open_form(qtbot, window, KIND)
    fill_project(qtbot, window, employer.uscc, "new")
    qtbot.waitUntil(lambda: employer.name in form.subject_label.text(), timeout=3000)  # the employer picker
    assert field(window, "materials").model().rowCount() == 13
    assert "材料未收齐" in form.missing_label.text()
    tick_all_materials(window)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=3000)
    qtbot.mouseClick(field(window, "submit"), Qt.MouseButton.LeftButton)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()), timeout=5000)
    [stored] = services.list_records(counter, kind=KIND)
    assert stored.receipt_number == receipt.text()
    assert stored.fields["project_name"] == "南山花园" and stored.fields["units"] == "860"
    assert len(stored.fields["materials"]) == 13


def test_backfill_lists_only_what_the_old_file_lacks(qtbot: Any, window: Any, counter: Any) -> None:
    employer = an_employer(counter)
    form = open_form(qtbot, window, KIND)
    fill_project(qtbot, window, employer.uscc, "backfill")
    fill(qtbot, window, "agreement_no", "HZ-2019-007")
    fill(qtbot, window, "agreement_date", "2019-06-01")
    fill(qtbot, window, "agreement_valid_until", "2039-05-31")
    fill(qtbot, window, "on_file", "住房公积金贷款合作申请表、开发企业情况、项目简介")
    materials = field(window, "materials").model()
    qtbot.waitUntil(lambda: materials.rowCount() == 10, timeout=3000)
    names = [materials.item(r).text() for r in range(materials.rowCount())]
    assert "项目简介" not in names and "商品房预售许可证" in names
    tick_all_materials(window)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=3000)
    qtbot.mouseClick(field(window, "submit"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.findChild(QLabel, "receipt_number").text()), timeout=5000)
    [stored] = services.list_records(counter, kind=KIND)
    assert stored.fields["admission_type"] == "backfill" and stored.fields["agreement_no"] == "HZ-2019-007"
