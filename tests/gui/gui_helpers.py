"""Clerk-like input for GUI tests: key events carrying text, Tab to leave, named widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def send_text(widget: QWidget, text: str) -> None:
    """Key events carrying each character, as a keyboard or an IME delivers them (CJK too)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def send_key(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def field(window: Any, key: str) -> QWidget:
    found = window.findChildren(QWidget, key)
    assert len(found) == 1, f"expected one widget named {key}, found {len(found)}"
    return found[0]


def settle(qtbot: Any, window: Any, timeout: int = 10000) -> None:
    """Wait until the open wizard's checks (run off the GUI thread) are shown."""
    qtbot.waitUntil(lambda: window.form is None or window.form.settled, timeout=timeout)


def fill(qtbot: Any, window: Any, key: str, text: str) -> QWidget:
    """Focus the named field, type ``text``, leave with Tab (the check runs as the clerk leaves)."""
    widget = field(window, key)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    send_text(widget, text)
    send_key(widget, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not widget.hasFocus())
    settle(qtbot, window)
    return widget


def choose(window: Any, key: str, code: str) -> QWidget:
    """Pick a choice by its code, as the clerk does with the arrow keys."""
    combo = field(window, key)
    index = combo.findData(code)
    assert index >= 0, f"{key} has no choice {code}"
    combo.setFocus()
    combo.setCurrentIndex(index)
    return combo


def press(qtbot: Any, widget: QWidget, *keys: Qt.Key) -> None:
    """Real key presses into ``widget`` (through Qt's event delivery, focus changes included)."""
    for key in keys:
        target = QApplication.focusWidget() or widget
        send_key(target, key)



def open_card(qtbot: Any, window: Any, kind: str, key: str) -> Any:
    """Open a search hit's card as the search box does, and wait until it is read (off the GUI thread)
    and shown."""
    window.show_card(kind, key)
    qtbot.waitUntil(lambda: not window.desk.card_loading, timeout=10000)
    assert window.pages.currentWidget() is window.card_page
    return window.card
