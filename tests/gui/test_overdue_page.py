"""逾期催收 page driven like a clerk: the list, a contact typed into the dialog, a promise due in red,
one notice and the batch printed off the GUI thread."""

from __future__ import annotations

from typing import Any

from gui_helpers import send_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPlainTextEdit, QPushButton

from counter_app import services
from counter_app.services.postloan import collection_reminders, loan_contacts, log_contact, overdue_loans


def open_page(qtbot: Any, window: Any) -> Any:
    window.findChild(QAction, "action_station_overdue").trigger()
    page = window.findChild(type(window.pages.currentWidget()), "page_station_overdue")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)  # the rows are read off the GUI thread
    return page


def test_the_list_matches_the_service_and_a_contact_is_logged(qtbot: Any, window: Any, counter: Any) -> None:
    page = open_page(qtbot, window)
    rows = overdue_loans(counter)
    assert rows, "the demo city has overdue loans at this station"
    assert page.model.rowCount() == len(rows)
    assert page.model.index(0, 0).data() == rows[0].loan.loan_no
    assert f"逾期贷款 {len(rows)} 笔" in page.page_summary.text()
    page.rows_view.selectRow(0)
    page.findChild(QPushButton, "log_contact").click()
    dialog = page.last_dialog
    qtbot.waitUntil(dialog.isVisible)
    result = dialog.findChild(QPlainTextEdit, "result")
    result.setFocus()
    send_text(result, "本人接听，答应本周内还款")
    promised = dialog.inputs["promised_date"]
    promised.setFocus()
    send_text(promised, counter.today().isoformat())
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    [contact] = loan_contacts(counter, rows[0].loan.loan_no)
    assert contact.result == "本人接听,答应本周内还款" and contact.way == "phone"
    assert rows[0].loan.loan_no in {c.loan_no for c, _ in collection_reminders(counter)}  # due today
    qtbot.waitUntil(lambda: "承诺还款日已到 1 笔" in page.page_summary.text(), timeout=10000)


def test_a_bad_promise_date_is_shown_in_the_dialog(qtbot: Any, window: Any, counter: Any) -> None:
    page = open_page(qtbot, window)
    page.rows_view.selectRow(0)
    page.findChild(QPushButton, "log_contact").click()
    dialog = page.last_dialog
    result = dialog.findChild(QPlainTextEdit, "result")
    result.setFocus()
    send_text(result, "无人接听")
    promised = dialog.inputs["promised_date"]
    promised.setFocus()
    send_text(promised, "下周")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.messages["promised_date"].isVisibleTo(dialog))
    assert "有效日期" in dialog.messages["promised_date"].text()
    assert dialog.isVisible() and result.toPlainText() == "无人接听", "the input is kept"


def test_notices_one_and_all_are_printed_off_the_gui_thread(qtbot: Any, window: Any, counter: Any) -> None:
    page = open_page(qtbot, window)
    page.rows_view.selectRow(0)
    qtbot.mouseClick(page.findChild(QPushButton, "print_notice"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_printed is not None, timeout=10000)
    assert page.last_printed.pages == 1 and page.last_printed.path.exists()
    page.last_printed = None
    qtbot.mouseClick(page.findChild(QPushButton, "print_all_notices"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_printed is not None, timeout=20000)
    assert page.last_printed.pages == len(overdue_loans(counter))
    assert not page.stop.isEnabled()
    assert services.postloan.collection_path(counter).parent == page.last_printed.path.parent


def test_the_dashboard_counts_overdue_loans_and_due_promises(qtbot: Any, window: Any, counter: Any) -> None:
    rows = overdue_loans(counter)
    assert log_contact(counter, rows[0].loan.loan_no, "phone", "答应今天还款", counter.today()).ok
    window.findChild(QAction, "action_station_dashboard").trigger()
    page = window.pages.currentWidget()
    qtbot.waitUntil(lambda: page.board is not None, timeout=10000)
    assert page.kpi_collection.text() == f"逾期贷款\n{len(rows)} 笔，承诺还款到期 1 笔"
    assert "#ffebee" in page.kpi_collection.styleSheet()  # a promise due is an alarm, as overdue cases are
