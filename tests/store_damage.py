"""Damage a station store the way a failing disk does, for the tests of #17's integrity checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

DB = "station.sqlite3"


def corrupt_root(data_dir: Path, name: str) -> None:
    """8 bytes over the b-tree page header of ``name``'s root page (a table or an index)."""
    db = sqlite3.connect(data_dir / DB, isolation_level=None)
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        (page_size,) = db.execute("PRAGMA page_size").fetchone()
    finally:
        db.close()
    with open(data_dir / DB, "r+b") as f:
        f.seek((root - 1) * page_size + (100 if root == 1 else 0))
        f.write(b"\x55" * 8)
