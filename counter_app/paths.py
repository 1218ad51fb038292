"""Where the app finds its bundled resources and its data directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "counter-app"


def resources_dir() -> Path:
    """The bundled ``resources/`` folder (source tree, installed wheel or frozen bundle)."""
    override = os.environ.get("COUNTER_APP_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    packaged = Path(__file__).resolve().parent / "_resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def default_data_dir() -> Path:
    """The per-user data directory of the platform (``--data-dir`` overrides it)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(value: str | os.PathLike[str] | None) -> Path:
    path = Path(value) if value else default_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path
