"""Sync protocol against the real PostgreSQL: idempotent push, per-row rejection, cursor pull, conflicts."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import UTC, datetime

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.sync import central_db
from counter_app.sync.protocol import OutboxPayload, pull_changes, push_batch, touch

pytestmark = pytest.mark.postgres


def payload(station: str, kind: str = "withdrawal", subject: str = "110101199003074514", **over) -> OutboxPayload:
    cid = over.pop("client_id", str(uuid.uuid4()))
    values = dict(
        client_id=cid, station_code=station, terminal="T1",
        receipt_number=f"{station}-T1-20261123-{cid[:8]}", kind=kind, subject_key=subject,
        fields={"id_number": subject, "name": "张𠮷", "amount": "1200.00"}, materials=["id_card"],
        clerk="clerk01", created_at=datetime(2026, 11, 23, 9, 30, tzinfo=UTC),
    )
    values.update(over)
    return OutboxPayload(**values)


def inbox_count(central) -> int:
    with central.connect() as owner:
        return owner.execute("SELECT count(*) FROM central.inbox").fetchone()[0]


def pull_all(conn: psycopg.Connection, cursor: str | None = None, limit: int = 1000):
    rows = []
    while True:
        page = pull_changes(conn, cursor, limit)
        rows += page.rows
        cursor = page.next_cursor
        if not page.more:
            return rows, cursor


def test_push_is_idempotent_on_resend(central):
    station = central.add_station()
    items = [payload(station.code) for _ in range(50)]
    with station.connect() as conn:
        first = push_batch(conn, items)
        again = push_batch(conn, [*items[:30], payload(station.code)])
    assert sorted(first.acked) == sorted(i.client_id for i in items)
    assert first.rejected == [] and again.rejected == []
    assert len(again.acked) == 31
    assert inbox_count(central) == 51


def test_any_spelling_of_a_uuid_is_acknowledged_as_sent(central):
    station = central.add_station()
    upper = payload(station.code, client_id=str(uuid.uuid4()).upper())
    with station.connect() as conn:
        first = push_batch(conn, [upper])
        again = push_batch(conn, [upper])
    assert first.acked == again.acked == [upper.client_id]


def test_pushed_rows_keep_their_content(central):
    station = central.add_station()
    item = payload(station.code, kind="open-account", materials={"id_card": True})
    with station.connect() as conn:
        push_batch(conn, [item])
    with central.connect() as owner:
        row = owner.execute("SELECT station_code, receipt_number, kind, fields, materials, clerk, created_at"
                            " FROM central.inbox WHERE client_id = %s", (item.client_id,)).fetchone()
    assert row == (station.code, item.receipt_number, "open-account", item.fields, {"id_card": True},
                   "clerk01", item.created_at)


def test_bad_rows_are_rejected_alone_with_reasons(central):
    station, other = central.add_station(), central.add_station()
    good = [payload(station.code) for _ in range(20)]
    dup_receipt = payload(station.code, receipt_number=good[3].receipt_number)
    bad = {
        "kind": payload(station.code, kind="lottery"),
        "forged": payload(other.code),
        "uuid": payload(station.code, client_id="not-a-uuid-at-all"),
        "receipt": payload(station.code, receipt_number="ELSEWHERE-T1-1"),
        "dup": dup_receipt,
        "nul": payload(station.code, clerk="a\x00b"),
    }
    batch = good[:10] + list(bad.values()) + good[10:]
    with station.connect() as conn:
        result = push_batch(conn, batch)
        stored = conn.execute("SELECT client_id, reason FROM central.rejections ORDER BY id").fetchall()
    reasons = dict(result.rejected)
    assert sorted(result.acked) == sorted(i.client_id for i in good)
    assert set(reasons) == {i.client_id for i in bad.values()}
    assert "业务类型" in reasons[bad["kind"].client_id]
    assert "服务站代码" in reasons[bad["forged"].client_id]
    assert "client_id" in reasons[bad["uuid"].client_id]
    assert "回执编号" in reasons[bad["receipt"].client_id] and "回执编号" in reasons[bad["dup"].client_id]
    assert {cid for cid, _ in stored} == set(reasons)
    assert inbox_count(central) == 20


def test_client_id_taken_by_another_station_is_not_acknowledged(central):
    a, b = central.add_station(), central.add_station()
    shared = str(uuid.uuid4())
    with a.connect() as conn:
        push_batch(conn, [payload(a.code, client_id=shared)])
    with b.connect() as conn:
        result = push_batch(conn, [payload(b.code, client_id=shared)])
    assert result.acked == []
    assert [cid for cid, _ in result.rejected] == [shared]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shape=st.lists(st.sampled_from(["ok", "ok", "ok", "kind", "receipt", "terminal", "resend"]),
                      min_size=1, max_size=40))
def test_any_mix_of_good_and_bad_rows_is_sorted_exactly(central_once, shape):
    central, station, sent = central_once
    items, expected_bad = [], set()
    for what in shape:
        if what == "resend" and sent:
            items.append(sent[0])
            continue
        item = {"kind": payload(station.code, kind="bogus"),
                "receipt": payload(station.code, receipt_number="X-1"),
                "terminal": payload(station.code, terminal="")}.get(what) or payload(station.code)
        if what in ("kind", "receipt", "terminal"):
            expected_bad.add(item.client_id)
        items.append(item)
    with station.connect() as conn:
        result = push_batch(conn, items)
    sent.extend(i for i in items if i.client_id not in expected_bad)
    assert {cid for cid, _ in result.rejected} == expected_bad
    assert set(result.acked) == {i.client_id for i in items} - expected_bad
    assert inbox_count(central) == len({i.client_id for i in sent})


@pytest.fixture
def central_once(central):
    return central, central.add_station(), []


def test_push_refuses_to_run_inside_an_open_transaction(central):
    station = central.add_station()
    with psycopg.connect(station.dsn) as conn:
        conn.execute("SELECT 1")
        with pytest.raises(psycopg.ProgrammingError):
            push_batch(conn, [payload(station.code)])


def test_decision_reaches_only_its_station_through_the_feed(central):
    a, b = central.add_station(), central.add_station()
    item = payload(a.code)
    with a.connect() as conn:
        push_batch(conn, [item])
        _, cursor = pull_all(conn)
    with central.connect() as owner:
        central_db.decide(owner, item.receipt_number, "reject", "提取金额超过余额", by="审批员")
    with a.connect() as conn:
        rows, _ = pull_all(conn, cursor)
    with b.connect() as conn:
        other_rows, _ = pull_all(conn)
    assert [(r.entity, r.key) for r in rows] == [("decision", item.client_id)]
    assert rows[0].payload["decision"] == "reject"
    assert rows[0].payload["reason"] == "提取金额超过余额"
    assert rows[0].payload["receipt_number"] == item.receipt_number
    assert other_rows == []


def test_pull_pages_are_resumable_and_exact(central):
    station = central.add_station("D1")
    with central.connect() as owner:
        owner.execute("INSERT INTO central.workers (id_number, name, district)"
                      " SELECT 'W' || g, '职工' || g, CASE WHEN g % 3 = 0 THEN 'D2' ELSE 'D1' END"
                      " FROM generate_series(1, 1000) g")
        owner.execute("UPDATE central.workers SET mobile = '13800000000' WHERE id_number = 'W1'")
        owner.execute("DELETE FROM central.workers WHERE id_number = 'W2'")
    seen, cursor, pages = [], None, 0
    with station.connect() as conn:
        while True:
            page = pull_changes(conn, cursor, 97)
            pages += 1
            seen += [(r.key, r.op) for r in page.rows]
            assert len(page.rows) == 97 or not page.more
            cursor = page.next_cursor
            if not page.more:
                break
        again = pull_changes(conn, cursor, 97)
    expected = [(f"W{g}", "upsert") for g in range(1, 1001) if g % 3] + [("W1", "upsert"), ("W2", "delete")]
    assert seen == expected
    assert pages == len(expected) // 97 + 1
    assert again.rows == [] and again.next_cursor == cursor and not again.more


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(xids=st.lists(st.integers(min_value=1, max_value=600), min_size=1, max_size=30),
       limit=st.integers(min_value=1, max_value=7))
def test_pages_follow_numeric_xid_order_across_digit_lengths(feed_station, xids, limit):
    """Transaction ids of different lengths (9, 10, 100) must page in numeric order, each row once."""
    central, station = feed_station
    with central.connect() as owner:
        owner.execute("TRUNCATE central.change_feed")
        with owner.cursor() as cur:
            cur.executemany("INSERT INTO central.change_feed (xid, entity, key, district, payload)"
                            " VALUES (%s::text::xid8, 'worker', %s, %s, '{}')",
                            [(str(x), f"K{i}", station.district) for i, x in enumerate(xids)])
    with station.connect() as conn:
        rows, _ = pull_all(conn, None, limit)
    expected = [f"K{i}" for i, _ in sorted(enumerate(xids), key=lambda p: (p[1], p[0]))]
    assert [r.key for r in rows] == expected


@pytest.fixture
def feed_station(central):
    return central, central.add_station()


def test_cursor_never_skips_a_row_committed_out_of_order(central):
    """T1 writes first but commits last; a sequence-only cursor read in between would skip T1's row."""
    station = central.add_station("D1")
    t1, t2 = central.connect(), central.connect()
    with t1, t2, station.connect() as reader:
        t1.execute("BEGIN")
        t1.execute("INSERT INTO central.workers (id_number, name, district) VALUES ('EARLY', '甲', 'D1')")
        early_seq = t1.execute("SELECT seq FROM central.change_feed WHERE key = 'EARLY'").fetchone()[0]
        t2.execute("BEGIN")
        t2.execute("INSERT INTO central.workers (id_number, name, district) VALUES ('LATE', '乙', 'D1')")
        late_seq = t2.execute("SELECT seq FROM central.change_feed WHERE key = 'LATE'").fetchone()[0]
        t2.execute("COMMIT")
        between = pull_changes(reader, None, 100)
        t1.execute("COMMIT")
        after = pull_changes(reader, between.next_cursor, 100)
    assert early_seq < late_seq  # a "seq > last seen" cursor would now have passed EARLY
    assert between.rows == []  # LATE is held back while the older T1 is still in flight
    assert [r.key for r in after.rows] == ["EARLY", "LATE"]


def test_cross_station_open_account_becomes_a_conflict_for_the_second_station(central):
    a, b = central.add_station(), central.add_station()
    first = payload(a.code, kind="open-account", subject="110101199003074514")
    second = payload(b.code, kind="open-account", subject="110101199003074514",
                     created_at=datetime(2026, 11, 23, 9, 31, tzinfo=UTC))  # taken a minute later: it yields
    with a.connect() as conn:
        push_batch(conn, [first])
    with b.connect() as conn:
        result = push_batch(conn, [second])
        push_batch(conn, [second])  # a resend records nothing twice
        rows, _ = pull_all(conn)
    with a.connect() as conn:
        a_rows, _ = pull_all(conn)
    with central.connect() as owner:
        conflicts = owner.execute("SELECT winner_station, loser_station, subject_key, status"
                                  " FROM central.conflicts").fetchall()
    assert result.acked == [second.client_id]  # the application itself is kept, not overwritten
    assert conflicts == [(a.code, b.code, "110101199003074514", "open")]
    assert [(r.entity, r.payload["decision"]) for r in rows] == [("decision", "conflict")]
    # Attack (issue #17): the reason used to name the other station and its receipt, so any station
    # could probe ID numbers. Now it reveals nothing; the centre resolves the conflict.
    assert rows[0].payload["reason"] == "该证件号码已有开户申请在办，由中心核实"
    assert a.code not in json.dumps(rows[0].payload, ensure_ascii=False)
    assert first.receipt_number not in json.dumps(rows[0].payload, ensure_ascii=False)
    assert a_rows == []


def test_concurrent_open_accounts_at_two_stations_record_exactly_one_conflict(central):
    a, b = central.add_station(), central.add_station()
    subject = "110101199003074514"
    with a.connect() as conn_a, b.connect() as conn_b:
        conn_a.execute("BEGIN")
        item_a = payload(a.code, kind="open-account", subject=subject)
        conn_a.execute(
            "INSERT INTO central.inbox (client_id, station_code, terminal, receipt_number, kind, subject_key,"
            " fields, materials, clerk, created_at) VALUES (%s, %s, 'T1', %s, 'open-account', %s, '{}', '[]',"
            " 'c', '2026-11-22 09:00+00')", (item_a.client_id, a.code, item_a.receipt_number, subject))
        pid_b = conn_b.info.backend_pid
        outcome = {}
        worker = threading.Thread(target=lambda: outcome.update(
            r=push_batch(conn_b, [payload(b.code, kind="open-account", subject=subject)])))
        worker.start()
        with central.connect() as owner:  # wait (by condition, not time) until B blocks on A's claim
            while owner.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                                (pid_b,)).fetchone() != ("Lock",):
                pass
        conn_a.execute("COMMIT")
        worker.join(timeout=60)
    with central.connect() as owner:
        conflicts = owner.execute("SELECT winner_station, loser_station FROM central.conflicts").fetchall()
    assert len(outcome["r"].acked) == 1
    assert conflicts == [(a.code, b.code)]


def test_touch_records_contact_for_the_calling_station_only(central):
    a, b = central.add_station(), central.add_station()
    with a.connect() as conn:
        touch(conn)
    with central.connect() as owner:
        status = {s["code"]: s["last_contact"] for s in central_db.station_status(owner)["stations"]}
    assert status[a.code] is not None and status[b.code] is None
