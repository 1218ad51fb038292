"""The station's audit log reaches the centre through the outbox: once, its own, verifiable, bad rows alone."""

from __future__ import annotations

import io
import json
import uuid
from dataclasses import replace

import keyring
import psycopg
import pytest
from clerk_helpers import fast_hashing, staff  # noqa: F401 (fixture)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from psycopg import errors
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from station_helpers import factory, queue

from counter_app.cli import main as counter_app
from counter_app.domain.audit_chain import EDITED, GENESIS, MISSING, ChainRow, Head, head_of, row_hash, seal
from counter_app.services import audit, open_counter
from counter_app.services.settings import KEYRING_SERVICE, keyring_account
from counter_app.store import Store
from counter_app.sync import central_audit, engine, protocol
from counter_app.sync.central_cli import main as counter_central
from counter_app.sync.engine import sync_once
from counter_app.sync.protocol import AuditPayload, push_audit_batch

pytestmark = pytest.mark.postgres


def configure(data, station, with_keyring: bool = False) -> None:
    """What ``counter-app connect`` leaves: the station code, the DSN (password in the keyring)."""
    parts = conninfo_to_dict(station.dsn)
    password = parts.pop("password")
    dsn = make_conninfo(**parts)
    store = Store.open(data)
    with store.unit_of_work(write=True) as uow:
        uow.settings.set("station_code", station.code)
        uow.settings.set("central_dsn", dsn)
        uow.commit()
    store.close()
    if with_keyring:
        keyring.set_password(KEYRING_SERVICE, keyring_account(dsn), password)


@pytest.fixture
def staffed(central, tmp_path, fast_hashing):
    """A connected station with a supervisor and a clerk: every audit row it writes is queued."""
    station = central.add_station()
    configure(tmp_path / "station", station)
    counter = open_counter(tmp_path / "station")
    staff(counter)
    yield station, counter
    counter.close()


def log(counter, n: int) -> None:
    for i in range(n):
        audit.record(counter, "lookup", f"110105********{i:04d}", {"hits": i, "query": "张三", "pages": [1, "二"]})


def queued_audit(counter) -> list[tuple[str, ChainRow]]:
    with counter.store.unit_of_work() as uow:
        return [(i.client_id, ChainRow(**i.payload)) for i in uow.outbox.pending(100_000) if i.topic == audit.TOPIC]


def held(central, code: str) -> list[tuple[str, int, str]]:
    """The centre's rows of one station: (client_id, seq, hash) in seq order."""
    with central.connect() as owner:
        return owner.execute("SELECT client_id::text, seq, hash FROM central.station_audit WHERE station_code = %s"
                             " ORDER BY seq", (code,)).fetchall()


def expected(items: list[tuple[str, ChainRow]]) -> list[tuple[str, int, str]]:
    return sorted(((cid, row.seq, row.hash) for cid, row in items), key=lambda t: t[1])


def verdict(central, code: str) -> central_audit.StationVerdict:
    with central.connect() as owner:
        return central_audit.verify_station(owner, code)


def pending(counter) -> int:
    with counter.store.unit_of_work() as uow:
        return uow.outbox.count_pending()


def test_audit_rows_reach_the_centre_once_with_the_applications(central, staffed):
    station, counter = staffed
    log(counter, 30)
    apps = queue(counter.store, station.code, 4)
    sent = queued_audit(counter)
    report = sync_once(counter.store, factory(station), batch_size=7)
    again = sync_once(counter.store, factory(station), batch_size=7)
    with central.connect() as owner:
        inbox = {r[0] for r in owner.execute("SELECT client_id::text FROM central.inbox").fetchall()}
    check = verdict(central, station.code)
    assert report.pushed == len(sent) + len(apps) and report.rejected == 0
    assert again.pushed == 0 and pending(counter) == 0
    assert held(central, station.code) == expected(sent)
    assert inbox == set(apps)
    assert check.ok and check.rows == len(sent) and (check.first_seq, check.last_seq) == (1, sent[-1][1].seq)


def test_a_lost_acknowledgement_and_a_connection_killed_mid_batch_leave_each_row_once(central, staffed, monkeypatch):
    station, counter = staffed
    log(counter, 40)
    sent = queued_audit(counter)
    # 1. The centre commits the first batch; the station dies before taking it out of its outbox.
    real_settle = engine._settle
    monkeypatch.setattr(engine, "_settle", lambda *a: (_ for _ in ()).throw(OSError("killed before the local ack")))
    with pytest.raises(OSError):
        sync_once(counter.store, factory(station), batch_size=15)
    monkeypatch.setattr(engine, "_settle", real_settle)
    after_lost_ack = len(held(central, station.code))
    # 2. The connection dies inside the second batch's transaction (rows moved in, not committed).
    real_move, moves = protocol._move, []

    def move_then_die(conn, good, lo, hi, rejected, target):
        real_move(conn, good, lo, hi, rejected, target)
        moves.append((lo, hi))
        if len(moves) == 2:
            with central.connect() as owner:
                owner.execute("SELECT pg_terminate_backend(%s)", (conn.info.backend_pid,))

    monkeypatch.setattr(protocol, "_move", move_then_die)
    with pytest.raises(psycopg.OperationalError):
        sync_once(counter.store, factory(station), batch_size=15)
    monkeypatch.setattr(protocol, "_move", real_move)
    after_kill = len(held(central, station.code))
    queued_after_kill = pending(counter)
    # 3. The next sync resends what was not acknowledged.
    report = sync_once(counter.store, factory(station), batch_size=15)
    assert len(moves) == 2 and after_lost_ack == after_kill == 15
    assert queued_after_kill == len(sent) - 15
    assert report.pushed == len(sent) - 15 and pending(counter) == 0
    assert held(central, station.code) == expected(sent)
    assert verdict(central, station.code).ok


def test_another_station_can_neither_read_nor_forge_a_stations_log(central, staffed):
    a, counter = staffed
    log(counter, 5)
    sent = queued_audit(counter)
    sync_once(counter.store, factory(a))
    b = central.add_station()
    forged = replace(sent[-1][1], subject="改过的")
    with b.connect() as conn:
        seen = conn.execute("SELECT count(*) FROM central.station_audit").fetchone()[0]
        with pytest.raises(errors.InsufficientPrivilege):  # row-level security: not B's station
            conn.execute(
                "INSERT INTO central.station_audit (client_id, station_code, seq, at, row_station_code, terminal,"
                " clerk, action, subject, details, prev_hash, hash) VALUES (%s, %s, 99, now(), %s, '01', 'x',"
                " 'login', '', '{}', %s, %s)", (str(uuid.uuid4()), a.code, a.code, GENESIS, GENESIS))
        for statement in ("UPDATE central.station_audit SET subject = 'x'", "DELETE FROM central.station_audit"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)
        claimed = push_audit_batch(conn, [AuditPayload(cid, row) for cid, row in sent])  # A's own ids
        copied = push_audit_batch(conn, [AuditPayload(str(uuid.uuid4()), forged)])  # fresh id, edited content
    with central.connect() as owner:
        filed_under_b = owner.execute("SELECT row_station_code, subject FROM central.station_audit"
                                      " WHERE station_code = %s", (b.code,)).fetchall()
    assert seen == 0
    # A's rows under B's login: their HMACs are not B's to make, and their ids are A's.
    assert claimed.acked == [] and len(claimed.rejected) == len(sent)
    assert {r for _, r in claimed.rejected} <= {"审计记录标识与其他服务站的审计记录重复",
                                                "审计记录的密钥校验不符（在本机被改动），中心拒收"}
    # An edited row no longer matches its hash: refused even under B's own name.
    assert copied.acked == [] and "校验不符" in copied.rejected[0][1] and filed_under_b == []
    assert held(central, a.code) == expected(sent) and verdict(central, a.code).ok


def test_the_centres_copy_is_append_only_even_for_the_back_office(central, staffed):
    station, counter = staffed
    sync_once(counter.store, factory(station))
    with central.connect() as owner:
        for statement in ("UPDATE central.station_audit SET subject = 'x'", "DELETE FROM central.station_audit",
                          "TRUNCATE central.station_audit"):
            with pytest.raises(errors.InsufficientPrivilege):
                owner.execute(statement)
    assert len(held(central, station.code)) > 0


def test_a_malformed_audit_row_is_refused_alone_and_the_applications_still_arrive(central, staffed):
    station, counter = staffed
    log(counter, 6)
    apps = queue(counter.store, station.code, 3)
    good = queued_audit(counter)
    first = good[0][1]
    fork = replace(first, subject="另一条第一条")
    bad = {  # outbox client id → (payload, the reason the clerk reads)
        str(uuid.uuid4()): ({k: v for k, v in first.as_dict().items() if k != "hash"}, "待上传记录缺少字段"),
        str(uuid.uuid4()): ({**first.as_dict(), "seq": 500, "hash": "not-a-hash"}, "审计记录哈希值格式不正确"),
        str(uuid.uuid4()): ({**first.as_dict(), "seq": 501, "at": "昨天"}, "审计记录时间格式不正确"),
        # Edited and rehashed with plain SHA-256 (issue #17's attack): the centre checks the station's HMAC.
        str(uuid.uuid4()): ({**fork.as_dict(), "hash": row_hash(first.prev_hash, fork)}, "密钥校验不符"),
        "not-a-uuid": ({**first.as_dict(), "seq": 502}, "审计记录标识（client_id）格式不正确"),
    }
    with counter.store.unit_of_work(write=True) as uow:
        for cid, (payload, _) in bad.items():
            uow.outbox.add(cid, audit.TOPIC, payload)
        uow.commit()
    report = sync_once(counter.store, factory(station))
    with counter.store.unit_of_work() as uow:
        refused = {item.client_id: item.rejected_reason for item in uow.outbox.rejected()}
        statuses = {uow.applications.get_by_client_id(cid).status for cid in apps}
    with central.connect() as owner:
        kept = owner.execute("SELECT receipt_number FROM central.rejections WHERE station_code = %s ORDER BY 1",
                             (station.code,)).fetchall()
    assert report.pushed == len(good) + len(apps) and report.rejected == len(bad)
    assert set(refused) == set(bad) and all(reason in refused[cid] for cid, (_, reason) in bad.items())
    assert statuses == {"received"}
    assert held(central, station.code) == expected(good) and verdict(central, station.code).ok
    assert kept == [("审计#1",), ("审计#500",), ("审计#501",), ("审计#502",)]  # the centre keeps what it refused


def test_rows_from_before_the_station_had_clerks_or_was_connected_still_verify(central, tmp_path, fast_hashing):
    station = central.add_station()
    with open_counter(tmp_path / "s") as counter:  # a demo station: its own log stays local, under a demo code
        demo_code = counter.station_code
        log(counter, 3)
        staff(counter)  # now accountable clerks: rows are queued, still under the demo code
        log(counter, 2)
    configure(tmp_path / "s", station)
    with open_counter(tmp_path / "s") as counter:
        log(counter, 2)
        sent = queued_audit(counter)
        report = sync_once(counter.store, factory(station))
    with central.connect() as owner:
        codes = owner.execute("SELECT DISTINCT station_code, row_station_code FROM central.station_audit"
                              " ORDER BY 2").fetchall()
    check = verdict(central, station.code)
    assert demo_code != station.code and sent[0][1].seq == 4
    assert report.pushed == len(sent) and report.rejected == 0
    assert sorted(codes) == sorted([(station.code, demo_code), (station.code, station.code)])
    assert check.ok and (check.first_seq, check.rows) == (4, len(sent))


def json_values() -> st.SearchStrategy:
    text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
    leaves = st.none() | st.booleans() | st.integers(-(2**70), 2**70) | text
    return st.dictionaries(text, st.recursive(
        leaves, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3), max_leaves=8),
        max_size=4)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(details=st.lists(json_values(), min_size=1, max_size=4), subject=st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20))
def test_any_chained_row_comes_back_from_the_centre_with_the_same_hash(central, details, subject):
    station = central.stations[0] if central.stations else central.add_station()
    with station.connect() as conn:
        last = conn.execute("SELECT seq, hash FROM central.station_audit ORDER BY seq DESC LIMIT 1").fetchone()
        head = Head(*last) if last else Head()
        rows = []
        for d in details:
            rows.append(seal(head, at="2026-11-24T01:02:03.000004+00:00", station_code=station.code,
                             terminal="01", clerk="zhang", action="lookup", subject=subject, details=d))
            head = head_of(rows[-1])
        result = push_audit_batch(conn, [AuditPayload(str(uuid.uuid4()), row) for row in rows])
    check = verdict(central, station.code)
    assert result.rejected == [] and len(result.acked) == len(rows)
    assert check.ok and check.last_seq == head.seq


def test_sync_once_json_counts_audit_rows_in_pushed(central, file_keyring, tmp_path, capsys, monkeypatch,
                                                     fast_hashing):
    station = central.add_station()
    configure(tmp_path, station, with_keyring=True)
    with open_counter(tmp_path) as counter:
        staff(counter)
        log(counter, 3)
        queue(counter.store, station.code, 2)
        waiting = pending(counter)
        audit_rows = len(queued_audit(counter))

    def sync() -> dict:
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        assert counter_app(["--data-dir", str(tmp_path), "sync", "--once", "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    first, second = sync(), sync()
    assert first == {"pushed": waiting, "pulled": 0, "rejected": 0, "conflicts": 0}
    assert second["pushed"] == 1  # the first round's own "sync" audit row
    assert len(held(central, station.code)) == audit_rows + 1


@pytest.mark.parametrize("tamper, reason", [
    ("UPDATE central.station_audit SET subject = '改过的' WHERE station_code = %(code)s AND seq = %(seq)s", EDITED),
    ("DELETE FROM central.station_audit WHERE station_code = %(code)s AND seq = %(seq)s", MISSING),
], ids=["edited", "deleted"])
def test_audit_verify_names_the_first_bad_seq_of_the_centres_copy(central, staffed, capsys, tamper, reason):
    station, counter = staffed
    log(counter, 8)
    sync_once(counter.store, factory(station))
    argv = ["audit-verify", "--station", station.code, "--dsn", central.dsn]
    intact_code = counter_central([*argv, "--json"])
    intact = json.loads(capsys.readouterr().out)
    bad_seq = intact["last_seq"] - 3
    with central.connect() as owner:  # someone with the owner's rights goes around the append-only trigger
        owner.execute("ALTER TABLE central.station_audit DISABLE TRIGGER station_audit_no_change")
        owner.execute(tamper, {"code": station.code, "seq": bad_seq})
    broken_code = counter_central([*argv, "--json"])
    broken = json.loads(capsys.readouterr().out)
    text_code = counter_central(argv)
    text = capsys.readouterr().out
    assert intact_code == 0 and intact["ok"] is True and intact["rows"] == intact["last_seq"]
    assert broken_code == 1 and (broken["ok"], broken["first_bad_seq"], broken["reason"]) == (False, bad_seq, reason)
    assert text_code == 1 and f"第{bad_seq}条" in text


def test_audit_verify_of_an_unknown_station_names_the_field(central, capsys):
    code = counter_central(["audit-verify", "--station", "NOPE", "--dsn", central.dsn, "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 2 and out["errors"][0]["field"] == "station"
