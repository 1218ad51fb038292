"""Feed retention: the centre purges what every station has passed; a station behind the purge reloads a snapshot."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from station_helpers import factory

from counter_app.store import Store
from counter_app.sync import central_db, central_seed
from counter_app.sync.central_cli import main as central_main
from counter_app.sync.engine import sync_once

pytestmark = pytest.mark.postgres


def feed_rows(central) -> int:
    with central.connect() as owner:
        return owner.execute("SELECT count(*) FROM central.change_feed").fetchone()[0]


def age_feed(central, days: int) -> None:
    with central.connect() as owner:
        owner.execute("UPDATE central.change_feed SET at = now() - make_interval(days => %s)", (days,))


def touch_workers(central, district: str, n: int) -> None:
    """The centre changes ``n`` workers of ``district`` (feed rows every station of it must apply)."""
    with central.connect() as owner:
        owner.execute("UPDATE central.workers SET mobile = '13911112222' WHERE id_number IN"
                      " (SELECT id_number FROM central.workers WHERE district = %s ORDER BY id_number LIMIT %s)",
                      (district, n))


def mobiles(data: Path) -> int:
    with contextlib.closing(sqlite3.connect(data / "station.sqlite3")) as db:
        return db.execute("SELECT count(*) FROM workers WHERE mobile = '13911112222'").fetchone()[0]


@pytest.fixture
def city(central):
    with central.connect() as owner:
        central_seed.seed_demo(owner, workers=300, employers=20, seed=4)
        district = owner.execute("SELECT district FROM central.workers GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
                                 ).fetchone()[0]
    return district


def test_purge_removes_only_what_every_station_has_passed_and_the_window_allows(central, city, tmp_path, capsys):
    a, b = central.add_station(city), central.add_station(city)
    store_a, store_b = Store.open(tmp_path / "a"), Store.open(tmp_path / "b")
    sync_once(store_a, factory(a))
    sync_once(store_b, factory(b))
    touch_workers(central, city, 10)
    sync_once(store_a, factory(a))
    sync_once(store_b, factory(b))
    touch_workers(central, city, 20)  # only a applies these
    sync_once(store_a, factory(a))
    with central.connect() as owner:
        assert central_db.purge_feed(owner, 30)["removed"] == 0  # nothing is old enough yet
    age_feed(central, 40)
    before = feed_rows(central)
    assert central_main(["purge", "--older-than", "30", "--dsn", central.dsn, "--json"]) == 0
    out = capsys.readouterr().out
    assert '"removed"' in out
    after = feed_rows(central)
    assert before - after > 0 and after >= 20  # b has not passed the last 20 rows: they stay
    sync_once(store_b, factory(b))
    assert mobiles(tmp_path / "b") == mobiles(tmp_path / "a") == 20  # b missed nothing
    store_a.close()
    store_b.close()


def test_a_station_restored_from_an_old_backup_reloads_a_snapshot_after_a_purge(central, city, tmp_path):
    station = central.add_station(city)
    store = Store.open(tmp_path / "s")
    sync_once(store, factory(station))
    store.close()
    shutil.copytree(tmp_path / "s", tmp_path / "old")  # the backup, taken here
    store = Store.open(tmp_path / "s")
    touch_workers(central, city, 15)
    assert sync_once(store, factory(station)).pulled == 15
    store.close()
    age_feed(central, 40)
    with central.connect() as owner:
        assert central_db.purge_feed(owner, 30)["removed"] >= 15
    old = Store.open(tmp_path / "old")  # restored: its cursor is behind what the centre purged
    report = sync_once(old, factory(station))
    assert report.pulled > 15 and mobiles(tmp_path / "old") == 15  # a fresh snapshot, with the rows it never paged
    assert sync_once(old, factory(station)).pulled == 0
    old.close()


def test_purge_refuses_a_negative_window(central, capsys):
    assert central_main(["purge", "--older-than", "-1", "--dsn", central.dsn, "--json"]) == 2
    assert "older_than" in capsys.readouterr().out


