"""Printing from the window to the suite's real CUPS server: Ctrl+P in the preview, the printer
chooser, the station's per-document printers, and batch letters with progress and cancel."""

from __future__ import annotations

import subprocess
from typing import Any

from gui_helpers import field
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel
from test_wizard import fill_open_account, fresh_id, open_form

from counter_app.services.settings import load_settings, save_settings


def pages(path: Any) -> int:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(out.split("Pages:")[1].split()[0])


def submit_and_preview(qtbot: Any, window: Any, counter: Any, seq: int) -> tuple[Any, str]:
    form = open_form(qtbot, window, "open-account")
    fill_open_account(qtbot, window, counter, fresh_id(seq), "王𠮷")
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=3000)
    qtbot.mouseClick(field(window, "submit"), Qt.MouseButton.LeftButton)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()))
    qtbot.mouseClick(form.print_receipt, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.printer.last_preview is not None, timeout=10000)
    return window.printer.last_preview, receipt.text()


def test_ctrl_p_sends_the_receipt_to_the_stations_receipt_printer(qtbot, window, counter, print_server) -> None:
    save_settings(window.counter, {"printer_receipt": "counter-receipt", "paper_receipt": "A5"})
    preview, number = submit_and_preview(qtbot, window, counter, 11)
    # where Ctrl+P goes, before it goes (read off the GUI thread)
    qtbot.waitUntil(lambda: preview.printer_label.text() == "打印机：counter-receipt　A5　单面", timeout=5000)
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: preview.last_job is not None, timeout=10000)
    job = preview.last_job
    assert job.printer == "counter-receipt" and job.route == "cups"
    assert f"任务号 {job.job_id}" in preview.printer_label.text()
    assert "已发送到打印机" in window.statusBar().currentMessage()
    landed = print_server.job_pdf("counter-receipt", job.job_id)
    text = subprocess.run(["pdftotext", str(landed), "-"], check=True, capture_output=True, text=True).stdout
    assert pages(landed) == 1 and number in text


def test_without_a_station_printer_the_clerk_chooses_one(qtbot, window, counter, print_server) -> None:
    preview, _number = submit_and_preview(qtbot, window, counter, 13)
    qtbot.waitUntil(lambda: preview.choice is not None, timeout=5000)
    assert preview.printer_label.text() == "打印机：打印时选择　A5　单面"
    seen: dict[str, Any] = {}

    def choose(printers: list[Any], choice: Any) -> dict[str, Any]:
        from counter_app.gui.printing import PrintOptionsDialog

        dialog = PrintOptionsDialog(printers, choice, preview)
        qtbot.addWidget(dialog)
        seen["first"] = dialog.printer.currentData()
        dialog.printer.setCurrentIndex(dialog.printer.findData("counter-receipt"))
        seen["duplex_on_receipt_printer"] = dialog.duplex.isEnabled()
        dialog.printer.setCurrentIndex(dialog.printer.findData("office-duplex"))
        seen["duplex_on_office_printer"] = dialog.duplex.isEnabled()
        dialog.duplex.setChecked(True)
        dialog.copies.setValue(2)
        return dialog.values()

    preview.choose_printer = choose
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.last_job is not None, timeout=10000)
    assert seen == {"first": "counter-a4", "duplex_on_receipt_printer": False, "duplex_on_office_printer": True}
    attrs = print_server.connection().getJobAttributes(preview.last_job.job_id,
                                                       requested_attributes=["sides", "copies", "media"])
    assert attrs["sides"] == "two-sided-long-edge" and attrs["copies"] == 2 and "a5" in attrs["media"]


def test_a_failed_print_says_why_and_the_preview_stays(qtbot, window, counter, print_server, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    save_settings(window.counter, {"printer_receipt": "Gone Printer"})
    preview, _number = submit_and_preview(qtbot, window, counter, 15)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warned.append(text))
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(warned), timeout=10000)
    assert "没有名为“Gone Printer”的打印机" in warned[0] and preview.isVisible()
    assert preview.print_button.isEnabled()


def test_station_settings_keep_printer_paper_and_duplex_per_document(qtbot, window, print_server) -> None:
    from counter_app.gui.station_settings import StationSettingsDialog

    save_settings(window.counter, {"station_code": "CG01", "station_name": "南山镇服务站"})  # the demo names none
    dialog = StationSettingsDialog(window.counter, printers=["counter-a4", "counter-receipt", "office-duplex"],
                                   parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)  # the settings are read off the GUI thread
    assert dialog.findChild(QComboBox, "paper_receipt").currentData() == "A5"
    assert dialog.findChild(QComboBox, "paper_form").currentData() == "A4"
    receipt = dialog.findChild(QComboBox, "printer_receipt")
    receipt.setCurrentIndex(receipt.findData("counter-receipt"))
    form = dialog.findChild(QComboBox, "printer_form")
    form.setCurrentIndex(form.findData("office-duplex"))
    dialog.findChild(QCheckBox, "duplex_form").setChecked(True)
    dialog.centre.offline.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10000)  # saved off the GUI thread
    saved = load_settings(window.counter)
    assert saved.printer_for("receipt") == "counter-receipt" and saved.paper_for("receipt") == "A5"
    assert saved.printer_for("form") == "office-duplex" and saved.duplex_for("form")
    assert not saved.duplex_for("receipt")


def test_batch_letters_print_with_progress_and_a_cancel_that_leaves_no_half_job(qtbot, window, print_server) -> None:
    dialog = window.station.print_letters()
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10000)
    assert dialog.printer.currentData() == "counter-a4"
    dialog.limit.setValue(120)
    dialog.per_job.setValue(50)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.sent is not None, timeout=60000)
    assert dialog.sent.letters == 120 and len(dialog.sent.jobs) == 3 and dialog.progress.value() == 120
    assert "120 封，3 个打印任务" in dialog.status.text()
    assert [pages(print_server.job_pdf("counter-a4", j.job_id)) for j in dialog.sent.jobs] == [50, 50, 20]

    conn = print_server.connection()
    conn.disablePrinter("counter-a4")  # a busy printer: the jobs wait in the queue
    try:
        dialog.sent = None
        dialog.limit.setValue(2000)
        dialog.per_job.setValue(100)
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(conn.getJobs(which_jobs="not-completed")) >= 2, timeout=60000)
        assert dialog.cancel_button.isEnabled() and not dialog.start_button.isEnabled()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.sent is not None, timeout=60000)
    finally:
        conn.enablePrinter("counter-a4")
    sent = dialog.sent
    assert sent.cancelled and sent.jobs == () and len(sent.withdrawn) >= 2
    assert not conn.getJobs(which_jobs="not-completed") and "没有半个任务" in dialog.status.text()
    assert dialog.start_button.isEnabled()
    dialog.close()


def test_closing_the_preview_while_the_job_goes_still_tells_the_window(qtbot, window, counter, print_server) -> None:
    save_settings(window.counter, {"printer_receipt": "counter-receipt"})
    preview, _number = submit_and_preview(qtbot, window, counter, 17)
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview.close()  # the preview deletes itself; the choice and the job come back afterwards
    qtbot.waitUntil(lambda: preview.last_job is not None, timeout=10000)
    assert f"任务号 {preview.last_job.job_id}" in window.statusBar().currentMessage()
    assert print_server.job_pdf("counter-receipt", preview.last_job.job_id).exists()
