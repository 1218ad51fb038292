"""A station driven through the command line against the suite's centre, as the trust and
station-record tests use it: a data dir with the service tests' reference data, ``connect`` and
``sync`` with their JSON answers, and a submission with every material ticked."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from psycopg.conninfo import conninfo_to_dict, make_conninfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from service_world import build_world, complete, fixed_clock

from counter_app.cli import main
from counter_app.services import open_counter, submit_application
from counter_app.services.audit import ensure_key


def run(capsys, monkeypatch, argv, stdin: str = "") -> tuple[int, object]:
    """``counter-app ARGV`` in this process: the exit code and the answer (JSON when it is JSON)."""
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr().out.strip()
    return code, json.loads(out) if out.startswith(("{", "[")) else out


def plain_dsn(dsn: str, user: str | None = None) -> str:
    """The DSN without its password (the password goes to the keyring), optionally as another user."""
    parts = conninfo_to_dict(dsn)
    parts.pop("password", None)
    return make_conninfo(**{**parts, **({"user": user} if user else {})})


def station_world(tmp_path: Path, station) -> Path:
    """A station's data dir with the service tests' reference data, set (offline) as ``station``."""
    data = tmp_path / "data"
    with open_counter(data, clock=fixed_clock) as counter:
        build_world(counter.store, station=(station.code, "测试服务站", station.district))
        ensure_key(counter)
    return data


def connect(capsys, monkeypatch, data: Path, station, dsn: str | None = None) -> tuple[int, object]:
    return run(capsys, monkeypatch, ["--data-dir", str(data), "connect", "--dsn", dsn or plain_dsn(station.dsn),
                                     "--station", station.code, "--json"], station.password + "\n")


def sync(capsys, monkeypatch, data: Path) -> tuple[int, object]:
    return run(capsys, monkeypatch, ["--data-dir", str(data), "sync", "--once", "--json"])


def take(counter, kind: str, form: dict):
    """Submit ``form`` with every material the checklist asks for (as the clerk ticks them)."""
    return submit_application(counter, kind, complete(counter, kind, form))
