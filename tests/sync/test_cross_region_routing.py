"""跨省通办 reaches the centre and is routed there: the real central PostgreSQL lists each cross-region
application with its route (the other city, its centre, the account or contract, the amount) until it
is decided, and writes the worklist as a worksheet."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from station_helpers import factory
from test_cross_region_sync import FORMS, station_with_workers

from counter_app.services import open_counter, required_materials, submit_application
from counter_app.sync import central_db
from counter_app.sync.central_cli import main as central_main
from counter_app.sync.engine import sync_once

pytestmark = pytest.mark.postgres

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
ROUTED = ("transfer-in", "transfer-out", "offsite-purchase-withdrawal")


def worklist(central, capsys, *more: str) -> list[dict]:
    assert central_main(["cross-region", "--dsn", central.dsn, "--json", *more]) == 0
    return json.loads(capsys.readouterr().out)["applications"]


def test_cross_region_applications_wait_at_the_centre_with_their_routes(central, tmp_path, capsys) -> None:
    station = central.add_station(name="南山镇服务站")
    station_with_workers(tmp_path / "s", station.code)
    counter = open_counter(tmp_path / "s", clock=lambda: NOW)
    try:
        receipts = {}
        for kind, form in FORMS.items():
            materials = [m.code.split("|")[0] for m in required_materials(counter, kind, form)]
            result = submit_application(counter, kind, {**form, "materials": materials})
            assert result.ok, (kind, result.errors)
            receipts[kind] = result.receipt_number
        sync_once(counter.store, factory(station))
    finally:
        counter.close()
    listed = {row["kind"]: row for row in worklist(central, capsys)}
    assert sorted(listed) == sorted(ROUTED), "the project admission is no cross-region business"
    came_in, went_out, bought = listed["transfer-in"], listed["transfer-out"], listed["offsite-purchase-withdrawal"]
    assert (came_in["direction"], came_in["city"], came_in["centre"], came_in["reference"], came_in["amount"]) == (
        "转入", "甘肃省兰州市", "兰州住房公积金管理中心", "620100123456", "12000.00")
    assert "异地转移接续平台" in came_in["channel"] and came_in["status"] == "待转办"
    assert (went_out["direction"], went_out["centre"], went_out["reference"]) == ("转出", "西安住房公积金管理中心",
                                                                               "610100123456")
    assert (bought["city"], bought["reference"], bought["amount"]) == ("陕西省西安市", "XA-2026-0001", "30000.00")
    assert all(row["station_name"] == "南山镇服务站" and "*" in row["subject"] for row in listed.values())

    with central.connect() as owner:
        central_db.decide(owner, receipts["transfer-in"], "approve", by="审批员")
    assert sorted(r["kind"] for r in worklist(central, capsys)) == ["offsite-purchase-withdrawal", "transfer-out"]
    out = tmp_path / "route.xlsx"
    every = worklist(central, capsys, "--all", "--out", str(out))
    assert {r["kind"]: r["status"] for r in every}["transfer-in"] == "已办结"
    sheet = load_workbook(out).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0][:3] == ["回执编号", "服务站代码", "服务站"] and len(rows) == 4
    assert any(r[0] == receipts["transfer-in"] and r[10] == "12,000.00" and r[12] == "已办结" for r in rows[1:])
