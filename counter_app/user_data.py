"""The data directory a station's store lives in: ``--data-dir``, else the platform's per-user folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "counter-app"


def default_data_dir() -> Path:
    """The per-user data directory of the platform (``--data-dir`` overrides it)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(value: str | os.PathLike[str] | None) -> Path:
    path = Path(value) if value else default_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path
