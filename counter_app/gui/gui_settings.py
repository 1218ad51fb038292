"""This PC's GUI settings of one data directory, kept in its ``gui.ini`` (language, printers, window)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def settings_for(data_dir: Path) -> QSettings:
    """GUI settings of one data directory (language, printers, window geometry)."""
    return QSettings(str(Path(data_dir) / "gui.ini"), QSettings.Format.IniFormat)
