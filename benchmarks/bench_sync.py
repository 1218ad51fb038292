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
import tracemalloc
import uuid
from datetime import datetime, timezone
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
ROUNDS = 3

_INSERT = (
    "INSERT INTO central.inbox (client_id, station_code, terminal, receipt_number, kind, subject_key, fields,"
    " materials, clerk, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s::jsonb, %s::jsonb, %s, %s)"
    " ON CONFLICT (client_id) DO NOTHING"
)


def make_items(station: str, n: int) -> list[OutboxPayload]:
    created = datetime.now(timezone.utc)
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

    cols = "client_id, station_code, terminal, receipt_number, kind, subject_key, fields, materials, clerk, created_at"
    start = time.perf_counter()
    with conn.transaction(), conn.cursor().copy(f"COPY central.inbox ({cols}) FROM STDIN") as copy:
        for i in items:
            copy.write_row((i.client_id, i.station_code, i.terminal, i.receipt_number, i.kind, i.subject_key,
                            json.dumps(i.fields, ensure_ascii=False), json.dumps(i.materials), i.clerk,
                            i.created_at))
    return time.perf_counter() - start


def timed_push(conn: psycopg.Connection, items: list[OutboxPayload]) -> float:
    start = time.perf_counter()
    result = push_batch(conn, items)
    elapsed = time.perf_counter() - start
    assert len(result.acked) == len(items) and not result.rejected
    return elapsed


def _clear(owner: psycopg.Connection) -> None:
    owner.execute("TRUNCATE central.inbox, central.decisions, central.account_claims, central.conflicts,"
                  " central.change_feed")
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
                import bench_sync_pull

                bench_sync_pull.bench_pull(owner, station_dsn, args.pull_rows, Path(tempfile.mkdtemp()))
    finally:
        destroy_cluster(cluster)


if __name__ == "__main__":
    main()
