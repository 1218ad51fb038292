"""Where the app finds its bundled resources (the data directory: ``counter_app/user_data.py``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


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
