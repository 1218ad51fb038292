"""Clerks managed at the centre: added with a one-time code, disabled and enabled there, applied at the next sync."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from service_world import build_world, fixed_clock

from counter_app.cli import main
from counter_app.services import open_counter
from counter_app.services.audit import ensure_key
from counter_app.services.clerks import change_password, login
from counter_app.sync.central_cli import main as central_main

pytestmark = pytest.mark.postgres


def run(capsys, monkeypatch, entry, argv, stdin: str = "") -> tuple[int, object]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = entry(argv)
    out = capsys.readouterr().out.strip()
    return code, json.loads(out) if out.startswith(("{", "[")) else out


@pytest.fixture
def station_dir(central, file_keyring, tmp_path, capsys, monkeypatch):
    """A connected station data dir with the service tests' world; yields (station, data, centre command)."""
    station = central.add_station()
    data = tmp_path / "data"
    with open_counter(data, clock=fixed_clock) as counter:
        build_world(counter.store, station=(station.code, "测试服务站", station.district))
        ensure_key(counter)
    parts = conninfo_to_dict(station.dsn)
    parts.pop("password")
    assert run(capsys, monkeypatch, main, ["--data-dir", str(data), "connect", "--dsn", make_conninfo(**parts),
                                           "--station", station.code, "--json"], station.password + "\n")[0] == 0

    def centre(*argv: str) -> tuple[int, object]:
        return run(capsys, monkeypatch, central_main, [*argv, "--dsn", central.dsn, "--station", station.code, "--json"])

    def sync() -> dict:
        code, counts = run(capsys, monkeypatch, main, ["--data-dir", str(data), "sync", "--once", "--json"])
        assert code == 0, counts
        return counts

    return station, data, centre, sync


def audit_actions(data: Path) -> list[tuple[str, str, str]]:
    with open_counter(data, clock=fixed_clock) as counter, counter.store.unit_of_work() as uow:
        return [(row.action, row.subject, row.details.get("reason", "")) for row in uow.audit.iter_all()]


def test_a_clerk_disabled_at_the_centre_is_refused_after_the_next_sync(station_dir):
    _station, data, centre, sync = station_dir
    code, added = centre("clerk", "add", "zhan", "--name", "王站长", "--role", "supervisor")
    assert code == 0 and added["active"] and len(added["one_time_code"]) == 12
    code, li = centre("clerk", "add", "li", "--name", "李柜员")
    assert code == 0
    sync()
    with open_counter(data, clock=fixed_clock) as counter:
        assert login(counter, "li", li["one_time_code"]).username == "li"
        assert change_password(counter, "li", "Li-own-pass-2026").ok  # the clerk's own password from now on
    assert centre("clerk", "disable", "li")[1]["active"] is False
    with open_counter(data, clock=fixed_clock) as counter:  # offline: the last synced state rules
        assert login(counter, "li", "Li-own-pass-2026").username == "li"
    sync()
    with open_counter(data, clock=fixed_clock) as counter:
        refused = login(counter, "li", "Li-own-pass-2026")
        assert refused.field == "username" and "停用" in refused.message
    assert ("login_failed", "li", "disabled") in audit_actions(data)  # the refusal is audited
    assert centre("clerk", "enable", "li")[0] == 0
    sync()
    with open_counter(data, clock=fixed_clock) as counter:  # enabled again, with the password the clerk set
        assert login(counter, "li", "Li-own-pass-2026").username == "li"
        assert not hasattr(login(counter, "li", li["one_time_code"]), "username")
    code, fresh = centre("clerk", "reset", "li")
    sync()
    with open_counter(data, clock=fixed_clock) as counter:  # a reset replaces it with a new one-time code
        assert login(counter, "li", fresh["one_time_code"]).username == "li"
    code, listed = centre("clerk", "list")
    assert [(c["username"], c["role"], c["active"]) for c in listed["clerks"]] == [
        ("li", "clerk", True), ("zhan", "supervisor", True)]


def test_centre_clerk_commands_refuse_bad_input_by_field(station_dir):
    _station, _data, centre, _sync = station_dir
    assert centre("clerk", "add", "Li Si")[1]["errors"][0]["field"] == "username"
    assert centre("clerk", "add", "demo")[1]["errors"][0]["field"] == "username"
    assert centre("clerk", "disable", "nobody")[1]["errors"][0]["field"] == "username"
    assert centre("clerk", "add", "wang")[0] == 0
    code, again = centre("clerk", "add", "wang")
    assert code == 2 and "已有" in again["errors"][0]["message"]


def test_a_station_sees_only_its_own_clerks(central, station_dir):
    station, _data, centre, _sync = station_dir
    other = central.add_station()
    assert centre("clerk", "add", "li")[0] == 0
    with other.connect() as conn:
        assert conn.execute("SELECT count(*) FROM central.clerks").fetchone()[0] == 0
    with station.connect() as conn:
        assert conn.execute("SELECT username FROM central.clerks").fetchall() == [("li",)]
