"""The scanner on the form (Ctrl+Shift+S), its absence said, a scan cancelled; drafts keep their files; the
archive cover printed from the records page (Ctrl+Shift+A)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from archive_images import small_scan, write
from gui_helpers import choose, field, send_key
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel
from scanner_helpers import DEVICE_NAME, install_fake_scanimage, text_page
from test_wizard import a_worker, fill, fill_withdrawal, open_form, tick_all_materials

from counter_app import services
from counter_app.devices import scanner
from counter_app.gui import attachments_panel
from counter_app.gui.scan_dialog import ScanDialog
from counter_app.services.attachments import attach_files, list_attachments
from counter_app.services.scanning import list_scanners


@pytest.fixture
def fake_scanner(tmp_path: Path, monkeypatch: Any) -> Path:
    """A fake ``scanimage`` first on PATH, whose page lies 3° askew; the panel's probe forgotten."""
    bin_dir = tmp_path / "bin"
    install_fake_scanimage(bin_dir)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv(scanner.ENV_SCANIMAGE, raising=False)
    page = write(tmp_path / "page.png", text_page(3.0))
    monkeypatch.setenv("FAKE_SCAN_PAGE", str(page))
    monkeypatch.setattr(attachments_panel, "_scanners", None)
    return tmp_path


def test_a_page_scanned_from_the_form_is_straightened_in_its_archive_copy(
        qtbot: Any, window: Any, counter: Any, fake_scanner: Path, monkeypatch: Any) -> None:
    form = open_form(qtbot, window, "withdrawal")
    fill_withdrawal(qtbot, window, a_worker(counter), "100")
    panel = form.attachments
    qtbot.waitUntil(panel.scan.isEnabled, timeout=15000)  # the probe ran off the GUI thread and found one
    assert panel.scan.shortcut().toString() == "Ctrl+Shift+S" and DEVICE_NAME in panel.scan.toolTip()
    materials = field(window, "materials")
    materials.setCurrentIndex(materials.model().index(0, 0))
    dialogs: list[ScanDialog] = []

    def make_dialog() -> ScanDialog:  # the clerk's hands start once the modal dialog runs
        dialogs.append(ScanDialog(panel.data_dir / "captures", panel.scanners, panel))
        QTimer.singleShot(0, scan_and_close)
        return dialogs[-1]

    monkeypatch.setattr(panel, "scan_dialog", make_dialog)

    seen: dict[str, Any] = {}

    def scan_and_close() -> None:  # the clerk at the modal dialog; it is closed whatever happens
        dialog = dialogs[-1]
        try:
            send_key(dialog, Qt.Key.Key_Return)  # Enter scans a page
            qtbot.waitUntil(lambda: len(dialog.captured) == 1 or "失败" in dialog.status.text(), timeout=30000)
            seen.update(status=dialog.status.text(), pixmap=dialog.preview.pixmap(), skews=list(dialog.skews))
        finally:
            dialog.finish.click()

    window.activateWindow()  # a button's shortcut works in the active window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(materials, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "status" in seen, timeout=40000)  # a shortcut clicks the button a moment later
    assert seen["skews"] and abs(seen["skews"][0] - 3.0) <= 0.5, seen
    assert "已纠偏 " in seen["status"] and not seen["pixmap"].isNull(), seen
    name = materials.model().item(0).text()
    assert f"{name} 1 个文件" in panel.summary.text()
    assert materials.model().item(0).checkState() == Qt.CheckState.Checked
    tick_all_materials(window)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=10000)
    form.try_submit()
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: receipt.text() != "", timeout=30000)
    [stored] = list_attachments(counter, receipt.text()).value
    assert stored.media_type == "image/jpeg" and stored.original_sha256 is not None  # straightened copy + original


def test_without_a_scanner_the_scan_source_is_off_and_says_why(
        qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no scanimage anywhere
    monkeypatch.delenv(scanner.ENV_SCANIMAGE, raising=False)
    monkeypatch.setattr(attachments_panel, "_scanners", None)
    form = open_form(qtbot, window, "withdrawal")
    panel = form.attachments
    qtbot.waitUntil(lambda: "未找到扫描仪" in panel.scan.toolTip(), timeout=15000)
    assert not panel.scan.isEnabled()


def test_esc_cancels_a_scan_mid_page_and_keeps_nothing(qtbot: Any, fake_scanner: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("FAKE_SCAN_SECONDS", "60")
    monkeypatch.setenv("FAKE_SCAN_PID", str(fake_scanner / "pid"))
    dialog = ScanDialog(fake_scanner / "captures", list_scanners())
    qtbot.addWidget(dialog)
    dialog.show()
    send_key(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (fake_scanner / "pid").exists(), timeout=15000)
    assert dialog.scanning and dialog.progress.isVisible() and not dialog.start.isEnabled()
    send_key(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.scanning, timeout=10000)
    assert dialog.isVisible(), "the first Esc stops the scan, not the dialog"
    assert "扫描已取消" in dialog.status.text() and dialog.start.isEnabled()
    assert dialog.captured == [] and not any((fake_scanner / "captures").glob("*"))
    with pytest.raises(ProcessLookupError):
        os.kill(int((fake_scanner / "pid").read_text()), 0)


def test_a_draft_keeps_its_attachments(qtbot: Any, open_window: Any, counter: Any, tmp_path: Path,
                                       monkeypatch: Any) -> None:
    first = open_window()
    form = open_form(qtbot, first, "withdrawal")
    choose(first, "reason_code", "07")
    choose(first, "variant", "public")  # the lease and the rent receipts are asked for
    fill(qtbot, first, "document_no", "租赁合同第9号")
    materials = field(first, "materials")
    materials.setCurrentIndex(materials.model().index(1, 0))
    qtbot.waitUntil(lambda: materials.model().rowCount() >= 2, timeout=10000)
    code = materials.model().item(1).data(attachments_panel.CODE_ROLE)
    kept = write(tmp_path / "租赁合同.png", small_scan("租赁合同"))
    gone = write(tmp_path / "临时.png", small_scan("临时"))
    monkeypatch.setattr(form.attachments, "ask_files", lambda: [kept, gone])
    form.attachments.add_files.click()
    qtbot.waitUntil(lambda: bool((d := services.load_draft(counter, "withdrawal")) and "_attachments" in d.fields),
                    timeout=10000)
    first.close()
    gone.unlink()  # a file taken away meanwhile is named, not silently dropped
    second = open_window()
    qtbot.waitUntil(lambda: second.drafts_model.rowCount() == 1, timeout=10000)
    second.drafts_view.setCurrentIndex(second.drafts_model.index(0, 0))
    send_key(second.drafts_view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: second.form is not None and second.form.attachments.count() == 1, timeout=10000)
    panel = second.form.attachments
    assert panel.pending == {code: [kept]}
    assert "1 个文件" in panel.summary.text()
    assert "1 个附件已不在原处：临时.png" in second.form.draft_banner.text()
    assert field(second, "document_no").text() == "租赁合同第9号"


def test_the_archive_cover_prints_from_the_records_page_with_ctrl_shift_a(
        qtbot: Any, window: Any, counter: Any, tmp_path: Path) -> None:
    form = open_form(qtbot, window, "withdrawal")
    fill_withdrawal(qtbot, window, a_worker(counter), "100")
    tick_all_materials(window)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=10000)
    form.try_submit()
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: receipt.text() != "", timeout=20000)
    number = receipt.text()
    assert attach_files(counter, number, [write(tmp_path / "证明.png", small_scan("证明"))]).ok
    send_key(window.focusWidget() or window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # 查询
    page = window.records
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1 and page.selected() is not None, timeout=10000)
    assert page.selected().receipt_number == number
    assert page.print_archive_cover.shortcut().toString() == "Ctrl+Shift+A"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page.records_view, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.printer.last_preview is not None, timeout=15000)
    preview = window.printer.last_preview
    assert preview.document == "archive_cover" and "档案封面" in preview.windowTitle()
    assert preview.doc.pageCount() >= 1 and preview.pdf.name == f"档案封面-{number}.pdf"
