"""Issue #17, the gaps left after the attacks were re-run: a station against an empty or another
centre (real PostgreSQL, the station's own command line, a real keyring file)."""

from __future__ import annotations

import json
import sqlite3
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from station_cli import connect, plain_dsn, run, station_world, sync
from station_helpers import queue

from counter_app.demo import generate_and_load
from counter_app.services import open_counter, station_status, submit_application
from counter_app.services.lookup import person_card, reveal
from counter_app.services.settings import save_central_password, save_connection, save_settings
from counter_app.services.sync import sync_now
from counter_app.store.records import WorkerRecord
from counter_app.sync import central_db
from counter_app.sync.central_cli import main as central_main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from clerk_helpers import fast_hashing, staff  # noqa: F401 (fixture)
from service_world import W, build_world, complete, fixed_clock, withdrawal_form

pytestmark = pytest.mark.postgres


@pytest.fixture
def fresh_centre(pg_cluster, central):
    """A second central database, freshly created on the same server (same station group)."""
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_cluster.dsn(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    dsn = pg_cluster.dsn(name)
    central_db.init_central(dsn, central.group)
    yield dsn
    with psycopg.connect(pg_cluster.dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def login_at(centre_dsn: str, station) -> str:
    """Register ``station`` (its existing role) at another centre; the station's DSN there, no password."""
    with psycopg.connect(centre_dsn, autocommit=True) as owner:
        owner.execute("INSERT INTO central.stations (code, name, district, role) VALUES (%s, '测试服务站', %s, %s)",
                      (station.code, station.district, station.role))
    return plain_dsn(centre_dsn, station.role)


def seed_workers(centre_dsn: str, district: str, n: int) -> None:
    with psycopg.connect(centre_dsn, autocommit=True) as owner:
        owner.execute("INSERT INTO central.workers (id_number, name, district)"
                      " SELECT 'W' || lpad(i::text, 17, '0'), '职工' || i, %s FROM generate_series(1, %s) i",
                      (district, n))


def people(data: Path) -> dict[str, int]:
    db = sqlite3.connect(data / "station.sqlite3")
    try:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("employers", "workers", "accounts")}
    finally:
        db.close()


def outbox_ids(data: Path) -> set[str]:
    db = sqlite3.connect(data / "station.sqlite3")
    try:
        return {r[0] for r in db.execute("SELECT client_id FROM outbox WHERE topic = 'application'")}
    finally:
        db.close()


def inbox_ids(centre_dsn: str, station) -> set[str]:
    with psycopg.connect(centre_dsn, autocommit=True) as owner:
        return {str(r[0]) for r in owner.execute("SELECT client_id FROM central.inbox WHERE station_code = %s",
                                                  (station.code,))}


def queue_at(data: Path, station, n: int) -> set[str]:
    with open_counter(data, clock=fixed_clock) as counter:
        return set(queue(counter.store, station.code, n))


def message(out) -> str:
    return out["errors"][0]["message"]


def test_a_first_sync_with_an_empty_centre_keeps_the_stations_data_until_the_centre_marks_the_reload(
        central, file_keyring, tmp_path, capsys, monkeypatch):
    # Gap: the first snapshot of a freshly created (empty) centre emptied the station's workers.
    station = central.add_station()
    data = station_world(tmp_path, station)
    with open_counter(data, clock=fixed_clock) as counter, counter.store.unit_of_work(write=True) as uow:
        uow.workers.bulk_insert([WorkerRecord(id_number=f"L{i:017d}", name=f"本站职工{i}") for i in range(200)])
        uow.commit()
    held = people(data)
    assert held["workers"] >= 200
    queued = queue_at(data, station, 3)
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    code, out = sync(capsys, monkeypatch, data)
    assert code == 2 and "清空" in message(out) and "allow-reload" in message(out), out
    assert people(data) == held  # nothing replaced
    assert queued <= inbox_ids(central.dsn, station) and not queued & outbox_ids(data)  # nothing queued lost
    # The back office says the centre's (empty) district is what the station should hold.
    assert central_main(["allow-reload", "--station", station.code, "--dsn", central.dsn, "--json"]) == 0
    capsys.readouterr()
    code, counts = sync(capsys, monkeypatch, data)
    assert code == 0, counts
    assert people(data)["workers"] == 0


def test_another_database_behind_the_centres_address_is_refused_before_anything_is_sent(
        central, fresh_centre, file_keyring, tmp_path, capsys, monkeypatch):
    # Gap: a re-created or wrong database behind the station's DSN took the station's queue (gone from
    # the real centre's view) and its feed position; a snapshot from it would empty the station.
    station = central.add_station()
    seed_workers(central.dsn, station.district, 150)
    data = station_world(tmp_path, station)
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    assert sync(capsys, monkeypatch, data)[0] == 0
    held = people(data)
    assert held["workers"] == 150
    queued = queue_at(data, station, 3)
    other = login_at(fresh_centre, station)
    with open_counter(data, clock=fixed_clock) as counter, counter.store.unit_of_work(write=True) as uow:
        uow.settings.set("central_dsn", other)  # the same address now leads to the new database
        uow.commit()
    save_central_password(other, station.password)
    code, out = sync(capsys, monkeypatch, data)
    assert code == 2 and "不是本站连接时的那一个" in message(out), out
    assert queued <= outbox_ids(data) and not inbox_ids(fresh_centre, station)  # nothing sent there
    assert people(data) == held
    # A supervisor connects the station to the new centre on purpose: its queue goes there, but its
    # empty snapshot still does not empty the station without the centre's word.
    code, out = connect(capsys, monkeypatch, data, station, other)
    assert code == 0, out
    code, out = sync(capsys, monkeypatch, data)
    assert code == 2 and "allow-reload" in message(out), out
    assert queued <= inbox_ids(fresh_centre, station) and not queued & outbox_ids(data)
    assert people(data) == held
    assert central_main(["allow-reload", "--station", station.code, "--dsn", fresh_centre]) == 0
    code, _ = sync(capsys, monkeypatch, data)
    assert code == 0 and people(data)["workers"] == 0


def test_the_same_centre_again_syncs_as_before(central, file_keyring, tmp_path, capsys, monkeypatch):
    station = central.add_station()
    seed_workers(central.dsn, station.district, 150)
    data = station_world(tmp_path, station)
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    assert sync(capsys, monkeypatch, data)[0] == 0
    assert connect(capsys, monkeypatch, data, station)[0] == 0  # connecting again to the same centre
    queued = queue_at(data, station, 2)
    code, counts = sync(capsys, monkeypatch, data)
    assert code == 0 and counts["pushed"] >= 2 and counts["pulled"] < 150, counts  # no reload
    assert queued <= inbox_ids(central.dsn, station) and people(data)["workers"] == 150


def test_a_withdrawal_the_centre_refuses_shows_refused_with_the_centres_reason(central, file_keyring, tmp_path, capsys,
                                                                               monkeypatch):
    # Gap: a withdrawal the centre refused at receipt (here: its queued payload edited on this PC)
    # stayed "待上传中心" at the station, its reason kept only in the outbox.
    station = central.add_station()
    data = station_world(tmp_path, station)
    with open_counter(data, clock=fixed_clock) as counter:
        taken = submit_application(counter, "withdrawal", complete(counter, "withdrawal", withdrawal_form()))
    assert taken.ok
    db = sqlite3.connect(data / "station.sqlite3", isolation_level=None)
    payload = json.loads(db.execute("SELECT payload FROM outbox WHERE client_id = ?", (taken.client_id,)).fetchone()[0])
    payload["fields"]["amount"] = "999999.00"
    db.execute("UPDATE outbox SET payload = ? WHERE client_id = ?", (json.dumps(payload, ensure_ascii=False),
                                                                      taken.client_id))
    db.close()
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    code, counts = sync(capsys, monkeypatch, data)
    assert code == 0 and counts["rejected"] == 1, counts
    code, rows = run(capsys, monkeypatch, ["--data-dir", str(data), "records", "--json"])
    shown = {r["receipt_number"]: r for r in rows}[taken.receipt_number]
    assert shown["status"] == "rejected", shown
    assert shown["decision_reason"].startswith("中心拒收：") and "在本机被改动" in shown["decision_reason"]
    code, text = run(capsys, monkeypatch, ["--data-dir", str(data), "records"])
    assert "不予核准" in text and "中心拒收" in text
    with open_counter(data, clock=fixed_clock) as counter:
        assert station_status(counter).pending == 0  # not waiting any more: nothing to send
    assert sync(capsys, monkeypatch, data)[0] == 0  # a later round changes nothing
    code, again = run(capsys, monkeypatch, ["--data-dir", str(data), "records", "--json"])
    assert {r["receipt_number"]: r for r in again}[taken.receipt_number] == shown


def test_a_demo_stations_made_up_people_are_replaced_by_the_centres_first_snapshot(central, file_keyring, tmp_path,
                                                                                    capsys, monkeypatch):
    # The guard keeps data a centre sent (or of unknown origin), not the demo city's generated people.
    station = central.add_station()
    seed_workers(central.dsn, station.district, 20)
    data = station_world(tmp_path, station)
    with open_counter(data, clock=fixed_clock) as counter:
        generate_and_load(counter.store, workers=300, employers=20, replace=True)
    assert people(data)["workers"] >= 300
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    code, counts = sync(capsys, monkeypatch, data)
    assert code == 0, counts
    assert people(data)["workers"] == 20


def test_the_centre_tells_who_looked_a_person_up_though_no_log_holds_the_number(central, file_keyring, fast_hashing,
                                                                                 tmp_path, capsys):
    # Gap: a lookup's audit row named the person only masked (6+4 digits), which many people share.
    station = central.add_station()
    data = tmp_path / "station"
    dsn = plain_dsn(station.dsn)
    with open_counter(data, clock=fixed_clock) as counter:
        build_world(counter.store, station=(station.code, "测试服务站", station.district))
        staff(counter)
        with counter.store.unit_of_work(write=True) as uow:
            uow.settings.set("central_dsn", dsn)
            uow.commit()
        save_central_password(dsn, station.password)
        assert person_card(counter, W.active) is not None and person_card(counter, W.active) is not None
        assert reveal(counter, W.active, "id_number") == W.active
        assert person_card(counter, W.sealed) is not None
        sync_now(counter)
        clerk = counter.clerk

    def looked_up(id_number: str) -> list[dict]:
        assert central_main(["audit-lookups", "--id", id_number, "--dsn", central.dsn, "--json"]) == 0
        return json.loads(capsys.readouterr().out)["lookups"]

    active = looked_up(W.active.lower())  # as typed: a lower-case x is the same number
    assert [(r["station"], r["clerk"], r["action"], r["via"] or r["field"]) for r in active] == [
        (station.code, clerk, "lookup", "card"), (station.code, clerk, "lookup", "card"),
        (station.code, clerk, "reveal", "id_number")]
    assert all(r["at"] for r in active)
    assert [r["via"] for r in looked_up(W.sealed)] == ["card"]
    assert looked_up(W.stranger) == []
    with central.connect() as owner:
        held = owner.execute("SELECT count(*) FROM central.station_audit WHERE station_code = %s AND action = 'lookup'",
                             (station.code,)).fetchone()[0]
        spelled = owner.execute("SELECT count(*) FROM central.station_audit WHERE details::text LIKE %s"
                                " OR subject LIKE %s", (f"%{W.active}%", f"%{W.active}%")).fetchone()[0]
    assert held == 3 and spelled == 0  # the rows are there; the number is in none of them


def test_a_supervisor_reentering_the_connection_in_settings_accepts_the_new_centre(central, fresh_centre, file_keyring,
                                                                                   tmp_path, capsys, monkeypatch):
    # The settings dialog's way to do what the refusal asks (the same address, password typed again).
    station = central.add_station()
    seed_workers(central.dsn, station.district, 150)
    data = station_world(tmp_path, station)
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    assert sync(capsys, monkeypatch, data)[0] == 0
    other = login_at(fresh_centre, station)
    with open_counter(data, clock=fixed_clock) as counter, counter.store.unit_of_work(write=True) as uow:
        uow.settings.set("central_dsn", other)
        uow.commit()
    save_central_password(other, station.password)
    code, out = sync(capsys, monkeypatch, data)
    assert code == 2 and "不是本站连接时的那一个" in message(out), out
    with open_counter(data, clock=fixed_clock) as counter:
        assert not [p for p in save_settings(counter, {"central_dsn": other}) if p.severity == "error"]
        save_connection(counter, other, station.password)  # what the dialog does with a typed password
    code, out = sync(capsys, monkeypatch, data)
    assert code == 2 and "allow-reload" in message(out), out  # the new centre taken, its empty snapshot refused
    assert people(data)["workers"] == 150
