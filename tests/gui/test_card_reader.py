"""读卡 (F8) driven like a clerk with the simulated reader: the card fills the form, an expired one is refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import field, fill, send_key, settle
from idcard_helpers import SAMPLE, card, write_sim_card
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from test_wizard import an_employer, open_form, tick_all_materials

from counter_app import services
from counter_app.gui.settings_dialog import READER_KEY


@pytest.fixture(autouse=True)
def _no_reader_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COUNTER_IDCARD_READER", raising=False)


def press_f8(qtbot: Any, window: Any) -> Any:
    """F8 in the ID number field, then wait for the read (off the GUI thread) and the review after it."""
    form = window.form
    widget = field(window, "id_number")
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    send_key(widget, Qt.Key.Key_F8)
    assert form.card_reader.panel.isVisible(), "F8 started a read"
    qtbot.waitUntil(lambda: not form.card_reader.reading, timeout=10000)
    settle(qtbot, window)
    return form


def test_f8_fills_the_open_account_form_and_the_card_is_what_gets_stored(qtbot: Any, window: Any, counter: Any,
                                                                        tmp_path: Path) -> None:
    window.settings.setValue(READER_KEY, f"sim:{write_sim_card(tmp_path)}")  # the 设置 dialog's value
    form = open_form(qtbot, window, "open-account")
    assert field(window, "address").text() == ""
    press_f8(qtbot, window)
    assert field(window, "id_number").text() == SAMPLE.id_number
    assert field(window, "name").text() == "张晓明"
    assert field(window, "sex").currentData() == "1" and field(window, "id_type").currentData() == "01"
    assert field(window, "birth_date").text() == "1985-03-14"
    assert field(window, "address").text() == SAMPLE.address, "an empty address takes the card's"
    panel = window.findChild(QLabel, "card_photo")
    assert panel.isVisible() and panel.pixmap() is not None and not panel.pixmap().isNull()
    assert panel.pixmap().width() == 102, "the photo is shown at the card's size"
    details = window.findChild(QLabel, "card_details").text()
    assert "汉族" in details and "北京市公安局朝阳分局" in details and "2016-05-03 至 2036-05-03" in details
    assert window.findChild(QLabel, "card_status").text().startswith("已读卡，填入：证件类型、证件号码、姓名")
    assert field(window, "id_number_message").text() == "", "the review finds the card's number good"
    assert "id_card" in field(window, "materials").codes(), "the original ID card was on the reader: ticked"
    assert "材料“居民身份证原件”" in window.findChild(QLabel, "card_status").text()
    employer = an_employer(counter)  # the rest is typed as usual
    for key, text in (("mobile", "13812345678"), ("employer_uscc", employer.uscc), ("monthly_base", "6000"),
                      ("worker_ratio", "12"), ("employer_ratio", "12"), ("start_month", f"{date.today():%Y-%m}")):
        if not field(window, key).text():
            fill(qtbot, window, key, text)
    tick_all_materials(window)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=5000)
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()), timeout=10000)
    stored = {r.receipt_number: r for r in services.list_records(counter, kind="open-account")}[receipt.text()]
    assert (stored.fields["id_number"], stored.fields["name"], stored.fields["birth_date"]) == (
        SAMPLE.id_number, "张晓明", "1985-03-14")


def test_an_expired_card_is_refused_naming_its_date_and_fills_nothing(qtbot: Any, window: Any, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    expired = card(valid_from=date(2006, 5, 3), valid_until=date(2016, 5, 3))
    monkeypatch.setenv("COUNTER_IDCARD_READER", f"sim:{write_sim_card(tmp_path, expired)}")  # overrides the setting
    window.settings.setValue(READER_KEY, "vendor:/nowhere/libtermb.so")
    open_form(qtbot, window, "open-account")
    fill(qtbot, window, "address", "城关镇南山路1号")
    press_f8(qtbot, window)
    message = field(window, "id_number_message").text()
    assert message.startswith("身份证已于2016-05-03到期"), message
    assert field(window, "id_number").property("invalid") is True
    assert field(window, "id_number").text() == "" and field(window, "name").text() == ""
    assert field(window, "address").text() == "城关镇南山路1号", "what was typed stays"
    status = window.findChild(QLabel, "card_status").text()
    assert status.startswith("不能受理：身份证已于2016-05-03到期")
    assert not window.findChild(QLabel, "card_photo").pixmap().isNull(), "the photo shows whose card it was"


def test_a_typed_address_is_kept_and_no_card_says_so(qtbot: Any, window: Any, tmp_path: Path) -> None:
    path = write_sim_card(tmp_path, absent=True)
    window.settings.setValue(READER_KEY, f"sim:{path}")
    open_form(qtbot, window, "open-account")
    fill(qtbot, window, "address", "城关镇南山路1号")
    press_f8(qtbot, window)
    assert "未放卡" in window.findChild(QLabel, "card_status").text()
    assert field(window, "id_number").text() == ""
    write_sim_card(tmp_path)  # the card laid on the reader; F8 again
    press_f8(qtbot, window)
    assert field(window, "id_number").text() == SAMPLE.id_number
    assert field(window, "address").text() == "城关镇南山路1号", "the mailing address typed is not replaced"


def test_a_withdrawal_reads_the_number_and_forms_without_one_have_no_button(qtbot: Any, window: Any,
                                                                           tmp_path: Path) -> None:
    window.settings.setValue(READER_KEY, f"sim:{write_sim_card(tmp_path)}")
    open_form(qtbot, window, "withdrawal")
    press_f8(qtbot, window)
    assert field(window, "id_number").text() == SAMPLE.id_number
    assert window.findChild(QPushButton, "read_card").isVisible()
    open_form(qtbot, window, "establish-employer")
    assert window.form.card_reader is None
    assert [b for b in window.findChildren(QPushButton, "read_card") if b.isVisible()] == []


def test_the_button_reads_like_f8(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.settings.setValue(READER_KEY, f"sim:{write_sim_card(tmp_path, card(valid_until=None))}")
    form = open_form(qtbot, window, "loan")
    qtbot.mouseClick(window.findChild(QPushButton, "read_card"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.card_reader.reading, timeout=10000)
    settle(qtbot, window)
    assert field(window, "id_number").text() == SAMPLE.id_number
    assert "至 长期" in window.findChild(QLabel, "card_details").text()


def test_a_hung_reader_gives_the_button_back_and_its_late_card_is_not_filled(
        qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from counter_app.services import idcard as idcard_service

    release = threading.Event()
    real = idcard_service.read_card

    def hung(reader: str | None, on: date, port: int | None = None) -> Any:
        release.wait(10)  # a vendor library stuck in its call
        return real(reader, on, port)

    monkeypatch.setattr("counter_app.gui.card_reader.READ_PATIENCE_MS", 300)
    monkeypatch.setattr(idcard_service, "read_card", hung)
    window.settings.setValue(READER_KEY, f"sim:{write_sim_card(tmp_path)}")
    form = open_form(qtbot, window, "open-account")
    widget = field(window, "id_number")
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    send_key(widget, Qt.Key.Key_F8)
    status = window.findChild(QLabel, "card_status")
    qtbot.waitUntil(lambda: "阅读器无响应" in status.text(), timeout=5000)
    assert form.card_reader.button.isEnabled() and not form.card_reader.reading
    release.set()  # the library returns at last
    qtbot.wait(500)
    settle(qtbot, window)
    assert field(window, "id_number").text() == "", "a read given up on fills nothing when it comes back"
    assert "阅读器无响应" in status.text()
