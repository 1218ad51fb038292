"""Issue #17 at the window: damage in a reference table's page found after the window opened (the
open checks only the station's own tables) stops business at once, says what to do, writes nothing."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from gui_helpers import choose, field, fill
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from store_damage import DB, corrupt_root

from counter_app.domain.catalog import BUSINESSES
from counter_app.domain.ids import make_resident_id
from counter_app.gui import desk


def applications(data_dir: Path) -> int:
    db = sqlite3.connect(f"file:{data_dir / DB}?mode=ro", uri=True)
    try:
        return db.execute("SELECT count(*) FROM applications").fetchone()[0]
    finally:
        db.close()


def registered_employer(data_dir: Path) -> str:
    db = sqlite3.connect(f"file:{data_dir / DB}?mode=ro", uri=True)
    try:
        return db.execute("SELECT uscc FROM employers WHERE registered AND status = '01' LIMIT 1").fetchone()[0]
    finally:
        db.close()


def test_damage_found_after_the_window_opened_stops_business_and_writes_nothing(qtbot: Any, open_window: Any,
                                                                                data_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(desk, "SCAN_DELAY_MS", 0)
    uscc = registered_employer(data_dir)
    corrupt_root(data_dir, "ix_workers_name")  # a page opening the window and this business never read
    window = open_window()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "store_damaged") is not None, timeout=30000)
    box = window.findChild(QMessageBox, "store_damaged")
    assert "counter-app restore" in box.text() and box.isVisible()
    box.accept()
    qtbot.waitUntil(lambda: not box.isVisible())
    window.activateWindow()
    taken = applications(data_dir)
    window.findChild(type(window.action_records), BUSINESSES["open-account"].action_name).trigger()
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == "open-account")
    form = window.form
    choose(window, "id_type", "01")
    fill(qtbot, window, "id_number", make_resident_id("110105", date(1990, 3, 7), 917))
    for key, text in (("name", "测试"), ("mobile", "13812345678"), ("address", "城关镇南山路1号"),
                      ("employer_uscc", uscc), ("monthly_base", "6000"), ("worker_ratio", "12"),
                      ("employer_ratio", "12"), ("start_month", f"{date.today():%Y-%m}")):
        if not field(window, key).text():
            fill(qtbot, window, key, text)
    materials = field(window, "materials").model()
    for row in range(materials.rowCount()):
        materials.item(row).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=10000)
    qtbot.mouseClick(field(window, "submit"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "counter-app restore" in form.missing_label.text(), timeout=10000)
    assert "可重试" not in form.missing_label.text()
    assert field(window, "name").text() == "测试"  # the input stays on screen
    assert applications(data_dir) == taken
