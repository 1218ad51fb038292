"""A clerk's day at the real counter window, key by key: the driver shared by ``benchmarks/clerk_day.py``
and the suite's short day (``tests/gui/test_clerk_day.py``).

Walk-ins come in a fixed mix (seeded): every business of the catalog, a refusal at submit, a field typed
wrong and corrected, a draft left when the customer steps aside and resumed later, searches, receipts
and forms printed to PDF, a one-time notice for a customer missing papers, and a sync (F5) every
``sync_every`` walk-ins when a centre is connected. Who walks in is chosen from the demo city through
the lookup services (the customer's papers); the work itself is done only through the window: key
events (``QTest`` for keys and shortcuts, ``QInputMethodEvent`` commits for Chinese as an IME sends
them), then waiting until the window has settled, so it keeps working when checks and submits run
off the GUI thread.

Measured: keystrokes beyond the data typed, time per walk-in, the latency of each field check (Tab out
until the window settled) and of each submit (Ctrl+Enter until the receipt or the refusal shows), the
longest GUI stall (the longest single key dispatch, and the longest gap of a 5 ms heartbeat while the
event loop runs), RSS growth and the drift of ``None``'s reference count.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter as Tally
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from counter_app import services
from counter_app.domain.businesses.loan_settle import last_due_date, payoff
from counter_app.domain.catalog import BUSINESSES
from counter_app.domain.ids import make_resident_id, make_uscc
from counter_app.services.applications import evaluate

NO_MOD = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
VALID_CARD = "6222020000000000000"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ("建国", "秀英", "志强", "丽华", "海燕", "俊杰", "晓明", "春梅", "国庆", "雪梅", "文博", "子涵")
STREETS = ("南山路", "新街", "人民路", "中山街", "东风路", "滨河路")
# The mix of one day (weights); every catalog business is among the plain ones.
SCENARIOS = (("plain", 52), ("refused", 6), ("corrected", 8), ("draft", 6), ("search", 14), ("notice", 6),
             ("print_form", 8))
# Every scenario early in the day (walk-ins 2, 4, 6 …), whatever the random mix gives later: a short
# day with many businesses still sees each one.
OPENERS = ("draft", "refused", "corrected", "notice", "search", "print_form")
DRAFT_KINDS = ("withdrawal", "loan", "info-change")
TAKES_ITS_KIND = ("plain", "print_form", "corrected", "draft")  # the others bring their own business or none


@dataclass
class WalkIn:
    """One customer at the counter and what became of it."""

    n: int
    kind: str
    scenario: str
    seconds: float = 0.0
    data_keys: int = 0
    extra_keys: int = 0
    receipt: str = ""  # set when accepted
    refused: str = ""  # the refusal the clerk saw
    printed: list[str] = field(default_factory=list)


@dataclass
class DayFigures:
    walk_ins: list[WalkIn] = field(default_factory=list)
    checks_ms: dict[str, list[float]] = field(default_factory=dict)
    submits_ms: dict[str, list[float]] = field(default_factory=dict)
    longest_dispatch_ms: float = 0.0
    longest_heartbeat_gap_ms: float = 0.0
    rss_start_kib: int = 0
    rss_warm_kib: int = 0  # after the warm-up walk-ins (fonts, PDF engine, caches loaded once)
    rss_end_kib: int = 0
    warmup: int = 0
    none_refs_start: int = 0
    none_refs_end: int = 0
    syncs: list[str] = field(default_factory=list)
    drafts_resumed: int = 0
    pdfs: list[Path] = field(default_factory=list)

    @property
    def accepted(self) -> list[WalkIn]:
        return [w for w in self.walk_ins if w.receipt]


def rss_kib() -> int:
    try:
        with open("/proc/self/statm") as handle:
            import os

            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except OSError:
        return 0


def p95(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def loan_months(worker: Any, today: date) -> int:
    """A term the customer asks for: 20 years, or what ends well before 60 (the rule allows 65 for men)."""
    birth = getattr(worker, "birth_date", None)
    if birth is None:
        return 120
    left = (birth.year + 60 - today.year) * 12 + (birth.month - today.month)
    return max(0, min(240, left - 12) // 12 * 12)


class Customers:
    """Who walks in: demo workers with a normal account, registered employers, new people and firms."""

    def __init__(self, counter: Any, rng: random.Random) -> None:
        self.counter, self.rng = counter, rng
        self.used: dict[str, set[str]] = {}
        self._workers: list[Any] = []
        self._borrower_cards: list[Any] = []  # repaying an up-to-date fund loan
        self._employers: list[Any] = []
        self._seq = 0
        self.today = counter.today()

    def _pool(self) -> None:
        seen: set[str] = set()
        for surname in SURNAMES:
            for hit in services.search(self.counter, surname, limit=40):
                if hit.kind != "worker" or hit.key in seen:
                    continue
                seen.add(hit.key)
                card = services.person_card(self.counter, hit.key)
                if card is None:
                    continue
                normal = [a for a in card.accounts if a.status == "01" and a.balance >= Decimal("2000")]
                if normal and not card.loans:
                    self._workers.append(card)
                elif normal and _live_loan(card) is not None:
                    self._borrower_cards.append(card)
                if card.employer is not None and card.employer.registered and card.employer not in self._employers:
                    self._employers.append(card.employer)
        self.rng.shuffle(self._workers)
        self.rng.shuffle(self._borrower_cards)

    def _fresh(self, kind: str, pool: list[Any], key: Callable[[Any], str],
               make: Callable[[Any], dict[str, Any]], used_for: str | None = None) -> dict[str, Any]:
        """The next customer of ``pool`` whose papers pass the business's checks (not used for ``kind``,
        or for the group ``used_for``, yet)."""
        used = self.used.setdefault(used_for or kind, set())
        for candidate in pool:
            if key(candidate) in used:
                continue
            used.add(key(candidate))
            values = make(candidate)
            if used_for is None and services.check_form(self.counter, kind, values).ok:
                return values
            if used_for is not None:  # the store decides these (a loan's state, agreements): ask it too
                values["materials"] = [m.code for m in services.required_materials(self.counter, kind, values)]
                with self.counter.store.unit_of_work() as uow:
                    if evaluate(self.counter, kind, values, uow).ok:
                        return values
        raise RuntimeError(f"the demo city has no more customers for {kind}")

    def _post_loan(self, kind: str, card: Any) -> dict[str, Any]:
        """Papers of a business on the borrower's loan (settle, prepay, offset sign/cancel, deferral)."""
        loan = _live_loan(card)
        assert loan is not None
        values: dict[str, Any] = {"id_number": card.worker.id_number, "loan_no": loan.loan_no}
        if kind == "loan-settle":
            due = payoff(loan.outstanding, loan.annual_rate, last_due_date(loan.start_date, self.today), self.today)
            values.update(settle_date=self.today.isoformat(), amount=str(due.total))
        elif kind == "loan-prepay":
            values.update(amount=str((loan.outstanding / 3).quantize(Decimal("0.01"))), mode=self.rng.choice("12"))
        elif kind in ("offset-sign", "offset-cancel"):  # a cancel without an agreement in force is refused
            values["payer_relation"] = "1"
        else:  # repay-deferral
            values.update(from_month=f"{self.today:%Y-%m}", defer_months="3", reason="本人失业，暂时无力按月还款")
        return values

    def worker_ids(self) -> list[str]:
        if not self._workers:
            self._pool()
        return [c.worker.id_number for c in self._workers]

    def papers(self, kind: str) -> dict[str, Any]:
        """A complete, valid form of ``kind`` (materials included) as the customer brings it."""
        if not self._workers:
            self._pool()
        self._seq += 1
        month = f"{self.today:%Y-%m}"
        if kind == "open-account":
            birth = date(1985 + self._seq % 15, 1 + self._seq % 12, 1 + self._seq % 28)
            employer = self.rng.choice(self._employers)
            values = {"id_type": "01", "id_number": make_resident_id("110105", birth, (500 + self._seq) % 1000),
                      "name": self.rng.choice(SURNAMES) + self.rng.choice(GIVEN), "mobile": f"139{self._seq:08d}",
                      "address": f"城关镇{self.rng.choice(STREETS)}{self._seq}号", "employer_uscc": employer.uscc,
                      "monthly_base": "6000", "worker_ratio": "12", "employer_ratio": "12", "start_month": month}
        elif kind == "establish-employer":
            values = {"uscc": make_uscc(f"91620102{self._seq + 7_000_000:08d}A"),
                      "employer_name": f"示范市南山{self.rng.choice(GIVEN)}商贸{self._seq}号有限公司", "legal_rep": "黄伟",
                      "employer_address": f"南山镇{self.rng.choice(STREETS)}{self._seq}号", "contact_name": "林芳",
                      "contact_mobile": f"137{self._seq:08d}", "bank_name": "中国建设银行",
                      "bank_account": f"6200000{self._seq:010d}", "worker_ratio": "10", "employer_ratio": "10",
                      "first_month": month}
        elif kind == "withdrawal":  # money out of an account: one business at a time per worker
            values = self._fresh(kind, self._workers, lambda c: c.worker.id_number, lambda c: {
                "id_number": c.worker.id_number, "reason_code": "07", "variant": "public", "amount": "200.00",
                "event_date": f"{self.today.year}-{self.today.month:02d}-01", "document_no": f"ZL-{self._seq:04d}",
                "bank_card": VALID_CARD}, used_for="money-out")
        elif kind == "offsite-purchase-withdrawal":
            values = self._fresh(kind, self._workers, lambda c: c.worker.id_number, lambda c: {
                "id_number": c.worker.id_number, "house_city": "陕西省西安市",
                "house_address": f"西安市雁塔区科技路{self._seq}号", "document_no": f"XA-2026-{self._seq:04d}",
                "event_date": f"{self.today.year}-{self.today.month:02d}-01", "event_amount": "900000",
                "amount": "1000.00", "bank_card": VALID_CARD}, used_for="money-out")
        elif kind == "transfer-out":
            values = self._fresh(kind, self._workers, lambda c: c.worker.id_number, lambda c: {
                "id_number": c.worker.id_number, "mobile": c.worker.mobile or f"139{self._seq:08d}",
                "target_city": "陕西省西安市", "target_centre": "西安住房公积金管理中心",
                "target_account": f"6101{self._seq:08d}"}, used_for="money-out")
        elif kind == "transfer-in":
            values = self._fresh(kind, self._workers, lambda c: c.worker.id_number, lambda c: {
                "id_number": c.worker.id_number, "mobile": c.worker.mobile or f"139{self._seq:08d}",
                "source_city": "甘肃省兰州市", "source_centre": "兰州住房公积金管理中心",
                "source_account": f"6201{self._seq:08d}", "amount": "12000"}, used_for="transfer-in")
        elif kind == "loan":
            values = self._fresh(kind, [c for c in self._workers if loan_months(c.worker, self.today) >= 60],
                                 lambda c: c.worker.id_number, lambda c: {
                "id_number": c.worker.id_number, "borrower_category": "general", "monthly_income": "9000",
                "monthly_debt": "0", "house_price": "500000", "amount": "150000",
                "months": str(loan_months(c.worker, self.today)), "method": "01"})
        elif kind == "info-change":
            values = self._fresh(kind, self._workers, lambda c: c.worker.id_number, lambda c: {
                "id_number": c.worker.id_number, "new_mobile": f"138{self._seq:08d}"})
        elif kind == "deferral":
            start = (self.today.replace(day=1) + timedelta(days=32)).replace(day=1)
            end = (start + timedelta(days=160)).replace(day=1)
            values = self._fresh(kind, self._employers, lambda e: e.uscc, lambda e: {
                "uscc": e.uscc, "from_month": f"{start:%Y-%m}", "to_month": f"{end:%Y-%m}",
                "reason": "受市场影响订单大幅减少，经营困难", "workers_consent": True})
        elif kind == "project-admission":  # a new project of a registered employer (one pending per project)
            employer = self.rng.choice(self._employers)
            n = self._seq
            values = {"uscc": employer.uscc, "admission_type": "new", "district": "01",
                      "project_name": f"{self.rng.choice(GIVEN)}花园{n}期", "project_address": f"南山镇花园路{n}号",
                      "buildings": str(2 + n % 20), "units": str(100 + 7 * n), "land_cert_no": f"示国用2025第{n:04d}号",
                      "land_planning_permit_no": f"地字6201022025{n:05d}", "works_planning_permit_no": f"建字6201022025{n:05d}",
                      "construction_permit_no": f"62010220250615{n:04d}", "presale_permit_no": f"示房预售证2026{n:03d}",
                      "escrow_bank": "中国建设银行示范市分行", "escrow_account": f"620015900000{n:08d}"}
        elif kind in POST_LOAN:
            values = self._fresh(kind, self._borrower_cards, lambda c: c.worker.id_number,
                                 lambda c: self._post_loan(kind, c), used_for="post-loan")  # one per borrower
        else:
            raise ValueError(kind)
        values["materials"] = [m.code for m in services.required_materials(self.counter, kind, values)]
        return values


POST_LOAN = ("loan-settle", "loan-prepay", "offset-sign", "offset-cancel", "repay-deferral")


def _live_loan(card: Any) -> Any:
    return next((loan for loan in card.loans if loan.status == "repaying" and loan.outstanding > 0
                 and not loan.arrears_months), None)


class ClerkDay:
    """Drives one window through a day of walk-ins; ``run(n)`` returns the day's figures."""

    def __init__(self, window: Any, lookup: Any, *, seed: int = 1, sync_every: int = 0,
                 log: Callable[[str], None] | None = None) -> None:
        self.window, self.lookup = window, lookup
        self.rng = random.Random(seed)
        self.customers = Customers(lookup, self.rng)
        self.sync_every = sync_every
        self.figures = DayFigures()
        self.log = log or (lambda _text: None)
        self.current: WalkIn | None = None
        self.pending_draft: tuple[str, dict[str, Any]] | None = None
        self._beat_last = 0.0
        self._pumping = False
        self.heartbeat = QTimer()
        self.heartbeat.setInterval(5)
        self.heartbeat.timeout.connect(self._beat)
        self._loop = QEventLoop()
        self._tick = QTimer()
        self._tick.setSingleShot(True)
        self._tick.setInterval(2)
        self._tick.timeout.connect(self._loop.quit)
        self.kinds = list(BUSINESSES)
        self._turn = 0  # the business whose turn it is
        self._combo_typed: dict[int, float] = {}

    # -- the event loop and its stalls -----------------------------------------------------------
    def _beat(self) -> None:
        now = time.perf_counter()
        if self._pumping and self._beat_last:
            gap = (now - self._beat_last) * 1000
            self.figures.longest_heartbeat_gap_ms = max(self.figures.longest_heartbeat_gap_ms, gap)
        self._beat_last = now

    def pump(self, ms: int = 5) -> None:
        self._pumping = True
        self._beat_last = time.perf_counter()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, ms)
        self._pumping = False

    def busy(self) -> bool:
        from counter_app.gui.operations import runner

        return runner().busy

    def wait(self, predicate: Callable[[], Any] = lambda: True, timeout: float = 60.0, what: str = "") -> Any:
        """Run the event loop until ``predicate()`` holds and no operation is running."""
        deadline = time.monotonic() + timeout
        while True:
            self._pumping = True
            self._beat_last = time.perf_counter()
            self._tick.start()  # one timer and one loop for the whole day: QTimer.singleShot(msec > 0,
            self._loop.exec()  # callable) leaves references to None behind on PySide6 6.11
            self._pumping = False
            value = predicate()
            if value and not self.busy():
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"the window did not settle: {what}")

    def settle(self) -> None:
        self.wait(what="settle")

    # -- keys ------------------------------------------------------------------------------------
    def _dispatch(self, send: Callable[[], None]) -> None:
        start = time.perf_counter()
        send()
        self.figures.longest_dispatch_ms = max(self.figures.longest_dispatch_ms, (time.perf_counter() - start) * 1000)

    def key(self, widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MOD) -> None:
        """One key beyond the data (navigation, a shortcut, a tick, a correction)."""
        self._dispatch(lambda: QTest.keyClick(widget, key, modifiers))
        if self.current is not None:
            self.current.extra_keys += 1

    def type_text(self, widget: QWidget, text: str) -> None:
        """The data itself: ASCII as key events, Chinese as an IME's commit (one per run of CJK)."""
        target = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else widget
        run = ""
        for ch in text + "\0":
            if ch != "\0" and not ch.isascii():
                run += ch
                continue
            if run:
                event = QInputMethodEvent()
                event.setCommitString(run)
                self._dispatch(lambda e=event: QApplication.sendEvent(target, e))
                run = ""
            if ch != "\0":
                self._dispatch(lambda c=ch: QTest.keyClicks(target, c))
        if self.current is not None:
            self.current.data_keys += len(text)

    def focus(self) -> QWidget | None:
        return QApplication.focusWidget()

    def goto(self, widget: QWidget) -> None:
        """Tab (or Shift+Tab back) to ``widget`` as a clerk does; a click if it cannot be reached."""
        if widget.hasFocus():
            return
        for _ in range(30):
            here = self.focus()
            if here is None:
                break
            self.key(here, Qt.Key.Key_Tab)
            self.settle_checks(here)
            if widget.hasFocus():
                return
        if QApplication.activeWindow() is not self.window:
            self.back_to_window()
        widget.setFocus(Qt.FocusReason.MouseFocusReason)  # a click
        if self.current is not None:
            self.current.extra_keys += 1
        self.wait(widget.hasFocus, what="focus")

    def settle_checks(self, left: QWidget) -> None:
        """After leaving a form field: its check runs (now or off the GUI thread); time it."""
        form = self.window.form
        start = time.perf_counter()
        self.settle()
        if form is not None and left.objectName() in getattr(form, "editors", {}):
            self.figures.checks_ms.setdefault(form.spec.kind, []).append((time.perf_counter() - start) * 1000)

    # -- the form --------------------------------------------------------------------------------
    def open_business(self, kind: str) -> Any:
        number = self.kinds.index(kind) + 1
        if QApplication.activeWindow() is not self.window:
            self.back_to_window()
        if number <= 9:
            self.key(self.window.focusWidget() or self.window, getattr(Qt.Key, f"Key_{number}"), CTRL)
        else:  # Ctrl+1…9 only: the rest through the 业务 menu by keyboard (Alt+B, Down…, Enter)
            self.key(self.window.focusWidget() or self.window, Qt.Key.Key_B, ALT)
            menu = self.wait(QApplication.activePopupWidget, what="the business menu")
            target = self.window.business_actions[kind]
            for _ in range(len(self.kinds) + 2):
                if menu.activeAction() is target:
                    break
                self.key(menu, Qt.Key.Key_Down)
            self.key(menu, Qt.Key.Key_Return)
        return self.wait(lambda: self.window.form is not None and self.window.form.spec.kind == kind
                         and self.window.form.isVisible() and self.window.form, what=f"open {kind}")

    def editor(self, key: str) -> Any:
        return self.window.form.editors[key]

    def fill(self, key: str, value: Any) -> None:
        """Put ``value`` into field ``key`` the way a clerk does; Tab leaves it (the check runs)."""
        editor = self.editor(key)
        widget = editor.widget
        if editor.value() == value or (isinstance(value, str) and editor.value() == value.strip()):
            return  # pre-filled (from the store or the ID number) and right
        self.goto(widget)
        if isinstance(widget, QComboBox):
            # Keyboard search by the code at the start of each item; typed keys within the
            # keyboard input interval add up, so a second code waits as a clerk's next one would.
            last = self._combo_typed.get(id(widget), 0.0)
            pause = QApplication.keyboardInputInterval() / 1000 + 0.05 - (time.perf_counter() - last)
            if pause > 0:
                self.wait(lambda: time.perf_counter() - last > QApplication.keyboardInputInterval() / 1000 + 0.05,
                          what="keyboard search interval")
            self.type_text(widget, str(value))
            self._combo_typed[id(widget)] = time.perf_counter()
        elif isinstance(value, bool):
            if widget.isChecked() != value:
                self.key(widget, Qt.Key.Key_Space)
        else:
            if isinstance(widget, (QLineEdit, QPlainTextEdit)) and editor.value():
                self.key(widget, Qt.Key.Key_A, CTRL)  # replace what is there
            self.type_text(widget, str(value))
        self.key(widget, Qt.Key.Key_Tab)
        self.settle_checks(widget)

    def fill_all(self, values: dict[str, Any], skip: tuple[str, ...] = ()) -> None:
        for spec in self.window.form.spec.fields:
            if spec.key in values and spec.key != "materials" and spec.key not in skip:
                self.fill(spec.key, values[spec.key])
        if "materials" in values and "materials" not in skip:
            self.tick_materials(values["materials"])

    def tick_materials(self, codes: list[str]) -> None:
        """Tick every material the customer brought, with the keyboard (Home, Down…, Space)."""
        editor = self.window.form.editors.get("materials")
        if editor is None:
            return
        view = editor.widget
        self.goto(view)
        for _ in range(40):
            model = view.model()
            rows = [r for r in range(model.rowCount()) if model.item(r).checkState() != Qt.CheckState.Checked]
            if not rows:
                return
            row = rows[0]
            self.key(view, Qt.Key.Key_Home)
            for _down in range(row):
                self.key(view, Qt.Key.Key_Down)
            self.key(view, Qt.Key.Key_Space)
            self.settle()
        raise RuntimeError("the materials could not be ticked from the keyboard")

    def submit(self) -> str:
        """Ctrl+Enter; the receipt number, or "" with the refusal kept in ``current.refused``."""
        form = self.window.form
        start = time.perf_counter()
        self.key(self.focus() or form, Qt.Key.Key_Return, CTRL)
        def outcome() -> bool:
            done = form.form_stack.currentWidget() is form.done_page and bool(form.receipt_number.text())
            refused = form.missing_label.property("severity") == "error" or bool(form.findChild(QDialog, "approval_dialog"))
            return done or refused
        self.wait(outcome, what="submit")
        self.figures.submits_ms.setdefault(form.spec.kind, []).append((time.perf_counter() - start) * 1000)
        if form.form_stack.currentWidget() is form.done_page:
            return form.receipt_number.text()
        assert self.current is not None
        self.current.refused = form.missing_label.text()
        return ""

    def print_document(self, button: QWidget, name: str) -> None:
        """A print button (reached by Tab, pressed with Space) → PDF → preview, closed with Esc."""
        printer = self.window.printer
        before = printer.last_preview
        self.goto(button)
        self.key(button, Qt.Key.Key_Space)
        preview = self.wait(lambda: printer.last_preview is not before and printer.last_preview, what=f"print {name}")
        self.figures.pdfs.append(Path(preview.pdf))
        if self.current is not None:
            self.current.printed.append(name)
        self.key(preview, Qt.Key.Key_Escape)
        self.wait(lambda: not preview.isVisible() if _alive(preview) else True, what="preview closes")
        self.back_to_window()

    def back_to_window(self) -> None:
        """A dialog closed: the counter window is the active one again (the platform does it on a desktop)."""
        self.window.activateWindow()
        self.wait(lambda: QApplication.activeWindow() is self.window, what="window active")

    def next_client(self) -> None:
        form = self.window.form
        self.goto(form.next_client)
        self.key(form.next_client, Qt.Key.Key_Return)
        self.wait(lambda: form.form_stack.currentWidget() is form.entry_page, what="next client")

    def go_home(self) -> None:
        self.key(self.focus() or self.window, Qt.Key.Key_H, CTRL)
        self.wait(lambda: self.window.pages.currentWidget() is self.window.home_page, what="home")

    def leave_form_by_esc(self) -> None:
        """Esc; with input the form asks first, and the clerk says yes (what was typed is dropped)."""
        form = self.window.form
        self.key(self.focus() or form, Qt.Key.Key_Escape)
        box = self.wait(lambda: (form._confirm if form._confirm is not None and form._confirm.isVisible() else None)
                        or (self.window.form is None and "gone"), what="esc")
        if isinstance(box, QMessageBox):
            yes = box.button(QMessageBox.StandardButton.Yes)
            self.key(box, Qt.Key.Key_Tab) if not yes.hasFocus() else None
            if not yes.hasFocus():
                yes.setFocus()
            self.key(yes, Qt.Key.Key_Space)
            self.wait(lambda: not _alive(box) or not box.isVisible(), what="box closes")
            self.back_to_window()
        self.wait(lambda: self.window.pages.currentWidget() is self.window.home_page, what="home after esc")

    # -- scenarios -------------------------------------------------------------------------------
    def plain(self, kind: str, signature_form: bool = False) -> None:
        values = self.customers.papers(kind)
        self.open_business(kind)
        self.fill_all(values)
        self.finish(signature_form)

    def finish(self, signature_form: bool = False) -> None:
        """Submit; once accepted, print the receipt (and the form to sign), then the next client."""
        receipt = self.submit()
        if receipt:
            self.current.receipt = receipt  # type: ignore[union-attr]
            self.print_document(self.window.form.print_receipt, "receipt")
            if signature_form:
                self.print_document(self.window.form.print_form, "form")
            self.next_client()
        else:  # refused: the customer leaves; the clerk clears the form (Esc, yes)
            self.leave_form_by_esc()

    def print_form(self, kind: str) -> None:
        self.plain(kind, signature_form=True)

    def refused(self, kind: str) -> None:
        """Open an account for someone who already has one: refused at submit; nothing is stored."""
        self.current.kind = "open-account"  # type: ignore[union-attr]
        ids = self.customers.worker_ids()
        values = self.customers.papers("open-account")
        values["id_number"] = ids[self.rng.randrange(len(ids))]
        self.open_business("open-account")
        self.fill_all(values)
        self.finish()

    def corrected(self, kind: str) -> None:
        """The ID number typed with a wrong last digit: the check says so at Tab; the clerk corrects."""
        values = self.customers.papers(kind)
        subject = BUSINESSES[kind].subject_field
        self.open_business(kind)
        right = values[subject]
        wrong = right[:-1] + ("0" if right[-1] != "0" else "1")
        self.fill(subject, wrong)
        editor = self.editor(subject)
        self.wait(lambda: editor.problem, what="the wrong number is flagged")
        self.goto(editor.widget)  # Shift+Tab would do; the driver counts whatever it takes
        self.fill(subject, right)
        self.fill_all(values)
        self.finish()

    def draft(self, kind: str) -> None:
        """Half a form, then the customer steps aside (Ctrl+H keeps the draft); resumed at a later walk-in."""
        if self.pending_draft is not None:
            kind, values = self.pending_draft
            self.pending_draft = None
            form = self.open_business(kind)
            self.wait(lambda: form.editors[BUSINESSES[kind].subject_field].value() == values[BUSINESSES[kind].subject_field],
                      what="the draft comes back")
            self.figures.drafts_resumed += 1
            self.fill_all(values)
            self.finish()
            return
        values = self.customers.papers(kind)
        self.open_business(kind)
        subject = BUSINESSES[kind].subject_field
        self.fill(subject, values[subject])
        self.go_home()
        self.pending_draft = (kind, values)
        self.current.scenario = "draft-left"  # type: ignore[union-attr]

    def search(self, kind: str) -> None:
        """Ctrl+F, a name or an ID number, Enter opens the card; Ctrl+H back."""
        ids = self.customers.worker_ids()
        target = ids[self.rng.randrange(len(ids))]
        box = self.window.search_box
        self.key(self.focus() or self.window, Qt.Key.Key_F, CTRL)
        self.wait(box.hasFocus, what="search box")
        if box.text():
            self.key(box, Qt.Key.Key_A, CTRL)
        self.type_text(box, target)
        self.key(box, Qt.Key.Key_Return)
        self.wait(lambda: self.window.pages.currentWidget() is self.window.card_page, what="card opens")
        self.go_home()

    def notice(self, kind: str) -> None:
        """Papers missing: Ctrl+N prints the one-time notice (一次性告知); the customer leaves."""
        self.current.kind = "withdrawal"  # type: ignore[union-attr]
        values = self.customers.papers("withdrawal")
        self.open_business("withdrawal")
        self.fill_all(values, skip=("materials",))
        form = self.window.form
        self.wait(lambda: form.print_notice.isEnabled(), what="notice can print")
        printer = self.window.printer
        before = printer.last_preview
        self.key(self.focus() or form, Qt.Key.Key_N, CTRL)
        preview = self.wait(lambda: printer.last_preview is not before and printer.last_preview, what="notice")
        self.figures.pdfs.append(Path(preview.pdf))
        self.current.printed.append("notice")  # type: ignore[union-attr]
        self.key(preview, Qt.Key.Key_Escape)
        self.wait(lambda: not _alive(preview) or not preview.isVisible(), what="notice closes")
        self.back_to_window()
        self.leave_form_by_esc()

    def sync(self) -> None:
        bar = self.window.statusbar
        if QApplication.activeWindow() is not self.window:
            self.back_to_window()
        self.wait(lambda: self.window.action_sync.isEnabled(), timeout=600, what="the previous sync")
        self.key(self.focus() or self.window, Qt.Key.Key_F5)
        message = self.wait(lambda: any(w in bar.currentMessage() for w in ("同步完成", "同步失败", "未配置中心"))
                            and bar.currentMessage(), timeout=600, what="sync")
        self.figures.syncs.append(message)

    # -- the day ---------------------------------------------------------------------------------
    def choose(self, n: int) -> tuple[str, str]:
        kind, scenario = self._choose(n)
        if kind == self.kinds[self._turn % len(self.kinds)] and scenario in TAKES_ITS_KIND:
            self._turn += 1  # the rotation moves on only when its business was really taken up
        return kind, scenario

    def _choose(self, n: int) -> tuple[str, str]:
        kind = self.kinds[self._turn % len(self.kinds)]  # every business, round and round
        drafted = self.pending_draft[0] if self.pending_draft is not None else None
        if n % 2 == 1 and n // 2 < len(OPENERS):
            opener = OPENERS[n // 2]
            opener_kind = {"draft": DRAFT_KINDS[n % len(DRAFT_KINDS)], "corrected": "withdrawal",
                           "notice": "withdrawal", "refused": "open-account"}.get(opener, kind)
            if drafted is None or (opener != "draft" and drafted != opener_kind):
                return opener_kind if opener != "notice" else kind, opener
        if drafted is not None and (n % 7 == 3 or drafted == kind):
            return drafted, "draft"  # the customer is back (or the form would bring the draft back)
        names, weights = zip(*SCENARIOS)
        scenario = self.rng.choices(names, weights)[0]
        if scenario == "draft" and kind not in DRAFT_KINDS:
            scenario = "plain"
        if scenario == "corrected" and BUSINESSES[kind].subject_field != "id_number":
            scenario = "plain"
        if scenario in ("notice", "draft") and self.pending_draft is not None:
            scenario = "plain"  # one draft at a time; the notice's withdrawal form would bring it back
        return kind, scenario

    def run(self, walk_ins: int, on_walk_in: Callable[[WalkIn], None] | None = None, warmup: int = 12) -> DayFigures:
        self.window.activateWindow()
        self.settle()
        self.customers.worker_ids()
        self.heartbeat.start()
        self.figures.rss_start_kib = rss_kib()
        self.figures.warmup = warmup
        self.figures.none_refs_start = sys.getrefcount(None)
        n = 0
        while n < walk_ins or self.pending_draft is not None:
            kind, scenario = self.choose(n)
            if n >= walk_ins:
                kind, scenario = self.pending_draft[0], "draft"  # type: ignore[index]
            self.current = WalkIn(n + 1, kind, scenario)
            started = time.perf_counter()
            getattr(self, scenario)(kind)
            self.current.seconds = time.perf_counter() - started
            self.figures.walk_ins.append(self.current)
            if on_walk_in is not None:
                on_walk_in(self.current)
            self.current = None
            n += 1
            if n == self.figures.warmup:
                self.figures.rss_warm_kib = rss_kib()
            if self.sync_every and n % self.sync_every == 0:
                self.sync()
        self.settle()
        self.heartbeat.stop()
        self.figures.rss_end_kib = rss_kib()
        self.figures.none_refs_end = sys.getrefcount(None)
        return self.figures


def _alive(widget: Any) -> bool:
    try:
        widget.isVisible()
        return True
    except RuntimeError:  # deleted on close (WA_DeleteOnClose)
        return False


def summary(figures: DayFigures) -> list[str]:
    """The figures as printed by the benchmark: per business, then over the day."""
    lines = [f"{'业务':<20}{'walk-ins':>9}{'accepted':>9}{'extra keys/walk-in':>20}{'data keys':>10}"
             f"{'s/walk-in':>10}{'check p95 ms':>14}{'submit p95 ms':>15}"]
    for kind in BUSINESSES:
        mine = [w for w in figures.walk_ins if w.kind == kind and w.scenario not in ("search",)]
        if not mine:
            continue
        extra = sum(w.extra_keys for w in mine) / len(mine)
        data = sum(w.data_keys for w in mine) / len(mine)
        secs = sum(w.seconds for w in mine) / len(mine)
        lines.append(f"{kind:<20}{len(mine):>9}{sum(1 for w in mine if w.receipt):>9}{extra:>20.1f}{data:>10.1f}"
                     f"{secs:>10.2f}{p95(figures.checks_ms.get(kind, [])):>14.1f}{p95(figures.submits_ms.get(kind, [])):>15.1f}")
    scenarios = Tally(w.scenario for w in figures.walk_ins)
    lines.append("scenarios: " + ", ".join(f"{k} {v}" for k, v in sorted(scenarios.items())))
    lines.append(f"accepted {len(figures.accepted)}, refused {sum(1 for w in figures.walk_ins if w.refused)}, "
                 f"drafts resumed {figures.drafts_resumed}, PDFs {len(figures.pdfs)}, syncs {len(figures.syncs)}")
    lines.append(f"longest GUI stall: {max(figures.longest_dispatch_ms, figures.longest_heartbeat_gap_ms):.0f} ms "
                 f"(longest key dispatch {figures.longest_dispatch_ms:.0f} ms, longest heartbeat gap "
                 f"{figures.longest_heartbeat_gap_ms:.0f} ms)")
    warm = figures.rss_warm_kib or figures.rss_start_kib
    lines.append(f"RSS {figures.rss_start_kib / 1024:.0f} MiB at the start, {warm / 1024:.0f} MiB after "
                 f"{figures.warmup} walk-ins (fonts, PDF engine loaded), {figures.rss_end_kib / 1024:.0f} MiB at the end: "
                 f"+{(figures.rss_end_kib - warm) / 1024:.1f} MiB over the rest of the day")
    lines.append(f"None refcount {figures.none_refs_start} → {figures.none_refs_end} "
                 f"(drift {figures.none_refs_end - figures.none_refs_start:+d})")
    return lines


def connect_to_centre(data_dir: Path, dsn: str, workers: int, employers: int, city_seed: int) -> str:
    """The central schema on ``dsn`` (a superuser's) with the demo city (``counter-central seed-demo``), this
    station added in the city's biggest district and connected (``counter-app connect``), its password in
    the test keyring (a JSON file named by ``COUNTER_TEST_KEYRING``). Returns the district. The station's
    first sync then replaces its reference data with the centre's share of its district."""
    import contextlib
    import io
    import json
    import os
    import uuid

    import keyring
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    sys.path.insert(0, str(Path(__file__).resolve().parent / "sync"))
    from keyring_file_backend import FileKeyring

    from counter_app.cli import main as app_main
    from counter_app.sync.central_cli import main as central_main

    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring_file_backend.FileKeyring"
    keyring.set_keyring(FileKeyring())
    with services.open_counter(data_dir) as counter:
        code = counter.station_code
    with contextlib.redirect_stdout(io.StringIO()):
        assert central_main(["init", "--dsn", dsn, "--group-role", "grp_" + uuid.uuid4().hex[:8], "--json"]) == 0
        assert central_main(["seed-demo", "--workers", str(workers), "--employers", str(employers), "--seed",
                             str(city_seed), "--dsn", dsn, "--json"]) == 0
    with psycopg.connect(dsn) as owner:
        district = owner.execute("SELECT district FROM central.workers GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
                                 ).fetchone()[0]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert central_main(["add-station", code, "--name", "城关区南山镇服务站", "--district", district,
                             "--dsn", dsn, "--json"]) == 0
    creds = json.loads(out.getvalue())
    parts = conninfo_to_dict(dsn)
    parts.update(user=creds["role"])
    parts.pop("password", None)
    stdin, sys.stdin = sys.stdin, io.StringIO(creds["password"] + "\n")
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            rc = app_main(["--data-dir", str(data_dir), "connect", "--dsn", make_conninfo(**parts), "--station", code,
                           "--json"])
    finally:
        sys.stdin = stdin
    if rc != 0:
        raise RuntimeError(f"connect failed: {out.getvalue()}")
    return str(district)
