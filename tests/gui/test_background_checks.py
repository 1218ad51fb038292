"""The wizard's checks, drafts and submit run off the GUI thread: stale results are dropped, nothing
typed is lost while a check runs, a submit happens once, and leaving a form with work in flight is safe.

A gate holds the service call on its worker thread until the test lets it go, so the clerk's keys
arrive exactly while the check or the submit is running.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from gui_helpers import choose, field, fill, send_key, send_text, settle
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QLabel
from test_wizard import a_worker, fill_open_account, fresh_id, open_form

from counter_app import services
from counter_app.domain import fieldcheck


class Gate:
    """Wraps a service: calls wait until ``open()``; records the thread each call ran on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        self.real: Callable[..., Any] = getattr(services, name)
        self.opened = threading.Event()
        self.entered = threading.Event()
        self.calls: list[tuple[tuple[Any, ...], bool]] = []
        monkeypatch.setattr(services, name, self)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append((args, threading.current_thread() is threading.main_thread()))
        self.entered.set()
        assert self.opened.wait(20), "the test never opened the gate"
        return self.real(*args, **kwargs)

    def open(self) -> None:
        self.opened.set()


def test_the_gui_thread_calls_no_service_while_the_clerk_types(qtbot: Any, window: Any, counter: Any,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    for name in ("review_form", "save_draft", "load_draft", "submit_application", "note_subject_lookup"):
        real = getattr(services, name)

        def spy(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            if QThread.currentThread() is QApplication.instance().thread():
                seen.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(services, name, spy)
    form = open_form(qtbot, window, "open-account")
    fill_open_account(qtbot, window, counter, fresh_id(11), "钱测试")
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=10000)
    send_key(field(window, "start_month"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(window.findChild(QLabel, "receipt_number").text()), timeout=10000)
    assert seen == [], f"called on the GUI thread: {seen}"


def test_a_check_of_a_value_the_clerk_has_changed_since_is_dropped(qtbot: Any, window: Any,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    form = open_form(qtbot, window, "withdrawal")
    settle(qtbot, window)
    gate = Gate(monkeypatch, "review_form")
    amount = field(window, "amount")
    amount.setFocus()
    send_text(amount, "1OO")  # letters O: a wrong amount, left with Tab → its check waits at the gate
    send_key(amount, Qt.Key.Key_Tab)
    assert gate.entered.wait(5)
    amount.setFocus()
    amount.selectAll()
    send_text(amount, "250")  # corrected before the first check came back (not left yet)
    gate.open()
    qtbot.waitUntil(lambda: form.settled, timeout=5000)
    message = window.findChild(QLabel, "amount_message")
    assert amount.text() == "250", "what was typed since stays as typed"
    assert message.text() == "", "the old value's error is not shown against the new one"
    assert not gate.calls[0][1], "the check ran on a worker thread"
    send_key(amount, Qt.Key.Key_Tab)
    settle(qtbot, window)
    assert amount.text() == "250.00" and message.text() == ""


def test_nothing_typed_is_lost_while_the_subject_is_looked_up(qtbot: Any, window: Any, counter: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    card = a_worker(counter)
    form = open_form(qtbot, window, "withdrawal")
    settle(qtbot, window)
    gate = Gate(monkeypatch, "review_form")
    id_number = field(window, "id_number")
    id_number.setFocus()
    send_text(id_number, card.worker.id_number)
    send_key(id_number, Qt.Key.Key_Tab)
    assert gate.entered.wait(5)
    bank_card = field(window, "bank_card")  # the clerk types the card the applicant hands over …
    bank_card.setFocus()
    send_text(bank_card, "6222020200112233445")
    gate.open()  # … while the store's card for this person arrives
    qtbot.waitUntil(lambda: card.worker.name in form.subject_label.text(), timeout=5000)
    settle(qtbot, window)
    assert bank_card.text() == "6222020200112233445", "a pre-fill never replaces what was typed"
    assert form.editors["bank_card"].origin == "typed"


def test_ctrl_enter_twice_gives_one_receipt_and_the_button_is_off_meanwhile(qtbot: Any, window: Any, counter: Any,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    form = open_form(qtbot, window, "open-account")
    fill_open_account(qtbot, window, counter, fresh_id(13), "孙测试")
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=10000)
    gate = Gate(monkeypatch, "submit_application")
    last = field(window, "start_month")
    send_key(last, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert gate.entered.wait(5)
    assert not form.submit.isEnabled() and "正在提交" in form.missing_label.text()
    send_key(last, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # impatient: again
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    gate.open()
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()), timeout=10000)
    qtbot.wait(300)
    assert len(gate.calls) == 1, "one submit"
    assert [r.receipt_number for r in services.list_records(counter)] == [receipt.text()]
    assert services.list_drafts(counter) == []


def test_a_submit_does_not_wait_for_a_check_still_running_and_ignores_it(qtbot: Any, window: Any, counter: Any,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    form = open_form(qtbot, window, "open-account")
    fill_open_account(qtbot, window, counter, fresh_id(15), "周测试")
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=10000)
    gate = Gate(monkeypatch, "review_form")
    fill_field = field(window, "phone")
    fill_field.setFocus()
    send_text(fill_field, "0931-8888888")
    send_key(fill_field, Qt.Key.Key_Tab)  # a check starts and waits at the gate
    assert gate.entered.wait(5)
    form.try_submit()  # the submit checks the form itself, once
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()), timeout=10000)
    gate.open()
    qtbot.wait(300)  # the late check comes back: nothing changes on the receipt page
    assert form.form_stack.currentWidget() is form.done_page and receipt.text()
    assert services.get_record(counter, receipt.text()).fields["phone"] == "0931-8888888"


def test_switching_away_with_a_check_and_a_submit_in_flight_is_safe(qtbot: Any, window: Any, counter: Any,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    form = open_form(qtbot, window, "open-account")
    fill_open_account(qtbot, window, counter, fresh_id(17), "吴测试")
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=10000)
    submit = Gate(monkeypatch, "submit_application")
    form.try_submit()
    assert submit.entered.wait(5)
    open_form(qtbot, window, "withdrawal")  # the clerk moves on while the centre… the store is busy
    review = Gate(monkeypatch, "review_form")
    fill_id = field(window, "id_number")
    fill_id.setFocus()
    send_text(fill_id, "11010519900307")
    send_key(fill_id, Qt.Key.Key_Tab)
    assert review.entered.wait(5)
    window.findChild(type(window.action_records), "action_open_account").trigger()  # and again
    submit.open()
    review.open()
    qtbot.waitUntil(lambda: "已受理" in window.statusbar.currentMessage(), timeout=10000)
    number = window.statusbar.currentMessage().split("：")[-1]
    assert [r.receipt_number for r in services.list_records(counter)] == [number]
    runner_idle(qtbot)
    assert [d.kind for d in services.list_drafts(counter)] == ["withdrawal"], "the accepted form left no draft"


def test_closing_the_window_with_a_draft_being_written_keeps_the_newest_input(
        qtbot: Any, open_window: Any, counter: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    first = open_window()
    open_form(qtbot, first, "withdrawal")
    gate = Gate(monkeypatch, "save_draft")
    fill(qtbot, first, "amount", "300")  # its draft write waits at the gate …
    assert gate.entered.wait(5)
    amount = field(first, "amount")
    amount.setFocus()
    amount.selectAll()
    send_text(amount, "450")  # … while the clerk changes it and closes the window
    threading.Timer(0.3, gate.open).start()
    first.close()
    assert services.load_draft(counter, "withdrawal").fields["amount"] == "450"


class CheckCount:
    """Counts checks of a whole form (``fieldcheck.check_form``: what a review and a submit run)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = fieldcheck.check_form

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(fieldcheck, "check_form", counted)


def test_a_submit_after_the_last_field_was_reviewed_checks_the_form_no_more(qtbot: Any, window: Any, counter: Any,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    form = open_form(qtbot, window, "open-account")
    fill_open_account(qtbot, window, counter, fresh_id(19), "郑测试")
    qtbot.waitUntil(lambda: form.submit.isEnabled() and form.settled, timeout=10000)
    checks = CheckCount(monkeypatch)
    send_key(field(window, "start_month"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()), timeout=10000)
    assert checks.calls == 0, "the review shown was of this very form: the submit used it"
    assert services.get_record(counter, receipt.text()).fields["name"] == "郑测试"


def test_a_submit_of_a_field_changed_since_the_review_checks_the_form_once(qtbot: Any, window: Any, counter: Any,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    form = open_form(qtbot, window, "open-account")
    fill_open_account(qtbot, window, counter, fresh_id(21), "冯测试")
    qtbot.waitUntil(lambda: form.submit.isEnabled() and form.settled, timeout=10000)
    address = field(window, "address")
    address.setFocus()  # the field the clerk was in is left: its review runs before the change below
    qtbot.waitUntil(lambda: address.hasFocus() and form.settled, timeout=10000)
    runner_idle(qtbot)
    checks = CheckCount(monkeypatch)
    address.selectAll()
    send_text(address, "城关镇北山路2号")  # typed, not left: no review of this form yet
    send_key(address, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()), timeout=10000)
    runner_idle(qtbot)
    assert checks.calls == 1, "the submit checked the form it took, once"
    assert services.get_record(counter, receipt.text()).fields["address"] == "城关镇北山路2号"


def runner_idle(qtbot: Any) -> None:
    from counter_app.gui.operations import runner

    qtbot.waitUntil(lambda: not runner().busy, timeout=10000)


def test_the_review_names_problems_of_untouched_fields_only_after_a_submit(qtbot: Any, window: Any) -> None:
    form = open_form(qtbot, window, "withdrawal")
    fill(qtbot, window, "amount", "100")
    assert window.findChild(QLabel, "bank_card_message").text() == "", "not yet visited: no message"
    choose(window, "reason_code", "07")
    form.try_submit()
    qtbot.waitUntil(lambda: "请填写" in window.findChild(QLabel, "bank_card_message").text(), timeout=5000)
    assert "未能受理" in form.missing_label.text()


def test_the_crash_handler_saves_the_draft_before_the_process_goes(qtbot: Any, window: Any, counter: Any) -> None:
    open_form(qtbot, window, "withdrawal")
    fill(qtbot, window, "amount", "880")
    amount = field(window, "amount")
    amount.setFocus()
    amount.selectAll()
    send_text(amount, "990")  # typed, not yet left, no autosave yet
    window.form.save_draft_now()  # what crash.install's draft saver calls: done when it returns
    assert services.load_draft(counter, "withdrawal").fields["amount"] == "990"


def test_the_records_page_reads_off_the_gui_thread_and_shows_the_newest_filter(qtbot: Any, window: Any, counter: Any,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    form = open_form(qtbot, window, "open-account")
    fill_open_account(qtbot, window, counter, fresh_id(23), "陈测试")
    qtbot.waitUntil(lambda: form.submit.isEnabled() and form.settled, timeout=10000)
    form.try_submit()
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()), timeout=10000)
    number = receipt.text()
    gate = Gate(monkeypatch, "list_records")
    send_key(window.focusWidget() or window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # 查询
    assert gate.entered.wait(5)
    page = window.records
    assert page.loading and window.pages.currentWidget() is window.records_page, "the page is up while it reads"
    kinds = page.kind_filter
    kinds.setCurrentIndex(kinds.findData("withdrawal"))  # the clerk narrows it before the first read is back
    gate.open()
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    qtbot.wait(200)
    assert page.model.rowCount() == 0, "the newest filter's rows, not the first read's"
    kinds.setCurrentIndex(kinds.findData("open-account"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.record(0).receipt_number == number
    assert not any(on_gui for _args, on_gui in gate.calls), "every read ran on a worker thread"
