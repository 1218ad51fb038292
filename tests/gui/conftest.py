"""GUI test fixtures: a counter window on a copy of one demo data dir, and clerk-like typing."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the GUI helpers module beside this file


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
