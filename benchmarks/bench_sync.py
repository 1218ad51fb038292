"""Sync speed on a throwaway real PostgreSQL: push 10,000 applications vs the bare psycopg floor; pull 200,000 rows.

Run ``python benchmarks/bench_sync.py [--push-only] [--pull-rows N]``. Targets: push ≤ 3 s and ≥ 0.8 of
the bare floor (bare time / push time); pull of 200,000 reference rows into an empty station with
bounded peak memory.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from psycopg.conninfo import make_conninfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the suite's throwaway cluster helper

from pgcluster import destroy_cluster, start_cluster  # noqa: E402

from counter_app.sync import central_db  # noqa: E402
from counter_app.sync.protocol import OutboxPayload, push_batch  # noqa: E402

PUSH_ROWS = 10_000
PUSH_TARGET_S = 3.0
RATIO_TARGET = 0.8
ROUNDS = 5

_INSERT = (
    "INSERT INTO central.inbox (client_id, station_code, terminal, receipt_number, kind, subject_key, fields,"
    " materials, clerk, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s::jsonb, %s::jsonb, %s, %s)"
    " ON CONFLICT (client_id, district) DO NOTHING"  # district: the login's, by default (central revision 0017)
)


def make_items(station: str, n: int) -> list[OutboxPayload]:
    created = datetime.now(UTC)
    kinds = ("withdrawal", "open-account", "info-change", "loan")
    items = []
    for i in range(n):
        cid = str(uuid.uuid4())
        subject = f"11010119900307{i:04d}"
        items.append(OutboxPayload(
            client_id=cid, station_code=station, terminal="01", receipt_number=f"{station}-01-20261123-{i:05d}-{cid[:4]}",
            kind=kinds[i % 4], subject_key=subject,
            fields={"id_number": subject, "name": "张三", "amount": "1200.00", "reason_code": "07"},
            materials=["id_card", "lease"], clerk="clerk01", created_at=created,
        ))
    return items


def bare_floor(conn: psycopg.Connection, items: list[OutboxPayload]) -> float:
    """The same rows through a plain ``executemany`` (pipelined by psycopg) in one transaction."""
    import json

    rows = [(i.client_id, i.station_code, i.terminal, i.receipt_number, i.kind, i.subject_key,
             json.dumps(i.fields, ensure_ascii=False), json.dumps(i.materials), i.clerk, i.created_at) for i in items]
    start = time.perf_counter()
    with conn.transaction(), conn.cursor() as cur:
        cur.executemany(_INSERT, rows)
    return time.perf_counter() - start


def copy_floor(conn: psycopg.Connection, items: list[OutboxPayload]) -> float:
    """The same rows COPYed straight into the inbox by the owner (PostgreSQL refuses COPY FROM under
    row-level security, so a station cannot do this; no idempotence, no per-row rejection)."""
    import json

    cols = ("client_id, station_code, terminal, receipt_number, kind, subject_key, fields, materials, clerk, created_at,"
            " district")
    district = conn.execute("SELECT district FROM central.stations WHERE code = %s", (items[0].station_code,)
                            ).fetchone()[0]
    start = time.perf_counter()
    with conn.transaction(), conn.cursor().copy(f"COPY central.inbox ({cols}) FROM STDIN") as copy:
        for i in items:
            copy.write_row((i.client_id, i.station_code, i.terminal, i.receipt_number, i.kind, i.subject_key,
                            json.dumps(i.fields, ensure_ascii=False), json.dumps(i.materials), i.clerk,
                            i.created_at, district))
    return time.perf_counter() - start


def timed_push(conn: psycopg.Connection, items: list[OutboxPayload]) -> float:
    start = time.perf_counter()
    result = push_batch(conn, items)
    elapsed = time.perf_counter() - start
    assert len(result.acked) == len(items) and not result.rejected
    return elapsed


def _clear(owner: psycopg.Connection) -> None:
    owner.execute("TRUNCATE central.inbox, central.decisions, central.account_claims, central.conflicts,"
                  " central.change_feed, central.application_keys CASCADE")
    owner.execute("VACUUM ANALYZE central.inbox")


def bench_push(owner: psycopg.Connection, station_dsn: str, code: str) -> None:
    floors, copies, pushes = [], [], []
    with psycopg.connect(station_dsn, autocommit=True) as conn:
        for _ in range(ROUNDS):  # interleaved, so all three see the same machine load
            _clear(owner)
            floors.append(bare_floor(conn, make_items(code, PUSH_ROWS)))
            _clear(owner)
            copies.append(copy_floor(owner, make_items(code, PUSH_ROWS)))
            _clear(owner)
            pushes.append(timed_push(conn, make_items(code, PUSH_ROWS)))
        _clear(owner)
        items = make_items(code, PUSH_ROWS)
        timed_push(conn, items)
        resend = timed_push(conn, items)
    floor, copy, push = min(floors), min(copies), min(pushes)
    ratio, copy_ratio = floor / push, copy / push
    print(f"push {PUSH_ROWS:,} applications: {push:.2f} s (target ≤ {PUSH_TARGET_S} s: "
          f"{'met' if push <= PUSH_TARGET_S else 'NOT met'})")
    print(f"bare psycopg executemany floor: {floor:.2f} s; ratio floor/push = {ratio:.2f} "
          f"(target ≥ {RATIO_TARGET}: {'met' if ratio >= RATIO_TARGET else 'NOT met'})")
    print(f"bare psycopg COPY floor (as owner, no RLS): {copy:.2f} s; ratio floor/push = {copy_ratio:.2f} "
          f"(target ≥ {RATIO_TARGET}: {'met' if copy_ratio >= RATIO_TARGET else 'NOT met'})")
    print(f"resend of the same {PUSH_ROWS:,} (all already held): {resend:.2f} s")


def _seed_reference(owner: psycopg.Connection, rows: int, district: str) -> None:
    """Half workers, half their accounts, in the station's district (plus as many elsewhere)."""
    half = rows // 2
    owner.execute(
        "INSERT INTO central.workers (id_number, name, sex, birth_date, mobile, address, employer_uscc, township,"
        " district) SELECT lpad(g::text, 18, '0'), (ARRAY['张','王','李','赵','欧阳'])[1 + g %% 5]"
        " || (ARRAY['伟','芳','娜','秀英','𠮷'])[1 + g %% 5] || (ARRAY['','强','磊','军'])[1 + g %% 4],"
        " (1 + g %% 2)::text, date '1970-01-01' + g %% 15000, '138' || lpad((g %% 100000000)::text, 8, '0'),"
        " '示范市东关街道' || g || '号', '91620102MA' || lpad((g %% 500)::text, 8, '0'), '东关街道',"
        " CASE WHEN g <= %(half)s THEN %(d)s ELSE 'elsewhere' END FROM generate_series(1, %(all)s) g",
        {"half": half, "all": 2 * half, "d": district},
    )
    owner.execute(
        "INSERT INTO central.accounts (account_no, id_number, employer_uscc, status, balance, monthly_base,"
        " worker_ratio, employer_ratio, monthly_contribution, consecutive_months, opened_on, district)"
        " SELECT '80' || lpad(g::text, 10, '0'), id_number, employer_uscc, '01', (g % 100000) + 0.57, 5000.00,"
        " 12, 12, 1200.00, g % 240, date '2010-01-01' + (g % 5000)::int, district"
        " FROM (SELECT id_number, employer_uscc, district, row_number() OVER () AS g FROM central.workers) w",
    )
    owner.execute("VACUUM ANALYZE central.workers, central.accounts, central.change_feed")


def bench_pull(owner: psycopg.Connection, station_dsn: str, rows: int, data_dir: Path) -> None:
    import resource

    from counter_app.store import Store
    from counter_app.sync.engine import sync_once

    district = owner.execute("SELECT district FROM central.stations WHERE code = 'BENCH'").fetchone()[0]
    _clear(owner)
    _seed_reference(owner, rows, district)
    store = Store.open(data_dir)

    def factory() -> psycopg.Connection:
        return psycopg.connect(station_dsn, autocommit=True)

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    report = sync_once(store, factory)
    elapsed = time.perf_counter() - start
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with store.unit_of_work() as uow:
        loaded = uow.workers.count() + uow.accounts.count()
    print(f"pull {loaded:,} reference rows into an empty station (snapshot load): {elapsed:.1f} s, "
          f"{loaded / elapsed:,.0f} rows/s; peak RSS {rss_peak:.0f} MB (before the pull {rss_before:.0f} MB)")
    assert loaded == rows == report.pulled, (loaded, report.pulled)
    changed = 2000
    owner.execute("UPDATE central.accounts SET balance = balance + 1 WHERE account_no IN (SELECT account_no FROM"
                  " central.accounts WHERE district = %s ORDER BY account_no LIMIT %s)", (district, changed))
    start = time.perf_counter()
    report = sync_once(store, factory)
    elapsed = time.perf_counter() - start
    print(f"follow the feed: {report.pulled:,} changed accounts in {elapsed:.1f} s ({report.pulled / elapsed:,.0f} rows/s,"
          " one store upsert each)")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--push-only", action="store_true")
    parser.add_argument("--pull-rows", type=int, default=200_000)
    args = parser.parse_args()
    cluster = start_cluster()
    try:
        with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
        dsn = cluster.dsn("bench")
        central_db.init_central(dsn)
        with psycopg.connect(dsn, autocommit=True) as owner:
            creds = central_db.add_station(owner, "BENCH", "基准站", "城关区")
            station_dsn = make_conninfo(dsn, user=creds.role, password=creds.password)
            bench_push(owner, station_dsn, creds.code)
            if not args.push_only:
                bench_pull(owner, station_dsn, args.pull_rows, Path(tempfile.mkdtemp()))
    finally:
        destroy_cluster(cluster)


if __name__ == "__main__":
    main()
