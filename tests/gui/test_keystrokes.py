"""Keystrokes beyond the data (#16): a new form starts with the commonest answers, Enter goes to the
next field the form wants (the case at hand included), F7 ticks the materials from any field, and the
keyboard walk-through stays within the issue's budgets. Real key events, then what the screen shows."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from gui_helpers import field, send_key, send_text, settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from test_wizard import a_worker, an_employer, fresh_id, open_form

from counter_app import services

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from walkthrough import BUDGETS, run_walkthrough


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def key(k: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    send_key(QApplication.focusWidget(), k, modifiers)


def enter(qtbot: Any, window: Any) -> None:
    """Enter once the form has shown its checks (a clerk is slower than a check)."""
    settle(qtbot, window)
    key(Qt.Key.Key_Return)
    settle(qtbot, window)


def drafts_written(qtbot: Any, window: Any) -> None:
    writer = window.form.drafts
    qtbot.waitUntil(lambda: writer.wait_idle(0), timeout=10000)


def test_a_new_account_form_starts_with_the_commonest_answers_which_are_no_input(qtbot: Any, window: Any,
                                                                                counter: Any) -> None:
    form = open_form(qtbot, window, "open-account")
    qtbot.waitUntil(lambda: focused() == "id_number", timeout=5000)  # 居民身份证 is there: the number first
    id_type = field(window, "id_type")
    assert id_type.currentData() == "01" and "居民身份证" in id_type.currentText()
    assert field(window, "start_month").text() == counter.today().strftime("%Y-%m")
    key(Qt.Key.Key_Tab)  # a field left: the draft is written — without the defaults, so none at all
    drafts_written(qtbot, window)
    assert services.list_drafts(counter) == []
    key(Qt.Key.Key_Escape)  # nothing typed: Esc leaves without asking
    qtbot.waitUntil(lambda: window.form is None or not window.form.isVisible(), timeout=5000)
    assert window.findChild(QMessageBox, "confirm_cancel") is None or not form._confirm.isVisible()


def test_a_draft_replaces_the_default_and_a_changed_default_is_kept(qtbot: Any, window: Any, counter: Any) -> None:
    services.save_draft(counter, "open-account", {"id_type": "03", "name": "测试"})  # a passport holder
    open_form(qtbot, window, "open-account")
    qtbot.waitUntil(lambda: field(window, "name").text() == "测试", timeout=5000)
    assert field(window, "id_type").currentData() == "03", "the draft's answer, not the default"
    assert field(window, "start_month").text() == counter.today().strftime("%Y-%m"), "still the default"


def test_a_restored_draft_is_no_longer_announced_once_taken(qtbot: Any, window: Any, counter: Any) -> None:
    employer = an_employer(counter)
    services.save_draft(counter, "open-account", {
        "id_type": "01", "id_number": fresh_id(45), "name": "韩梅梅", "mobile": "13812345678",
        "address": "南山镇幸福路8号", "employer_uscc": employer.uscc, "monthly_base": "4500"})
    form = open_form(qtbot, window, "open-account")
    window.activateWindow()
    qtbot.waitUntil(lambda: form.draft_banner.isVisibleTo(form) and field(window, "name").text() == "韩梅梅",
                    timeout=5000)
    settle(qtbot, window)
    key(Qt.Key.Key_F7)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=5000)
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.done_page.isVisible() and bool(form.receipt_number.text()), timeout=10000)
    assert not form.draft_banner.isVisibleTo(form), "the draft it restored is taken"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: form.entry_page.isVisible(), timeout=5000)
    assert not form.draft_banner.isVisibleTo(form), "the next worker's form restored nothing"


def test_enter_goes_to_the_fields_the_rent_case_asks_for_and_f7_ticks_the_materials(qtbot: Any, window: Any,
                                                                                    counter: Any) -> None:
    person = a_worker(counter)
    form = open_form(qtbot, window, "withdrawal")
    line = field(window, "id_number")
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    send_text(line, person.worker.id_number)
    enter(qtbot, window)
    assert focused() == "reason_code"
    send_text(QApplication.focusWidget(), "07")  # the reason by its national code, as the list shows it
    assert field(window, "reason_code").currentData() == "07"
    enter(qtbot, window)
    assert focused() == "variant", "a rent asks which housing (the documents differ): Enter stops there"
    key(Qt.Key.Key_Down)
    assert field(window, "variant").currentData() == "commercial"
    enter(qtbot, window)
    assert focused() == "amount", "the optional worker category is passed over"
    key(Qt.Key.Key_F9)
    assert field(window, "amount").text() == str(form.review.limit.maximum)
    enter(qtbot, window)
    assert focused() == "amount", "nothing else is asked of a commercial rent (the card is the store's)"
    assert "材料未收齐" in form.missing_label.text()
    key(Qt.Key.Key_F7)  # every document the applicant brought, from the amount field
    settle(qtbot, window)
    assert form.editors["materials"].widget.names_missing() == []
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=5000)
    key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()), timeout=10000)
    stored = services.get_record(counter, receipt.text())
    assert stored.fields["reason_code"] == "07" and stored.fields["variant"] == "commercial"
    assert not form.next_same_employer.isVisible(), "a withdrawal has no employer to keep for the next client"


def test_public_housing_makes_enter_stop_at_the_lease_number(qtbot: Any, window: Any, counter: Any) -> None:
    person = a_worker(counter)
    open_form(qtbot, window, "withdrawal")
    line = field(window, "id_number")
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    send_text(line, person.worker.id_number)
    enter(qtbot, window)
    send_text(QApplication.focusWidget(), "07")
    enter(qtbot, window)
    variant = field(window, "variant")
    key(Qt.Key.Key_Down)
    while variant.currentData() != "public":
        key(Qt.Key.Key_Down)
    enter(qtbot, window)
    assert focused() == "amount"
    send_text(QApplication.focusWidget(), "100")
    enter(qtbot, window)
    assert focused() == "document_no", "public rental housing: the policy asks for the lease's number"
    key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() == "event_date", "Shift+Tab still reaches the optional fields passed over"


def test_the_next_worker_of_the_same_employer_keeps_the_employer_only(qtbot: Any, window: Any,
                                                                      counter: Any) -> None:
    """An employer's batch of new workers: after a receipt, Alt+W starts the next worker with the
    employer (its name beside the field, its ratios) and the rest cleared; Enter passes it over."""
    employer = an_employer(counter)
    form = open_form(qtbot, window, "open-account")
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() == "id_number", timeout=5000)

    def worker(id_number: str, name: str, employer_typed: bool) -> str:
        for where, text in (("id_number", id_number), ("name", name), ("mobile", "13812345678"),
                            ("address", "南山镇幸福路8号")):
            assert focused() == where
            send_text(QApplication.focusWidget(), text)
            enter(qtbot, window)
        if employer_typed:
            assert focused() == "employer_uscc"
            send_text(QApplication.focusWidget(), employer.uscc)  # the picker's list offers it: Enter takes it
            enter(qtbot, window)
        assert focused() == "monthly_base", "the employer is there: Enter passes it and its ratios over"
        send_text(QApplication.focusWidget(), "4500")
        key(Qt.Key.Key_F7)
        settle(qtbot, window)
        qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=5000)
        key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        receipt = window.findChild(QLabel, "receipt_number")
        qtbot.waitUntil(lambda: receipt.isVisible() and bool(receipt.text()), timeout=10000)
        return receipt.text()

    first = services.get_record(counter, worker(fresh_id(41), "韩梅梅", employer_typed=True))
    assert form.next_same_employer.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: form.entry_page.isVisible(), timeout=5000)
    settle(qtbot, window)
    assert field(window, "employer_uscc").text() == employer.uscc
    assert employer.name in form.editors["employer_uscc"].message.text(), "the employer's name beside its code"
    qtbot.waitUntil(lambda: field(window, "worker_ratio").text() == str(first.fields["worker_ratio"]), timeout=5000)
    assert [field(window, k).text() for k in ("id_number", "name", "mobile", "address", "monthly_base")] == [""] * 5
    assert form.editors["materials"].widget.names_missing(), "the next worker's documents are still to see"
    assert focused() == "id_number"
    second = services.get_record(counter, worker(fresh_id(43), "李雷", employer_typed=False))
    assert second.fields["employer_uscc"] == employer.uscc and second.fields["name"] == "李雷"
    assert (second.fields["worker_ratio"], second.fields["employer_ratio"]) == (
        first.fields["worker_ratio"], first.fields["employer_ratio"])


def test_a_loan_from_the_card_starts_at_the_income_with_the_usual_answers(qtbot: Any, window: Any,
                                                                        counter: Any) -> None:
    person = a_worker(counter)
    window.show_card("worker", person.worker.id_number)
    qtbot.waitUntil(lambda: window.card is not None)
    window.card.buttons["loan"].click()
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == "loan")
    qtbot.waitUntil(lambda: focused() == "monthly_income", timeout=5000)
    assert field(window, "borrower_category").currentData() == counter.policy_on().loan.default_category
    assert field(window, "method").currentData() == "01" and "等额本息" in field(window, "method").currentText()


def test_the_keyboard_walkthrough_keeps_the_budgets(qtbot: Any, data_dir: Path) -> None:
    """The issue's figures: keys beyond the data per business (counts, not times)."""
    walks = run_walkthrough(data_dir)
    assert [w.kind for w in walks] == [*BUDGETS, "open-account"]  # the last: the same employer's next worker
    for walk in walks:
        assert walk.receipt, walk.kind
        assert walk.extra <= BUDGETS[walk.kind], f"{walk.kind}: {walk.extra} keys: {' '.join(walk.log)}"
