"""The counter window: search as you type, person card, loan preview, status bar, language."""

from __future__ import annotations

from typing import Any

from gui_helpers import choose, field, fill, open_card, send_key, send_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListView, QPushButton
from test_wizard import a_worker, open_form

from counter_app import services
from counter_app.domain.catalog import BUSINESSES
from counter_app.domain.search_keys import person_keys


def test_business_actions_follow_the_contract(window: Any) -> None:
    from PySide6.QtGui import QAction

    for spec in BUSINESSES.values():
        action = window.findChild(QAction, spec.action_name)
        assert action is not None, spec.action_name
        assert not action.shortcut().isEmpty(), f"{spec.action_name} has no shortcut"
    assert window.findChild(QAction, "action_withdrawal").text() == "提取"


def test_search_by_pinyin_initials_opens_the_person_card(qtbot: Any, window: Any, counter: Any) -> None:
    card = a_worker(counter)
    initials = min(person_keys(card.worker.name), key=len)  # e.g. "zs" for 张三
    box = window.search_box
    window.action_search.trigger()
    qtbot.waitUntil(box.hasFocus)
    with qtbot.waitSignal(window.search.results_shown, timeout=5000):
        send_text(box, initials)
    results = window.findChild(QListView, "search_results")
    hits = window.search.model.hits
    assert results.isVisible() and hits
    assert all(h.kind in ("worker", "employer") for h in hits)
    row = next((i for i, h in enumerate(hits) if h.key == card.worker.id_number), None)
    if row is None:  # common initials: narrow down with the ID number, as a clerk would
        box.clear()
        with qtbot.waitSignal(window.search.results_shown, timeout=5000):
            send_text(box, card.worker.id_number)
        row = next(i for i, h in enumerate(window.search.model.hits) if h.key == card.worker.id_number)
    for _ in range(row):
        send_key(box, Qt.Key.Key_Down)
    send_key(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.card_page)
    assert card.worker.name in window.card.card_title.text()
    assert card.worker.id_number not in window.card.card_title.text(), "the ID is masked on screen"
    summary = window.card.card_summary.text()
    assert card.accounts[0].account_no in summary
    assert "¥" in summary, "the balance is shown as money"


def test_card_starts_a_business_for_that_person(qtbot: Any, window: Any, counter: Any) -> None:
    card = a_worker(counter)
    open_card(qtbot, window, "worker", card.worker.id_number)
    qtbot.mouseClick(window.card.findChild(QPushButton, "card_withdrawal"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == "withdrawal")
    assert field(window, "id_number").text() == card.worker.id_number
    qtbot.waitUntil(lambda: card.worker.name in window.form.subject_label.text())
    assert QApplication.focusWidget() is not field(window, "id_number"), "the keyboard starts at the first empty field"


def test_search_with_no_match_shows_no_list(qtbot: Any, window: Any) -> None:
    with qtbot.waitSignal(window.search.results_shown, timeout=5000) as blocker:
        window.search_box.setFocus()
        send_text(window.search_box, "999999999999")
    assert blocker.args == [0]
    assert not window.findChild(QListView, "search_results").isVisible()


def test_loan_preview_shows_the_binding_constraint_and_both_schedules(qtbot: Any, window: Any, counter: Any) -> None:
    card = a_worker(counter)
    form = open_form(qtbot, window, "loan")
    fill(qtbot, window, "id_number", card.worker.id_number)
    choose(window, "borrower_category", "general")
    fill(qtbot, window, "monthly_income", "8000")
    fill(qtbot, window, "monthly_debt", "0")
    fill(qtbot, window, "house_price", "600000")
    fill(qtbot, window, "months", "240")
    panel = form.extra
    qtbot.waitUntil(lambda: panel.preview is not None and panel.preview.limit is not None, timeout=5000)
    limit = panel.preview.limit
    assert limit.binding in limit.constraints
    model = panel.limit_model
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert sum("起决定作用" in r for r in rows) == 1
    highlighted = [r for r in range(model.rowCount()) if model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole)]
    assert len(highlighted) == 1 and "起决定作用" in rows[highlighted[0]]
    assert "可贷额度" in window.findChild(QLabel, "loan_limit").text()
    assert {s.name() for s in panel.chart.series()} == {"等额本息", "等额本金"}
    compare = panel.compare_view.model()
    assert compare.rowCount() == 3 and compare.columnCount() == 3
    assert all(compare.index(r, c).data().startswith("¥") for r in range(3) for c in (1, 2))


def test_status_bar_shows_station_clerk_connection_pending_policy(qtbot: Any, window: Any, counter: Any) -> None:
    status = services.station_status(counter)
    station = window.findChild(QLabel, "status_station")
    qtbot.waitUntil(lambda: status.station_name in station.text(), timeout=10000)  # fetched off the GUI thread
    texts = {name: window.findChild(QLabel, name).text()
             for name in ("status_station", "status_clerk", "status_connection", "status_pending", "status_policy")}
    assert status.station_name in texts["status_station"] and status.terminal in texts["status_station"]
    assert status.clerk in texts["status_clerk"]
    assert "未配置中心" in texts["status_connection"]
    assert texts["status_pending"].endswith(str(status.pending))
    assert status.policy_label in texts["status_policy"]


def test_switching_to_english_retranslates_the_window(qtbot: Any, window: Any) -> None:
    from counter_app.gui.i18n import install_language

    app = QApplication.instance()
    try:
        install_language(app, "en")
        qtbot.waitUntil(lambda: window.action_records.text() == "Records")
        assert window.business_actions["withdrawal"].text() == "Withdrawal"
        assert window.search_label.text() != "查找(&F)"
    finally:
        install_language(app, "zh_CN")
    qtbot.waitUntil(lambda: window.business_actions["withdrawal"].text() == "提取")


def test_shell_paints_first_and_works_once_the_store_is_attached(qtbot: Any, data_dir: Any, counter: Any) -> None:
    """run_gui's order: the window without a store (actions off), then the store arrives."""
    from counter_app.gui.app import ensure_app, settings_for
    from counter_app.gui.main_window import MainWindow

    ensure_app()
    shell = MainWindow(None, settings_for(data_dir), complete=False)
    qtbot.addWidget(shell)
    shell.show()
    assert not shell.business_actions["withdrawal"].isEnabled()
    shell.search_box.setFocus()
    send_text(shell.search_box, a_worker(counter).worker.id_number)  # typed before the rest is built …
    shell.complete()
    assert shell.action_search.shortcuts(), "shortcuts arrive with the rest of the window"
    other = services.open_counter(data_dir)
    with qtbot.waitSignal(shell.search.results_shown, timeout=5000) as blocker:
        shell.attach(other)
    assert blocker.args == [1], "what was typed before the store opened is searched once it is there"
    assert shell.business_actions["withdrawal"].isEnabled()
    shell.close()
