"""``counter-app clerk …`` and ``--clerk``/``--approver``: passwords from stdin, env or a prompt, never argv."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from clerk_helpers import CLERK, SUPERVISOR, fast_hashing  # noqa: F401
from service_world import W, build_world, fixed_clock

from counter_app.cli import main
from counter_app.services import open_counter

# A closing withdrawal (settling abroad) of 周九's whole 90,000.00: above the 50,000.00 approval limit.
LARGE = {"id_number": W.senior, "reason_code": "05", "amount": "90000.00", "bank_card": "6222020000000000000",
         "materials": ["id_card", "emigration_proof", "bank_card"]}
NEW_MOBILE = {"id_number": W.active, "new_mobile": "13987654321", "materials": ["id_card"]}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("clerk-cli-world") / "station"
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


def staffed(capsys, monkeypatch, data_dir: Path) -> None:
    assert cli(capsys, monkeypatch, data_dir, "clerk", "add", SUPERVISOR[0], "--role", "supervisor",
               "--display-name", SUPERVISOR[2], stdin=SUPERVISOR[1] + "\n")[0] == 0
    assert cli(capsys, monkeypatch, data_dir, "--clerk", SUPERVISOR[0], "clerk", "add", CLERK[0], "--display-name",
               CLERK[2], stdin=f"{SUPERVISOR[1]}\n{CLERK[1]}\n")[0] == 0


def form_file(tmp_path: Path, payload: dict) -> str:
    path = tmp_path / "form.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_a_fresh_station_has_no_clerks_and_runs_as_the_demo_clerk(capsys, monkeypatch, data_dir, tmp_path):
    code, out, _ = cli(capsys, monkeypatch, data_dir, "clerk", "list")
    assert code == 0 and "尚未设置柜员账号" in out
    assert cli(capsys, monkeypatch, data_dir, "clerk", "list", "--json")[1] == []
    code, out, _ = cli(capsys, monkeypatch, data_dir, "apply", "info-change", "--json-file", form_file(tmp_path, NEW_MOBILE))
    assert code == 0
    records = cli(capsys, monkeypatch, data_dir, "records", "--json")[1]
    assert records[0]["receipt_number"] == out["receipt_number"]


def test_the_first_supervisor_is_added_with_the_password_from_stdin(capsys, monkeypatch, data_dir):
    code, out, _ = cli(capsys, monkeypatch, data_dir, "clerk", "add", "wang", "--role", "supervisor",
                       "--display-name", "王站长", "--json", stdin=SUPERVISOR[1] + "\n")
    assert code == 0 and out == {"username": "wang", "display_name": "王站长", "role": "supervisor", "active": True,
                                 "locked_until": None, "source": "local", "must_change_password": False,
                                 "confirmed_at": None}
    stored = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert SUPERVISOR[1].encode() not in stored


def test_a_password_is_never_an_argument(capsys, monkeypatch, data_dir):
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(data_dir), "clerk", "add", "wang", "--password", SUPERVISOR[1]])
    assert caught.value.code == 2 and "参数错误" in capsys.readouterr().err


def test_the_first_account_must_be_a_supervisor(capsys, monkeypatch, data_dir):
    code, out, _ = cli(capsys, monkeypatch, data_dir, "clerk", "add", "zhang", "--json", stdin=CLERK[1] + "\n")
    assert code == 2 and out["errors"][0]["field"] == "role"


def test_once_there_are_clerks_every_command_names_its_clerk(capsys, monkeypatch, data_dir, tmp_path):
    staffed(capsys, monkeypatch, data_dir)
    code, out, _ = cli(capsys, monkeypatch, data_dir, "records", "--json")
    assert code == 2 and out["errors"][0]["field"] == "clerk" and "--clerk" in out["errors"][0]["message"]
    code, _, err = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "records", stdin="wrong-password\n")
    assert code == 2 and "用户名或密码不正确" in err and "Traceback" not in err
    monkeypatch.setenv("COUNTER_APP_PASSWORD", CLERK[1])
    code, out, _ = cli(capsys, monkeypatch, data_dir, "apply", "info-change", "--json-file",
                       form_file(tmp_path, NEW_MOBILE), "--clerk", "zhang")  # after the command name too
    assert code == 0
    records = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "records", "--json")[1]
    with open_counter(data_dir) as counter, counter.store.unit_of_work() as uow:
        assert uow.applications.get_by_receipt(records[0]["receipt_number"]).clerk == "zhang"


def test_a_large_withdrawal_by_script_needs_an_approver(capsys, monkeypatch, data_dir, tmp_path):
    staffed(capsys, monkeypatch, data_dir)
    monkeypatch.setenv("COUNTER_APP_PASSWORD", CLERK[1])
    form = form_file(tmp_path, LARGE)
    code, out, _ = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "apply", "withdrawal", "--json-file", form)
    assert code == 2 and [e["field"] for e in out["errors"]] == ["approval"] and "90,000.00" in out["errors"][0]["message"]
    code, out, _ = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "--approver", "zhang", "apply", "withdrawal",
                       "--json-file", form, stdin=CLERK[1] + "\n")
    assert code == 2 and out["errors"][0] == {"field": "approver", "message": "复核人须为站长（主管）"}
    monkeypatch.setenv("COUNTER_APP_APPROVER_PASSWORD", SUPERVISOR[1])
    code, out, _ = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "--approver", "wang", "apply", "withdrawal",
                       "--json-file", form)
    assert code == 0 and out["status"] == "queued"


def test_a_reprint_by_script_needs_an_approver(capsys, monkeypatch, data_dir, tmp_path):
    staffed(capsys, monkeypatch, data_dir)
    monkeypatch.setenv("COUNTER_APP_PASSWORD", CLERK[1])
    number = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "apply", "info-change", "--json-file",
                 form_file(tmp_path, NEW_MOBILE))[1]["receipt_number"]
    first = ["--clerk", "zhang", "print", "receipt", number, "--out", str(tmp_path / "r.pdf"), "--json"]
    assert cli(capsys, monkeypatch, data_dir, *first)[0] == 0
    again = [*first, "--reprint-reason", "原件遗失"]
    code, out, _ = cli(capsys, monkeypatch, data_dir, *again)
    assert code == 2 and out["errors"][0]["field"] == "approval"
    code, out, _ = cli(capsys, monkeypatch, data_dir, "--approver", "wang", *again, stdin=SUPERVISOR[1] + "\n")
    assert code == 0 and out["reprint"] is True


def test_only_a_supervisor_manages_clerks(capsys, monkeypatch, data_dir):
    staffed(capsys, monkeypatch, data_dir)
    code, out, _ = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "clerk", "add", "li", "--json",
                       stdin=f"{CLERK[1]}\nLi-pass-2026!\n")
    assert code == 2 and out["errors"][0]["field"] == "clerk"
    code, out, _ = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "clerk", "disable", "wang", "--json",
                       stdin=CLERK[1] + "\n")
    assert code == 2
    code, out, _ = cli(capsys, monkeypatch, data_dir, "--clerk", "wang", "clerk", "disable", "zhang",
                       stdin=SUPERVISOR[1] + "\n")
    assert code == 0 and out == "已停用柜员 zhang"
    code, _, err = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "records", stdin=CLERK[1] + "\n")
    assert code == 2 and "停用" in err
    listed = cli(capsys, monkeypatch, data_dir, "--clerk", "wang", "clerk", "list", "--json", stdin=SUPERVISOR[1] + "\n")[1]
    assert [(c["username"], c["active"]) for c in listed] == [("wang", True), ("zhang", False)]


def test_a_clerk_changes_his_own_password_from_stdin(capsys, monkeypatch, data_dir):
    staffed(capsys, monkeypatch, data_dir)
    code, out, _ = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "clerk", "passwd", "zhang",
                       stdin=f"{CLERK[1]}\nBrand-new-pass-1\n")
    assert code == 0 and "已修改" in out
    assert cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "records", stdin="Brand-new-pass-1\n")[0] == 0


def test_on_a_terminal_the_new_password_is_typed_twice_without_echo(capsys, monkeypatch, data_dir):
    typed = iter([SUPERVISOR[1], SUPERVISOR[1] + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    monkeypatch.setattr("sys.stdin", type("Tty", (io.StringIO,), {"isatty": lambda self: True})())
    code = main(["--data-dir", str(data_dir), "clerk", "add", "wang", "--role", "supervisor", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 2 and out["errors"][0] == {"field": "password", "message": "两次输入的密码不一致"}


def test_clerk_list_shows_roles_in_chinese(capsys, monkeypatch, data_dir):
    staffed(capsys, monkeypatch, data_dir)
    code, out, _ = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "clerk", "list", stdin=CLERK[1] + "\n")
    assert code == 0 and "王站长" in out and "站长（主管）" in out and "张柜员" in out and "在用" in out


def test_search_showing_full_id_numbers_is_audited(capsys, monkeypatch, data_dir):
    from clerk_helpers import audit_rows

    code, out, _ = cli(capsys, monkeypatch, data_dir, "search", "张三", "--json")
    assert code == 0 and all(row[2] != "reveal" for row in audit_rows(data_dir))
    code, out, _ = cli(capsys, monkeypatch, data_dir, "search", "张三", "--json", "--reveal")
    assert code == 0 and any(hit.get("id_number") == W.active for hit in out)
    reveal = [row for row in audit_rows(data_dir) if row[2] == "reveal"]
    assert len(reveal) == 1 and json.loads(reveal[0][4])["via"] == "search"


def test_cancel_by_script_needs_an_approver_on_a_staffed_station(capsys, monkeypatch, data_dir, tmp_path):
    staffed(capsys, monkeypatch, data_dir)
    monkeypatch.setenv("COUNTER_APP_PASSWORD", CLERK[1])
    number = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "apply", "info-change", "--json-file",
                 form_file(tmp_path, NEW_MOBILE))[1]["receipt_number"]
    code, out, _ = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "cancel", number, "--reason", "录入错误",
                       "--json")
    assert code == 2 and out["errors"][0]["field"] == "approval"
    code, out, _ = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "--approver", "wang", "cancel", number,
                       "--reason", "录入错误", "--json", stdin=SUPERVISOR[1] + "\n")
    assert code == 0 and out["status"] == "cancelled"
    code, out, _ = cli(capsys, monkeypatch, data_dir, "--clerk", "zhang", "cancel", number, "--reason", "再撤一次")
    assert code == 2
