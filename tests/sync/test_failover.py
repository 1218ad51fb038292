"""The central database survives losing its server: a synchronous hot standby, promoted mid-push, loses and doubles nothing."""

from __future__ import annotations

import time

import psycopg
import pytest
from pgcluster import destroy_cluster, start_cluster, start_standby
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from station_helpers import Central, drop_roles, queue, queue_records
from test_sync_robustness import assert_exactly_once, central_count, connect_store, run_until, start_sync, sync_to_completion

from counter_app.services import open_counter
from counter_app.sync import central_db
from counter_app.sync.central_cli import main as central_main

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture(scope="session")
def replicated():
    """A primary and its streaming standby (synchronous: a commit the station saw acknowledged is on
    both), started by the suite next to its own test cluster; the tests may stop the primary."""
    primary = start_cluster()
    standby = None
    try:
        standby = start_standby(primary, "standby1")
        with psycopg.connect(primary.dsn(), autocommit=True) as conn:
            conn.execute("ALTER SYSTEM SET synchronous_commit = 'on'")
            conn.execute("ALTER SYSTEM SET synchronous_standby_names = 'standby1'")
            conn.execute("SELECT pg_reload_conf()")
            for _ in range(100):  # until the standby streams as the synchronous one
                state = conn.execute("SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'"
                                     ).fetchone()
                if state and state[0] == "sync":
                    break
                time.sleep(0.1)
            assert state and state[0] == "sync", state
            conn.execute("CREATE DATABASE centre")
        yield primary, standby
    finally:
        if standby is not None:
            destroy_cluster(standby)
        destroy_cluster(primary)


def both_hosts(station_dsn: str, primary, standby) -> str:
    """The station's DSN listing both servers; only the one that accepts writes is used."""
    parts = conninfo_to_dict(station_dsn)
    parts.update(host=f"{primary.host},{standby.host}", port=f"{primary.port},{standby.port}",
                 target_session_attrs="read-write", connect_timeout="5")
    return make_conninfo(**parts)


def test_primary_killed_mid_batch_standby_promoted_nothing_lost_or_doubled(replicated, file_keyring, tmp_path, capsys):
    primary, standby = replicated
    dsn = primary.dsn("centre")
    central_db.init_central(dsn, "grp_failover")
    central = Central(dsn=dsn, group="grp_failover")
    station = central.add_station()
    station.dsn = both_hosts(station.dsn, primary, standby)
    data = tmp_path / "data"
    store = connect_store(data, station)
    ids = queue(store, station.code, 600)
    with open_counter(data) as counter:
        records = queue_records(counter, 300)
    proc = start_sync(data, 50)
    target = central_count(dsn) + 137
    run_until(proc, lambda: central_count(dsn) >= target)
    primary.stop()  # the server is lost mid-batch: connections cut, the open batch rolled back
    lost_at = time.monotonic()
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode in (0, 1) and b"Traceback" not in err
    with store.unit_of_work() as uow:
        waiting = uow.outbox.count_pending()
    assert waiting > 0
    refused = start_sync(data, 50)  # only a read-only standby is left: nothing is written, nothing lost
    out, _err = refused.communicate(timeout=120)
    assert refused.returncode == 1 and "同步失败".encode() in out
    with store.unit_of_work() as uow:
        assert uow.outbox.count_pending() == waiting
    assert central_main(["promote", "--dsn", standby.dsn("centre"), "--json"]) == 0
    assert '"promoted": true' in capsys.readouterr().out
    sync_to_completion(data, store)
    failover = time.monotonic() - lost_at
    new_dsn = standby.dsn("centre")
    assert_exactly_once(new_dsn, store, ids)
    with psycopg.connect(new_dsn) as conn:
        got = [(str(r[0]), r[1]) for r in conn.execute("SELECT client_id, kind FROM central.station_records")]
    assert len(got) == len(set(got)) == len(records) and set(got) == set(records)
    print(f"failover: {len(ids)} applications + {len(records)} records, {waiting} waiting when the primary was"
          f" lost, all in once on the promoted standby {failover:.1f} s after the loss")
    store.close()
    drop_roles(new_dsn, [station.role, "grp_failover"])
