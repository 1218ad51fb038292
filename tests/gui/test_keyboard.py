"""Keyboard entry that cannot misplace data (#15): Enter and Tab skip derived fields (Enter also what is
filled or optional: it goes to the next field to fill), pre-filled values
are guarded, Tab leaves every date field, legal dates are confirmed, and the materials checklist
works from the keyboard without ever rebuilding itself. Real key events, as a clerk types them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from gui_helpers import choose, field, fill, send_key, send_text, settle
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from test_dashboard import unregistered
from test_wizard import a_worker, fresh_id, open_form

from counter_app import services
from counter_app.gui.fields import KEY_ROLE
from counter_app.services import operations as ops

SHIFT = Qt.KeyboardModifier.ShiftModifier


def key(k: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key to whatever has the keyboard focus now."""
    send_key(QApplication.focusWidget(), k, modifiers)


def typed(text: str) -> None:
    send_text(QApplication.focusWidget(), text)


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def start_open_account(qtbot: Any, window: Any) -> Any:
    form = open_form(qtbot, window, "open-account")
    choose(window, "id_type", "01")
    fill(qtbot, window, "id_number", fresh_id(21))
    qtbot.waitUntil(lambda: field(window, "birth_date").text() == "1990-03-07", timeout=5000)
    return form


def test_enter_and_tab_skip_what_the_id_number_filled_and_shift_tab_reaches_it(qtbot: Any, window: Any) -> None:
    form = start_open_account(qtbot, window)
    assert form.editors["sex"].derived_filled and form.editors["birth_date"].derived_filled
    field(window, "name").setFocus()
    qtbot.waitUntil(lambda: focused() == "name")
    typed("郑测试")
    # The category (职工/干部) is a fact of the person, asked with the identity after sex and birth date:
    # it sets a woman's retirement age (50/55) before the contact details.
    key(Qt.Key.Key_Tab)
    assert focused() == "worker_category", "Tab skips sex and birth date to the person's category"
    key(Qt.Key.Key_Tab)
    assert focused() == "mobile", "then on to the contact details"
    key(Qt.Key.Key_Backtab, SHIFT)
    assert focused() == "worker_category"
    key(Qt.Key.Key_Backtab, SHIFT)
    assert focused() == "birth_date", "Shift+Tab reaches the birth date to correct it"
    key(Qt.Key.Key_Backtab, SHIFT)
    assert focused() == "sex"
    field(window, "name").setFocus()
    qtbot.waitUntil(lambda: focused() == "name")
    key(Qt.Key.Key_Return)
    assert focused() == "mobile", "Enter skips them too, and the optional category: on to the next field to fill"


def test_an_extra_enter_never_lands_in_a_pre_filled_field(qtbot: Any, window: Any, counter: Any) -> None:
    """The reported day: one Enter too many shifted every following value and overwrote the bank card."""
    card = a_worker(counter)
    form = open_form(qtbot, window, "withdrawal")
    fill(qtbot, window, "id_number", card.worker.id_number)
    bank_card = field(window, "bank_card")
    qtbot.waitUntil(lambda: bank_card.text() == card.worker.bank_card, timeout=5000)
    assert form.editors["bank_card"].guarded
    document = field(window, "document_no")
    document.setFocus()
    qtbot.waitUntil(lambda: focused() == "document_no")
    typed("ZL2026-0099")
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Return)  # one too many
    typed("6222")  # the next value the clerk meant for somewhere else
    settle(qtbot, window)
    assert bank_card.text() == card.worker.bank_card, "the pre-filled card is untouched"
    assert focused() != "bank_card" and focused() != "materials", "Enter skipped the card and the checklist"


def test_keyboard_focus_at_a_pre_filled_value_selects_nothing_and_typing_is_refused(qtbot: Any, window: Any,
                                                                                    counter: Any) -> None:
    card = a_worker(counter)
    form = open_form(qtbot, window, "withdrawal")
    fill(qtbot, window, "id_number", card.worker.id_number)
    bank_card = field(window, "bank_card")
    qtbot.waitUntil(lambda: bank_card.text() == card.worker.bank_card, timeout=5000)
    field(window, "document_no").setFocus()
    qtbot.waitUntil(lambda: focused() == "document_no")
    key(Qt.Key.Key_Tab)
    assert focused() == "bank_card", "Tab visits a pre-filled value (to check it)"
    assert bank_card.selectedText() == "", "nothing is selected: typing cannot replace it"
    typed("6222")
    assert bank_card.text() == card.worker.bank_card
    assert "F2" in window.findChild(QLabel, "bank_card_message").text(), "the clerk is told how to change it"
    key(Qt.Key.Key_F2)  # deliberately: take the field over
    key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    typed("6222020200112233445")
    assert bank_card.text() == "6222020200112233445"
    assert form.editors["bank_card"].origin == "typed" and not form.editors["bank_card"].guarded


def test_a_new_subject_replaces_what_was_pre_filled_for_the_previous_one(qtbot: Any, window: Any, counter: Any) -> None:
    card = a_worker(counter)
    open_form(qtbot, window, "withdrawal")
    fill(qtbot, window, "id_number", card.worker.id_number)
    bank_card = field(window, "bank_card")
    qtbot.waitUntil(lambda: bank_card.text() == card.worker.bank_card, timeout=5000)
    id_number = field(window, "id_number")
    id_number.setFocus()
    id_number.selectAll()
    send_text(id_number, fresh_id(23))  # a typo corrected: a person not in the store
    send_key(id_number, Qt.Key.Key_Tab)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: bank_card.text() == "", timeout=5000)


def test_tab_always_leaves_the_investigation_date_and_a_past_date_is_confirmed(qtbot: Any, window: Any,
                                                                             counter: Any) -> None:
    window.findChild(QAction, "action_station_cases").trigger()
    page = window.station.pages["action_station_cases"]
    qtbot.mouseClick(page.findChild(QPushButton, "open_case"), Qt.MouseButton.LeftButton)
    dialog = page.last_dialog
    qtbot.waitExposed(dialog)
    employer = unregistered(counter, 1)[0]
    dialog.inputs["uscc"].setFocus()
    qtbot.waitUntil(lambda: focused() == "uscc")
    typed(employer.uscc)
    key(Qt.Key.Key_Tab)
    assert focused() == "on" and dialog.inputs["on"].text() == counter.today().isoformat()
    past = counter.today() - timedelta(days=9)
    typed(past.strftime("%Y%m%d"))  # Tab selected the whole date: typing replaces it
    key(Qt.Key.Key_Tab)
    assert focused() == "note", "Tab leaves the date field"
    assert dialog.inputs["on"].text() == past.isoformat(), "shown back as 2026-05-03 once left"
    typed("现场调查，未建制")
    dialog.buttons.accepted.emit()
    box = dialog.findChild(QMessageBox, "confirm_legal_date")
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert f"{past.year}年{past.month}月{past.day}日" in box.text() and "不是今天" in box.text()
    assert box.defaultButton().objectName() == "confirm_date_no", "Enter does not confirm"
    box.defaultButton().click()
    qtbot.waitUntil(lambda: focused() == "on")
    assert ops.list_cases(counter) == [] and dialog.isVisible()
    dialog.buttons.accepted.emit()
    box = dialog.findChild(QMessageBox, "confirm_legal_date")
    qtbot.waitUntil(lambda: box.isVisible())
    box.findChild(QPushButton, "confirm_date_yes").click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert [v.case.opened_on for v in ops.list_cases(counter)] == [past]


def test_todays_date_goes_through_without_a_question(qtbot: Any, window: Any, counter: Any) -> None:
    window.findChild(QAction, "action_station_cases").trigger()
    page = window.station.pages["action_station_cases"]
    qtbot.mouseClick(page.findChild(QPushButton, "open_case"), Qt.MouseButton.LeftButton)
    dialog = page.last_dialog
    dialog.inputs["uscc"].setText(unregistered(counter, 1)[0].uscc)
    dialog.inputs["note"].setPlainText("现场调查")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert dialog.findChild(QMessageBox, "confirm_legal_date") is None
    assert len(ops.list_cases(counter)) == 1


def test_a_notice_date_that_is_not_today_is_confirmed_before_it_is_printed(qtbot: Any, window: Any,
                                                                           counter: Any) -> None:
    test_todays_date_goes_through_without_a_question(qtbot, window, counter)  # a case, investigated today
    page = window.station.pages["action_station_cases"]
    qtbot.waitUntil(lambda: page.selected() is not None)
    past = counter.today() - timedelta(days=3)

    def step(state: str) -> Any:  # 下一步: the step, its date typed, a note
        qtbot.mouseClick(page.findChild(QPushButton, "next_step"), Qt.MouseButton.LeftButton)
        dialog = page.last_dialog
        qtbot.waitExposed(dialog)
        send_key(choose(dialog, "state", state), Qt.Key.Key_Tab)  # on to the step's date
        qtbot.waitUntil(lambda: focused() == "on")
        dialog.inputs["on"].selectAll()  # the date replaced as a whole
        typed(past.strftime("%Y%m%d"))
        key(Qt.Key.Key_Tab)
        dialog.inputs["note"].setPlainText("经办人核对")
        dialog.buttons.accepted.emit()
        return dialog

    notice = step("notice_issued")  # the 责令限期办理通知书 carries this date
    box = notice.findChild(QMessageBox, "confirm_legal_date")
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert "通知书日期" in box.text() and f"{past.year}年{past.month}月{past.day}日" in box.text()
    box.defaultButton().click()  # 返回修改: nothing recorded
    assert [v.case.state for v in ops.list_cases(counter)] == ["investigated"]
    assert notice.isVisible() and focused() == "on", "back at the date, as typed"


def test_tab_leaves_the_day_filter_of_the_daily_close(qtbot: Any, window: Any) -> None:
    window.findChild(QAction, "action_station_close").trigger()
    page = window.station.pages["action_station_close"]
    page.day_edit.setFocus()
    qtbot.waitUntil(lambda: focused() == "close_day")
    key(Qt.Key.Key_Tab)
    assert focused() != "close_day", "Tab does not walk the year, month and day sections"


# -- the materials checklist --------------------------------------------------------------------
def checklist(qtbot: Any, window: Any, kind: str = "withdrawal") -> tuple[Any, Any]:
    form = open_form(qtbot, window, kind)
    if kind == "withdrawal":
        # Rent's documents follow the housing (the report: 公共租赁住房和保障性租赁住房，仅需提供房屋租赁合同和
        # 租金缴纳凭证；商品住房，仅需提供本人及配偶工作地的无房证明): public housing lists four.
        choose(window, "reason_code", "07")
        choose(window, "variant", "public")
    settle(qtbot, window)
    materials = field(window, "materials")
    assert materials.model().rowCount() >= 2
    materials.setFocus()
    qtbot.waitUntil(lambda: focused() == "materials")
    return form, materials


def ticked(materials: Any) -> list[int]:
    model = materials.model()
    return [r for r in range(model.rowCount()) if model.item(r).checkState() == Qt.CheckState.Checked]


def test_space_down_space_ticks_two_items_and_the_cursor_stays(qtbot: Any, window: Any) -> None:
    _form, materials = checklist(qtbot, window)
    model = materials.model()
    resets: list[str] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    model.rowsRemoved.connect(lambda *_: resets.append("removed"))
    materials.setCurrentIndex(model.index(0, 0))
    key(Qt.Key.Key_Space)
    settle(qtbot, window)  # the tick is checked like any field: the list follows in place
    assert materials.currentIndex().row() == 0
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Space)
    settle(qtbot, window)
    assert ticked(materials) == [0, 1]
    assert materials.currentIndex().row() == 1, "the cursor stays on the item ticked"
    assert resets == [], "ticking never rebuilds the list"
    key(Qt.Key.Key_Space)
    settle(qtbot, window)
    assert ticked(materials) == [0], "Space again unticks the current item only"
    assert materials.objectName() == "materials"


def test_digits_tick_item_n_and_a_ticks_everything_received(qtbot: Any, window: Any) -> None:
    form, materials = checklist(qtbot, window)
    key(Qt.Key.Key_3)
    settle(qtbot, window)
    assert ticked(materials) == [2] and materials.currentIndex().row() == 2
    key(Qt.Key.Key_A)
    settle(qtbot, window)
    assert ticked(materials) == list(range(materials.model().rowCount()))
    assert "材料未收齐" not in form.missing_label.text()
    assert "A" in form.materials_hint.text() and "1–9" in form.materials_hint.text(), "the keys are shown"


def test_the_list_follows_the_form_in_place_keeping_ticks_and_the_cursor(qtbot: Any, window: Any) -> None:
    _form, materials = checklist(qtbot, window)
    model = materials.model()
    materials.setCurrentIndex(model.index(0, 0))
    key(Qt.Key.Key_Space)
    settle(qtbot, window)
    first = model.item(0).data(KEY_ROLE)
    before = [model.item(r).data(KEY_ROLE) for r in range(model.rowCount())]
    choose(window, "reason_code", "01")  # another reason: other documents
    settle(qtbot, window)
    after = [model.item(r).data(KEY_ROLE) for r in range(model.rowCount())]
    assert after != before, "the required documents changed"
    row = after.index(first)
    assert model.item(row).checkState() == Qt.CheckState.Checked, "what was received stays ticked"
    assert materials.currentIndex().data(KEY_ROLE) == first, "the cursor stays on the same document"


def test_the_shortcut_list_names_the_checklist_keys(qtbot: Any, window: Any, monkeypatch: Any) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    window.action_shortcuts.trigger()
    assert shown and "A：全部收齐" in shown[0] and "F2" in shown[0]


def test_a_clerk_ticks_five_items_in_five_keys(qtbot: Any, window: Any, counter: Any) -> None:
    """#15 counted 19 keys for 5 ticks; now: 1 2 3 4 5."""
    _form, materials = checklist(qtbot, window, "open-account")
    rows = materials.model().rowCount()
    for digit in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5)[:rows]:
        key(digit)
    settle(qtbot, window)
    assert ticked(materials) == list(range(min(rows, 5)))
    assert services.list_records(counter) == []
