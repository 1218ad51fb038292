"""The GUI thread touches no database: every SQL statement and store search a screen needs runs on the
runner's worker threads (``gui/operations.py``), while the screen shows that it is busy.

A listener on every SQLAlchemy engine and a wrapper on ``Store.search`` note each statement run on the
GUI thread, with the line of our code that asked for it; each test opens a screen as a clerk would,
waits for what it reads or writes, and expects the list to stay empty.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Iterator
from typing import Any

import pytest
from clerk_helpers import CLERK, actions, fast_hashing  # noqa: F401 - fixtures for a staffed station
from gui_helpers import open_card, send_key, send_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from sqlalchemy import Engine, event
from test_loan_settle_gui import a_borrower
from test_login_lock import clerk_window, staffed  # noqa: F401 - fixtures
from test_wizard import a_worker, an_employer

from counter_app.gui.operations import Operation, runner
from counter_app.services.settings import load_settings
from counter_app.store import Store


def _caller() -> str:
    ours = [f for f in traceback.extract_stack() if "/counter_app/" in f.filename and "/store/" not in f.filename]
    return f"{ours[-1].filename.split('/counter_app/')[-1]}:{ours[-1].lineno} {ours[-1].name}" if ours else "?"


@pytest.fixture
def gui_thread_db(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """What ran SQL on the GUI thread since the fixture started (set it up after the window opened)."""
    seen: list[str] = []

    def statement(*_args: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            seen.append(_caller())

    real_search = Store.search

    def search(self: Store, *args: Any, **kwargs: Any) -> Any:
        statement()
        return real_search(self, *args, **kwargs)

    event.listen(Engine, "before_cursor_execute", statement)
    monkeypatch.setattr(Store, "search", search)
    yield seen
    event.remove(Engine, "before_cursor_execute", statement)


def test_the_guard_sees_a_read_on_the_gui_thread(window: Any, gui_thread_db: list[str]) -> None:
    load_settings(window.counter)  # on purpose, here: the guard must notice it
    assert gui_thread_db and "services/station_config.py" in gui_thread_db[0]


def test_station_settings_read_and_save_off_the_gui_thread(qtbot: Any, window: Any, gui_thread_db: list[str]) -> None:
    from counter_app.gui.station_settings import StationSettingsDialog

    dialog = StationSettingsDialog(window.counter, printers=[], parent=window)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.busy and not dialog.station.isEnabled() and not dialog.ok_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    qtbot.waitUntil(lambda: dialog.backups.list.count() >= 0 and not dialog.backups.busy)
    terminal = dialog.station.inputs["terminal"]
    terminal.setFocus()
    terminal.selectAll()
    send_text(terminal, "05")
    dialog.centre.offline.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
    assert gui_thread_db == []
    assert load_settings(window.counter).terminal == "05"


def test_reprint_looks_up_the_latest_receipt_off_the_gui_thread(qtbot: Any, window: Any,
                                                                 gui_thread_db: list[str]) -> None:
    from counter_app import services

    recent = services.list_records(window.counter, limit=1)
    gui_thread_db.clear()  # the test's own look-up above
    window.show_home()
    dialog = window.printer.ask_reprint()
    assert dialog.isVisible()
    if recent:
        qtbot.waitUntil(lambda: dialog.number.text() == recent[0].receipt_number, timeout=10000)
    assert gui_thread_db == []


def test_a_number_typed_while_the_reprint_lookup_runs_stays(qtbot: Any, window: Any, gui_thread_db: list[str]) -> None:
    dialog = window.printer.ask_reprint()
    send_text(dialog.number, "X1")  # before the look-up answers (it runs on a worker)
    qtbot.wait(300)
    assert dialog.number.text() == "X1" and gui_thread_db == []


def test_a_search_hit_opens_its_card_off_the_gui_thread(qtbot: Any, window: Any, counter: Any,
                                                         gui_thread_db: list[str]) -> None:
    person, employer = a_worker(counter), an_employer(counter)
    gui_thread_db.clear()  # the test's own look-ups
    box = window.search_box
    window.action_search.trigger()
    qtbot.waitUntil(box.hasFocus)
    with qtbot.waitSignal(window.search.results_shown, timeout=10000):
        send_text(box, person.worker.id_number)
    assert window.search.model.hits[0].key == person.worker.id_number
    send_key(box, Qt.Key.Key_Return)  # Enter on the hit: the card is read on a worker thread …
    assert window.desk.card_loading and window.statusbar.currentMessage() == "正在读取信息卡…"
    assert window.pages.currentWidget() is window.home_page, "the screen stays until the card is read"
    qtbot.waitUntil(lambda: not window.desk.card_loading, timeout=10000)
    assert window.pages.currentWidget() is window.card_page  # … then shown, the focus on it as before
    assert person.worker.name in window.card.card_title.text()
    assert window.card.isAncestorOf(QApplication.focusWidget()) and window.statusbar.currentMessage() == ""
    card = open_card(qtbot, window, "employer", employer.uscc)
    assert employer.uscc in card.card_title.text() and card.findChild(QPushButton, "card_open_account") is not None
    assert gui_thread_db == []


def test_a_card_still_being_read_is_dropped_when_the_clerk_goes_elsewhere(qtbot: Any, window: Any, counter: Any,
                                                                          gui_thread_db: list[str]) -> None:
    person = a_worker(counter)
    gui_thread_db.clear()
    window.show_card("worker", person.worker.id_number)
    window.show_records()  # before the card arrives
    runner().wait_for_done(10000)
    qtbot.wait(100)
    assert window.pages.currentWidget() is window.records_page and window.card is None
    window.show_card("worker", "110101190001010000")  # nobody: the screen stays, the status bar says so
    qtbot.waitUntil(lambda: not window.desk.card_loading, timeout=10000)
    assert window.pages.currentWidget() is window.records_page and window.statusbar.currentMessage() == "未找到该记录"
    assert gui_thread_db == []


def test_the_loan_card_reads_off_the_gui_thread(qtbot: Any, window: Any, counter: Any, gui_thread_db: list[str]) -> None:
    card, loan = a_borrower(counter)
    gui_thread_db.clear()  # the test's own set-up
    open_card(qtbot, window, "worker", card.worker.id_number)
    loans = window.card.card_first_table
    row = next(r for r in range(loans.model().rowCount()) if loans.model().index(r, 0).data() == loan.loan_no)
    loans.setFocus()
    loans.setCurrentIndex(loans.model().index(row, 0))
    send_key(loans, Qt.Key.Key_Return)
    dialog = window.card.loan_card
    qtbot.waitUntil(lambda: dialog.card is not None, timeout=10000)
    assert dialog.plan.model().rowCount() == loan.months
    assert gui_thread_db == []


@pytest.mark.parametrize(("action", "details_read"), [
    ("action_station_cases", True), ("action_station_overdue", True), ("action_station_coverage", False),
    ("action_station_complaints", False), ("action_station_deferrals", False),
    ("action_station_preregistrations", False)])
def test_station_pages_read_their_rows_and_details_off_the_gui_thread(qtbot: Any, window: Any, action: str,
                                                                      details_read: bool, gui_thread_db: list[str]) -> None:
    from PySide6.QtGui import QAction

    window.findChild(QAction, action).trigger()
    page = window.station.pages[action]
    assert page.loading and page.rows_count.text() == "正在读取…", "the page says it is reading"
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    if details_read and page.model.rowCount():
        page.rows_view.selectRow(page.model.rowCount() - 1)
        qtbot.waitUntil(lambda: page.details.toPlainText() not in ("", "正在读取…"), timeout=10000)
    assert gui_thread_db == []


def test_coverage_target_and_staff_import_run_off_the_gui_thread(qtbot: Any, window: Any, tmp_path: Any,
                                                                gui_thread_db: list[str]) -> None:
    from PySide6.QtGui import QAction

    window.findChild(QAction, "action_station_coverage").trigger()
    page = window.station.pages["action_station_coverage"]
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    page.ask_target()
    qtbot.waitUntil(lambda: page.last_dialog is not None and page.last_dialog.isVisible(), timeout=10000)
    assert page.last_dialog.inputs["township"].count() >= 1
    page.last_dialog.reject()
    bad = tmp_path / "staff.csv"
    bad.write_text("not,a,staff,list\n", encoding="utf-8")
    page.import_file(str(bad))
    qtbot.waitUntil(lambda: page.details.toPlainText() not in ("", "正在导入…"), timeout=10000)
    assert gui_thread_db == []


def test_the_lock_screen_reads_the_clerk_off_the_gui_thread(qtbot: Any, staffed: Any, clerk_window: Any,
                                                            gui_thread_db: list[str]) -> None:
    lock = clerk_window.idle_lock
    lock.lock("shortcut")  # the cover is up at once, with the login name …
    assert lock.is_locked and CLERK[0] in lock.screen.who.text()
    qtbot.waitUntil(lambda: CLERK[2] in lock.screen.who.text(), timeout=10000)  # … then the clerk's full name
    qtbot.waitUntil(lambda: actions(staffed)[-1] == "lock", timeout=10000)
    assert gui_thread_db == []


def test_the_letters_dialog_reads_its_printer_off_the_gui_thread(qtbot: Any, window: Any, print_server: Any,
                                                                 gui_thread_db: list[str]) -> None:
    dialog = window.station.print_letters()
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=10000)  # the printers and the station's choice shown
    assert dialog.printer.count() >= 1 and gui_thread_db == []


@pytest.mark.parametrize("with_clerks", [False, True])
def test_the_start_asks_the_store_on_the_worker_only(qtbot: Any, data_dir: Any, request: pytest.FixtureRequest,
                                                    monkeypatch: pytest.MonkeyPatch, with_clerks: bool,
                                                    gui_thread_db: list[str]) -> None:
    """``run_gui``'s path once the shell is painted: the store opened and asked (first run? clerk
    accounts?) on a worker, then the login and the desk on the GUI thread, which reads nothing."""
    from counter_app.gui.app import open_station, start_counter
    from counter_app.gui.gui_settings import settings_for
    from counter_app.gui.login import LoginDialog
    from counter_app.gui.main_window import MainWindow

    if with_clerks:
        request.getfixturevalue("staffed")  # a supervisor and clerks on the data dir
        monkeypatch.setattr(LoginDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)  # the clerk logs in
        gui_thread_db.clear()  # the fixture's own set-up
    opened: list[Any] = []
    Operation(lambda _p: open_station(data_dir, False), success=opened.append).run()
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)
    opening = opened[0]
    assert opening.staffed is with_clerks and not opening.needs_setup
    settings = settings_for(opening.counter.data_dir)
    shell = MainWindow(None, settings, complete=False)
    qtbot.addWidget(shell)
    try:
        assert start_counter(shell, opening, settings, demo=False)
        assert shell.counter is opening.counter and (shell.idle_lock is not None) is with_clerks
        runner().wait_for_done(10000)
        qtbot.wait(50)
        assert gui_thread_db == []
    finally:
        shell.close()
        opening.counter.close()


def test_the_first_run_wizard_reads_and_saves_off_the_gui_thread(qtbot: Any, tmp_path: Any, fast_hashing: Any,
                                                                 gui_thread_db: list[str]) -> None:
    """A new station: the wizard reads the settings, then on Finish saves them and creates the supervisor
    (a password hash and two write transactions) on a worker; the wizard waits, then closes."""
    from PySide6.QtWidgets import QComboBox, QWidget, QWizard

    from counter_app import services
    from counter_app.gui.first_run import FirstRunWizard
    from counter_app.services import clerks
    from counter_app.services.station_config import needs_setup

    counter = services.open_counter(tmp_path / "new-station")
    gui_thread_db.clear()  # the test's own opening
    try:
        wizard = FirstRunWizard(counter, None, printers=[], create_supervisor=clerks.create_supervisor)
        qtbot.addWidget(wizard)
        wizard.show()
        assert wizard.busy and not wizard.station.isEnabled(), "the fields wait for the settings"
        qtbot.waitUntil(lambda: not wizard.busy, timeout=10000)

        def typed(key: str, text: str) -> None:
            widget = wizard.findChild(QWidget, key)
            if isinstance(widget, QComboBox):
                widget.setCurrentText(text)
            else:
                widget.setText(text)

        typed("station_code", "CG01")
        wizard.next()
        wizard.findChild(QWidget, "work_offline").setChecked(True)
        wizard.next()
        for key, text in (("supervisor_login", "wang"), ("supervisor_name", "王站长"),
                          ("supervisor_password", "Station-2025"), ("supervisor_password_again", "Station-2025")):
            typed(key, text)
        wizard.next()
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert wizard.busy and wizard.result() != QWizard.DialogCode.Accepted, "the wizard waits for the store"
        qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=10000)
        assert gui_thread_db == []
        assert [c.username for c in clerks.list_clerks(counter)] == ["wang"] and not needs_setup(counter)
    finally:
        counter.close()
