"""Station sync engine against a real store (SQLite) and the real central PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from station_helpers import factory, queue

from counter_app.store import Store
from counter_app.sync import central_db, central_seed, engine
from counter_app.sync.engine import sync_once

pytestmark = pytest.mark.postgres


def status_of(store: Store, client_id: str) -> str:
    with store.unit_of_work() as uow:
        return uow.applications.get_by_client_id(client_id).status


@pytest.fixture
def make_store(tmp_path: Path):
    stores = []

    def make() -> Store:
        store = Store.open(tmp_path / f"s{len(stores)}")
        stores.append(store)
        return store

    yield make
    for store in stores:
        store.close()


def test_sync_pushes_the_outbox_and_marks_applications_received(central, make_store):
    station, store = central.add_station(), make_store()
    ids = queue(store, station.code, 25)
    report = sync_once(store, factory(station), batch_size=10)
    with store.unit_of_work() as uow:
        pending = uow.outbox.count_pending()
        last_ok = uow.settings.get("sync_last_ok")
    with central.connect() as owner:
        held = {str(r[0]) for r in owner.execute("SELECT client_id FROM central.inbox").fetchall()}
    assert report.pushed == 25 and report.rejected == 0
    assert pending == 0 and last_ok is True
    assert held == set(ids)
    assert {status_of(store, cid) for cid in ids} == {"received"}


def test_refused_rows_stay_aside_with_their_reason_and_do_not_block(central, make_store):
    station, store = central.add_station(), make_store()
    good = queue(store, station.code, 3)
    bad = queue(store, station.code, 1, receipt_prefix="X")
    report = sync_once(store, factory(station))
    again = sync_once(store, factory(station))
    with store.unit_of_work() as uow:
        refused = uow.outbox.rejected()
        pending = uow.outbox.count_pending()
    assert report.pushed == 3 and report.rejected == 1
    assert again.pushed == 0 and again.rejected == 0  # a refused row is not sent again and again
    assert [r.client_id for r in refused] == bad and "回执编号" in refused[0].rejected_reason
    assert pending == 0
    assert {status_of(store, cid) for cid in good} == {"received"}


def test_decisions_come_back_as_statuses_with_reasons(central, make_store):
    station, store = central.add_station(), make_store()
    approve, reject = queue(store, station.code, 2)
    sync_once(store, factory(station))
    with store.unit_of_work() as uow:
        receipts = {cid: uow.applications.get_by_client_id(cid).receipt_number for cid in (approve, reject)}
    with central.connect() as owner:
        central_db.decide(owner, receipts[approve], "approve", by="审批员甲")
        central_db.decide(owner, receipts[reject], "reject", "租房合同已用于提取", by="审批员乙")
    report = sync_once(store, factory(station))
    with store.unit_of_work() as uow:
        rejected = uow.applications.get_by_client_id(reject)
        history = [(h.status, h.by) for h in uow.applications.history(approve)]
    assert report.pulled == 2
    assert status_of(store, approve) == "approved"
    assert rejected.status == "rejected" and rejected.decision_reason == "租房合同已用于提取"
    assert history[-2:] == [("received", "centre"), ("approved", "审批员甲")]


def test_the_same_person_opened_at_two_stations_becomes_a_visible_conflict(central, make_store):
    a, b = central.add_station(), central.add_station()
    store_a, store_b = make_store(), make_store()
    subject = "110101199003074514"
    [first] = queue(store_a, a.code, kind="open-account", subject=subject)
    [second] = queue(store_b, b.code, kind="open-account", subject=subject)
    report_a = sync_once(store_a, factory(a))
    report_b = sync_once(store_b, factory(b))
    with store_b.unit_of_work() as uow:
        loser = uow.applications.get_by_client_id(second)
    assert report_a.conflicts == 0 and report_b.conflicts == 1
    assert status_of(store_a, first) == "received"
    assert loser.status == "conflict" and loser.decision_reason == "该证件号码已有开户申请在办，由中心核实"
    assert a.code not in loser.decision_reason
    assert loser.conflict["reason"] == loser.decision_reason
    with central.connect() as owner:  # a person resolves it: the second opening is refused
        central_db.decide(owner, loser.receipt_number, "reject", "重复开户，已在原服务站开户")
    sync_once(store_b, factory(b))
    with store_b.unit_of_work() as uow:
        resolved = uow.applications.get_by_client_id(second)
    with central.connect() as owner:
        conflict = owner.execute("SELECT status, resolution FROM central.conflicts").fetchone()
    assert resolved.status == "rejected" and resolved.conflict is None
    assert conflict == ("resolved", "reject: 重复开户，已在原服务站开户")


def test_a_lost_acknowledgement_is_resent_without_duplicates(central, make_store, monkeypatch):
    station, store = central.add_station(), make_store()
    ids = queue(store, station.code, 12)
    real_settle = engine._settle
    monkeypatch.setattr(engine, "_settle", lambda *a: (_ for _ in ()).throw(OSError("crash before local ack")))
    with pytest.raises(OSError):
        sync_once(store, factory(station))
    with store.unit_of_work() as uow:
        still_queued = uow.outbox.count_pending()
    monkeypatch.setattr(engine, "_settle", real_settle)
    report = sync_once(store, factory(station))
    with central.connect() as owner:
        count = owner.execute("SELECT count(*) FROM central.inbox").fetchone()[0]
    assert still_queued == 12
    assert report.pushed == 12 and count == 12
    assert {status_of(store, cid) for cid in ids} == {"received"}


def test_a_lost_acknowledgement_leaves_nothing_the_station_may_still_cancel(central, make_store, monkeypatch):
    """The centre committed the batch, the station never heard back: the clerk must not withdraw it."""
    from counter_app.services import cancel_application, open_counter

    station, store = central.add_station(), make_store()
    (cid,) = queue(store, station.code, 1)
    monkeypatch.setattr(engine, "_settle", lambda *a: (_ for _ in ()).throw(OSError("line dropped after the push")))
    with pytest.raises(OSError):
        sync_once(store, factory(station))
    with store.unit_of_work() as uow:
        number = uow.applications.get_by_client_id(cid).receipt_number
    counter = open_counter(store.path.parent)
    try:
        refused = cancel_application(counter, number, "申请人放弃")
    finally:
        counter.close()
    with central.connect() as owner:
        held = owner.execute("SELECT count(*) FROM central.inbox WHERE client_id = %s", (cid,)).fetchone()[0]
    assert held == 1, "the centre holds it"
    assert refused.errors and refused.errors[0].field == "receipt_number" and "已开始上传" in refused.errors[0].message
    assert status_of(store, cid) == "queued"


def test_unreachable_centre_keeps_everything_queued(central, make_store, pg_cluster):
    station, store = central.add_station(), make_store()
    queue(store, station.code, 5)

    def refused():
        return psycopg.connect(pg_cluster.dsn(password="wrong"), connect_timeout=5)

    with pytest.raises(psycopg.OperationalError):
        sync_once(store, refused)
    with store.unit_of_work() as uow:
        assert uow.outbox.count_pending() == 5
        assert uow.settings.get("sync_last_ok") is False


def test_a_new_station_loads_its_district_by_snapshot_then_follows_the_feed(central, make_store):
    with central.connect() as owner:
        central_seed.seed_demo(owner, workers=400, employers=30, seed=3)
        district = owner.execute("SELECT district FROM central.workers GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
                                 ).fetchone()[0]
        expected = dict(owner.execute(
            "SELECT 'workers', count(*) FROM central.workers WHERE district = %(d)s UNION ALL"
            " SELECT 'accounts', count(*) FROM central.accounts WHERE district = %(d)s UNION ALL"
            " SELECT 'withdrawals', count(*) FROM central.withdrawal_history WHERE district = %(d)s",
            {"d": district}).fetchall())
        worker = owner.execute("SELECT id_number FROM central.workers WHERE district = %s LIMIT 1",
                               (district,)).fetchone()[0]
    station, store = central.add_station(district), make_store()
    in_flight = central.connect()
    in_flight.execute("BEGIN")  # a transaction running while the snapshot is taken, committed after
    in_flight.execute("INSERT INTO central.withdrawal_history (id_number, reason_code, amount, day, district)"
                      " VALUES (%s, '07', 1500.00, '2026-11-01', %s)", (worker, district))
    first = sync_once(store, factory(station))
    in_flight.execute("COMMIT")
    in_flight.close()
    with central.connect() as owner:
        owner.execute("UPDATE central.workers SET mobile = '13900000000' WHERE id_number = %s", (worker,))
        owner.execute("UPDATE central.accounts SET balance = balance + 100.05 WHERE id_number = %s", (worker,))
        balance = owner.execute("SELECT balance FROM central.accounts WHERE id_number = %s", (worker,)).fetchone()[0]
    second = sync_once(store, factory(station))
    third = sync_once(store, factory(station))
    with store.unit_of_work() as uow:
        workers, accounts = uow.workers.count(), uow.accounts.count()
        withdrawals = len(uow.withdrawals.for_person(worker))
        mobile = uow.workers.get(worker).mobile
        local_balance = uow.accounts.for_person(worker)[0].balance
        policies = uow.policies.all()
    with central.connect() as owner:
        central_withdrawals = owner.execute("SELECT count(*) FROM central.withdrawal_history WHERE id_number = %s",
                                            (worker,)).fetchone()[0]
    assert first.pulled >= expected["workers"] + expected["accounts"]
    assert (workers, accounts) == (expected["workers"], expected["accounts"])
    assert withdrawals == central_withdrawals  # the in-flight row arrived once, none twice
    assert mobile == "13900000000" and local_balance == balance
    assert second.pulled == 3 and third.pulled == 0
    assert len(policies) == 1 and "[" in policies[0].toml


def test_two_syncs_of_one_station_at_once_apply_each_decision_once(central, make_store, monkeypatch):
    station, store = central.add_station(), make_store()
    [cid] = queue(store, station.code, 1)
    sync_once(store, factory(station))
    with store.unit_of_work() as uow:
        receipt = uow.applications.get_by_client_id(cid).receipt_number
    with central.connect() as owner:
        central_db.decide(owner, receipt, "needs-more", "缺少租赁合同")
    real_pull, raced = engine.pull_changes, []

    def pull_while_another_sync_runs(*args, **kwargs):
        page = real_pull(*args, **kwargs)
        if not raced:  # the other sync (say, the GUI's) fetches and applies the same page first
            raced.append(True)
            sync_once(store, factory(station))
        return page

    monkeypatch.setattr(engine, "pull_changes", pull_while_another_sync_runs)
    sync_once(store, factory(station))
    with store.unit_of_work() as uow:
        steps = [h.status for h in uow.applications.history(cid)]
    assert raced and steps == ["queued", "received", "needs-more"]


def test_reset_pull_reloads_reference_data_from_a_fresh_snapshot(central, make_store):
    station, store = central.add_station("D1"), make_store()
    with central.connect() as owner:
        owner.execute("INSERT INTO central.workers (id_number, name, district) VALUES ('W1', '甲', 'D1')")
        owner.execute("INSERT INTO central.workers (id_number, name, district) VALUES ('W2', '乙', 'D2')")
    sync_once(store, factory(station))
    with central.connect() as owner:  # the station moves district: its cursor is past D2's old rows
        owner.execute("UPDATE central.stations SET district = 'D2' WHERE code = %s", (station.code,))
    moved = sync_once(store, factory(station))
    engine.reset_pull(store)
    reloaded = sync_once(store, factory(station))
    with store.unit_of_work() as uow:
        workers = [uow.workers.get(k) is not None for k in ("W1", "W2")]
    assert moved.pulled == 0
    assert reloaded.pulled == 1 and workers == [False, True]
