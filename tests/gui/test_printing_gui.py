"""Printing from the counter window: preview after submit, and a second print asks for a 补打 reason."""

from __future__ import annotations

from typing import Any

from gui_helpers import field
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel
from test_wizard import fill_open_account, fresh_id, open_form

from counter_app import services


def test_receipt_preview_then_reprint_needs_a_reason(qtbot: Any, window: Any, counter: Any) -> None:
    form = open_form(qtbot, window, "open-account")
    fill_open_account(qtbot, window, counter, fresh_id(3), "王𠮷")
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=3000)
    qtbot.mouseClick(field(window, "submit"), Qt.MouseButton.LeftButton)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()))

    qtbot.mouseClick(form.print_receipt, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.printer.last_preview is not None, timeout=10000)
    preview = window.printer.last_preview
    assert preview.doc.pageCount() == 1 and preview.pdf.exists()
    preview.close()

    # The same receipt again is a reprint: the dialog asks why, and the paper says 补打.
    qtbot.mouseClick(form.print_receipt, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "reprint_dialog") is not None, timeout=10000)
    dialog = window.findChild(QDialog, "reprint_dialog")
    assert dialog.number.text() == receipt.text()
    dialog.findChild(QComboBox, "reprint_reason").setCurrentText("申请人另需一份")
    window.printer.last_preview = None
    dialog.accept()
    qtbot.waitUntil(lambda: window.printer.last_preview is not None, timeout=10000)
    log = services.printing.print_history(counter, receipt.text())
    assert [e.reprint for e in log] == [False, True] and log[1].reason == "申请人另需一份"
