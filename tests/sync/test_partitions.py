"""The big central tables are partitioned by district, and partitioning keeps exactly-once and row-level security."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import psycopg
import pytest
from psycopg import errors

from counter_app.sync import central_db
from counter_app.sync.protocol import OutboxPayload, pull_changes, push_batch

pytestmark = pytest.mark.postgres

# Issue #22 item 3: "the big tables (workers, accounts, applications, feed) are partitioned by district".
BIG = ("workers", "accounts", "withdrawal_history", "inbox", "change_feed")


def item(station: str, client_id: str | None = None, receipt: str | None = None) -> OutboxPayload:
    cid = client_id or str(uuid.uuid4())
    return OutboxPayload(client_id=cid, station_code=station, terminal="01",
                         receipt_number=receipt or f"{station}-01-20261206-{cid[:8]}", kind="withdrawal",
                         subject_key="110101199003074514", fields={"amount": "1200.00"}, materials=["id_card"],
                         clerk="clerk01", created_at=datetime.now(UTC))


def test_workers_accounts_applications_and_the_feed_are_hash_partitioned_by_district(central):
    with central.connect() as owner:
        rows = owner.execute(
            "SELECT c.relname, p.partstrat, a.attname, (SELECT count(*) FROM pg_inherits i WHERE i.inhparent = c.oid)"
            " FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid"
            " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = p.partattrs[0]"
            " WHERE c.relnamespace = 'central'::regnamespace AND p.partnatts = 1").fetchall()
    partitioned = {name: (strategy, column, parts) for name, strategy, column, parts in rows}
    assert {t: partitioned.get(t) for t in BIG} == {t: ("h", "district", 8) for t in BIG}


def test_a_districts_applications_and_feed_rows_live_in_its_partition(central):
    """Rows of one district go to one partition (the same remainder in the inbox and in the feed); a
    station's decisions carry its district too; a station cannot choose another district."""
    stations = [central.add_station(f"区{i}") for i in range(6)]
    with central.connect() as owner:
        for station in stations:
            with station.connect() as conn:
                items = [item(station.code) for _ in range(3)]
                assert len(push_batch(conn, items).acked) == 3
            central_db.decide(owner, items[0].receipt_number, "approve", "")
        inbox = owner.execute("SELECT district, tableoid::regclass::text FROM central.inbox").fetchall()
        feed = owner.execute("SELECT district, tableoid::regclass::text, station_code FROM central.change_feed"
                             " WHERE entity = 'decision'").fetchall()
    by_district: dict[str, set[str]] = {}
    for district, part in inbox:
        by_district.setdefault(district, set()).add(part.rsplit("_p", 1)[1])
    assert set(by_district) == {s.district for s in stations} and all(len(p) == 1 for p in by_district.values())
    assert len({p for parts in by_district.values() for p in parts}) > 1  # six districts: more than one partition
    home = {s.code: s.district for s in stations}
    assert len(feed) == len(stations)
    for district, part, station_code in feed:
        assert district == home[station_code] and {part.rsplit("_p", 1)[1]} == by_district[district]
    with stations[0].connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("INSERT INTO central.inbox (client_id, station_code, terminal, receipt_number, kind, subject_key,"
                     " fields, clerk, created_at, district) VALUES (gen_random_uuid(), %s, '01', %s, 'withdrawal',"
                     " 'x', '{}', 'c', now(), %s)", (stations[0].code, f"{stations[0].code}-01-1", stations[1].district))


def test_exactly_once_holds_across_partitions(central):
    """The keys the push relies on stay city-wide although each district's rows sit in their own partition."""
    east, west = central.add_station("东城区"), central.add_station("西城区")
    mine = item(east.code)
    with east.connect() as conn:
        assert push_batch(conn, [mine]).acked == [mine.client_id]
        assert push_batch(conn, [mine]).acked == [mine.client_id]  # a resend: held once
        # The same receipt number under another client id is refused alone, the rest goes in.
        again = item(east.code, receipt=mine.receipt_number)
        fresh = item(east.code)
        result = push_batch(conn, [again, fresh])
        assert result.acked == [fresh.client_id]
        assert result.rejected == [(again.client_id, "回执编号与中心已有的申请重复")]
    with west.connect() as conn:  # another district's station sending east's client id: refused, nothing written
        stolen = item(west.code, client_id=mine.client_id)
        result = push_batch(conn, [stolen])
        assert result.acked == [] and result.rejected == [(mine.client_id, "申请标识与其他服务站的申请重复")]
        assert conn.execute("SELECT count(*) FROM central.inbox").fetchone()[0] == 0  # and it sees none of east's
    with central.connect() as owner:
        held = owner.execute("SELECT client_id::text, station_code FROM central.inbox ORDER BY received_at").fetchall()
        keys = owner.execute("SELECT count(*) FROM central.application_keys").fetchone()[0]
    assert sorted(held) == sorted([(mine.client_id, east.code), (fresh.client_id, east.code)]) and keys == 2


def test_a_station_moved_to_another_district_resends_without_a_duplicate(central):
    station = central.add_station("东城区")
    sent = item(station.code)
    with station.connect() as conn:
        assert push_batch(conn, [sent]).acked == [sent.client_id]
    with central.connect() as owner:
        owner.execute("UPDATE central.stations SET district = '西城区' WHERE code = %s", (station.code,))
    with station.connect() as conn:  # its acknowledgement was lost: it sends again from the new district
        assert push_batch(conn, [sent]).acked == [sent.client_id]
        page = pull_changes(conn, None)
    with central.connect() as owner:
        assert owner.execute("SELECT district FROM central.inbox WHERE station_code = %s",
                             (station.code,)).fetchall() == [("东城区",)]
    assert page.rows == []


def test_the_decisions_reference_the_citywide_keys(central):
    station = central.add_station()
    with central.connect() as owner, pytest.raises(psycopg.errors.ForeignKeyViolation):
        owner.execute("INSERT INTO central.decisions (client_id, receipt_number, station_code, decision, decided_by)"
                      " VALUES (gen_random_uuid(), 'X-1', %s, 'approve', 'x')", (station.code,))
