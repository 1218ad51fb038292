"""Files per material on the form (电子档案): chosen with the file dialog or photographed, counted, archived on submit."""

from __future__ import annotations

from typing import Any

from archive_images import document_photo, small_scan, write
from camera_pattern import feed
from gui_helpers import field
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel
from test_wizard import a_worker, fill_withdrawal, open_form, tick_all_materials

from counter_app.gui import attachments_panel
from counter_app.gui.camera import CaptureDialog
from counter_app.services.attachments import list_attachments


def test_files_per_material_are_counted_and_archived_when_the_application_is_accepted(
        qtbot: Any, window: Any, counter: Any, tmp_path: Any, monkeypatch: Any) -> None:
    form = open_form(qtbot, window, "withdrawal")
    fill_withdrawal(qtbot, window, a_worker(counter), "100")
    panel = form.attachments
    assert panel.add_files.shortcut().toString() == "Ctrl+Shift+O"
    assert panel.camera.shortcut().toString() == "Ctrl+Shift+P"
    assert "尚未附加文件" in window.findChild(QLabel, "attachments_summary").text()
    materials = field(window, "materials")
    materials.setCurrentIndex(materials.model().index(0, 0))
    first = materials.model().item(0)
    assert first.checkState() != Qt.CheckState.Checked
    photo = write(tmp_path / "身份证.jpg", document_photo(1, (2000, 1500)))
    scan = write(tmp_path / "背面.png", small_scan())
    monkeypatch.setattr(panel, "ask_files", lambda: [photo, scan])
    panel.add_files.click()
    assert first.checkState() == Qt.CheckState.Checked  # a scanned document is a received one
    summary = window.findChild(QLabel, "attachments_summary").text()
    assert f"{first.text()} 2 个文件" in summary
    tick_all_materials(window)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=10000)
    form.try_submit()
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: receipt.text() != "", timeout=20000)
    assert "已存档附件 2 个文件，共 2 页" in form.done_details.text()
    stored = list_attachments(counter, receipt.text()).value
    assert [a.name for a in stored] == ["身份证.jpg", "背面.png"]
    assert stored[0].original_bytes == len(photo.read_bytes()) and stored[0].bytes < stored[0].original_bytes
    assert panel.count() == 0 and "尚未附加文件" in panel.summary.text()


def test_the_document_camera_previews_and_captures_with_the_space_key(qtbot: Any, tmp_path: Any) -> None:
    dialog = CaptureDialog(tmp_path / "captures", use_camera=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.shoot.isEnabled()
    feed(dialog)
    qtbot.waitUntil(lambda: dialog.shoot.isEnabled(), timeout=10000)
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert len(dialog.captured) == 2 and all(p.stat().st_size > 10_000 for p in dialog.captured)
    assert dialog.count.text() == "已拍摄 2 张"


def test_photographing_from_the_form_attaches_the_captures_to_the_current_material(
        qtbot: Any, window: Any, counter: Any, tmp_path: Any, monkeypatch: Any) -> None:
    form = open_form(qtbot, window, "withdrawal")
    fill_withdrawal(qtbot, window, a_worker(counter), "100")
    panel = form.attachments
    materials = field(window, "materials")
    materials.setCurrentIndex(materials.model().index(1, 0))
    launched = attachments_panel.CAMERA(tmp_path / "captures", panel)  # what the launcher plugged in: the real camera
    assert isinstance(launched, CaptureDialog) and launched.parent() is panel
    launched.reject()
    dialog = CaptureDialog(tmp_path / "captures", panel, use_camera=False)  # the test pattern instead
    monkeypatch.setattr(panel, "camera_dialog", lambda: dialog)

    def shoot_and_close() -> None:
        feed(dialog)
        qtbot.waitUntil(lambda: dialog.shoot.isEnabled(), timeout=10000)
        dialog.take()
        dialog.finish.click()

    QTimer.singleShot(0, shoot_and_close)
    panel.camera.click()  # the dialog runs modally until the timer's clerk closes it
    name = materials.model().item(1).text()
    assert panel.pending and f"{name} 1 个文件" in panel.summary.text()
    assert materials.model().item(1).checkState() == Qt.CheckState.Checked
