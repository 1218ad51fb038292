"""Never lose, never duplicate: sync subprocesses SIGKILLed at random points, the server stopped mid-batch."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import keyring
import psycopg
import pytest
from pgcluster import destroy_cluster, start_cluster
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from station_helpers import Central, drop_roles, queue, queue_records

from counter_app.services import open_counter
from counter_app.services.settings import KEYRING_SERVICE, keyring_account
from counter_app.store import Store
from counter_app.sync import central_db

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def connect_store(data: Path, station) -> Store:
    """What ``counter-app connect`` leaves behind: DSN without password in settings, password in keyring."""
    parts = conninfo_to_dict(station.dsn)
    password = parts.pop("password")
    dsn = make_conninfo(**parts)
    keyring.set_password(KEYRING_SERVICE, keyring_account(dsn), password)
    store = Store.open(data)
    with store.unit_of_work(write=True) as uow:
        uow.settings.set("central_dsn", dsn)
        uow.settings.set("station_code", station.code)
        uow.commit()
    return store


def start_sync(data: Path, batch: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HERE), str(ROOT)]))
    return subprocess.Popen(
        [sys.executable, "-m", "counter_app", "--data-dir", str(data), "sync", "--once", "--json",
         "--batch-size", str(batch)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )


def central_count(dsn: str) -> int:
    with psycopg.connect(dsn) as conn:
        return conn.execute("SELECT count(*) FROM central.inbox").fetchone()[0]


def run_until(proc: subprocess.Popen, done, limit: float = 60.0) -> bool:
    """Poll (by waiting on the process itself) until ``done()`` or the process ends; True if it ended."""
    waited = 0.0
    while waited < limit:
        try:
            proc.wait(timeout=0.05)
            return True
        except subprocess.TimeoutExpired:
            waited += 0.05
            if done():
                return False
    return False


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.communicate()


def sync_to_completion(data: Path, store: Store, rounds: int = 5) -> None:
    for _ in range(rounds):
        proc = start_sync(data, 500)
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        with store.unit_of_work() as uow:
            if uow.outbox.count_pending() == 0:
                return
    raise AssertionError("the outbox did not drain")


STATUS = {"approve": "approved", "reject": "rejected", "needs-more": "needs-more"}


def assert_exactly_once(owner_dsn: str, store: Store, ids: list[str]) -> None:
    """Central holds each application once; the station applied each central decision once, in order."""
    with psycopg.connect(owner_dsn) as conn:
        central = [str(r[0]) for r in conn.execute("SELECT client_id FROM central.inbox").fetchall()]
        decisions: dict[str, list[str]] = {}
        for cid, word in conn.execute("SELECT client_id, decision FROM central.decisions ORDER BY id").fetchall():
            decisions.setdefault(str(cid), []).append(STATUS[word])
    with store.unit_of_work() as uow:
        pending = uow.outbox.count_pending()
        refused = uow.outbox.rejected()
        histories = {cid: [h.status for h in uow.applications.history(cid)] for cid in ids}
    assert pending == 0 and refused == []
    assert len(central) == len(set(central)) == len(ids)  # no duplicates, no losses
    assert set(central) == set(ids)
    for cid, steps in histories.items():
        assert steps == ["queued", "received", *decisions.get(cid, [])]


def decide_some(owner_dsn: str, rng: random.Random, n: int) -> int:
    """The back office decides on ``n`` received applications (some get a second decision later)."""
    with psycopg.connect(owner_dsn, autocommit=True) as conn:
        held = sorted(r[0] for r in conn.execute("SELECT receipt_number FROM central.inbox").fetchall())
        chosen = rng.sample(held, min(n, len(held)))
        for receipt in chosen:
            word = rng.choice(sorted(STATUS))
            central_db.decide(conn, receipt, word, "" if word == "approve" else "材料不全")
    return len(chosen)


def test_sigkill_at_random_points_never_loses_or_duplicates(central: Central, file_keyring, tmp_path):
    rng = random.Random(20261123)
    station = central.add_station()
    data = tmp_path / "data"
    store = connect_store(data, station)
    ids: list[str] = []
    decided = 0
    kills = 0
    for round_ in range(8):
        with store.unit_of_work() as uow:  # always enough queued that a kill lands mid-push
            waiting = uow.outbox.count_pending()
        ids += queue(store, station.code, max(0, 600 - waiting))
        before = central_count(central.dsn)
        proc = start_sync(data, rng.choice((37, 97, 200)))
        if round_ % 2 == 0:  # right after the centre committed some batch: the lost-acknowledgement window
            target = before + rng.randint(1, 300)
            ended = run_until(proc, lambda target=target: central_count(central.dsn) >= target)
        else:  # anywhere: start-up, push, pull, local bookkeeping
            ended = run_until(proc, lambda: False, limit=rng.uniform(0.5, 8.0))
        if not ended:
            kill(proc)
            kills += 1
        else:
            proc.communicate()
        if round_ in (2, 5):  # decisions to pull while kills go on
            decided += decide_some(central.dsn, rng, 300)
    sync_to_completion(data, store)
    print(f"SIGKILL probe: {kills} kills in 8 rounds, {len(ids)} applications, {decided} decisions")  # quoted in #17
    assert kills >= 4 and decided > 0
    assert_exactly_once(central.dsn, store, ids)
    store.close()


@pytest.fixture
def durable_cluster():
    """A cluster of its own (stopped and started by the test), durable: fsync and synchronous commit on."""
    cluster = start_cluster()
    with open(cluster.datadir / "postgresql.conf", "a") as conf:
        conf.write("fsync = on\nsynchronous_commit = on\nfull_page_writes = on\n")
    cluster.stop()
    cluster.start()
    yield cluster
    destroy_cluster(cluster)


def test_server_stopped_mid_batch_and_refusing_connections_loses_nothing(durable_cluster, file_keyring, tmp_path):
    rng = random.Random(7)
    with psycopg.connect(durable_cluster.dsn(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE centre")
    dsn = durable_cluster.dsn("centre")
    central_db.init_central(dsn, "grp_restart")
    central = Central(dsn=dsn, group="grp_restart")
    station = central.add_station()
    data = tmp_path / "data"
    store = connect_store(data, station)
    ids = queue(store, station.code, 600)
    with open_counter(data) as counter:  # every kind of station record in the same outbox
        records = queue_records(counter, 300)
    stops = 0
    for _ in range(3):
        before = central_count(dsn)
        proc = start_sync(data, 50)
        target = before + rng.randint(1, 200)
        run_until(proc, lambda target=target: central_count(dsn) >= target)
        durable_cluster.stop()  # immediate: connections cut, in-flight batch rolled back
        stops += 1
        out, err = proc.communicate(timeout=120)
        assert proc.returncode in (0, 1), err.decode()
        assert b"Traceback" not in err
        if stops == 1:  # nothing listens now: connection refused, and the queue stays as it was
            with store.unit_of_work() as uow:
                waiting = uow.outbox.count_pending()
            refused = start_sync(data, 50)
            out, err = refused.communicate(timeout=120)
            with store.unit_of_work() as uow:
                assert uow.outbox.count_pending() == waiting
            assert refused.returncode == 1 and "同步失败".encode() in out
        durable_cluster.start()
    sync_to_completion(data, store)
    print(f"server-stop probe: {stops} stops, {len(ids)} applications, {len(records)} station records")  # #17
    assert stops == 3
    assert_exactly_once(dsn, store, ids)
    with psycopg.connect(dsn) as conn:
        got = [(str(r[0]), r[1]) for r in conn.execute("SELECT client_id, kind FROM central.station_records")]
    assert len(got) == len(set(got)) == len(records) and set(got) == set(records)
    store.close()
    drop_roles(dsn, [station.role, "grp_restart"])
