"""Privacy scan: after a realistic session no clerk password and no centre password is anywhere in the
data dir — database, its WAL, prints, crash reports, settings files — in UTF-8 or UTF-16."""

from __future__ import annotations

import io
import json
import sys
import uuid
from pathlib import Path

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

sys.path.insert(0, str(Path(__file__).resolve().parent / "services"))  # the service tests' world

from clerk_helpers import CLERK, OTHER_CLERK, SUPERVISOR, audit_rows, fast_hashing  # noqa: F401
from service_world import W, build_world, fixed_clock

from counter_app import crash
from counter_app.cli import main
from counter_app.services import clerks, open_counter
from counter_app.sync import central_db

pytestmark = pytest.mark.postgres

NEW_PASSWORD = "Zhang-new-pass-2027"
TYPED_WRONG = "Zhang-pass-2025"  # a near miss, as clerks type them
TYPED_AS_NAME = "Wang-pass-2026-typed-in-the-name-box"
LARGE = {"id_number": W.senior, "reason_code": "05", "amount": "90000.00", "bank_card": "6222020000000000000",
         "materials": ["id_card", "emigration_proof", "bank_card"]}
NEW_MOBILE = {"id_number": W.active, "new_mobile": "13987654321", "materials": ["id_card"]}


class MemoryKeyring(KeyringBackend):
    """The test's keyring: in this process's memory, never in the data dir."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def station(pg_dsn):
    """A station registered at a fresh central database: its code, role and one-time password."""
    group = "grp_" + uuid.uuid4().hex[:10]
    central_db.init_central(pg_dsn, group)
    code = "P" + uuid.uuid4().hex[:8].upper()
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        creds = central_db.add_station(conn, code, "隐私测试服务站", "01")
    parts = conninfo_to_dict(pg_dsn)
    parts.pop("password", None)
    yield creds, make_conninfo(**{**parts, "user": creds.role})
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        for role in (creds.role, group):
            conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def cli(monkeypatch, capsys, data_dir: Path, *argv: str, stdin: str = "", env: dict[str, str] | None = None) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    for name in ("COUNTER_APP_PASSWORD", "COUNTER_APP_APPROVER_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    code = main(["--data-dir", str(data_dir), *argv])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def write_form(tmp_path: Path, payload: dict, name: str) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return str(path)


def every_file(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def found_in(files: list[Path], secret: str) -> list[str]:
    forms = {secret.encode("utf-8"), secret.encode("utf-16-le"), json.dumps(secret).encode("ascii")[1:-1]}
    return [str(p) for p in files if any(form in p.read_bytes() for form in forms)]


def test_no_password_or_central_credential_is_left_anywhere(tmp_path, monkeypatch, capsys, fast_hashing,
                                                            memory_keyring, station):
    creds, dsn = station
    data_dir = tmp_path / "station"
    with open_counter(data_dir, clock=fixed_clock) as counter:
        build_world(counter.store, station=(creds.code, "隐私测试服务站", "01"))  # set before any intake
    as_boss = {"COUNTER_APP_PASSWORD": SUPERVISOR[1]}
    as_zhang = {"COUNTER_APP_PASSWORD": CLERK[1]}

    # Clerks: the first supervisor, then two clerks added by him (passwords on stdin).
    assert cli(monkeypatch, capsys, data_dir, "clerk", "add", SUPERVISOR[0], "--role", "supervisor",
               stdin=SUPERVISOR[1] + "\n")[0] == 0
    for name, password, _ in (CLERK, OTHER_CLERK):
        assert cli(monkeypatch, capsys, data_dir, "--clerk", SUPERVISOR[0], "clerk", "add", name,
                   stdin=password + "\n", env=as_boss)[0] == 0

    # The centre: connect once (password into the keyring only).
    code, said = cli(monkeypatch, capsys, data_dir, "--clerk", CLERK[0], "--approver", SUPERVISOR[0], "connect",
                     "--dsn", dsn, "--station", creds.code, stdin=creds.password + "\n",
                     env={**as_zhang, "COUNTER_APP_APPROVER_PASSWORD": SUPERVISOR[1]})
    assert code == 0, said
    assert creds.password in memory_keyring.entries.values()

    # Work at the counter: applications, a large withdrawal approved, prints and an approved reprint.
    info = write_form(tmp_path, NEW_MOBILE, "info.json")
    code, out = cli(monkeypatch, capsys, data_dir, "--clerk", CLERK[0], "apply", "info-change", "--json-file", info,
                    env=as_zhang)
    assert code == 0, out
    number = json.loads(out[out.index("{"):])["receipt_number"]
    assert cli(monkeypatch, capsys, data_dir, "--clerk", CLERK[0], "--approver", SUPERVISOR[0], "apply", "withdrawal",
               "--json-file", write_form(tmp_path, LARGE, "large.json"),
               env={**as_zhang, "COUNTER_APP_APPROVER_PASSWORD": SUPERVISOR[1]})[0] == 0
    receipt = ["--clerk", CLERK[0], "print", "receipt", number, "--out", str(data_dir / "prints" / "r.pdf")]
    assert cli(monkeypatch, capsys, data_dir, *receipt, env=as_zhang)[0] == 0
    assert cli(monkeypatch, capsys, data_dir, "--approver", SUPERVISOR[0], *receipt, "--reprint-reason", "原件遗失",
               env={**as_zhang, "COUNTER_APP_APPROVER_PASSWORD": SUPERVISOR[1]})[0] == 0

    # Mistakes clerks make: a near-miss password, a password typed into the name box, a lockout.
    with open_counter(data_dir) as counter:
        assert clerks.authenticate(counter, CLERK[0], TYPED_WRONG).field == "password"
        assert clerks.authenticate(counter, TYPED_AS_NAME, "").field == "password"
        for _ in range(clerks.MAX_FAILED_ATTEMPTS):
            clerks.authenticate(counter, OTHER_CLERK[0], TYPED_WRONG + "!")
    assert cli(monkeypatch, capsys, data_dir, "--clerk", CLERK[0], "clerk", "passwd", CLERK[0],
               stdin=NEW_PASSWORD + "\n", env=as_zhang)[0] == 0

    # Sync with the centre, then a crash whose message carries a DSN with its password.
    code, said = cli(monkeypatch, capsys, data_dir, "--clerk", CLERK[0], "sync", "--once", "--json",
                     env={"COUNTER_APP_PASSWORD": NEW_PASSWORD})
    assert code == 0, said
    report = json.loads(said[said.index("{"):said.rindex("}") + 1])
    assert report["pushed"] >= 2  # the two applications reached the centre (audit rows are the sync's to add)
    handler = crash.CrashHandler(data_dir, restart=False, notify=lambda _text: None, exit=lambda _code: None)
    try:
        password = CLERK[1]  # a password in a local variable of the failing frame
        raise RuntimeError(f"lost {make_conninfo(dsn, password=creds.password)} while checking {len(password)}")
    except RuntimeError as exc:
        handler(type(exc), exc, exc.__traceback__)
    assert handler.last_report is not None and handler.last_report.is_file()

    # The scan: every file of the data dir, raw bytes.
    files = every_file(data_dir)
    assert any(p.name == "station.sqlite3" for p in files) and any(p.suffix == ".pdf" for p in files)
    actions = [row[2] for row in audit_rows(data_dir)]
    assert {"login", "login_failed", "approve", "submit", "print", "reprint", "clerk_passwd"} <= set(actions)
    secrets = {"supervisor": SUPERVISOR[1], "clerk": CLERK[1], "other clerk": OTHER_CLERK[1], "new": NEW_PASSWORD,
               "near miss": TYPED_WRONG, "typed as name": TYPED_AS_NAME, "centre": creds.password}
    leaks = {label: found_in(files, secret) for label, secret in secrets.items()}
    assert leaks == {label: [] for label in secrets}
    canary = tmp_path / "canary.bin"  # the scan itself finds what it looks for, in either encoding
    canary.write_bytes(b"x" + CLERK[1].encode("utf-16-le") + b"y")
    assert found_in([canary], CLERK[1]) == [str(canary)]
