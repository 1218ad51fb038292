"""Clerks managed at the centre: added with a one-time code, disabled and enabled there, applied at the next sync."""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from service_world import build_world, fixed_clock

from counter_app.cli import main
from counter_app.services import open_counter
from counter_app.services.audit import ensure_key
from counter_app.services.clerks import add_clerk, change_password, login, override_offline_lock
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
    with open_counter(data, clock=fixed_clock) as counter:  # the one-time code opens only the change
        first = login(counter, "li", li["one_time_code"])
        assert first.field == "new_password" and "一次性密码" in first.message and counter.clerk != "li"
        assert login(counter, "li", li["one_time_code"], new_password="Li-own-pass-2026").username == "li"
        assert counter.clerk == "li"
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
        assert login(counter, "li", "Li-own-pass-2026").field == "password"
        assert login(counter, "li", fresh["one_time_code"]).field == "new_password"
        assert login(counter, "li", fresh["one_time_code"], new_password="Li-second-pass-2026").username == "li"
        assert change_password(counter, "li", "Li-third-pass-2026").ok  # from now on an ordinary account
        assert login(counter, "li", "Li-third-pass-2026").username == "li"
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


def test_a_one_time_code_must_be_changed_at_first_login_on_the_command_line(station_dir, capsys, monkeypatch):
    _station, data, centre, sync = station_dir
    _code, zhan = centre("clerk", "add", "zhan", "--name", "王站长", "--role", "supervisor")
    sync()
    cli = ["--data-dir", str(data), "clerk", "list", "--clerk", "zhan", "--json"]
    # A script gives the code, then the new password, one line each.
    code, out = run(capsys, monkeypatch, main, cli, f"{zhan['one_time_code']}\nzhan\n")
    assert code == 2 and out["errors"][0]["field"] == "new_password"  # too simple: refused by field
    code, out = run(capsys, monkeypatch, main, cli, f"{zhan['one_time_code']}\n{zhan['one_time_code']}\n")
    assert code == 2 and "不能与一次性密码相同" in out["errors"][0]["message"]
    code, out = run(capsys, monkeypatch, main, cli, f"{zhan['one_time_code']}\nZhan-own-pass-2026\n")
    assert code == 0 and [c["username"] for c in out] == ["zhan"] and out[0]["must_change_password"] is False
    code, out = run(capsys, monkeypatch, main, cli, f"{zhan['one_time_code']}\n")  # the code is spent
    assert code == 2 and out["errors"][0]["field"] == "password"
    assert run(capsys, monkeypatch, main, cli, "Zhan-own-pass-2026\n")[0] == 0
    actions = audit_actions(data)
    assert ("login_failed", "zhan", "one_time_code") in actions
    with open_counter(data, clock=fixed_clock) as counter, counter.store.unit_of_work() as uow:
        rows = [r.details for r in uow.audit.iter_all() if r.action == "clerk_passwd" and r.subject == "zhan"]
    assert rows == [{"own": True, "first_login": True}]


def later(days: float):
    """A clock ``days`` after now (the station's last sync is stamped with the real time)."""
    moment = datetime.now(UTC) + timedelta(days=days)
    return lambda: moment


def test_an_account_the_centre_has_not_confirmed_locks_when_the_station_is_offline_too_long(station_dir):
    _station, data, centre, sync = station_dir
    _code, zhan = centre("clerk", "add", "zhan", "--name", "王站长", "--role", "supervisor")
    _code, li = centre("clerk", "add", "li", "--name", "李柜员")
    sync()
    with open_counter(data, clock=later(0)) as counter:
        login(counter, "zhan", zhan["one_time_code"], new_password="Zhan-own-pass-2026")
        login(counter, "li", li["one_time_code"], new_password="Li-own-pass-2026")
        counter.clerk = "zhan"
        assert add_clerk(counter, "wu", "Wu-local-pass-2026", "clerk", "吴柜员").ok  # a station-made account
        limit = counter.policy_on().offline_lock_days
    sync()  # the centre confirms zhan and li; it has never heard of wu
    with open_counter(data, clock=later(limit - 1)) as counter:  # within the limit: everybody works
        for name, password in (("zhan", "Zhan-own-pass-2026"), ("li", "Li-own-pass-2026"), ("wu", "Wu-local-pass-2026")):
            assert login(counter, name, password).username == name
    with open_counter(data, clock=later(limit + 1)) as counter:  # past it: locked, and the refusal audited
        for name, password in (("li", "Li-own-pass-2026"), ("wu", "Wu-local-pass-2026")):
            refused = login(counter, name, password)
            assert refused.field == "username" and "离线" in refused.message and f"{limit}天" in refused.message
        # A wrong password is still just a wrong password (the lock says nothing about who exists).
        assert login(counter, "li", "not-the-password").field == "password"
        # The supervisor overrides for li, with a reason; a clerk cannot, nor can a wrong password.
        assert override_offline_lock(counter, "li", "Li-own-pass-2026", "li", "乡镇断网").field == "approver"
        assert override_offline_lock(counter, "zhan", "wrong-password", "li", "乡镇断网").field == "approver_password"
        assert override_offline_lock(counter, "zhan", "Zhan-own-pass-2026", "li", " ").field == "reason"
        assert override_offline_lock(counter, "zhan", "Zhan-own-pass-2026", "li", "乡镇光缆中断已报中心").username == "li"
        assert login(counter, "li", "Li-own-pass-2026").username == "li"
        assert login(counter, "wu", "Wu-local-pass-2026").field == "username"  # only li was let through
    with open_counter(data, clock=later(limit + 2)) as counter:  # the override lasts the day only
        assert login(counter, "li", "Li-own-pass-2026").field == "username"
    sync()  # back in touch: the centre confirms its accounts again
    with open_counter(data, clock=later(1)) as counter:
        assert login(counter, "li", "Li-own-pass-2026").username == "li"
        assert login(counter, "wu", "Wu-local-pass-2026").username == "wu"
    with open_counter(data, clock=fixed_clock) as counter, counter.store.unit_of_work() as uow:
        rows = list(uow.audit.iter_all())
    assert [r.details["reason"] for r in rows if r.action == "login_failed" and r.subject == "wu"] == ["offline_lock"] * 2
    [override] = [r for r in rows if r.action == "offline_override"]
    assert override.subject == "li" and override.clerk == "zhan" and override.details["by"] == "zhan"
    assert override.details["reason"] == "乡镇光缆中断已报中心" and override.details["offline_days"] == limit + 1
    assert [r.subject for r in rows if r.action == "offline_override_refused"] == ["li"]


def test_the_offline_lock_on_the_command_line_and_the_supervisors_override(station_dir, capsys, monkeypatch):
    _station, data, centre, sync = station_dir
    _code, zhan = centre("clerk", "add", "zhan", "--name", "王站长", "--role", "supervisor")
    _code, li = centre("clerk", "add", "li", "--name", "李柜员")
    sync()
    records = ["--data-dir", str(data), "records", "--clerk", "li", "--json"]
    assert run(capsys, monkeypatch, main, records, f"{li['one_time_code']}\nLi-own-pass-2026\n")[0] == 0
    with open_counter(data) as counter, counter.store.unit_of_work(write=True) as uow:  # last in touch 30 days ago
        long_ago = datetime.now(UTC) - timedelta(days=30)
        uow.settings.set("sync_last_at", long_ago.isoformat())
        for name in ("zhan", "li"):
            uow.clerks.update(name, confirmed_at=long_ago)
        uow.commit()
    code, out = run(capsys, monkeypatch, main, records, "Li-own-pass-2026\n")
    assert code == 2 and out["errors"][0]["field"] == "username" and "离线" in out["errors"][0]["message"]
    unlock = ["--data-dir", str(data), "clerk", "unlock-offline", "li", "--approver", "zhan", "--reason", "光缆中断",
              "--json"]
    code, out = run(capsys, monkeypatch, main, unlock, "not-his-password\n")
    assert code == 2 and out["errors"][0]["field"] == "approver_password"
    # A one-time code (his first login still due) overrides nothing.
    code, out = run(capsys, monkeypatch, main, unlock, f"{zhan['one_time_code']}\n")
    assert code == 2 and out["errors"][0]["field"] == "approver" and "一次性密码" in out["errors"][0]["message"]
    with open_counter(data) as counter, counter.store.unit_of_work(write=True) as uow:  # his own password, set
        uow.clerks.update("zhan", must_change_password=False)    # before the station was cut off
        uow.commit()
    code, out = run(capsys, monkeypatch, main, unlock, f"{zhan['one_time_code']}\n")
    assert code == 0 and out["username"] == "li"
    assert run(capsys, monkeypatch, main, records, "Li-own-pass-2026\n")[0] == 0
    assert ("offline_override", "li", "光缆中断") in audit_actions(data)
