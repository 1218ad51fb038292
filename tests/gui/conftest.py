"""GUI test fixtures: a counter window on a copy of one demo data dir, and clerk-like typing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo city, seeded once per run; each test works on its own copy."""
    from counter_app import services

    path = tmp_path_factory.mktemp("demo-template")
    services.open_counter(path, demo=True).close()
    return path


@pytest.fixture
def data_dir(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(demo_template, target)
    return target


@pytest.fixture
def open_window(qtbot: Any, data_dir: Path) -> Iterator[Any]:
    """``open_window()`` opens (or reopens) the counter window on the test's data dir."""
    from counter_app.gui.app import create_main_window

    windows: list[Any] = []

    def opener() -> Any:
        window = create_main_window(data_dir)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        windows.append(window)
        return window

    yield opener
    for window in windows:
        if window.isVisible():
            window.close()


@pytest.fixture
def window(open_window: Any) -> Any:
    return open_window()


@pytest.fixture
def counter(data_dir: Path) -> Iterator[Any]:
    """A second station session on the same data dir, to check what was stored."""
    from counter_app import services

    c = services.open_counter(data_dir)
    yield c
    c.close()


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


def fill(qtbot: Any, window: Any, key: str, text: str) -> QWidget:
    """Focus the named field, type ``text``, leave with Tab (the check runs as the clerk leaves)."""
    widget = field(window, key)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    send_text(widget, text)
    send_key(widget, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not widget.hasFocus())
    return widget


def choose(window: Any, key: str, code: str) -> QWidget:
    """Pick a choice by its code, as the clerk does with the arrow keys."""
    combo = field(window, key)
    index = combo.findData(code)
    assert index >= 0, f"{key} has no choice {code}"
    combo.setFocus()
    combo.setCurrentIndex(index)
    return combo
