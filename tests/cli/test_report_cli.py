"""``counter-app report daily|coverage`` as scripts use it: files, JSON shapes, Chinese errors with exit 2."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "services"))

import pytest
from openpyxl import load_workbook
from service_world import build_world, fixed_clock, submit_good

from counter_app.cli import main
from counter_app.services import open_counter
from counter_app.services import operations as ops


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "station"
    with open_counter(path, clock=fixed_clock) as counter:
        build_world(counter.store)
        submit_good(counter, "withdrawal")
        submit_good(counter, "open-account")
        submit_good(counter, "loan")
        ops.set_target(counter, 5000, "2026-07-01", "2026-12-31")
    return path


def run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), "report", *args])
    return code, capsys.readouterr()


def test_coverage_json_contract(data_dir, capsys) -> None:
    code, out = run(capsys, data_dir, "coverage", "--date", "2026-11-23", "--json")
    assert code == 0 and json.loads(out.out) == {"target": 5000, "opened": 1, "ratio": "0.02"}
    code, out = run(capsys, data_dir, "coverage", "--date", "2026-11-23")
    assert code == 0 and "5000" in out.out and "0.02%" in out.out
    code, out = run(capsys, data_dir, "coverage", "--date", "2026-11-23", "--township", "北坪镇", "--json")
    assert json.loads(out.out) == {"target": 0, "opened": 0, "ratio": None}


def test_daily_xlsx_and_json(data_dir, tmp_path, capsys) -> None:
    out_file = tmp_path / "d.xlsx"
    code, out = run(capsys, data_dir, "daily", "--date", "2026-11-23", "--out", str(out_file), "--json")
    assert code == 0
    result = json.loads(out.out)
    assert result == {"file": str(out_file), "date": "2026-11-23", "count": 3, "amount": "300600.00", "closed": False}
    rows = list(load_workbook(out_file)["日结汇总"].iter_rows(values_only=True))
    total = next(r for r in rows if r[0] == "合计")
    assert total[1] == 3 and Decimal(str(total[rows[0].index("金额（元）")])) == Decimal("300600.00")


def test_bad_input_exits_2_naming_the_field(data_dir, tmp_path, capsys) -> None:
    code, out = run(capsys, data_dir, "daily", "--date", "2026-02-30", "--out", str(tmp_path / "x.xlsx"), "--json")
    assert code == 2 and json.loads(out.out)["errors"][0]["field"] == "date"
    code, out = run(capsys, data_dir, "daily", "--out", str(tmp_path / "x.csv"))
    assert code == 2 and "xlsx" in out.err and "Traceback" not in out.err
    code, out = run(capsys, data_dir, "coverage", "--township", "柳湾镇", "--json")
    assert code == 2 and json.loads(out.out)["errors"][0]["field"] == "township"
    code, out = run(capsys, data_dir, "daily", "--out", "/proc/nope/x.xlsx")
    assert code == 2 and "无法写入" in out.err
