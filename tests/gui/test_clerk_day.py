"""A short clerk's day (36 walk-ins) at the real window, key by key, with a sync every 12 against the
suite's PostgreSQL: every accepted walk-in is stored once, nothing is lost, the window lives.

Timing is not asserted here: ``benchmarks/clerk_day.py`` prints the figures of a 200-walk-in day.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections import Counter as Tally
from pathlib import Path
from typing import Any

import keyring
import psycopg
import pytest
from clerk_day_driver import ClerkDay, connect_to_centre

from counter_app import services
from counter_app.domain.catalog import BUSINESSES
from counter_app.services.counter import DEMO_EMPLOYERS, DEMO_WORKERS

pytestmark = pytest.mark.postgres

WALK_INS = 36


@pytest.fixture
def centre(pg_dsn: str, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The demo city in a real central database; this data dir connected as its station."""
    previous = keyring.get_keyring()
    own = tmp_path / "keyring.json"  # this test's keyring: the run's (the data dir's audit key) and the station's password
    if Path(os.environ.get("COUNTER_TEST_KEYRING", "")).is_file():
        shutil.copy(os.environ["COUNTER_TEST_KEYRING"], own)
    monkeypatch.setenv("COUNTER_TEST_KEYRING", str(own))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring_file_backend.FileKeyring")
    connect_to_centre(data_dir, pg_dsn, DEMO_WORKERS, DEMO_EMPLOYERS, 0)
    yield pg_dsn
    keyring.set_keyring(previous)


def test_a_short_day_stores_every_accepted_walk_in_once_and_loses_nothing(qtbot: Any, centre: str,
                                                                         data_dir: Path) -> None:
    from counter_app.gui.app import create_main_window

    window = create_main_window(data_dir)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    with services.open_counter(data_dir) as lookup:
        day = ClerkDay(window, lookup, seed=3, sync_every=12)
        day.sync()  # the morning sync: the centre's reference data for this station
        figures = day.run(WALK_INS, warmup=0)

    walk_ins = figures.walk_ins
    accepted = [w.receipt for w in figures.accepted]
    assert len(walk_ins) >= WALK_INS
    missing = set(BUSINESSES) - {w.kind for w in figures.accepted}
    assert not missing, f"every business taken at least once; not: {[w for w in walk_ins if w.kind in missing]}"
    scenarios = Tally(w.scenario for w in walk_ins)
    for scenario in ("plain", "search", "notice", "draft-left", "draft", "refused", "corrected", "print_form"):
        assert scenarios[scenario] >= 1, f"the day had no {scenario} walk-in: {scenarios}"
    assert figures.drafts_resumed == scenarios["draft-left"] >= 1
    assert all(w.refused for w in walk_ins if w.scenario == "refused"), "a duplicate account went through"
    assert len(figures.syncs) == 1 + WALK_INS // 12 and all("同步完成" in s for s in figures.syncs), figures.syncs

    # Stored once: the station holds exactly the accepted walk-ins, each once (refused, left, notices: none).
    with sqlite3.connect(data_dir / "station.sqlite3") as db:
        stored = [r for (r,) in db.execute("SELECT receipt_number FROM applications")]
        client_ids = dict(db.execute("SELECT receipt_number, client_id FROM applications"))
        waiting = [c for (c,) in db.execute("SELECT client_id FROM outbox WHERE topic = 'application'")]
        drafts = db.execute("SELECT count(*) FROM drafts").fetchone()[0]
    assert sorted(stored) == sorted(accepted) and len(set(accepted)) == len(accepted)
    assert drafts == 0, "a draft was left behind"
    # Nothing lost: each accepted application is at the centre once, or still waits in the outbox once.
    with psycopg.connect(centre) as conn:
        at_centre = [r for (r,) in conn.execute("SELECT client_id::text FROM central.inbox")]
    assert len(set(at_centre)) == len(at_centre) and len(set(waiting)) == len(waiting)
    assert set(at_centre).isdisjoint(waiting)
    assert sorted(at_centre + waiting) == sorted(client_ids[r] for r in accepted)
    assert len(at_centre) >= len([w for w in walk_ins[:WALK_INS - WALK_INS % 12] if w.receipt])
    # Printed to PDF: a receipt for each accepted walk-in, the forms and the notices.
    printed = Tally(name for w in walk_ins for name in w.printed)
    assert printed["receipt"] == len(accepted) and printed["notice"] == scenarios["notice"] and printed["form"] >= 1
    assert all(p.is_file() and p.read_bytes().startswith(b"%PDF") for p in figures.pdfs)
    # The window lives and still works.
    assert window.isVisible() and window.counter is not None
    assert services.list_records(window.counter, limit=1)[0].receipt_number in accepted
