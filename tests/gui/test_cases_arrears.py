"""The case page with Article 38: an arrears case opened through the dialog, its notice issued, and the
supervisor told when the citation in force is 待核对 (the GUI runs on the real clock)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from counter_app.domain.policy_citations import printable_citations
from counter_app.services import operations as ops


def registered(counter: Any) -> Any:
    with counter.store.unit_of_work() as uow:
        return next(e for e in uow.employers.query() if e.registered)


def test_arrears_case_through_the_dialogs(qtbot: Any, window: Any) -> None:
    counter = window.counter
    window.findChild(QAction, "action_station_cases").trigger()
    page = window.station.pages["action_station_cases"]
    qtbot.mouseClick(page.findChild(QPushButton, "open_case"), Qt.MouseButton.LeftButton)
    dialog = page.last_dialog
    dialog.inputs["kind"].setCurrentIndex(dialog.inputs["kind"].findData("arrears"))
    dialog.inputs["uscc"].setText(registered(counter).uscc)
    dialog.inputs["note"].setPlainText("核查缴存记录：2026年1月至6月未缴存")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.messages["arrears_amount"].isVisible(), timeout=5000)
    assert "欠缴金额" in dialog.messages["arrears_amount"].text() and dialog.isVisible()
    dialog.inputs["arrears_amount"].setText("86400")
    dialog.inputs["arrears_from"].setText("2026-01")
    dialog.inputs["arrears_to"].setText("2026-06")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    [case] = ops.list_cases(counter, kind="arrears")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)  # the rows are read off the GUI thread
    assert "欠缴" in page.model.data(page.model.index(0, 8))
    page.rows_view.selectRow(0)
    qtbot.mouseClick(page.findChild(QPushButton, "next_step"), Qt.MouseButton.LeftButton)
    step = page.last_dialog
    step.buttons.accepted.emit()  # the first choice: 已发通知书
    qtbot.waitUntil(lambda: not step.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: window.printer.last_preview is not None and window.printer.last_preview.isVisible())
    window.printer.last_preview.close()
    assert ops.get_case(counter, case.case.case_no).case.state == "notice_issued"
    held_back = printable_citations(counter.policy, counter.today()).withheld
    qtbot.waitUntil(lambda: "正在读取" not in page.details.toPlainText(), timeout=10000)  # details read off the GUI thread
    assert ("待核对" in page.details.toPlainText()) == held_back
    if held_back:
        assert "待核对" in window.statusbar.currentMessage()
