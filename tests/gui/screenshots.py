"""Screenshots of the counter window for people to look at (not a test; run under Xvfb).

    Xvfb :99 -screen 0 1920x1080x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb python tests/gui/screenshots.py DATA_DIR OUT_DIR 1366x768 1920x1080
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from gui_helpers import send_key, send_text
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from counter_app import services
from counter_app.domain.businesses import BUSINESSES
from counter_app.gui.app import create_main_window
from counter_app.gui.operations import runner


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def type_into(window: Any, key: str, text: str) -> None:
    widget = window.findChild(QWidget, key)
    widget.setFocus()
    QCoreApplication.processEvents()
    send_text(widget, text)
    send_key(widget, Qt.Key.Key_Tab)
    QCoreApplication.processEvents()
    if window.form is not None and key in window.form.editors:  # no window manager: focus-out may not come
        window.form.editors[key].committed.emit(key)


def choose(window: Any, key: str, code: str) -> None:
    combo = window.findChild(QWidget, key)
    combo.setCurrentIndex(combo.findData(code))


def worker(counter: Any) -> Any:
    for hit in services.search(counter, "王", limit=50):
        card = services.person_card(counter, hit.key)
        if card and card.accounts and card.accounts[0].status == "01" and not card.loans and card.employer:
            return card
    raise SystemExit("no demo worker")


def shoot(window: Any, out: Path, name: str, size: str) -> Path:
    settle(400)  # past the deferred registration of the rare-character font
    path = out / f"{name}-{size}.png"
    window.grab().save(str(path))
    print(path)
    return path


SHOT = ("open-account", "establish-employer", "withdrawal", "loan", "info-change", "deferral")


def previews(window: Any, counter: Any, card: Any, out: Path, size: str) -> None:
    """A receipt's print preview and the 补打 dialog (a change of mobile number taken for the worker)."""
    digits = "".join(ch for ch in size if ch.isdigit())
    form = {"id_number": card.worker.id_number, "new_mobile": f"139{digits}00000000"[:11]}
    form["materials"] = [m.code for m in services.required_materials(counter, "info-change", form)]
    result = services.submit_application(counter, "info-change", form)
    if not result.ok:
        print("no receipt to preview:", result.errors)
        return
    window.printer.request("receipt", result.receipt_number)
    runner().wait_for_done(20000)
    settle(800)
    preview = window.printer.last_preview
    preview.resize(min(preview.width(), window.width()), window.height() - 60)
    settle(400)
    preview.grab().save(str(out / f"preview-receipt-{size}.png"))
    preview.close()
    window.printer.ask_reprint(result.receipt_number)
    settle(300)
    dialog = window.findChild(QDialog, "reprint_dialog")
    dialog.reason.setCurrentText("申请人单位要求加盖公章另需一份")
    settle(200)
    dialog.grab().save(str(out / f"reprint-dialog-{size}.png"))
    print(out / f"reprint-dialog-{size}.png")
    dialog.reject()


def main(data_dir: str, out_dir: str, sizes: list[str]) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    counter = services.open_counter(data_dir, demo=True)
    card = worker(counter)
    for size in sizes:
        w, h = (int(v) for v in size.split("x"))
        for draft in services.list_drafts(counter):  # each size starts from clean forms
            services.discard_draft(counter, draft.kind)
        window = create_main_window(data_dir)
        window.resize(w, h)
        window.show()
        shoot(window, out, "main", size)
        window.open_business("open-account")
        choose(window, "id_type", "01")
        type_into(window, "id_number", "１１０１０５１９９００３０７９０７Ｘ")
        type_into(window, "name", "𠮷田·阿依古丽")
        type_into(window, "mobile", "1381234567")
        type_into(window, "employer_uscc", card.employer.uscc)
        shoot(window, out, "open-account", size)
        window.open_business("establish-employer")
        type_into(window, "uscc", "91620102MA7XYZ1234")
        type_into(window, "employer_name", "南山镇兴旺农机合作社")
        shoot(window, out, "establish-employer", size)
        window.open_business("withdrawal")
        type_into(window, "id_number", card.worker.id_number)
        choose(window, "reason_code", "07")
        type_into(window, "amount", str(max(a.balance for a in card.accounts) + 5000))
        shoot(window, out, "withdrawal", size)
        window.open_business("loan")
        type_into(window, "id_number", card.worker.id_number)
        choose(window, "borrower_category", "general")
        for key, text in (("monthly_income", "9000"), ("monthly_debt", "0"), ("house_price", "800000"),
                          ("amount", "400000"), ("months", "300")):
            type_into(window, key, text)
        settle(600)
        shoot(window, out, "loan", size)
        window.open_business("info-change")
        type_into(window, "id_number", card.worker.id_number)
        type_into(window, "new_mobile", "13987654321")
        shoot(window, out, "info-change", size)
        window.open_business("deferral")
        type_into(window, "uscc", card.employer.uscc)
        type_into(window, "from_month", f"{date.today():%Y-%m}")
        shoot(window, out, "deferral", size)
        for kind, spec in BUSINESSES.items():  # every other business, opened for the worker or employer
            if kind in SHOT:
                continue
            subject = card.employer.uscc if spec.subject_field == "uscc" else card.worker.id_number
            window.open_business(kind, {spec.subject_field: subject} if spec.subject_field else None)
            settle(600)
            shoot(window, out, kind, size)
        previews(window, counter, card, out, size)
        window.show_home()
        window.search_box.setFocus()
        send_text(window.search_box, "wang")
        settle(800)
        shoot(window, out, "search", size)
        window.show_card("worker", card.worker.id_number)
        shoot(window, out, "card", size)
        window.show_records()
        shoot(window, out, "records", size)
        window.close()
    counter.close()
    del app


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:] or ["1366x768", "1920x1080"])
