"""``counter-app connect`` and ``counter-app sync``: keyring-only password, settings, JSON counts, errors."""

from __future__ import annotations

import io
import json

import keyring
import pytest
from clerk_helpers import CLERK, SUPERVISOR, actions, fast_hashing, staff  # noqa: F401 (fixture)
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from station_helpers import queue

from counter_app.cli import main
from counter_app.services.settings import KEYRING_SERVICE, keyring_account
from counter_app.store import Store

pytestmark = pytest.mark.postgres


def run(capsys, monkeypatch, argv, stdin: str = "") -> tuple[int, object, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    captured = capsys.readouterr()
    out = captured.out.strip()
    return code, json.loads(out) if out.startswith(("{", "[")) else out, captured.err


def dsn_without_password(station) -> str:
    parts = conninfo_to_dict(station.dsn)
    parts.pop("password")
    return make_conninfo(**parts)


def centre_passwords(keyring_file) -> dict[str, str]:
    """What the keyring holds besides audit and receipt keys: centre passwords (the connect tests' concern)."""
    entries = json.loads(keyring_file.read_text()) if keyring_file.exists() else {}
    return {k: v for k, v in entries.items() if "\taudit-key/" not in k and "\treceipt-key/" not in k}


def connect(capsys, monkeypatch, data_dir, station, password=None):
    return run(capsys, monkeypatch, ["--data-dir", str(data_dir), "connect", "--dsn", dsn_without_password(station),
                                     "--station", station.code, "--json"], (password or station.password) + "\n")


def test_connect_keeps_the_password_only_in_the_keyring(central, file_keyring, tmp_path, capsys, monkeypatch):
    station = central.add_station()
    code, out, _ = connect(capsys, monkeypatch, tmp_path / "data", station)
    store = Store.open(tmp_path / "data")
    with store.unit_of_work() as uow:
        settings = uow.settings.all()
    store.close()
    stored_bytes = b"".join(p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file())
    assert code == 0 and out["station"] == station.code and out["connected"] is True
    assert settings["station_code"] == station.code
    assert "password" not in conninfo_to_dict(settings["central_dsn"])
    assert keyring.get_password(KEYRING_SERVICE, keyring_account(settings["central_dsn"])) == station.password
    assert station.password.encode() not in stored_bytes


def test_connect_refuses_a_wrong_password_and_stores_nothing(central, file_keyring, tmp_path, capsys, monkeypatch):
    station = central.add_station()
    code, out, _ = connect(capsys, monkeypatch, tmp_path / "data", station, password="not-the-password")
    assert code == 1 and out["errors"][0]["field"] == "dsn" and "密码" in out["errors"][0]["message"]
    assert centre_passwords(file_keyring) == {}


def test_connect_refuses_another_stations_login(central, file_keyring, tmp_path, capsys, monkeypatch):
    mine, other = central.add_station(), central.add_station()
    argv = ["--data-dir", str(tmp_path), "connect", "--dsn", dsn_without_password(other), "--station", mine.code,
            "--json"]
    code, out, _ = run(capsys, monkeypatch, argv, other.password + "\n")
    assert code == 2 and out["errors"][0]["field"] == "station"


def test_connect_refuses_a_password_inside_the_dsn(central, file_keyring, tmp_path, capsys, monkeypatch):
    station = central.add_station()
    argv = ["--data-dir", str(tmp_path), "connect", "--dsn", station.dsn, "--station", station.code, "--json"]
    code, out, _ = run(capsys, monkeypatch, argv, station.password + "\n")
    assert code == 2 and out["errors"][0]["field"] == "dsn" and "密码" in out["errors"][0]["message"]


def test_sync_once_prints_the_counts(central, file_keyring, tmp_path, capsys, monkeypatch):
    station = central.add_station()
    data = tmp_path / "data"
    connect(capsys, monkeypatch, data, station)
    store = Store.open(data)
    queue(store, station.code, 7)
    store.close()
    code, out, _ = run(capsys, monkeypatch, ["--data-dir", str(data), "sync", "--once", "--json"])
    assert code == 0 and out == {"pushed": 7, "pulled": 0, "rejected": 0, "conflicts": 0}
    code, text, _ = run(capsys, monkeypatch, ["--data-dir", str(data), "sync", "--once"])
    assert code == 0 and "已上传 0 笔" in text


def test_sync_before_connect_names_the_missing_setting(file_keyring, tmp_path, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, ["--data-dir", str(tmp_path), "sync", "--once", "--json"])
    assert code == 2 and out["errors"][0]["field"] == "central_dsn"


def test_sync_without_keyring_password_asks_to_connect_again(central, file_keyring, tmp_path, capsys, monkeypatch):
    station = central.add_station()
    connect(capsys, monkeypatch, tmp_path, station)
    file_keyring.unlink()
    code, out, _ = run(capsys, monkeypatch, ["--data-dir", str(tmp_path), "sync", "--once", "--json"])
    assert code == 2 and out["errors"][0]["field"] == "password"


def test_sync_with_the_centre_down_fails_cleanly_and_keeps_the_queue(central, file_keyring, tmp_path, capsys,
                                                                     monkeypatch):
    station = central.add_station()
    connect(capsys, monkeypatch, tmp_path, station)
    store = Store.open(tmp_path)
    queue(store, station.code, 3)
    with store.unit_of_work(write=True) as uow:  # the centre moved: nothing listens there
        dsn = uow.settings.get("central_dsn")
        uow.settings.set("central_dsn", make_conninfo(dsn, port="1"))
        uow.commit()
    keyring.set_password(KEYRING_SERVICE, keyring_account(make_conninfo(dsn, port="1")), station.password)
    code, out, err = run(capsys, monkeypatch, ["--data-dir", str(tmp_path), "sync", "--once", "--json"])
    with store.unit_of_work() as uow:
        pending = uow.outbox.count_pending()
    store.close()
    assert code == 1 and "同步失败" in out["errors"][0]["message"] and "Traceback" not in err
    assert pending == 3


def test_a_staffed_station_connects_with_a_clerk_and_a_supervisors_approval(
        central, file_keyring, tmp_path, capsys, monkeypatch, fast_hashing):
    from counter_app.services import open_counter

    station = central.add_station()
    with open_counter(tmp_path) as counter:
        staff(counter)
    base = ["--data-dir", str(tmp_path), "connect", "--dsn", dsn_without_password(station), "--station",
            station.code, "--json", "--clerk", CLERK[0]]
    code, refused, _ = run(capsys, monkeypatch, base, f"{CLERK[1]}\n{station.password}\n")
    assert code == 2 and refused["errors"][0]["field"] == "approval"
    assert centre_passwords(file_keyring) == {}
    code, out, _ = run(capsys, monkeypatch, [*base, "--approver", SUPERVISOR[0]],
                       f"{CLERK[1]}\n{SUPERVISOR[1]}\n{station.password}\n")
    assert code == 0 and out["connected"] is True
    assert "settings" in actions(tmp_path)
    code, synced, _ = run(capsys, monkeypatch, ["--data-dir", str(tmp_path), "sync", "--once", "--json"])
    with central.connect() as owner:  # the staffed station's audit rows (staffing, sign-ins, settings) went along
        held = owner.execute("SELECT count(*) FROM central.station_audit WHERE station_code = %s",
                             (station.code,)).fetchone()[0]
    # The station's own transfer needs no clerk sign-in.
    assert code == 0 and synced["rejected"] == 0 and synced["pushed"] == held > 0
