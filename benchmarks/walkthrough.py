"""Keyboard walk-through (#16): three businesses served by real key events; keystrokes beyond the data, seconds.

    python benchmarks/walkthrough.py [--data-dir DIR]

A counter window on a demo city (``--data-dir``, seeded on first use) at 1366×768. Every key goes
through Qt's key-event path (``QTest.keyClick``: window shortcuts, mnemonics and the completer
popup see it as a clerk's key); characters outside ASCII arrive as an input method's commit. Keys
are counted as *data* (the characters of values the clerk has to enter: an ID number, a name, an
amount, an employer's pinyin initials, the national code of a coded choice — "07" for 租房, as the
list shows it) or *beyond the data* (everything else: Enter, Tab, arrows — a choice without a code
is picked with them —, shortcuts, F7 for the materials, F9 for the maximum, submit). The clerk fills
what the form asks for (Enter goes to the next field it wants); optional fields the policy does not
ask for in the case at hand stay empty. Prints, per business, both counts, the keys beyond the data
with the field each one left and reached, and the seconds from the first key to the receipt number
on screen (no thinking time: what the program makes the clerk wait, plus keys). A fourth line:
the same employer's next new worker, from the first opening's receipt (Alt+W), as an employer's
batch of new workers is served.
``run_walkthrough`` is also used by the suite's budget test.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from counter_app import services
from counter_app.domain.ids import make_resident_id
from counter_app.domain.search_keys import employer_keys
from counter_app.gui.app import create_main_window

BUDGETS = {"open-account": 8, "withdrawal": 10, "loan": 12}  # #16: keystrokes beyond the data


@dataclass
class Walk:
    """One business's keys: ``data`` characters and ``extra`` keys, the seconds it took, the receipt."""

    kind: str
    title: str = ""  # when the walk is a variant of its business (the next worker of the same employer)
    data: int = 0
    extra: int = 0
    seconds: float = 0.0
    receipt: str = ""
    log: list[str] = field(default_factory=list)


def wait(predicate: Any, timeout_s: float = 15.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(getattr(predicate, "__doc__", None) or "condition not met")
        loop = QEventLoop()
        QTimer.singleShot(5, loop.quit)
        loop.exec()


class Clerk:
    """Keys into whatever has the focus, counted."""

    def __init__(self, window: Any, walk: Walk) -> None:
        self.window, self.walk = window, walk

    def target(self) -> QWidget:
        popup = QApplication.activePopupWidget()
        return popup or QApplication.focusWidget() or self.window

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, note: str = "",
            then: Any = None) -> None:
        """One key beyond the data; ``then``: what it brings about (a form opening), awaited before the
        log says where the focus went."""
        self.walk.extra += 1
        before = focused()
        QTest.keyClick(self.target(), key, modifiers)
        QCoreApplication.processEvents()
        if then is not None:
            wait(then)
            self.settle()
        after = focused()
        where = f"[{before}→{after}]" if after != before else f"[{before}]"
        self.walk.log.append((note or str(key).split(".")[-1]) + where)

    def type(self, text: str) -> None:
        """Data: ASCII as key clicks, anything else as an input method's commit, a character at a time."""
        for ch in text:
            self.walk.data += 1
            widget = self.target()
            if ch.isascii():
                QTest.keyClick(widget, ch)
            else:
                event = QInputMethodEvent()
                event.setCommitString(ch)
                QCoreApplication.sendEvent(widget, event)
            QCoreApplication.processEvents()

    def settle(self) -> None:
        form = self.window.form
        wait(lambda: form is None or form.settled)

    def enter_until(self, key: str, limit: int = 25) -> None:
        """Enter, as the clerk presses it (after the form has shown its checks), until the named field
        has the focus."""
        for _ in range(limit):
            if focused() == key:
                return
            self.settle()
            self.key(Qt.Key.Key_Return, note="Enter")
            self.settle()
        raise AssertionError(f"Enter never reached {key} (at {focused()})")

    def choose(self, code: str) -> None:
        """A choice: its national code typed where the list shows one ("07 租房": data), else the
        arrow keys, Down until the code is current."""
        combo = QApplication.focusWidget()
        if combo.currentData() == code:
            return
        index = combo.findData(code)
        if index >= 0 and code.isdigit() and combo.itemText(index).startswith(code):
            self.type(code)  # within the keyboard search interval: "0", "7" → 07
            if combo.currentData() == code:
                return
        for _ in range(combo.count() + 1):
            if combo.currentData() == code:
                return
            self.key(Qt.Key.Key_Down, note="Down")
        raise AssertionError(f"no choice {code}")

    def asked(self, key: str) -> bool:
        """Whether the form wants ``key`` filled in (required and empty, or the check asks for it)."""
        self.settle()
        form = self.window.form
        return bool(form.to_fill(form.editors[key].widget))

    def submit(self) -> None:
        """F7 when materials are still unticked (every one the applicant brought), then Ctrl+Enter."""
        self.settle()
        if self.window.form.problems()[1]:
            self.key(Qt.Key.Key_F7, note="F7(all materials)")
        self.settle()
        self.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier, note="Ctrl+Enter")
        form = self.window.form
        try:
            wait(lambda: form.receipt_number.isVisible() and form.receipt_number.text())
        except TimeoutError:
            raise AssertionError(f"{self.walk.kind} not taken: {form.missing_label.text()} {form.values()}") from None
        self.walk.receipt = form.receipt_number.text()


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def _found_worker(counter: Any) -> Any:
    for surname in "王李张刘陈杨赵黄周吴":
        for hit in services.search(counter, surname, limit=50):
            if hit.kind != "worker":
                continue
            card = services.person_card(counter, hit.key, audited=False)
            if card.accounts and card.accounts[0].status == "01" and card.accounts[0].balance > 5000 \
                    and not card.loans and card.employer and not card.unavailable.get("loan") \
                    and not card.unavailable.get("withdrawal"):
                return card
    raise SystemExit("no demo worker for the walk-through")


def open_account(window: Any, counter: Any, card: Any) -> Walk:
    walk = Walk("open-account")
    clerk = Clerk(window, walk)
    employer = card.employer
    start = time.perf_counter()
    clerk.key(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier, note="Ctrl+1",
              then=lambda: window.form is not None and window.form.spec.kind == "open-account")
    if focused() == "id_type":
        clerk.choose("01")
        clerk.enter_until("id_number")
    clerk.type(make_resident_id("110105", date(1990, 3, 7), 931))
    clerk.enter_until("name")
    clerk.type("韩梅梅")
    clerk.enter_until("mobile")
    clerk.type("13812345678")
    clerk.enter_until("address")
    clerk.type("南山镇幸福路8号")
    clerk.enter_until("employer_uscc")
    clerk.type(employer_keys(employer.name)[1])  # the name's initials (白水镇卫生院: bszwsy)
    picker = window.form.pickers["employer_uscc"]
    wait(lambda: picker.popup().isVisible())
    rows = [picker.completionModel().index(r, 0).data() for r in range(picker.completionCount())]
    row = next(r for r, text in enumerate(rows) if employer.uscc in text)
    current = picker.popup().currentIndex().row()
    for _ in range(row - current):
        clerk.key(Qt.Key.Key_Down, note="Down(picker)")
    clerk.key(Qt.Key.Key_Return, note="Enter(picker)")
    clerk.settle()
    clerk.enter_until("monthly_base")
    clerk.type("4500")
    if clerk.asked("start_month"):
        clerk.enter_until("start_month")
        clerk.type(date.today().strftime("%Y-%m"))
    clerk.submit()
    walk.seconds = time.perf_counter() - start
    return walk


def next_same_employer(window: Any, counter: Any, card: Any) -> Walk:
    """From the receipt of ``open_account``: the employer's next new worker (同单位办理下一笔, Alt+W)."""
    walk = Walk("open-account", title="open-account, next worker of the same employer")
    clerk = Clerk(window, walk)
    form = window.form
    start = time.perf_counter()
    clerk.key(Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier, note="Alt+W(same employer)",
              then=lambda: form.entry_page.isVisible())
    for key, value in (("id_number", make_resident_id("110105", date(1991, 5, 9), 933)), ("name", "李雷"),
                       ("mobile", "13912345678"), ("address", "南山镇幸福路9号"), ("monthly_base", "4200")):
        clerk.enter_until(key)
        clerk.type(value)
    clerk.submit()
    walk.seconds = time.perf_counter() - start
    return walk


def search_card(clerk: Clerk, window: Any, card: Any) -> None:
    clerk.key(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier, note="Ctrl+F")
    clerk.type(card.worker.name)
    wait(lambda: any(h.key == card.worker.id_number for h in window.search.model.hits))
    row = next(i for i, h in enumerate(window.search.model.hits) if h.key == card.worker.id_number)
    for _ in range(row):
        clerk.key(Qt.Key.Key_Down, note="Down(hits)")
    clerk.key(Qt.Key.Key_Return, note="Enter(card)", then=lambda: window.pages.currentWidget() is window.card_page)


def rent_withdrawal(window: Any, counter: Any, card: Any) -> Walk:
    walk = Walk("withdrawal")
    clerk = Clerk(window, walk)
    start = time.perf_counter()
    search_card(clerk, window, card)
    clerk.key(Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier, note="Alt+3",
              then=lambda: window.form is not None and window.form.spec.kind == "withdrawal")
    clerk.enter_until("reason_code") if focused() != "reason_code" else None
    clerk.choose("07")
    clerk.enter_until("variant")
    clerk.choose("commercial")
    clerk.enter_until("amount")
    clerk.settle()
    if window.form.review is not None and getattr(window.form.review, "limit", None) is not None:
        clerk.key(Qt.Key.Key_F9, note="F9(maximum)")
    else:
        clerk.type("1500")
    # A commercial rent asks for no lease here (public housing would: the form then stops at them).
    for key, value in (("event_date", date.today().replace(year=date.today().year - 1, day=1).strftime("%Y%m%d")),
                       ("document_no", "ZL2026-0815"), ("bank_card", "6222021234567890128")):
        if clerk.asked(key):
            clerk.enter_until(key)
            clerk.type(value)
    clerk.submit()
    walk.seconds = time.perf_counter() - start
    return walk


def loan_intake(window: Any, counter: Any, card: Any) -> Walk:
    walk = Walk("loan")
    clerk = Clerk(window, walk)
    start = time.perf_counter()
    search_card(clerk, window, card)
    clerk.key(Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier, note="Alt+4",
              then=lambda: window.form is not None and window.form.spec.kind == "loan")
    if window.form.editors["borrower_category"].value() != "general":  # the policy's default category
        clerk.enter_until("borrower_category") if focused() != "borrower_category" else None
        clerk.choose("general")
    for key, value in (("monthly_income", "8000"), ("house_price", "600000"), ("months", "240")):
        clerk.enter_until(key)
        clerk.type(value)
    clerk.enter_until("amount")
    clerk.settle()
    if window.form.review is not None and getattr(window.form.review, "limit", None) is not None:
        clerk.key(Qt.Key.Key_F9, note="F9(maximum)")
    else:
        clerk.type("300000")
    clerk.settle()
    if not window.form.editors["method"].value():
        clerk.enter_until("method")
        clerk.choose("01")  # 等额本息
    clerk.submit()
    walk.seconds = time.perf_counter() - start
    return walk


def run_walkthrough(data_dir: str | Path) -> list[Walk]:
    """The three businesses, one after another, in one window on ``data_dir``; after the account
    opening, the same employer's next worker from its receipt (a variant walk, listed last)."""
    app = QApplication.instance() or QApplication([])
    counter = services.open_counter(str(data_dir), demo=True)
    card = _found_worker(counter)
    for draft in services.list_drafts(counter):
        services.discard_draft(counter, draft.kind)
    window = create_main_window(str(data_dir))
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    wait(lambda: window.counter is not None and window.desk is not None and window.desk.counter is not None)
    walks, variants = [], []
    try:
        for step in (open_account, rent_withdrawal, loan_intake):
            window.show_home()
            wait(lambda: QApplication.focusWidget() is not None)
            walks.append(step(window, counter, card))
            if step is open_account:
                variants.append(next_same_employer(window, counter, card))
        walks += variants
    finally:
        window.close()
        counter.close()
        app.processEvents()
    return walks


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(__import__("tempfile").mkdtemp(prefix="walk-"))
    for walk in run_walkthrough(data_dir):
        budget = BUDGETS[walk.kind]
        print(f"{walk.title or walk.kind:14s} keystrokes beyond the data: {walk.extra:2d} (budget {budget}), "
              f"data: {walk.data:3d}, {walk.seconds:.1f} s, receipt {walk.receipt}")
        print("    " + " ".join(walk.log))
    return 0


if __name__ == "__main__":
    sys.exit(main())
