"""The centre at city scale: 2,000,000 workers in 20 districts, partitioned; pull, push, decide, query, purge.

Run ``python benchmarks/bench_central_scale.py [--workers N] [--districts D]`` (default 2,000,000
workers: about 10 minutes on 2 shared cores). It starts a throwaway PostgreSQL (tests/pgcluster.py),
creates the central schema at head (workers, accounts, withdrawal history, applications and the change
feed hash-partitioned by district),
generates the city in SQL (each worker an account, four in ten a past withdrawal; the feed triggers
write their change-feed rows as a real load would), then prints: the load time, the size per 100,000
workers of each big table, a station's snapshot pull of its district, a push of 10,000 applications,
1,000 decisions, the incremental pull of those decisions and 2,000 changed accounts, station-side
queries (one person by ID number, the district's count) and a purge of the acknowledged feed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from psycopg.conninfo import make_conninfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the suite's throwaway cluster helper
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_sync import make_items  # noqa: E402
from pgcluster import destroy_cluster, start_cluster  # noqa: E402

from counter_app.store import Store  # noqa: E402
from counter_app.sync import central_db  # noqa: E402
from counter_app.sync.engine import sync_once  # noqa: E402
from counter_app.sync.protocol import push_batch  # noqa: E402

BIG = ("workers", "accounts", "withdrawal_history", "change_feed", "inbox")


def timed(label: str, fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    elapsed = time.perf_counter() - start
    print(f"{label}: {elapsed:.1f} s", flush=True)
    return result, elapsed


def load_city(owner: psycopg.Connection, workers: int, districts: int) -> None:
    """Workers, their accounts and past withdrawals, spread over ``districts`` districts, in SQL."""
    owner.execute(
        "INSERT INTO central.workers (id_number, name, sex, birth_date, mobile, address, employer_uscc, township,"
        " district) SELECT lpad(g::text, 18, '0'), (ARRAY['张','王','李','赵','欧阳'])[1 + g %% 5]"
        " || (ARRAY['伟','芳','娜','秀英','𠮷'])[1 + g %% 5], (1 + g %% 2)::text, date '1970-01-01' + g %% 15000,"
        " '138' || lpad((g %% 100000000)::text, 8, '0'), '示范市东关街道' || g || '号',"
        " '91620102MA' || lpad((g %% 5000)::text, 8, '0'), '东关街道', 'D' || lpad((g %% %(d)s)::text, 2, '0')"
        " FROM generate_series(1, %(n)s) g", {"n": workers, "d": districts})
    owner.execute(
        "INSERT INTO central.accounts (account_no, id_number, employer_uscc, status, balance, monthly_base,"
        " worker_ratio, employer_ratio, monthly_contribution, consecutive_months, opened_on, district)"
        " SELECT '80' || right(id_number, 10), id_number, employer_uscc, '01', (right(id_number, 5)::int) + 0.57,"
        " 5000.00, 12, 12, 1200.00, right(id_number, 2)::int, date '2010-01-01' + right(id_number, 3)::int, district"
        " FROM central.workers")
    owner.execute(
        "INSERT INTO central.withdrawal_history (id_number, reason_code, amount, day, document_no, district)"
        " SELECT id_number, '07', 1500.00, date '2025-01-01' + right(id_number, 3)::int, 'HT' || id_number, district"
        " FROM central.workers WHERE right(id_number, 1)::int % 3 = 0")
    owner.execute("VACUUM ANALYZE")


def sizes(owner: psycopg.Connection, workers: int) -> None:
    per = workers / 100_000
    for table in BIG:
        rows, raw = owner.execute(
            f"SELECT (SELECT count(*) FROM central.{table}), pg_total_relation_size('central.{table}')"
            " + coalesce((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits"
            f" WHERE inhparent = 'central.{table}'::regclass), 0)").fetchone()
        size = int(raw)
        print(f"  {table}: {rows:,} rows, {size / 2**20:,.0f} MB in all, {size / per / 2**20:,.1f} MB per 100,000 workers")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2_000_000)
    parser.add_argument("--districts", type=int, default=20)
    args = parser.parse_args()
    cluster = start_cluster()
    try:
        with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
        dsn = cluster.dsn("bench")
        central_db.init_central(dsn)
        with psycopg.connect(dsn, autocommit=True) as owner:
            creds = central_db.add_station(owner, "BENCH", "基准站", "D07")
            station_dsn = make_conninfo(dsn, user=creds.role, password=creds.password)
            print(f"city: {args.workers:,} workers in {args.districts} districts (8 hash partitions per big table)")
            timed("load the city (workers, accounts, withdrawals, with their feed rows)", load_city, owner,
                  args.workers, args.districts)
            sizes(owner, args.workers)
            store = Store.open(Path(tempfile.mkdtemp()) / "station")

            def factory() -> psycopg.Connection:
                return psycopg.connect(station_dsn, autocommit=True)

            report, elapsed = timed("station snapshot pull of its district (empty store)", sync_once, store, factory)
            print(f"  {report.pulled:,} rows, {report.pulled / elapsed:,.0f} rows/s")
            with psycopg.connect(station_dsn, autocommit=True) as conn:
                items = make_items("BENCH", 10_000)
                result, elapsed = timed("push 10,000 applications", push_batch, conn, items)
                assert len(result.acked) == 10_000, result.rejected[:3]
                timed("resend the same 10,000 (all held already)", push_batch, conn, items)
                rows, parts = owner.execute("SELECT count(*), count(DISTINCT tableoid) FROM central.inbox").fetchone()
                raw = owner.execute("SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits"
                                    " WHERE inhparent = 'central.inbox'::regclass").fetchone()[0]
                keys = owner.execute("SELECT pg_total_relation_size('central.application_keys')").fetchone()[0]
                print(f"  inbox: {rows:,} applications in {parts} of 8 partitions, {int(raw) / 2**20:,.1f} MB"
                      f" ({int(raw) / rows / 1024:,.1f} KB each); city-wide keys {keys / 2**20:,.1f} MB")
                person = owner.execute("SELECT id_number FROM central.workers WHERE district = 'D07' LIMIT 1"
                                       ).fetchone()[0]
                for label, sql, params in (
                        ("one person by ID number (RLS, all partitions' indexes)",
                         "SELECT * FROM central.accounts WHERE id_number = %s", (person,)),
                        ("the district's worker count (RLS prunes to one partition)",
                         "SELECT count(*) FROM central.workers", None)):
                    runs = []
                    for _ in range(20):
                        start = time.perf_counter()
                        conn.execute(sql, params).fetchall()
                        runs.append(time.perf_counter() - start)
                    print(f"station query, {label}: median {sorted(runs)[10] * 1000:.1f} ms")
            receipts = [i.receipt_number for i in items[:1000]]
            start = time.perf_counter()
            for receipt in receipts:
                central_db.decide(owner, receipt, "approve", "")
            print(f"1,000 decisions: {time.perf_counter() - start:.1f} s", flush=True)
            owner.execute("UPDATE central.accounts SET balance = balance + 1 WHERE account_no IN (SELECT account_no FROM"
                          " central.accounts WHERE district = 'D07' ORDER BY account_no LIMIT 2000)")
            report, elapsed = timed("incremental pull (1,000 decisions + 2,000 changed accounts)", sync_once, store,
                                    factory)
            print(f"  {report.pulled:,} rows")
            feed = owner.execute("SELECT count(*) FROM central.change_feed").fetchone()[0]
            result, elapsed = timed("purge --older-than 0 (one station, fully acknowledged)", central_db.purge_feed,
                                    owner, 0)
            print(f"  removed {result['removed']:,} of {feed:,} feed rows")
            store.close()
    finally:
        destroy_cluster(cluster)


if __name__ == "__main__":
    main()
