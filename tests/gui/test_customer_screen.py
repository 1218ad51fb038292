"""The customer-facing screen: shows what the clerk typed (ID masked), the missing documents, then a
1–5 rating that is stored with the application and counted in the day's report."""

from __future__ import annotations

from typing import Any

from gui_helpers import fill
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from test_wizard import FULL_WIDTH, a_worker, fill_open_account, fresh_id, open_form

from counter_app.domain.catalog import business
from counter_app.services import operations as ops


def screen_of(qtbot: Any, window: Any) -> Any:
    window.findChild(QAction, "action_customer_screen").setChecked(True)
    screen = window.station.screen
    qtbot.waitExposed(screen)
    assert screen.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating), "the screen never takes the keyboard"
    qtbot.wait(50)  # the offscreen platform activates every new window anyway: the clerk clicks back
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return screen


def test_the_screen_follows_the_form_with_the_id_masked(qtbot: Any, window: Any, counter: Any) -> None:
    screen = screen_of(qtbot, window)
    assert screen.screen_business.text() == ""
    card = a_worker(counter)
    open_form(qtbot, window, "withdrawal")
    fill(qtbot, window, "id_number", card.worker.id_number)
    fill(qtbot, window, "amount", "1,234.5")
    qtbot.waitUntil(lambda: screen.screen_name.text() == card.worker.name)
    assert screen.screen_business.text() == business("withdrawal").title
    shown = screen.screen_id.text()
    assert shown[:6] == card.worker.id_number[:6] and shown[-4:] == card.worker.id_number[-4:]
    assert card.worker.id_number[6:14] not in shown, "the birth date part is masked"
    qtbot.waitUntil(lambda: screen.screen_amount.text() == "¥1,234.50")  # the amount's own review comes after
    missing = screen.findChild(QLabel, "screen_missing").text()
    assert missing and missing != "材料齐全", "nothing ticked yet: documents are listed as missing"
    window.show_home()
    qtbot.waitUntil(lambda: screen.screen_name.text() == "")


def test_rating_after_submission_is_stored_with_the_application(qtbot: Any, window: Any, counter: Any) -> None:
    screen = screen_of(qtbot, window)
    form = open_form(qtbot, window, "open-account")
    fill_open_account(qtbot, window, counter, fresh_id(3).translate(FULL_WIDTH), "赵测试")
    form.field_committed("materials")
    qtbot.waitUntil(lambda: screen.screen_missing.text() == "材料齐全")
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=3000)
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()))
    qtbot.waitUntil(lambda: screen.screen_pages.currentWidget() is screen.rating_page)
    assert receipt.text() in screen.screen_receipt.text()
    qtbot.mouseClick(screen.findChild(QPushButton, "rate_4"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "谢谢" in screen.rating_thanks.text())
    assert ops.rating_for(counter, receipt.text()) == 4
    assert not screen.findChild(QPushButton, "rate_5").isEnabled(), "one rating per application"
    assert ops.day_report(counter).totals.ratings == {4: 1}


def test_closing_the_window_closes_the_screen(qtbot: Any, window: Any) -> None:
    screen = screen_of(qtbot, window)
    window.findChild(QAction, "action_customer_screen").setChecked(False)
    assert not screen.isVisible()
    window.findChild(QAction, "action_customer_screen").setChecked(True)
    assert screen.isVisible()
    window.close()
    assert not screen.isVisible()
