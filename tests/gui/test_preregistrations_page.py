"""The 预缴登记 page (多证合一), driven like a clerk: the feed imported off the GUI thread with progress
and cancel, then a company's establishment opened and filled from its record, nothing retyped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gui_helpers import field
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton

from counter_app.domain.ids import make_uscc_of
from counter_app.services import operations as ops

HEADER = "统一社会信用代码,企业名称,法定代表人,住所,联系人,联系电话,成立日期,乡镇"


def feed(tmp_path: Path, n: int) -> Path:
    rows = [f"{make_uscc_of('91620102', f'GU{i:06d}')},示范市新办{i}号有限公司,王强,示范市南山镇创业路{i}号,李梅,"
            f"13912345678,2026-11-02,南山镇" for i in range(n)]
    path = tmp_path / "feed.csv"
    path.write_text("\n".join([HEADER, *rows, "123,坏代码公司,,,,,,"]) + "\n", encoding="utf-8-sig")
    return path


def open_page(window: Any) -> Any:
    window.findChild(QAction, "action_station_preregistrations").trigger()
    return window.station.pages["action_station_preregistrations"]


def test_feed_import_runs_off_the_gui_thread_with_progress(qtbot: Any, window: Any, tmp_path: Path) -> None:
    page = open_page(window)
    assert page.model.rowCount() == 0
    seen: list[int] = []
    page.progress.valueChanged.connect(seen.append)
    page.import_file(str(feed(tmp_path, 1200)))
    assert page.progress.isVisible() and not page.import_button.isEnabled()  # returned at once: the work is elsewhere
    qtbot.waitUntil(lambda: page.handle is None, timeout=30000)
    assert page.last_result.ok and page.last_result.value.imported == 1200 and page.last_result.value.refused == 1
    assert seen and max(seen) == 1201  # 1,201 data rows read, reported as they went
    assert not page.progress.isVisible() and page.import_button.isEnabled()
    assert page.model.rowCount() == 1200
    assert "第1202行" in page.details.toPlainText()  # the refused row named by its line
    assert "接收 1200 户" in page.findChild(QLabel, "page_summary").text()


def test_import_can_be_cancelled_and_keeps_what_was_stored(qtbot: Any, window: Any, tmp_path: Path) -> None:
    page = open_page(window)
    cancel = page.findChild(QPushButton, "cancel_import")
    # The clerk presses cancel as soon as the first batch shows in the progress bar.
    page.progress.valueChanged.connect(lambda _v: cancel.isVisible() and qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton))
    handle = page.import_file(str(feed(tmp_path, 20000)))
    qtbot.waitUntil(lambda: page.handle is None, timeout=60000)
    assert handle.progress.cancelled
    stored = len(ops.list_preregistrations(window.counter))
    assert stored % 500 == 0 and 0 < stored < 20000 and page.model.rowCount() == stored
    assert "导入已取消" in window.statusbar.currentMessage()


def test_establishment_opens_filled_from_the_record(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """“The station completes their establishment from that record, without retyping.”"""
    assert ops.import_preregistrations(window.counter, feed(tmp_path, 3)).ok
    page = open_page(window)
    page.rows_view.selectRow(0)
    chosen = page.selected()
    qtbot.mouseClick(page.findChild(QPushButton, "establish_preregistered"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == "establish-employer")
    qtbot.waitUntil(lambda: field(window, "employer_name").text() == chosen.record.name)
    assert field(window, "uscc").text() == chosen.record.uscc
    assert field(window, "legal_rep").text() == "王强" and field(window, "contact_mobile").text() == "13912345678"
    assert field(window, "employer_address").text() == chosen.record.address
    assert "企业预缴登记" in window.form.subject_label.text()
