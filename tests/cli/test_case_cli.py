"""``counter-app case …``: open, step (notice printed), list with overdue, dossier; refusals exit 2."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "services"))

import pytest
from service_world import E, build_world, fixed_clock

from counter_app.cli import main
from counter_app.services import open_counter


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "station"
    with open_counter(path, clock=fixed_clock) as counter:
        build_world(counter.store)
    return path


def run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), "case", *args])
    return code, capsys.readouterr()


def test_a_case_from_the_command_line(data_dir, tmp_path, capsys) -> None:
    code, out = run(capsys, data_dir, "open", "--uscc", E.unregistered, "--date", "2026-01-05",
                    "--record", "现场调查未建制", "--record-no", "DC-1", "--json")
    assert code == 0, out.err
    case = json.loads(out.out)
    assert case["state"] == "investigated" and case["steps"][0]["document"] == "DC-1"
    number = case["case_no"]
    code, out = run(capsys, data_dir, "step", number, "delivered", "--json")
    assert code == 2 and json.loads(out.out)["errors"][0]["field"] == "state"
    code, out = run(capsys, data_dir, "step", number, "notice_issued", "--out", str(tmp_path / "n.pdf"), "--json")
    assert code == 0 and (tmp_path / "n.pdf").stat().st_size > 1000
    assert json.loads(out.out)["deadline"] is not None
    code, out = run(capsys, data_dir, "list", "--json")
    assert [c["case_no"] for c in json.loads(out.out)] == [number]
    code, out = run(capsys, data_dir, "list")
    assert number in out.out and "已发通知书" in out.out
    code, out = run(capsys, data_dir, "dossier", number, "--out", str(tmp_path / "d.pdf"), "--json")
    assert code == 0 and json.loads(out.out) == {"file": str(tmp_path / "d.pdf")}


def test_refusals_name_the_field(data_dir, capsys) -> None:
    code, out = run(capsys, data_dir, "open", "--uscc", E.registered, "--record", "调查")
    assert code == 2 and "uscc" in out.err and "Traceback" not in out.err
    code, out = run(capsys, data_dir, "step", "CG01-JZ-20990101-0001", "closed", "--note", "x", "--json")
    assert code == 2 and json.loads(out.out)["errors"][0]["field"] == "case_no"
