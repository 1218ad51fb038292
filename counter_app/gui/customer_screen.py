"""The customer-facing second window (服务评价): what the clerk entered for the worker to confirm —
name, masked ID, business, amount, documents still missing — then a 1–5 rating after submission.

``CustomerScreenLink`` follows the main window's open business form without touching it: when a
form appears it listens to its fields and its ``submitted`` signal; a rating is stored with the
application through the services.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QWidget

from counter_app.gui.formats import money
from counter_app.gui.forms.ui_customer_screen import Ui_CustomerScreen
from counter_app.gui.i18n import _t, catalog_text
from counter_app.gui.operations import Operation
from counter_app.services import operations

SCORES = ((1, QT_TR_NOOP("很不满意")), (2, QT_TR_NOOP("不满意")), (3, QT_TR_NOOP("一般")),
          (4, QT_TR_NOOP("满意")), (5, QT_TR_NOOP("非常满意")))


class CustomerScreen(QWidget, Ui_CustomerScreen):
    """The second monitor's window. ``rated(receipt_number, score)`` when the worker presses a score."""

    rated = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # the clerk's keyboard stays on the counter
        self.setupUi(self)
        self.receipt_number = ""
        self.buttons: dict[int, QPushButton] = {}
        for score, label in SCORES:
            button = QPushButton(f"{score}\n{_t(label)}", self)
            button.setObjectName(f"rate_{score}")
            button.clicked.connect(lambda _checked=False, s=score: self._rate(s))
            self.rating_buttons.addWidget(button)
            self.buttons[score] = button
        self.idle()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi(self)
            for score, label in SCORES:
                self.buttons[score].setText(f"{score}\n{_t(label)}")
        super().changeEvent(event)

    def idle(self) -> None:
        """Between customers: only the welcome."""
        self.receipt_number = ""
        for label in (self.screen_business, self.screen_name, self.screen_id, self.screen_amount, self.screen_missing):
            label.clear()
        self.screen_pages.setCurrentWidget(self.confirm_page)

    def show_view(self, view: Any) -> None:
        """A ``services.operations.CustomerView``: the entries to confirm."""
        self.screen_pages.setCurrentWidget(self.confirm_page)
        self.screen_business.setText(catalog_text(view.business))
        self.screen_name.setText(view.name)
        self.screen_id.setText(view.masked_id)
        self.screen_amount.setText(money(view.amount) if view.amount is not None else "—")
        self.screen_missing.setText("、".join(view.missing) if view.missing else _t("材料齐全"))

    def ask_rating(self, receipt_number: str) -> None:
        self.receipt_number = receipt_number
        self.screen_receipt.setText(_t("受理编号：") + receipt_number)
        self.rating_thanks.clear()
        for button in self.buttons.values():
            button.setEnabled(True)
        self.screen_pages.setCurrentWidget(self.rating_page)

    def _rate(self, score: int) -> None:
        if not self.receipt_number:
            return
        for button in self.buttons.values():
            button.setEnabled(False)
        self.rated.emit(self.receipt_number, score)

    def thank(self, ok: bool, message: str = "") -> None:
        self.rating_thanks.setText(_t("谢谢您的评价！") if ok else message)

    def place_on_second_screen(self) -> None:
        """Full screen on the second monitor when there is one; a window otherwise."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
        else:
            self.resize(1024, 600)
            self.show()


class CustomerScreenLink(QObject):
    """Feeds the customer screen from the main window's current business form."""

    def __init__(self, window: Any, screen: CustomerScreen) -> None:
        super().__init__(window)
        self.window, self.screen = window, screen
        self.form: Any = None
        window.pages.currentChanged.connect(lambda _i: self.follow())
        screen.rated.connect(self.store_rating)
        self.follow()

    def follow(self) -> None:
        form = self.window.form if self.window.pages.currentWidget() is self.window.business_page else None
        if form is self.form:
            return
        self.form = form
        if form is None:
            if not self.screen.receipt_number:
                self.screen.idle()
            return
        form.reviewed.connect(lambda _review, f=form: self.update(f))  # after each field the clerk leaves
        form.submitted.connect(lambda result: self.submitted(result))
        self.update(form)

    def update(self, form: Any) -> None:
        counter = self.window.counter
        if form is not self.form or counter is None:
            return
        kind, values = form.spec.kind, form.values()
        Operation(lambda _p: operations.customer_view(counter, kind, values),
                  success=lambda view: self.screen.show_view(view) if form is self.form else None,
                  owner=self.screen).run(key="customer_view")

    def submitted(self, result: Any) -> None:
        if getattr(result, "ok", False) and result.receipt_number:
            self.screen.ask_rating(result.receipt_number)

    def store_rating(self, receipt_number: str, score: int) -> None:
        counter = self.window.counter

        def stored(outcome: Any) -> None:
            message = "；".join(e.message for e in outcome.errors)
            self.screen.thank(outcome.ok, message)
            text = _t("客户评价：{0}分").format(score) if outcome.ok else message
            self.window.statusbar.showMessage(text, 5000)

        Operation(lambda _p: operations.rate(counter, receipt_number, score), success=stored,
                  owner=self.screen).run(key="rating")
