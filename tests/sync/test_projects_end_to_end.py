"""#20 Done-when, end to end against the real central PostgreSQL: 楼盘准入, 异地转入, 异地转出 and 异地购房提取
taken by the command line (``apply KIND --json-file``, ``sync --once``) and by the keyboard alone (the
counter window) each reach the centre exactly once — a sync whose acknowledgement is lost sends again
and the centre keeps one — with the fields as typed, Chinese included."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from station_helpers import factory
from test_cross_region_sync import FORMS, station_with_workers
from test_sync_cli import dsn_without_password

from counter_app.cli import main
from counter_app.services import open_counter, required_materials
from counter_app.sync import engine
from counter_app.sync.engine import sync_once

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))  # the keyboard walk of the GUI tests

pytestmark = pytest.mark.postgres
KINDS = tuple(FORMS)
PRINTED = {"project-admission": "南山花园", "transfer-in": "兰州住房公积金管理中心",
           "transfer-out": "西安住房公积金管理中心", "offsite-purchase-withdrawal": "陕西省西安市"}


def forms_for_today() -> dict[str, dict[str, str]]:
    """The forms, the house bought three weeks before today (the CLI and the window run on today's clock)."""
    bought = (date.today() - timedelta(days=21)).isoformat()
    return {**FORMS, "offsite-purchase-withdrawal": {**FORMS["offsite-purchase-withdrawal"], "event_date": bought}}


def held_at_centre(central: Any, station_code: str) -> list[tuple[str, str, dict]]:
    with central.connect() as owner:
        return owner.execute("SELECT kind, receipt_number, fields FROM central.inbox WHERE station_code = %s"
                             " ORDER BY receipt_number", (station_code,)).fetchall()


def lose_the_first_acknowledgement(monkeypatch: pytest.MonkeyPatch) -> None:
    """The centre takes the batch; the station crashes before it records the centre's answer, once."""
    real, calls = engine._settle, []

    def settle(*args: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("power cut before the local acknowledgement")
        return real(*args)

    monkeypatch.setattr(engine, "_settle", settle)


def cli(capsys: Any, monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = "") -> tuple[int, Any]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out = capsys.readouterr().out.strip()
    return code, json.loads(out) if out.startswith(("{", "[")) else out


def test_each_business_applied_by_cli_reaches_the_centre_once(central, file_keyring, tmp_path, capsys,
                                                              monkeypatch) -> None:
    station = central.add_station()
    data = tmp_path / "data"
    station_with_workers(data, station.code)
    taken = {}
    for kind, form in forms_for_today().items():
        with open_counter(data) as counter:
            materials = [m.code.split("|")[0] for m in required_materials(counter, kind, form)]
        path = tmp_path / f"{kind}.json"
        path.write_text(json.dumps({**form, "materials": materials}, ensure_ascii=False), encoding="utf-8")
        code, out = cli(capsys, monkeypatch, "--data-dir", str(data), "apply", kind, "--json-file", str(path))
        assert code == 0 and out["status"] == "queued", out
        taken[kind] = out["receipt_number"]
        for document in ("receipt", "form"):  # printed by the command line too, with what was typed
            pdf = tmp_path / f"{kind}-{document}.pdf"
            code, printed = cli(capsys, monkeypatch, "--data-dir", str(data), "print", document, out["receipt_number"],
                                "--out", str(pdf), "--json")
            assert code == 0 and printed["file"] == str(pdf), printed
            text = "".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                                          text=True).stdout.split())
            assert out["receipt_number"] in text and PRINTED[kind] in text, (kind, document)
    code, out = cli(capsys, monkeypatch, "--data-dir", str(data), "connect", "--dsn", dsn_without_password(station),
                    "--station", station.code, "--json", stdin=station.password + "\n")
    assert code == 0 and out["connected"] is True, out
    lose_the_first_acknowledgement(monkeypatch)
    code, out = cli(capsys, monkeypatch, "--data-dir", str(data), "sync", "--once", "--json")
    assert code != 0, "the first sync failed after the centre had taken the batch"
    code, out = cli(capsys, monkeypatch, "--data-dir", str(data), "sync", "--once", "--json")
    assert code == 0 and out["pushed"] == len(KINDS) and out["rejected"] == 0, out
    code, out = cli(capsys, monkeypatch, "--data-dir", str(data), "sync", "--once", "--json")
    assert code == 0 and out["pushed"] == 0
    held = held_at_centre(central, station.code)
    assert sorted((k, r) for k, r, _f in held) == sorted(taken.items()), "each business once, with its kind"
    fields = {k: f for k, _r, f in held}
    assert fields["project-admission"]["project_name"] == "南山花园"
    assert fields["transfer-in"]["source_centre"] == "兰州住房公积金管理中心"
    assert fields["transfer-out"]["target_centre"] == "西安住房公积金管理中心"
    assert fields["offsite-purchase-withdrawal"]["house_city"] == "陕西省西安市"
    for kind, receipt in taken.items():
        code, rows = cli(capsys, monkeypatch, "--data-dir", str(data), "records", "--kind", kind, "--json")
        assert [(r["receipt_number"], r["status"]) for r in rows] == [(receipt, "received")], rows  # 中心已接收


def test_each_business_keyed_by_the_keyboard_reaches_the_centre_once(central, qtbot, tmp_path, monkeypatch) -> None:
    from keyboard_walk import open_by_shortcut, tick_and_submit, walk

    from counter_app.gui.app import create_main_window

    station = central.add_station()
    data = tmp_path / "data"
    station_with_workers(data, station.code)
    window = create_main_window(data)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    taken = {}
    try:
        for kind, form in forms_for_today().items():
            open_by_shortcut(qtbot, window, kind)
            walk(qtbot, window, form)
            taken[kind] = tick_and_submit(qtbot, window)
    finally:
        window.close()
    with open_counter(data) as counter:
        lose_the_first_acknowledgement(monkeypatch)
        with pytest.raises(OSError):
            sync_once(counter.store, factory(station))
        again = sync_once(counter.store, factory(station))
        assert again.pushed == len(KINDS) and sync_once(counter.store, factory(station)).pushed == 0
    held = held_at_centre(central, station.code)
    assert sorted((k, r) for k, r, _f in held) == sorted(taken.items())
    for kind, _receipt, fields in held:
        typed = forms_for_today()[kind]
        for key in ("project_name", "project_address", "source_centre", "target_centre", "target_city",
                    "house_city", "house_address", "escrow_bank"):
            if key in typed:
                assert fields[key] == typed[key], (kind, key)
