"""Screenshots of #16's clerk-speed parts for people to look at (not a test; run under Xvfb).

    Xvfb :97 -screen 0 1920x1080x24 &
    DISPLAY=:97 QT_QPA_PLATFORM=xcb python tests/gui/screenshots_speed_forms.py DATA_DIR OUT_DIR 1366x768
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from datetime import date

from gui_helpers import send_key, send_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from screenshots import settle, worker

from counter_app import services
from counter_app.domain.ids import make_resident_id
from counter_app.domain.search_keys import employer_keys
from counter_app.gui.app import create_main_window


def screen_shot(out: Path, name: str, size: str) -> None:
    """The whole screen (popups are windows of their own: a window grab leaves them out)."""
    settle(500)
    w, h = (int(v) for v in size.split("x"))
    path = out / f"{name}-{size}.png"
    QApplication.primaryScreen().grabWindow(0, 0, 0, w, h).save(str(path))
    print(path)


PENDING_ID = make_resident_id("620102", date(1992, 8, 8), 417)  # not in the demo city
PENDING_NAME = "柏待审"


def pending_person(counter: Any, employer_uscc: str) -> None:
    """An account opened here, not yet decided by the centre (once per data dir)."""
    if any(h.key == PENDING_ID for h in services.search(counter, PENDING_ID)):
        return
    form = {"id_type": "01", "id_number": PENDING_ID, "name": PENDING_NAME, "mobile": "13912345678",
            "address": "南山镇新街3号", "employer_uscc": employer_uscc, "monthly_base": "4500",
            "worker_ratio": "12", "employer_ratio": "12", "start_month": date.today().strftime("%Y-%m")}
    materials = [m.any_of[0] for m in services.required_materials(counter, "open-account", form)]
    taken = services.submit_application(counter, "open-account", {**form, "materials": materials})
    assert taken.ok, taken.errors


def main(data_dir: str, out_dir: str, sizes: list[str]) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    counter = services.open_counter(data_dir, demo=True)
    card = worker(counter)
    pending_person(counter, card.employer.uscc)
    for size in sizes:
        w, h = (int(v) for v in size.split("x"))
        for draft in services.list_drafts(counter):
            services.discard_draft(counter, draft.kind)
        window: Any = create_main_window(data_dir)
        window.setGeometry(0, 0, w, h)
        window.show()
        settle(300)
        window.show_card("worker", card.worker.id_number)
        screen_shot(out, "card-worker", size)
        window.show_card("employer", card.employer.uscc)
        screen_shot(out, "card-employer", size)
        window.show_home()  # from the employer card, 开户 would start with its USCC filled in
        window.open_business("open-account")
        settle(1500)  # the employer list loads off the GUI thread
        line = window.findChild(QWidget, "employer_uscc")
        line.setFocus()
        send_text(line, min(employer_keys(card.employer.name), key=len)[:3])
        screen_shot(out, "picker-open", size)
        window.form.pickers["employer_uscc"].popup().hide()
        line.clear()
        send_text(line, card.employer.uscc)
        window.form.editors["employer_uscc"].committed.emit("employer_uscc")
        settle(800)
        screen_shot(out, "picker-chosen", size)
        writer = window.form.drafts
        window.form.retire()
        writer.wait_idle(10)  # the retired form's draft written, then thrown away
        services.discard_draft(counter, "open-account")  # the next shots start from a new form
        window.show_home()  # a new form: the commonest answers already there (居民身份证, this month)
        window.open_business("open-account")
        settle(800)
        screen_shot(out, "form-defaults", size)
        # 有N个单位与…相符: a name's first characters typed, Tab
        line = window.findChild(QWidget, "employer_uscc")
        window.activateWindow()
        settle(300)
        line.setFocus()
        line.clear()
        employers = window.form.pickers["employer_uscc"].employers
        send_text(line, next(c.name[:2] for c in employers.choices if len(employers.find(c.name[:2])) > 1))
        settle(600)
        popup = window.form.pickers["employer_uscc"].popup()
        send_key(popup if popup.isVisible() else line, Qt.Key.Key_Tab)  # left with the list open
        settle(1000)
        screen_shot(out, "picker-several", size)
        writer = window.form.drafts
        window.form.retire()
        writer.wait_idle(10)  # the retired form's draft written, then thrown away
        services.discard_draft(counter, "open-account")
        window.show_home()  # an account taken, then 同单位办理下一笔 (Alt+W): the employer kept
        form = window.open_business("open-account")
        settle(800)
        number = make_resident_id("110105", date(1991, 5, 9), 100 + 2 * sizes.index(size) + 1)
        form.set_values({"id_number": number, "name": "韩梅梅", "mobile": "13812345678",
                         "address": "南山镇幸福路8号", "employer_uscc": card.employer.uscc, "monthly_base": "4500"})
        settle(1500)
        form.all_received()
        settle(1500)
        form.try_submit()
        settle(2500)
        screen_shot(out, "open-account-done", size)
        send_key(form.next_client, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
        if form.done_page.isVisible():  # no window manager to route the mnemonic: the button itself
            form.next_same_employer.click()
        settle(1500)
        screen_shot(out, "open-account-next-same-employer", size)
        form.retire()
        window.show_home()  # a loan from the card: the usual category and method there, F9 the limit
        window.show_card("worker", card.worker.id_number)
        settle(800)
        window.card.buttons["loan"].click()
        settle(1000)
        loan = window.form
        for key, value in (("monthly_income", "8000"), ("house_price", "600000"), ("months", "240")):
            widget = loan.editors[key].widget
            widget.setFocus()
            send_text(widget, value)
            send_key(widget, Qt.Key.Key_Return)
            settle(500)
        settle(1000)
        loan.fill_maximum()
        settle(1000)
        screen_shot(out, "loan-from-card", size)
        loan.retire()
        window.show_home()  # a rent: Enter stops at the case the reason asks for; F9 the maximum; F7 the materials
        form = window.open_business("withdrawal", {"id_number": card.worker.id_number})
        window.activateWindow()
        settle(800)
        reason = form.editors["reason_code"].widget
        reason.setFocus()
        send_text(reason, "07")
        settle(800)

        def press(key: Qt.Key, reason: QWidget = reason) -> None:  # to the focus (the reason field if none yet)
            send_key(QApplication.focusWidget() or reason, key)
            settle(300)

        for key in (Qt.Key.Key_Return, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_F9, Qt.Key.Key_F7):
            press(key)
        settle(1000)
        screen_shot(out, "withdrawal-rent-keys", size)
        form.retire()
        window.show_home()  # #16 item 6: a person taken in here, found before the centre has decided
        window.search.focus()
        send_text(window.search_box, "bdsh")
        settle(800)
        screen_shot(out, "search-pending", size)
        send_key(window.search_box, Qt.Key.Key_Return)
        settle(800)
        screen_shot(out, "card-pending", size)
        window.close()
    counter.close()
    app.processEvents()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:] or ["1366x768"])
