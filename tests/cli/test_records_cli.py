"""``counter-app records [--status S] [--kind K] [--json]``: the contract list shape, filters, Chinese lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from service_world import build_world, fixed_clock, submit_good

from counter_app.cli import main
from counter_app.services import open_counter

SHAPE = {"receipt_number", "kind", "status", "client_id", "created_at", "fields"}


@pytest.fixture(scope="module")
def taken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    """A station that took an info change, a deferral and a withdrawal; the centre approved the deferral.
    (The listing only reads, so the tests share it.)"""
    data_dir = tmp_path_factory.mktemp("records") / "station"
    with open_counter(data_dir, clock=fixed_clock) as counter:
        build_world(counter.store)
        results = [submit_good(counter, kind) for kind in ("info-change", "deferral", "withdrawal")]
        assert all(r.ok for r in results)
        with counter.store.unit_of_work(write=True) as uow:
            uow.applications.set_status(results[1].client_id, "approved", by="centre", reason="同意缓缴")
            uow.commit()
    return data_dir, results


def records(capsys, data_dir: Path, *options: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), "records", *options])
    return code, capsys.readouterr().out


def test_json_list_has_the_contract_shape_newest_first(capsys, taken):
    data_dir, results = taken
    code, out = records(capsys, data_dir, "--json")
    rows = json.loads(out)
    assert code == 0
    assert all(set(r) == SHAPE | ({"decision_reason"} if r["status"] == "approved" else set()) for r in rows)
    assert [r.get("decision_reason") for r in rows] == [None, "同意缓缴", None]  # the centre's reason, when given
    assert [r["receipt_number"] for r in rows] == [r.receipt_number for r in reversed(results)]
    assert [r["kind"] for r in rows] == ["withdrawal", "deferral", "info-change"]
    assert [r["status"] for r in rows] == ["queued", "approved", "queued"]
    assert rows[0]["client_id"] == results[2].client_id
    assert rows[0]["created_at"] == "2026-11-23T02:00:00+00:00"
    assert rows[0]["fields"]["amount"] == "600.00"  # money as a string with two decimals
    assert rows[2]["fields"]["before"] == {"mobile": "13800000001"}


def test_status_filter(capsys, taken):
    data_dir, results = taken
    _, out = records(capsys, data_dir, "--status", "queued", "--json")
    assert {r["receipt_number"] for r in json.loads(out)} == {results[0].receipt_number, results[2].receipt_number}
    _, out = records(capsys, data_dir, "--status", "approved", "--json")
    assert [r["kind"] for r in json.loads(out)] == ["deferral"]
    _, out = records(capsys, data_dir, "--status", "rejected", "--json")
    assert json.loads(out) == []


def test_kind_filter_and_limit(capsys, taken):
    data_dir, _ = taken
    _, out = records(capsys, data_dir, "--kind", "withdrawal", "--json")
    assert [r["kind"] for r in json.loads(out)] == ["withdrawal"]
    _, out = records(capsys, data_dir, "--limit", "2", "--json")
    assert len(json.loads(out)) == 2


def test_unknown_status_is_a_usage_error(capsys, taken):
    data_dir, _ = taken
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(data_dir), "records", "--status", "lost"])
    assert caught.value.code == 2 and "参数错误" in capsys.readouterr().err


def test_text_lines_in_chinese(capsys, taken):
    data_dir, results = taken
    code, out = records(capsys, data_dir)
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 3
    assert lines[0].startswith(results[2].receipt_number)
    assert "提取" in lines[0] and "待上传" in lines[0] and "张三" in lines[0]
    assert "缓缴" in lines[1] and "已核准" in lines[1] and "示范市南山机械有限公司" in lines[1]


def test_empty_station(capsys, tmp_path):
    data_dir = tmp_path / "empty"
    assert records(capsys, data_dir, "--json") == (0, "[]\n")
    assert "没有符合条件的业务记录" in records(capsys, data_dir)[1]
