"""The big central tables are partitioned by district, and partitioning keeps exactly-once and row-level security."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import psycopg
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from psycopg import errors
from psycopg.conninfo import make_conninfo
from sqlalchemy.pool import NullPool

from counter_app.sync import central_clerks, central_db
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


def _migrate(dsn: str, revision: str, down: bool = False) -> None:
    engine = sa.create_engine("postgresql+psycopg://", creator=lambda: psycopg.connect(dsn), poolclass=NullPool)
    try:
        with engine.begin() as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(central_db.MIGRATIONS_DIR))
            cfg.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(cfg, revision)
    finally:
        engine.dispose()


def test_upgrading_a_centre_with_data_moves_every_row_into_its_partition_and_back(pg_dsn, drop_roles, monkeypatch):
    """A centre at revision 0016 with applications, decisions, clerks and feed rows, upgraded in place."""
    group = "grp_" + uuid.uuid4().hex[:10]
    monkeypatch.setattr(central_db, "upgrade_schema", lambda dsn, revision="head": _migrate(dsn, "0016"))
    monkeypatch.setattr(central_db, "_STATION_FUNCTIONS",
                        tuple(f for f in central_db._STATION_FUNCTIONS
                              if f not in ("login_district()", "centre_identity()")))  # revisions 0017, 0018
    central_db.init_central(pg_dsn, group)
    with psycopg.connect(pg_dsn, autocommit=True) as owner:
        stations = [central_db.add_station(owner, f"S{uuid.uuid4().hex[:6].upper()}", "站", d) for d in ("东区", "西区")]
        old = [item(s.code) for s in stations for _ in range(4)]
        for i in old:
            owner.execute("INSERT INTO central.inbox (client_id, station_code, terminal, receipt_number, kind,"
                          " subject_key, fields, materials, clerk, created_at) VALUES (%s, %s, '01', %s, 'withdrawal',"
                          " %s, '{}', '[]', 'clerk01', now())", (i.client_id, i.station_code, i.receipt_number,
                                                                 i.subject_key))
            central_db.decide(owner, i.receipt_number, "approve", "")
        central_clerks.add(owner, stations[0].code, "li", "李柜员")
        owner.execute("INSERT INTO central.workers (id_number, name, district) VALUES ('X1', '张三', '东区'),"
                      " ('X2', '李四', '西区')")
        feed_before = owner.execute("SELECT xid::text, seq, entity, station_code FROM central.change_feed"
                                    " ORDER BY xid, seq").fetchall()
    monkeypatch.undo()
    central_db.init_central(pg_dsn, group)  # to head: 0017 partitions the inbox and the feed
    home = {s.code: d for s, d in zip(stations, ("东区", "西区"), strict=True)}
    with psycopg.connect(pg_dsn, autocommit=True) as owner:
        inbox = owner.execute("SELECT client_id::text, station_code, district FROM central.inbox").fetchall()
        keys = owner.execute("SELECT count(*) FROM central.application_keys").fetchone()[0]
        feed_after = owner.execute("SELECT xid::text, seq, entity, station_code, district FROM central.change_feed"
                                   " ORDER BY xid, seq").fetchall()
    assert sorted((c, s) for c, s, _d in inbox) == sorted((i.client_id, i.station_code) for i in old) and keys == 8
    assert all(d == home[s] for _c, s, d in inbox)
    assert [r[:4] for r in feed_after] == feed_before  # positions kept: station cursors stay valid
    assert all(d == home[s] for _x, _q, _e, s, d in feed_after if s is not None)  # decisions, clerks: the station's
    first = make_conninfo(pg_dsn, user=stations[0].role, password=stations[0].password)
    with psycopg.connect(first, autocommit=True) as conn:
        page = pull_changes(conn, None)
        assert sorted(c.entity for c in page.rows) == ["clerk", *["decision"] * 4, "worker"]
        mine = [i for i in old if i.station_code == stations[0].code]
        fresh = item(stations[0].code)
        result = push_batch(conn, [*mine, fresh])  # a resend of what it had sent before, and a new one
        assert sorted(result.acked) == sorted(i.client_id for i in [*mine, fresh]) and result.rejected == []
    with psycopg.connect(pg_dsn, autocommit=True) as owner:
        assert owner.execute("SELECT count(*) FROM central.inbox").fetchone()[0] == 9
        central_db.decide(owner, fresh.receipt_number, "approve", "")
        top = owner.execute("SELECT max(seq) FROM central.change_feed").fetchone()[0]
    assert top > max(seq for _x, seq, _e, _s in feed_before)  # the feed's sequence went on
    _migrate(pg_dsn, "0016", down=True)
    with psycopg.connect(pg_dsn, autocommit=True) as owner:
        assert owner.execute("SELECT count(*) FROM central.inbox").fetchone()[0] == 9
        assert owner.execute("SELECT count(*) FROM central.change_feed WHERE station_code IS NOT NULL"
                             " AND district IS NOT NULL").fetchone()[0] == 0
        assert not owner.execute("SELECT relispartition OR relkind = 'p' FROM pg_class"
                                 " WHERE oid = 'central.inbox'::regclass").fetchone()[0]
    drop_roles(pg_dsn, [s.role for s in stations] + [group])
