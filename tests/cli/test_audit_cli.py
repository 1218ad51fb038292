"""``counter-app audit verify|list``: exit 0 intact, exit 1 naming the first tampered row; list for supervisors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from clerk_helpers import CLERK, SUPERVISOR, audit_db, fast_hashing, staff  # noqa: F401

from counter_app.cli import main
from counter_app.domain.audit_chain import head_of, seal
from counter_app.services import audit, open_counter


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A station whose log holds six rows."""
    monkeypatch.delenv("COUNTER_APP_PASSWORD", raising=False)
    path = tmp_path / "station"
    with open_counter(path) as counter:
        for n in range(6):
            audit.record(counter, "lookup", f"110105********00{n}X", {"via": "card"})
    return path


def cli(capsys, monkeypatch, data_dir: Path, *argv: str, stdin: str = "") -> tuple[int, object]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(data_dir), *argv])
    out = capsys.readouterr().out.strip()
    return code, json.loads(out) if out.startswith(("{", "[")) else out


def tamper(data_dir: Path, *statements: str) -> None:
    db = audit_db(data_dir)
    try:
        for statement in statements:
            db.execute(statement)
    finally:
        db.close()


def forged_last_row(data_dir: Path) -> list[str]:
    """A seventh row appended by someone who knows the scheme: linked and hashed correctly."""
    with open_counter(data_dir) as counter, counter.store.unit_of_work() as uow:
        last = uow.audit.last()
    row = seal(head_of(last), at=last.at, station_code=last.station_code, terminal=last.terminal,
               clerk="mallory", action="lookup", subject="forged", details={})
    return ["INSERT INTO audit_log (seq, at, station_code, terminal, clerk, action, subject, details, prev_hash, hash) "
            f"VALUES ({row.seq}, '{row.at}', '{row.station_code}', '{row.terminal}', 'mallory', 'lookup', 'forged', "
            f"'{{}}', '{row.prev_hash}', '{row.hash}')"]


def test_an_intact_log_exits_0(capsys, monkeypatch, data_dir):
    assert cli(capsys, monkeypatch, data_dir, "audit", "verify") == (0, "审计日志完整：共6条记录，哈希链无断裂")
    code, out = cli(capsys, monkeypatch, data_dir, "audit", "verify", "--json")
    assert code == 0 and out == {"ok": True, "rows": 6, "first_bad_seq": None, "reason": None, "message": None,
                                 "payload": None, "anchor": None}


def test_an_empty_log_is_intact(capsys, monkeypatch, tmp_path):
    assert cli(capsys, monkeypatch, tmp_path, "audit", "verify")[0] == 0


@pytest.mark.parametrize(("statements", "seq", "reason"), [
    (["UPDATE audit_log SET subject = '110105********0099' WHERE seq = 4"], 4, "edited"),
    (["DELETE FROM audit_log WHERE seq = 3"], 3, "missing"),
    (["DELETE FROM audit_log WHERE seq = 6"], 6, "missing"),
    (["UPDATE audit_log SET seq = 100 WHERE seq = 2", "UPDATE audit_log SET seq = 2 WHERE seq = 5",
      "UPDATE audit_log SET seq = 5 WHERE seq = 100"], 2, "edited"),
    (["INSERT INTO audit_log (seq, at, station_code, terminal, clerk, action, subject, details, prev_hash, hash) "
      "SELECT 7, at, station_code, terminal, 'mallory', action, subject, details, hash, hash FROM audit_log "
      "WHERE seq = 6"], 7, "edited"),
    ("forged", 7, "edited"),  # a well-formed SHA-256 row: without the station's key its hash cannot match
])
def test_a_tampered_log_exits_1_naming_the_first_bad_row(capsys, monkeypatch, data_dir, statements, seq, reason):
    tamper(data_dir, *(forged_last_row(data_dir) if statements == "forged" else statements))
    code, out = cli(capsys, monkeypatch, data_dir, "audit", "verify")
    assert code == 1 and out.startswith(f"审计日志已被改动：第{seq}条")
    code, out = cli(capsys, monkeypatch, data_dir, "audit", "verify", "--json")
    assert code == 1 and (out["ok"], out["first_bad_seq"], out["reason"]) == (False, seq, reason)


def test_verify_needs_no_sign_in_but_list_needs_a_supervisor(capsys, monkeypatch, data_dir, fast_hashing):
    with open_counter(data_dir) as counter:
        staff(counter)
    assert cli(capsys, monkeypatch, data_dir, "audit", "verify")[0] == 0
    code, out = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "audit", "list", "--json", stdin=CLERK[1] + "\n")
    assert code == 2 and out["errors"][0] == {"field": "clerk", "message": "只有站长（主管）可以查看审计日志"}
    code, out = cli(capsys, monkeypatch, data_dir, "--clerk", "wang", "audit", "list", "--json", "--limit", "3",
                    stdin=SUPERVISOR[1] + "\n")
    assert code == 0 and [(r["clerk"], r["action"]) for r in out] == [
        ("wang", "login"), ("zhang", "login"), ("wang", "clerk_add")]
    assert set(out[0]) == {"seq", "at", "station_code", "terminal", "clerk", "action", "subject", "details",
                           "prev_hash", "hash"}


def test_list_filters_and_prints_chinese_lines(capsys, monkeypatch, data_dir):
    audit_lines = cli(capsys, monkeypatch, data_dir, "audit", "list", "--action", "lookup", "--limit", "2")[1]
    lines = audit_lines.splitlines()
    assert len(lines) == 2 and all("查询职工信息" in line and "110105********" in line for line in lines)
    assert lines[0].split()[0] == "6"
    assert cli(capsys, monkeypatch, data_dir, "audit", "list", "--by", "nobody")[1] == "没有审计记录"
    assert cli(capsys, monkeypatch, data_dir, "audit", "list", "--limit", "0", "--json")[1]["errors"][0]["field"] == "limit"


def test_the_installed_command_returns_the_exit_codes(data_dir):
    command = [str(Path(sys.executable).with_name("counter-app")), "--data-dir", str(data_dir), "audit", "verify"]
    intact = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=120)
    tamper(data_dir, "UPDATE audit_log SET clerk = 'x' WHERE seq = 5")
    broken = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert (intact.returncode, broken.returncode) == (0, 1)
    assert "第5条" in broken.stdout and "Traceback" not in broken.stderr
