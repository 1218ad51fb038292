"""The services, imported on first use: the window paints before the store's libraries load (延迟加载).

Importing ``counter_app.services`` pulls in SQLAlchemy, Alembic, pydantic and pypinyin (seconds
on a slow PC); the GUI modules name ``services`` through this proxy so that showing the window
does not wait for them. ``run_gui`` then opens the store on a worker thread.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Attribute access imports the module once, then forwards."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def load(self) -> ModuleType:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return self._module

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.load(), attr)


services: Any = LazyModule("counter_app.services")
