"""Clerk speed (#16): the worker card's keys and offers, the employer picker, limits up front."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from gui_helpers import choose, field, fill, open_card, send_key, send_text, settle
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QMessageBox, QPushButton
from test_wizard import a_worker, an_employer, fill_open_account, fresh_id, open_form

from counter_app import services
from counter_app.domain.ids import make_uscc_of
from counter_app.domain.money import format_money
from counter_app.domain.search_keys import employer_keys
from counter_app.gui.card import mnemonic


def _card_shown(qtbot: Any, window: Any, kind: str, key: str) -> Any:
    open_card(qtbot, window, kind, key)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    return window.card


def test_the_card_offers_only_what_applies_with_alt_keys(qtbot: Any, window: Any, counter: Any) -> None:
    person = a_worker(counter)  # a normal account, no loan
    card = _card_shown(qtbot, window, "worker", person.worker.id_number)
    shown = {b.objectName() for b in card.findChildren(QPushButton) if b.objectName().startswith("card_")}
    assert "card_open_account" not in shown, "no 开户 for a worker whose account is active"
    assert {"card_withdrawal", "card_loan", "card_info_change"} <= shown
    assert "card_loan_settle" not in shown, "no 提前结清 without a loan"
    assert "一人一户" in card.unavailable["open-account"]
    button = card.buttons["withdrawal"]
    assert f"&{mnemonic('withdrawal')}" in button.text()
    qtbot.keyClick(card, mnemonic("withdrawal"), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == "withdrawal")
    assert field(window, "id_number").text() == person.worker.id_number


def test_ctrl_number_from_a_card_fills_the_person_like_the_button(qtbot: Any, window: Any, counter: Any) -> None:
    person = a_worker(counter)
    card = _card_shown(qtbot, window, "worker", person.worker.id_number)
    qtbot.keyClick(card, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # 贷款受理
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == "loan")
    assert field(window, "id_number").text() == person.worker.id_number
    qtbot.waitUntil(lambda: person.worker.name in window.form.subject_label.text())
    window.show_home()
    window.findChild(type(window.action_records), "action_withdrawal").trigger()  # not from a card: empty
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == "withdrawal")
    assert field(window, "id_number").text() == ""


def test_the_employer_card_opens_an_account_for_its_worker(qtbot: Any, window: Any, counter: Any) -> None:
    employer = an_employer(counter)
    card = _card_shown(qtbot, window, "employer", employer.uscc)
    button = card.buttons["open-account"]
    assert button.text().startswith("为该单位职工开户")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == "open-account")
    assert field(window, "employer_uscc").text() == employer.uscc
    assert window.focusWidget() is not field(window, "employer_uscc"), "the keyboard starts at the first empty field"
    send_key(window.focusWidget(), Qt.Key.Key_Escape)


def _initials(name: str) -> str:
    return min(employer_keys(name), key=len)


def test_the_employer_picker_completes_pinyin_initials_and_fills_the_ratios(qtbot: Any, window: Any,
                                                                              counter: Any) -> None:
    employer = an_employer(counter)
    form = open_form(qtbot, window, "open-account")
    picker = form.pickers["employer_uscc"]
    qtbot.waitUntil(lambda: bool(picker.employers.choices), timeout=10000)
    line = field(window, "employer_uscc")
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    send_text(line, _initials(employer.name))
    qtbot.waitUntil(lambda: picker.popup().isVisible())
    shown = [picker.completionModel().index(r, 0).data() for r in range(picker.completionCount())]
    row = next(r for r, text in enumerate(shown) if employer.uscc in text)
    assert picker.popup().currentIndex().row() == 0, "the best match is taken by Enter alone"
    for _ in range(row):
        send_key(picker.popup(), Qt.Key.Key_Down)
    send_key(picker.popup(), Qt.Key.Key_Return)
    assert line.text() == employer.uscc
    assert field(window, "employer_uscc_message").text() == employer.name
    assert field(window, "worker_ratio").text() == format(employer.worker_ratio.normalize(), "f")
    assert field(window, "employer_ratio").text() == format(employer.employer_ratio.normalize(), "f")
    settle(qtbot, window)
    assert field(window, "employer_uscc_message").text() == employer.name, "the review confirms the employer"


def test_leaving_the_field_with_one_employer_named_takes_it_and_several_keep_the_text(qtbot: Any, window: Any,
                                                                                      counter: Any) -> None:
    """Initials or a name typed, the list closed (Esc, or typed before the list came), Enter: the one
    employer they name is taken and the keyboard moves on; a text naming several stays as typed,
    with the field's message."""
    form = open_form(qtbot, window, "open-account")
    window.activateWindow()
    settle(qtbot, window)
    picker = form.pickers["employer_uscc"]
    qtbot.waitUntil(lambda: bool(picker.employers.choices), timeout=10000)
    choice, initials = next((c, k) for c in picker.employers.choices for k in [_initials(c.name)]
                            if len(k) >= 3 and len(picker.employers.find(k)) == 1)
    line = field(window, "employer_uscc")
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    send_text(line, initials)
    qtbot.waitUntil(lambda: picker.popup().isVisible())
    send_key(picker.popup(), Qt.Key.Key_Escape)  # the list closed: the text is the clerk's
    assert not picker.popup().isVisible() and line.text() == initials and window.form is form
    _back_in_window(qtbot, window, line)
    send_key(line, Qt.Key.Key_Return)
    assert line.text() == choice.uscc
    assert field(window, "employer_uscc_message").text() == choice.name
    assert window.focusWidget() is field(window, "monthly_base"), "on to the next field to fill"
    settle(qtbot, window)
    assert Decimal(field(window, "worker_ratio").text()) == Decimal(choice.worker_ratio), "its ratios filled"

    several = next(c.name[:2] for c in picker.employers.choices if len(picker.employers.find(c.name[:2])) > 1)
    _back_in_window(qtbot, window, line)
    send_key(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    send_key(line, Qt.Key.Key_Backspace)
    send_text(line, several)
    qtbot.waitUntil(lambda: picker.popup().isVisible())
    send_key(picker.popup(), Qt.Key.Key_Tab)  # left with the list open: checked as left all the same
    settle(qtbot, window)
    assert line.text() == several, "nothing typed is replaced by a guess"
    found = len(picker.employers.find(several))
    shown = field(window, "employer_uscc_message").text()
    assert shown.startswith(f"有{found}") and f"个单位与“{several}”相符：请多输入几个字，在列表中选择" in shown, shown
    assert "employer_uscc" in form.touched


def test_esc_in_the_open_list_closes_the_list_not_the_form(qtbot: Any, window: Any, counter: Any) -> None:
    employer = an_employer(counter)
    form = open_form(qtbot, window, "open-account")
    window.activateWindow()
    settle(qtbot, window)
    picker = form.pickers["employer_uscc"]
    qtbot.waitUntil(lambda: bool(picker.employers.choices), timeout=10000)
    line = field(window, "employer_uscc")
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    send_text(line, _initials(employer.name))
    qtbot.waitUntil(lambda: picker.popup().isVisible())
    send_key(picker.popup(), Qt.Key.Key_Escape)  # the form's Esc shortcut sees the key first
    qtbot.wait(100)
    confirm = window.findChild(QMessageBox, "confirm_cancel")
    assert not picker.popup().isVisible(), "the list is closed"
    assert confirm is None or not confirm.isVisible(), "no question about leaving the form"
    assert window.form is form and line.text() == _initials(employer.name)
    _back_in_window(qtbot, window, line)
    send_key(line, Qt.Key.Key_Escape)  # no list open: Esc is the form's, which asks (there is input)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "confirm_cancel") is not None
                    and window.findChild(QMessageBox, "confirm_cancel").isVisible(), timeout=3000)
    window.findChild(QMessageBox, "confirm_cancel").button(QMessageBox.StandardButton.No).click()
    assert window.form is form and line.text() == _initials(employer.name)


def test_an_establishments_own_code_is_never_replaced_by_an_employer_it_resembles(qtbot: Any, window: Any,
                                                                                   counter: Any) -> None:
    employer = an_employer(counter)
    form = open_form(qtbot, window, "establish-employer")
    window.activateWindow()
    settle(qtbot, window)
    picker = form.pickers["uscc"]
    qtbot.waitUntil(lambda: bool(picker.employers.choices), timeout=10000)
    partial = employer.uscc[:-1]  # one character short: only that employer's code starts so
    assert [c.uscc for c in picker.employers.find(partial)] == [employer.uscc]
    line = field(window, "uscc")
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    send_text(line, partial)
    qtbot.waitUntil(lambda: picker.popup().isVisible())
    send_key(picker.popup(), Qt.Key.Key_Escape)
    _back_in_window(qtbot, window, line)
    send_key(line, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert line.text() == partial, "the new employer's code stays as typed"
    assert "长度应为18位" in field(window, "uscc_message").text()


def _back_in_window(qtbot: Any, window: Any, line: Any) -> None:
    """The closed list's window gone, the counter window active again with the field focused (the
    offscreen platform hands the activation back late: a key sent before would land nowhere)."""
    qtbot.wait(200)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)


def test_a_typed_uscc_shows_the_employer_and_fills_its_ratios(qtbot: Any, window: Any, counter: Any) -> None:
    employer = an_employer(counter)
    open_form(qtbot, window, "open-account")
    fill(qtbot, window, "employer_uscc", employer.uscc)
    qtbot.waitUntil(lambda: field(window, "employer_uscc_message").text() == employer.name)
    qtbot.waitUntil(lambda: field(window, "worker_ratio").text() == format(employer.worker_ratio.normalize(), "f"))


def test_the_picker_finds_an_employer_by_name_typed_in_chinese(qtbot: Any, window: Any, counter: Any) -> None:
    employer = an_employer(counter)
    form = open_form(qtbot, window, "deferral")  # the picker is on every USCC field, the subject's too
    picker = form.pickers["uscc"]
    qtbot.waitUntil(lambda: bool(picker.employers.choices), timeout=10000)
    line = field(window, "uscc")
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    line.inputMethodEvent(_commit(employer.name[-6:]))
    qtbot.waitUntil(lambda: picker.popup().isVisible())
    assert any(employer.uscc in picker.completionModel().index(r, 0).data() for r in range(picker.completionCount()))


def _commit(text: str) -> Any:
    event = QInputMethodEvent()
    event.setCommitString(text)
    return event


def test_the_withdrawal_limit_shows_up_front_and_f9_fills_it(qtbot: Any, window: Any, counter: Any) -> None:
    person = a_worker(counter)
    open_form(qtbot, window, "withdrawal")
    fill(qtbot, window, "id_number", person.worker.id_number)
    choose(window, "reason_code", "07")  # 租房
    settle(qtbot, window)
    label = field(window, "amount_limit")
    qtbot.waitUntil(label.isVisible, timeout=5000)
    limit = window.form.review.limit
    assert limit is not None and limit.maximum > 0
    assert label.text().startswith(f"本次最多可提取 {format_money(limit.maximum)} 元（租房提取")
    amount = field(window, "amount")
    amount.setFocus()
    qtbot.waitUntil(amount.hasFocus)
    send_key(amount, Qt.Key.Key_F9)
    assert amount.text() == str(limit.maximum)
    settle(qtbot, window)
    assert field(window, "amount_message").text() == ""
    amount.clear()
    fill(qtbot, window, "amount", str(limit.maximum + 1))  # one yuan above: marked as the clerk leaves
    qtbot.waitUntil(lambda: "超过本次最多可提取" in field(window, "amount_message").text(), timeout=5000)
    assert window.form.form_stack.currentWidget() is not window.form.done_page


def test_the_loan_limit_shows_with_its_binding_rule(qtbot: Any, window: Any, counter: Any) -> None:
    person = a_worker(counter)
    open_form(qtbot, window, "loan")
    fill(qtbot, window, "id_number", person.worker.id_number)
    choose(window, "borrower_category", "general")
    for key, value in (("house_price", "600000"), ("months", "240"), ("monthly_income", "6000")):
        fill(qtbot, window, key, value)
    label = field(window, "amount_limit")
    qtbot.waitUntil(label.isVisible, timeout=5000)
    assert label.text().startswith("可贷额度 ") and "约束" in label.text()
    limit = window.form.review.limit
    fill(qtbot, window, "amount", str(limit.maximum + 100))
    qtbot.waitUntil(lambda: "超过可贷额度" in field(window, "amount_message").text(), timeout=5000)


def _search_and_open(qtbot: Any, window: Any, text: str, key: str) -> str:
    """Ctrl+F, the text typed, Down to the hit, Enter: the hit's line as the list shows it."""
    send_key(window.focusWidget() or window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_box.hasFocus)
    with qtbot.waitSignal(window.search.results_shown, timeout=5000):
        send_text(window.search_box, text)
    qtbot.waitUntil(lambda: any(h.key == key for h in window.search.model.hits), timeout=5000)
    assert window.search.view.isVisible()
    row = next(i for i, h in enumerate(window.search.model.hits) if h.key == key)
    for _ in range(row):
        send_key(window.search_box, Qt.Key.Key_Down)
    line = window.search.view.currentIndex().data()
    send_key(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.card is not None and window.pages.currentWidget() is window.card_page)
    return line


def test_a_person_opened_here_is_found_offline_marked_with_the_receipt(qtbot: Any, window: Any, counter: Any) -> None:
    form = open_form(qtbot, window, "open-account")
    id_number, name = fresh_id(41), "柏待审"
    fill_open_account(qtbot, window, counter, id_number, name)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=5000)
    send_key(window.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(form.receipt_number.text()), timeout=10000)
    receipt = form.receipt_number.text()
    window.show_home()
    for text in ("bdsh", id_number[:12]):  # the pinyin initials (柏 read as a surname: bai), the ID
        line = _search_and_open(qtbot, window, text, id_number)
        assert name in line and f"待中心审核（受理编号 {receipt}）" in line and id_number not in line
        card = window.card
        assert name in card.card_title.text() and f"待中心审核（受理编号 {receipt}）" in card.card_title.text()
        assert "开户申请待中心审核" in card.card_summary.text()
        assert "open-account" not in card.buttons, "no second opening while the first waits for the centre"
        assert receipt in [card.applications_model.index(r, 0).data() for r in range(card.applications_model.rowCount())]
        window.show_home()


def test_an_employer_established_here_is_found_and_offers_opening_for_its_workers(qtbot: Any, window: Any,
                                                                                  counter: Any) -> None:
    uscc, name = make_uscc_of("91620102", "MA0000Q7"), "南山镇待审建材有限公司"
    form = {"uscc": uscc, "employer_name": name, "legal_rep": "黄伟", "employer_address": "南山镇建材街5号",
            "contact_name": "林芳", "contact_mobile": "13712345678", "bank_name": "中国建设银行",
            "bank_account": "62000001234567890", "worker_ratio": "10", "employer_ratio": "10",
            "first_month": "2026-12"}
    codes = [m.any_of[0] for m in services.required_materials(counter, "establish-employer", form)]
    taken = services.submit_application(counter, "establish-employer", {**form, "materials": codes})
    assert taken.ok, taken.errors
    line = _search_and_open(qtbot, window, "待审建材", uscc)
    assert name in line and f"待中心审核（受理编号 {taken.receipt_number}）" in line
    card = window.card
    assert f"待中心审核（受理编号 {taken.receipt_number}）" in card.card_title.text()
    assert "建制申请待中心审核" in card.card_summary.text() and "establish-employer" not in card.buttons
    qtbot.keyClick(card, mnemonic("open-account"), Qt.KeyboardModifier.AltModifier)  # 为该单位职工开户
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == "open-account")
    assert field(window, "employer_uscc").text() == uscc
