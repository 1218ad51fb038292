"""``counter-central audit-rules`` (电子稽查, issue #22 item 4): each rule of resources/audit/rules.toml
finds what was planted in a real central database, and nothing it should not; the XLSX export."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from station_helpers import factory, queue

from counter_app.store import Store
from counter_app.sync import central_risk
from counter_app.sync.central_cli import main as central_main
from counter_app.sync.engine import sync_once

pytestmark = pytest.mark.postgres

DAY = datetime(2026, 11, 10, 2, 0, tzinfo=UTC)  # 10:00 in China


def take(conn, station: str, kind: str, subject: str, at: datetime = DAY, **fields: str) -> str:
    """An application as the centre holds it once pushed (inserted by the owner: no station seal)."""
    cid = str(uuid.uuid4())
    receipt = f"{station}-01-{at:%Y%m%d}-{cid[:4].upper()}"
    conn.execute(
        "INSERT INTO central.inbox (client_id, station_code, terminal, receipt_number, kind, subject_key, fields,"
        " materials, clerk, created_at, district) VALUES (%s, %s, '01', %s, %s, %s, %s, '[]', 'clerk01', %s,"
        " (SELECT district FROM central.stations WHERE code = %s))",
        (cid, station, receipt, kind, subject, json.dumps({"id_number": subject, **fields}), at, station))
    return receipt


def hits(central, rule: str, start: date = date(2026, 11, 1), end: date = date(2026, 11, 30)) -> list[dict]:
    with central.connect() as conn:
        return [h for h in central_risk.run_rules(conn, start, end) if h["rule"] == rule]


def test_a_contract_used_by_two_workers_at_two_stations_is_found_and_exported(central, tmp_path, capsys):
    a, b = central.add_station(), central.add_station()
    with central.connect() as conn:
        first = take(conn, a.code, "withdrawal", "P1", reason_code="01", document_no="GF-2026-0100", amount="30000")
        second = take(conn, b.code, "withdrawal", "P2", DAY + timedelta(days=3), reason_code="01",
                      document_no="gf 2026 0100", amount="30000")
        take(conn, a.code, "withdrawal", "P1", DAY + timedelta(days=5), reason_code="07", document_no="ZL-1")  # own, twice
        take(conn, a.code, "withdrawal", "P1", DAY + timedelta(days=6), reason_code="07", document_no="ZL-1")
        take(conn, a.code, "withdrawal", "P3", reason_code="06", document_no="JK-9")  # a joint loan contract:
        take(conn, b.code, "withdrawal", "P4", reason_code="06", document_no="JK-9")  # co-borrowers may share it
    out = tmp_path / "risk.xlsx"
    code = central_main(["audit-rules", "--dsn", central.dsn, "--from", "2026-11-01", "--to", "2026-11-30",
                         "--out", str(out), "--json"])
    report = json.loads(capsys.readouterr().out)
    found = [h for h in report["hits"] if h["rule"] == "document_reuse"]
    assert code == 0 and sorted(h["receipt_number"] for h in found) == sorted([first, second])
    assert second in next(h["evidence"] for h in found if h["receipt_number"] == first)
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == central_risk.HEADERS
    assert {(r[0], r[2], r[3]) for r in rows[1:] if r[0] == "document_reuse"} == {
        ("document_reuse", a.code, first), ("document_reuse", b.code, second)}


def test_a_contract_taken_at_two_stations_and_synced_is_found_by_the_risk_export(central, tmp_path, capsys):
    """The same purchase contract, keyed at two stations that cannot see each other, pushed by their own
    syncs (no owner inserts): the centre's export names both receipts."""
    a, b = central.add_station(), central.add_station()
    stores = [Store.open(tmp_path / "a"), Store.open(tmp_path / "b")]
    try:
        taken = []
        for store, station, subject, written in ((stores[0], a, "110101199003074514", "GF-2026-0777"),
                                                 (stores[1], b, "110101198805123316", "gf 2026 0777")):
            [cid] = queue(store, station.code, subject=subject, fields={
                "id_number": subject, "reason_code": "01", "document_no": written, "amount": "30000.00"})
            assert sync_once(store, factory(station)).pushed == 1
            with store.unit_of_work() as uow:
                taken.append(uow.applications.get_by_client_id(cid).receipt_number)
    finally:
        for store in stores:
            store.close()
    today = datetime.now(UTC).date()
    code = central_main(["audit-rules", "--dsn", central.dsn, "--from", f"{today - timedelta(days=1)}",
                         "--to", f"{today + timedelta(days=1)}", "--json"])
    found = [h for h in json.loads(capsys.readouterr().out)["hits"] if h["rule"] == "document_reuse"]
    assert code == 0 and sorted(h["receipt_number"] for h in found) == sorted(taken)
    assert {h["station_code"] for h in found} == {a.code, b.code}


def test_a_withdrawal_soon_after_opening_or_a_base_change(central):
    a = central.add_station()
    with central.connect() as conn:
        conn.execute("INSERT INTO central.accounts (account_no, id_number, status, balance, opened_on, district)"
                     " VALUES ('A1', 'NEW', '01', 1000, '2026-09-01', %s), ('A2', 'OLD', '01', 1000, '2019-01-01', %s),"
                     " ('A3', 'BASE', '01', 1000, '2019-01-01', %s)", (a.district,) * 3)
        soon = take(conn, a.code, "withdrawal", "NEW", reason_code="07")
        take(conn, a.code, "withdrawal", "OLD", reason_code="07")
        take(conn, a.code, "info-change", "BASE", DAY - timedelta(days=30), new_monthly_base="20000")
        after_base = take(conn, a.code, "withdrawal", "BASE", reason_code="07")
    found = {h["receipt_number"]: h["evidence"] for h in hits(central, "early_withdrawal")}
    assert set(found) == {soon, after_base}
    assert "70 天后提取" in found[soon] and "缴存基数变更" in found[after_base]


def test_rent_any_number_of_times_is_not_flagged_as_the_report_says_no_limit_on_count(central):
    """The city's report: 支持……租房……提取，在公积金账户余额不为零的前提下，不限提取次数和金额.

    Five rent withdrawals in eight months are no audit finding under the city's policy; the rule flags
    only under a policy that does set an interval (a city's own data, here passed as the rule's param)."""
    a, b = central.add_station(), central.add_station()
    with central.connect() as conn:
        receipts = [take(conn, (a, b)[n % 2].code, "withdrawal", "R", DAY - timedelta(days=60 * (4 - n)),
                         reason_code="07") for n in range(5)]
    assert central_risk.policy_params(DAY.date())["per_year"] is None
    assert hits(central, "rent_repeated") == []
    limited = [replace(r, params={**r.params, "per_year": 4}) for r in central_risk.load_rules()
               if r.code == "rent_repeated"]
    with central.connect() as conn:
        found = central_risk.run_rules(conn, date(2026, 11, 1), date(2026, 11, 30), limited)
    assert [h["receipt_number"] for h in found] == [receipts[-1]] and "5 次" in found[0]["evidence"]


def test_a_closing_withdrawal_then_a_new_account(central):
    a, b = central.add_station(), central.add_station()
    with central.connect() as conn:
        closed = take(conn, a.code, "withdrawal", "C", DAY - timedelta(days=100), reason_code="03")  # 离退休: closing
        reopened = take(conn, b.code, "open-account", "C")
        take(conn, a.code, "withdrawal", "D", DAY - timedelta(days=100), reason_code="07")  # not a closing one
        take(conn, b.code, "open-account", "D")
    found = hits(central, "closing_then_reopen")
    assert [h["receipt_number"] for h in found] == [reopened] and closed in found[0]["evidence"]


def test_the_window_and_the_dates_are_checked(central, capsys):
    a, b = central.add_station(), central.add_station()
    with central.connect() as conn:
        take(conn, a.code, "withdrawal", "P1", DAY, reason_code="01", document_no="X-1")
        take(conn, b.code, "withdrawal", "P2", DAY, reason_code="01", document_no="X-1")
    assert hits(central, "document_reuse", date(2026, 11, 11), date(2026, 11, 30)) == []
    assert len(hits(central, "document_reuse", date(2026, 11, 10), date(2026, 11, 10))) == 2
    with pytest.raises(SystemExit) as stopped:
        central_main(["audit-rules", "--dsn", central.dsn, "--from", "11/01/2026", "--to", "2026-11-30"])
    assert stopped.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err
    code = central_main(["audit-rules", "--dsn", central.dsn, "--from", "2026-11-30", "--to", "2026-11-01", "--json"])
    assert code == 2 and json.loads(capsys.readouterr().out)["errors"][0]["field"] == "to"


def test_every_bundled_rule_runs_on_an_empty_centre(central):
    with central.connect() as conn:
        assert central_risk.run_rules(conn, date(2026, 1, 1), date(2026, 12, 31)) == []
    assert [r.code for r in central_risk.load_rules()] == [
        "document_reuse", "early_withdrawal", "rent_repeated", "closing_then_reopen", "approver_share",
        "payload_disagrees"]


def test_one_supervisor_approving_most_large_withdrawals(central):
    a = central.add_station()
    with central.connect() as conn:
        for n in range(7):  # wang approves 6 of the station's 7 large withdrawals; li one
            receipt = take(conn, a.code, "withdrawal", f"L{n}", DAY + timedelta(minutes=n), reason_code="01",
                           amount="80000.00")
            conn.execute(
                "INSERT INTO central.station_audit (client_id, station_code, seq, at, row_station_code, terminal,"
                " clerk, action, subject, details, prev_hash, hash) VALUES (gen_random_uuid(), %s, %s, %s, %s, '01',"
                " 'zhang', 'submit', %s, %s, %s, %s)",
                (a.code, n + 1, DAY, a.code, receipt, json.dumps({"approved_by": "wang" if n else "li"}), "0" * 64,
                 f"{n + 1:064x}"))
        take(conn, a.code, "withdrawal", "S", reason_code="07", amount="600.00")  # small: not counted
    found = hits(central, "approver_share")
    assert [(h["station_code"], h["subject_key"]) for h in found] == [(a.code, "wang")]
    assert "6 笔" in found[0]["evidence"] and "86%" in found[0]["evidence"]
