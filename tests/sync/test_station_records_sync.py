"""Station records (cases, complaints, ratings, contacts, daily close, coverage) reach the centre exactly once."""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import uuid
from collections import Counter as Tally
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from station_helpers import queue, queue_records
from test_sync_robustness import connect_store, kill, run_until, start_sync, sync_to_completion

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from service_world import TODAY, E, W, fixed_clock, withdrawal_form
from station_cli import connect, station_world, sync, take

from counter_app.domain.audit_chain import payload_digest
from counter_app.domain.daily_close import RECEIPT_NUMBER
from counter_app.services import open_counter
from counter_app.services import operations as ops
from counter_app.services.postloan import log_contact
from counter_app.sync.protocol import RecordPayload, push_record_batch

pytestmark = pytest.mark.postgres


def held(central, station) -> list[tuple[str, str, dict]]:
    with central.connect() as owner:
        return [(r[0], r[1], r[2]) for r in owner.execute(
            "SELECT kind, record_key, data FROM central.station_records WHERE station_code = %s ORDER BY recorded_at",
            (station.code,)).fetchall()]


def test_every_kind_of_station_record_reaches_the_centre_sealed_and_once(central, file_keyring, tmp_path, capsys,
                                                                         monkeypatch):
    station = central.add_station()
    data = station_world(tmp_path, station)
    with open_counter(data, clock=fixed_clock) as counter:
        taken = take(counter, "withdrawal", withdrawal_form())
        assert taken.ok, taken.errors
        assert ops.rate(counter, taken.receipt_number, 5).ok
        with counter.store.unit_of_work(write=True) as uow:  # a receipt number drawn and never used: a gap
            lost = RECEIPT_NUMBER.match(uow.receipts.next_number(counter.station_code, counter.terminal, TODAY))
            uow.commit()
        complaint = ops.take_complaint(counter, {"complainant": "张三", "summary": "单位一直未为我缴存住房公积金",
                                                 "uscc": E.unregistered, "complainant_id": W.active,
                                                 "contact": "13800000001"}).value.complaint.complaint_no
        case_no = ops.open_case(counter, E.unregistered, TODAY, "现场调查：未办理缴存登记").value.case.case_no
        assert ops.link_case(counter, complaint, case_no).ok
        assert ops.advance(counter, case_no, "notice_issued", out=tmp_path / "notice.pdf").ok
        assert log_contact(counter, "DK0000000001", "phone", "本人接听，称月底前还款").ok
        assert ops.set_target(counter, 5000, "2026-07-01", "2026-12-31").ok
        tracked = ops.track_deferral(counter, uscc=E.registered, from_month="2026-12", to_month="2027-02",
                                     approved_on="2026-11-20", workers=[W.active, W.history], instalments=2)
        assert tracked.ok, tracked.errors
        deferral = tracked.value.deferral
        assert ops.mark_paid(counter, deferral.id, 1).ok  # the first instalment back: a second version
        assert ops.close_day(counter, out=tmp_path / "close.pdf").ok
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    code, counts = sync(capsys, monkeypatch, data)
    assert code == 0 and counts["rejected"] == 0, counts
    rows = held(central, station)
    assert Tally(kind for kind, _key, _data in rows) == {
        "rating": 1, "complaint": 2, "enforcement_case": 2, "collection_contact": 1, "coverage_target": 1,
        "daily_close": 1, "deferral": 2, "coverage_progress": 1}
    assert code == 0 and sync(capsys, monkeypatch, data)[1]["pushed"] == 0  # nothing twice
    assert len(held(central, station)) == len(rows)
    with central.connect() as owner:
        latest = dict(owner.execute(
            "SELECT kind || ':' || record_key, data FROM central.station_records_current WHERE station_code = %s",
            (station.code,)).fetchall())
        sealed = owner.execute("SELECT count(*) FROM central.station_records WHERE station_code = %s"
                               " AND payload_mac IS NOT NULL", (station.code,)).fetchone()[0]
    assert sealed == len(rows)  # every one carried the station's MAC, checked on receipt
    case = latest[f"enforcement_case:{case_no}"]
    assert case["state"] == "notice_issued" and [s["state"] for s in case["steps"]] == ["investigated", "notice_issued"]
    # The notice travels with its case: its number and deadline, and the step that printed it.
    assert case["notice_number"] and case["notice_on"] == TODAY.isoformat() and case["deadline"] > case["notice_on"]
    assert case["steps"][1]["document"], case["steps"][1]
    assert latest[f"complaint:{complaint}"]["case_no"] == case_no
    close = next(d for k, d in latest.items() if k.startswith("daily_close:"))
    assert close["totals"]["count"] == 1 and close["totals"]["gaps"] == [
        {"terminal": lost["terminal"], "missing": [int(lost["seq"])]}]  # the gap check travels with the sheet
    assert latest[f"rating:{taken.receipt_number}"]["score"] == 5
    tracked_now = latest[f"deferral:{E.registered}:2026-12:2027-02"]
    assert len(tracked_now["workers"]) == 2 and [p["paid_on"] is not None for p in tracked_now["plan"]] == [True, False]
    assert tracked_now["total"] == str(deferral.total) and tracked_now["paid"] == tracked_now["plan"][0]["amount"]
    progress = latest[f"coverage_progress:station:{station.code}:2026-07-01:2026-12-31"]
    assert progress["target"] == 5000 and progress["as_of"] == TODAY.isoformat() and progress["opened"] >= 0


def test_a_reopened_and_closed_again_day_reaches_the_centre_as_its_latest_revision(central, file_keyring, tmp_path,
                                                                                    capsys, monkeypatch):
    station = central.add_station()
    data = station_world(tmp_path, station)
    with open_counter(data, clock=fixed_clock) as counter:
        assert take(counter, "withdrawal", withdrawal_form()).ok
        assert ops.close_day(counter, out=tmp_path / "close-1.pdf").ok
        assert ops.reopen_day(counter, TODAY, "漏录一笔业务需补录").ok
        assert ops.close_day(counter, out=tmp_path / "close-2.pdf").ok
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    code, counts = sync(capsys, monkeypatch, data)
    assert code == 0 and counts["rejected"] == 0, counts
    with central.connect() as owner:  # in the order queued (client ids are UUIDv7; the test clock stands still)
        versions = [r[0] for r in owner.execute("SELECT data FROM central.station_records WHERE station_code = %s"
                                                " AND kind = 'daily_close' ORDER BY client_id", (station.code,))]
    assert [(v["revision"], v["reopened_at"] is not None) for v in versions] == [(1, False), (1, True), (2, False)]
    assert versions[1]["reopen_reason"] == "漏录一笔业务需补录"
    with central.connect() as owner:
        (latest,) = owner.execute("SELECT data FROM central.station_records_current WHERE station_code = %s"
                                  " AND kind = 'daily_close'", (station.code,)).fetchone()
    assert latest["revision"] == 2 and latest["reopened_at"] is None and latest["totals"]["count"] == 1


def test_an_edited_station_record_is_refused_alone(central, file_keyring, tmp_path, capsys, monkeypatch):
    station = central.add_station()
    data = station_world(tmp_path, station)
    with open_counter(data, clock=fixed_clock) as counter:
        assert ops.set_target(counter, 5000, "2026-07-01", "2026-12-31").ok
        assert ops.set_target(counter, 300, "2026-01-01", "2026-06-30").ok
    db = sqlite3.connect(data / "station.sqlite3", isolation_level=None)
    client_id, text = db.execute("SELECT client_id, payload FROM outbox WHERE topic = 'record' ORDER BY id").fetchone()
    payload = json.loads(text)
    payload["data"]["target"] = 5  # an easy target, and the digest recomputed without the key
    payload["integrity"]["sha256"] = payload_digest({k: v for k, v in payload.items() if k != "integrity"})
    db.execute("UPDATE outbox SET payload = ? WHERE client_id = ?", (json.dumps(payload, ensure_ascii=False), client_id))
    db.close()
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    code, counts = sync(capsys, monkeypatch, data)
    assert code == 0 and counts["rejected"] == 1 and counts["pushed"] >= 1
    rows = held(central, station)
    assert [(k, d["target"]) for k, _key, d in rows] == [("coverage_target", 300)]
    with central.connect() as owner:
        reason = owner.execute("SELECT reason FROM central.rejections WHERE client_id = %s", (client_id,)).fetchone()
    assert reason is not None and "在本机被改动" in reason[0]


@pytest.mark.slow
def test_sigkill_at_random_points_every_record_kind_arrives_once(central, file_keyring, tmp_path):
    """The applications' kill test (test_sync_robustness) with every record kind in the same outbox."""
    rng = random.Random(20261205)
    station = central.add_station()
    data = tmp_path / "data"
    store = connect_store(data, station)
    counter = open_counter(data)
    records: list[tuple[str, str]] = []
    apps: list[str] = []
    kills = 0
    for round_ in range(6):
        records += queue_records(counter, 360)
        apps += queue(store, station.code, 120)
        proc = start_sync(data, rng.choice((37, 97, 200)))
        with central.connect() as owner:
            before = owner.execute("SELECT count(*) FROM central.station_records").fetchone()[0]

        goal = before + rng.randint(1, 300)

        def arrived(target=goal) -> bool:
            with central.connect() as owner:
                return owner.execute("SELECT count(*) FROM central.station_records").fetchone()[0] >= target

        ended = run_until(proc, arrived) if round_ % 2 == 0 else \
            run_until(proc, lambda: False, limit=rng.uniform(0.5, 6.0))
        if not ended:
            kill(proc)
            kills += 1
        else:
            proc.communicate()
    sync_to_completion(data, store)
    with central.connect() as owner:
        got = [(str(r[0]), r[1]) for r in owner.execute(
            "SELECT client_id, kind FROM central.station_records WHERE station_code = %s", (station.code,))]
        inbox = [str(r[0]) for r in owner.execute("SELECT client_id FROM central.inbox WHERE station_code = %s",
                                                  (station.code,))]
    with store.unit_of_work() as uow:
        assert uow.outbox.count_pending() == 0 and uow.outbox.rejected() == []
    print(f"kills={kills} records={len(records)} applications={len(apps)}")
    assert kills >= 3
    assert len(got) == len(set(got)) == len(records) and set(got) == set(records)  # none lost, none twice
    assert Tally(kind for _cid, kind in got) == Tally(kind for _cid, kind in records)
    assert sorted(inbox) == sorted(apps)
    counter.close()
    store.close()


def test_a_station_inserts_and_reads_only_its_own_station_records(central):
    """Row-level security on ``central.station_records``, as on the inbox: a record filed under another
    station's code is refused alone (the rest of the batch goes in) and no station sees another's."""
    victim, attacker = central.add_station("D1"), central.add_station("D2")

    def record(station, kind: str = "complaint", key: str = "TS-1") -> RecordPayload:
        return RecordPayload(client_id=str(uuid.uuid4()), station_code=station.code, kind=kind, key=key,
                             data={"summary": "单位未缴存"}, recorded_at=datetime.now(UTC))

    theirs = record(victim)
    with victim.connect() as conn:
        assert push_record_batch(conn, [theirs]).acked == [theirs.client_id]
    forged, own = record(victim, key="FORGED"), record(attacker, kind="rating", key="R-1")
    with attacker.connect() as conn:
        result = push_record_batch(conn, [forged, own])
        assert result.acked == [own.client_id]
        assert result.rejected == [(forged.client_id, "服务站代码与登录身份不符，中心拒收")]
        seen = conn.execute("SELECT station_code, record_key FROM central.station_records").fetchall()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the owner's view would bypass the policy
            conn.execute("SELECT station_code FROM central.station_records_current")
        # Resending the victim's client id under its own code: refused, nothing of the victim's shown.
        copy = replace(theirs, station_code=attacker.code)
        assert push_record_batch(conn, [copy]).rejected == [(theirs.client_id, "站务记录标识与其他服务站的站务记录重复")]
    assert seen == [(attacker.code, "R-1")]
    with victim.connect() as conn:
        assert conn.execute("SELECT record_key FROM central.station_records").fetchall() == [("TS-1",)]
    with central.connect() as owner:
        rows = owner.execute("SELECT station_code, record_key FROM central.station_records ORDER BY 2").fetchall()
    assert rows == [(attacker.code, "R-1"), (victim.code, "TS-1")]
