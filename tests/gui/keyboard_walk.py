"""A clerk's keyboard only: open a business by its shortcut, walk its fields with Tab typing each value
(key events carrying the text, CJK included), pick choices with the arrow keys, tick the checklist
with A, submit with Ctrl+Enter, print the receipt and the form with Alt+R and Alt+A.

No widget is focused, set or clicked by the test: where the focus goes is where the form sends it.
"""

from __future__ import annotations

from typing import Any

from gui_helpers import send_key, send_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QLineEdit

from counter_app.gui.business_menu import MENU
from counter_app.gui.main_window import business_shortcut

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
DIGITS = {str(n): getattr(Qt.Key, f"Key_{n}") for n in range(10)}


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def settle(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.form is None or window.form.settled, timeout=10000)


def press(qtbot: Any, window: Any, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key through Qt's shortcut map and focus (as a keyboard delivers it), to the active window."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifiers)


def open_by_shortcut(qtbot: Any, window: Any, kind: str) -> Any:
    """Ctrl+N / Ctrl+Alt+N, the business's key in the bar (its tooltip names it)."""
    number = [k for k, *_ in MENU].index(kind) + 1
    keys = business_shortcut(number)
    modifiers = CTRL | (ALT if "Alt" in keys else Qt.KeyboardModifier.NoModifier)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, DIGITS[keys[-1]], modifiers)
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == kind, timeout=10000)
    form = window.form
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and form.isAncestorOf(QApplication.focusWidget()),
                    timeout=5000)
    return form


def _pick(qtbot: Any, window: Any, combo: QComboBox, code: str) -> None:
    target = combo.findData(code)
    assert target >= 0, f"{combo.objectName()} has no choice {code}"
    while combo.currentIndex() != target:
        press(qtbot, window, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def walk(qtbot: Any, window: Any, values: dict[str, str], max_steps: int = 60) -> list[str]:
    """Tab through the open form from where its focus is, typing each value into its field, until the
    materials checklist; returns the fields visited, in order. A field already filled (from the ID
    number or the worker's record) is left as it is."""
    visited: list[str] = []
    for _ in range(max_steps):
        name = focused()
        if name == "materials":
            return visited
        widget = QApplication.focusWidget()
        visited.append(name)
        if name in values:
            value = values[name]
            if isinstance(widget, QComboBox):
                _pick(qtbot, window, widget, value)
            elif isinstance(widget, QCheckBox):
                if widget.isChecked() != (value == "1"):
                    press(qtbot, window, Qt.Key.Key_Space)
            elif not (isinstance(widget, QLineEdit) and widget.text()):
                send_text(widget, value)
        send_key(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda name=name: focused() != name, timeout=5000)
        settle(qtbot, window)
    raise AssertionError(f"Tab never reached the materials checklist: {visited}")


def tick_and_submit(qtbot: Any, window: Any) -> str:
    """A (all received) in the checklist, Ctrl+Enter; the receipt number shown."""
    form = window.form
    press(qtbot, window, Qt.Key.Key_A)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=5000)
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    receipt = window.findChild(QLabel, "receipt_number")
    qtbot.waitUntil(lambda: bool(receipt.text()), timeout=10000)
    return receipt.text()


def print_by_mnemonic(qtbot: Any, window: Any, letter: Qt.Key, document: str) -> Any:
    """Alt+R (受理回执) or Alt+A (申请表) on the receipt page: the preview, closed again."""
    before = window.printer.last_preview
    press(qtbot, window, letter, ALT)
    qtbot.waitUntil(lambda: window.printer.last_preview is not None and window.printer.last_preview is not before,
                    timeout=20000)
    preview = window.printer.last_preview
    assert preview.document == document
    pdf = preview.pdf
    preview.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return pdf
