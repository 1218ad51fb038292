"""The 预缴登记 page (多证合一), driven like a clerk: the feed imported off the GUI thread with progress
and cancel, then a company's establishment opened and filled from its record, nothing retyped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gui_helpers import field, fill
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton

from counter_app import services
from counter_app.domain.ids import make_uscc_of
from counter_app.services import operations as ops

HEADER = "统一社会信用代码,企业名称,法定代表人,住所,联系人,联系电话,成立日期,乡镇"


def feed(tmp_path: Path, n: int) -> Path:
    rows = [f"{make_uscc_of('91620102', f'GU{i:06d}')},示范市新办{i}号有限公司,王强,示范市南山镇创业路{i}号,李梅,"
            f"13912345678,2026-11-02,南山镇" for i in range(n)]
    path = tmp_path / "feed.csv"
    path.write_text("\n".join([HEADER, *rows, "123,坏代码公司,,,,,,"]) + "\n", encoding="utf-8-sig")
    return path


def open_page(qtbot: Any, window: Any) -> Any:
    """Open the page and wait for its rows (read off the GUI thread)."""
    window.findChild(QAction, "action_station_preregistrations").trigger()
    page = window.station.pages["action_station_preregistrations"]
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    return page


def test_feed_import_runs_off_the_gui_thread_with_progress(qtbot: Any, window: Any, tmp_path: Path) -> None:
    page = open_page(qtbot, window)
    assert page.model.rowCount() == 0
    seen: list[int] = []
    page.progress.valueChanged.connect(seen.append)
    page.import_file(str(feed(tmp_path, 1200)))
    assert page.progress.isVisible() and not page.import_button.isEnabled()  # returned at once: the work is elsewhere
    qtbot.waitUntil(lambda: page.handle is None and not page.loading, timeout=30000)
    assert page.last_result.ok and page.last_result.value.imported == 1200 and page.last_result.value.refused == 1
    assert seen and max(seen) == 1201  # 1,201 data rows read, reported as they went
    assert not page.progress.isVisible() and page.import_button.isEnabled()
    assert page.model.rowCount() == 1200
    assert "第1202行" in page.details.toPlainText()  # the refused row named by its line
    assert "接收 1200 户" in page.findChild(QLabel, "page_summary").text()


def test_import_can_be_cancelled_and_keeps_what_was_stored(qtbot: Any, window: Any, tmp_path: Path) -> None:
    page = open_page(qtbot, window)
    cancel = page.findChild(QPushButton, "cancel_import")
    # The clerk presses cancel as soon as the first batch shows in the progress bar.
    page.progress.valueChanged.connect(lambda _v: cancel.isVisible() and qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton))
    # The status bar keeps a message 8 s: on a loaded machine it may be gone by the time of the check,
    # so the messages shown are recorded as they appear.
    shown: list[str] = []
    window.statusbar.messageChanged.connect(shown.append)
    handle = page.import_file(str(feed(tmp_path, 20000)))
    qtbot.waitUntil(lambda: page.handle is None and not page.loading, timeout=60000)
    assert handle.progress.cancelled
    stored = len(ops.list_preregistrations(window.counter))
    assert stored % 500 == 0 and 0 < stored < 20000 and page.model.rowCount() == stored
    assert any("导入已取消" in message for message in shown)


def test_establishment_opens_filled_from_the_record(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """“The station completes their establishment from that record, without retyping.”"""
    assert ops.import_preregistrations(window.counter, feed(tmp_path, 3)).ok
    page = open_page(qtbot, window)
    page.rows_view.selectRow(0)
    chosen = page.selected()
    qtbot.mouseClick(page.findChild(QPushButton, "establish_preregistered"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == "establish-employer")
    qtbot.waitUntil(lambda: field(window, "employer_name").text() == chosen.record.name)
    assert field(window, "uscc").text() == chosen.record.uscc
    assert field(window, "legal_rep").text() == "王强" and field(window, "contact_mobile").text() == "13912345678"
    assert field(window, "employer_address").text() == chosen.record.address
    assert "企业预缴登记" in window.form.subject_label.text()


def test_clerk_types_the_uscc_and_submits_without_retyping_the_record(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """“The station completes their establishment from that record, without retyping”: the clerk opens
    单位建制, types only the USCC, Tab; the feed's name, representative, address and contact appear; the
    clerk adds what the feed cannot know (bank, ratios, first month), ticks the documents and submits.
    The page then shows the company as 已受理建制 with the receipt number."""
    assert ops.import_preregistrations(window.counter, feed(tmp_path, 2)).ok
    company = ops.list_preregistrations(window.counter)[0].record
    window.findChild(QAction, "action_establish_employer").trigger()
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == "establish-employer")
    fill(qtbot, window, "uscc", company.uscc.lower())  # typed in lower case: normalised, then looked up
    qtbot.waitUntil(lambda: field(window, "employer_name").text() == company.name)
    assert field(window, "legal_rep").text() == company.legal_rep
    assert field(window, "employer_address").text() == company.address
    assert field(window, "contact_name").text() == "李梅" and field(window, "contact_mobile").text() == "13912345678"
    for key, text in (("bank_name", "示范市农村商业银行南山支行"), ("bank_account", "62170000123456789"),
                      ("worker_ratio", "12"), ("employer_ratio", "12"), ("first_month", "2026-12")):
        fill(qtbot, window, key, text)
    materials = field(window, "materials").model()
    for row in range(materials.rowCount()):
        materials.item(row).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: window.form.submit.isEnabled(), timeout=5000)
    qtbot.mouseClick(field(window, "submit"), Qt.MouseButton.LeftButton)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()), timeout=10000)
    view = ops.get_preregistration(window.counter, company.uscc)
    assert view is not None and view.status == "accepted" and view.receipt_number == receipt.text()
    stored = next(r for r in services.list_records(window.counter, kind="establish-employer")
                  if r.receipt_number == receipt.text())
    assert stored.fields["employer_name"] == company.name and stored.fields["legal_rep"] == company.legal_rep
