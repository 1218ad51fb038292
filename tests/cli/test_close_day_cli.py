"""``counter-app close-day`` and ``close-day reopen``: totals, the gap check, a supervisor's sign-off."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from clerk_helpers import CLERK, SUPERVISOR, fast_hashing  # noqa: F401
from service_world import W, build_world, fixed_clock

from counter_app.cli import main
from counter_app.services import open_counter

PEOPLE = (W.active, W.history, W.newcomer, W.offset, W.repaid, W.senior)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("close-cli-world") / "station"
    with open_counter(path, clock=fixed_clock) as counter:
        build_world(counter.store)
    return path


@pytest.fixture
def data_dir(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast_hashing) -> Path:
    monkeypatch.delenv("COUNTER_APP_PASSWORD", raising=False)
    monkeypatch.delenv("COUNTER_APP_APPROVER_PASSWORD", raising=False)
    target = tmp_path / "station"
    shutil.copytree(template, target)
    return target


def cli(capsys, monkeypatch, data_dir: Path, *argv: str, stdin: str = "") -> tuple[int, object, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(data_dir), *argv])
    captured = capsys.readouterr()
    out = captured.out.strip()
    return code, json.loads(out) if out.startswith(("{", "[")) else out, captured.err


def apply(capsys, monkeypatch, data_dir: Path, tmp_path: Path, person: int, *who: str) -> str:
    """An info change (new mobile) of the ``person``-th worker of the world."""
    form = tmp_path / "form.json"
    change = {"id_number": PEOPLE[person], "new_mobile": "13987654321", "materials": ["id_card"]}
    form.write_text(json.dumps(change, ensure_ascii=False), encoding="utf-8")
    code, out, err = cli(capsys, monkeypatch, data_dir, *who, "apply", "info-change", "--json-file", str(form))
    assert code == 0, (out, err)
    return out["receipt_number"]


def test_close_day_prints_totals_and_the_gap_check_then_refuses_a_second_close(capsys, monkeypatch, data_dir, tmp_path):
    numbers = [apply(capsys, monkeypatch, data_dir, tmp_path, n) for n in range(3)]
    with sqlite3.connect(data_dir / "station.sqlite3") as db:  # a record lost behind the app's back
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("DELETE FROM applications WHERE receipt_number = ?", (numbers[1],))
    code, out, _ = cli(capsys, monkeypatch, data_dir, "close-day", "--preview", "--json")
    assert code == 0 and out["closed"] is False and out["revision"] == 1 and out["totals"]["count"] == 2
    assert out["gaps"] == [{"terminal": "01", "missing": [2]}]
    code, out, _ = cli(capsys, monkeypatch, data_dir, "close-day")
    assert code == 0 and "已日结" in out and "业务 2 笔" in out and "终端01缺号：0002" in out and "日结单：" in out
    code, out, _ = cli(capsys, monkeypatch, data_dir, "close-day", "--json")
    assert code == 2 and out["errors"][0]["field"] == "day" and "不能重复日结" in out["errors"][0]["message"]
    code, out, _ = cli(capsys, monkeypatch, data_dir, "close-day", "--preview", "--json")
    assert out["closed"] is True and out["revision"] == 1 and out["closed_by"] == "demo"
    assert Path(out["sheet"]).is_file()


def test_on_a_staffed_station_closing_and_reopening_need_the_approver(capsys, monkeypatch, data_dir, tmp_path):
    assert cli(capsys, monkeypatch, data_dir, "clerk", "add", SUPERVISOR[0], "--role", "supervisor",
               stdin=SUPERVISOR[1] + "\n")[0] == 0
    assert cli(capsys, monkeypatch, data_dir, "--clerk", SUPERVISOR[0], "clerk", "add", CLERK[0],
               stdin=f"{SUPERVISOR[1]}\n{CLERK[1]}\n")[0] == 0
    monkeypatch.setenv("COUNTER_APP_PASSWORD", CLERK[1])
    me = ("--clerk", CLERK[0])
    apply(capsys, monkeypatch, data_dir, tmp_path, 0, *me)
    code, out, _ = cli(capsys, monkeypatch, data_dir, *me, "close-day", "--json")
    assert code == 2 and out["errors"][0]["field"] == "approval" and "--approver" in out["errors"][0]["message"]
    code, out, _ = cli(capsys, monkeypatch, data_dir, *me, "--approver", CLERK[0], "close-day", "--json",
                       stdin=CLERK[1] + "\n")
    assert code == 2 and out["errors"][0] == {"field": "approver", "message": "复核人须为站长（主管）"}
    monkeypatch.setenv("COUNTER_APP_APPROVER_PASSWORD", SUPERVISOR[1])
    code, out, _ = cli(capsys, monkeypatch, data_dir, *me, "--approver", SUPERVISOR[0], "close-day", "--json")
    assert code == 0 and out["closed"] is True and out["revision"] == 1 and out["scope"] == "clerk:zhang"
    assert out["totals"]["count"] == 1 and out["gaps"] == []
    today = out["day"]  # the station's day (China time), not the test machine's date
    code, out, _ = cli(capsys, monkeypatch, data_dir, *me, "close-day", "reopen", "--date", today, "--reason",
                       "漏录一笔业务", "--json")
    assert code == 2 and out["errors"][0]["field"] == "approval"
    code, out, _ = cli(capsys, monkeypatch, data_dir, *me, "close-day", "reopen", "--date", today, "--reason", "",
                       "--approver", SUPERVISOR[0], "--json")
    assert code == 2 and out["errors"][0]["field"] == "reason"
    code, out, _ = cli(capsys, monkeypatch, data_dir, *me, "close-day", "reopen", "--date", today, "--reason",
                       "漏录一笔业务", "--approver", SUPERVISOR[0], "--json")
    assert code == 0 and out["closed"] is False and out["revision"] == 2
    assert out["reopened"]["reason"] == "漏录一笔业务" and out["reopened"]["approved_by"] == SUPERVISOR[0]
    apply(capsys, monkeypatch, data_dir, tmp_path, 1, *me)  # the missed walk-in
    code, out, _ = cli(capsys, monkeypatch, data_dir, *me, "--approver", SUPERVISOR[0], "close-day")
    assert code == 0 and "已日结（第2次日结）" in out and "业务 2 笔" in out


def test_close_day_refuses_bad_dates_in_chinese(capsys, monkeypatch, data_dir):
    code, out, _ = cli(capsys, monkeypatch, data_dir, "close-day", "--date", "2026-02-30", "--json")
    assert code == 2 and out["errors"][0]["field"] in ("date", "day") and "真实日期" in out["errors"][0]["message"]
    code, out, _ = cli(capsys, monkeypatch, data_dir, "close-day", "reopen", "--date", "2020-01-02", "--reason",
                       "没有日结过的日子", "--json")
    assert code == 2 and "尚未日结" in out["errors"][0]["message"]
