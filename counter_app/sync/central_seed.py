"""``counter-central seed-demo``: load the demo city's reference data into the central database.

The demo generator yields plain records (``counter_app.demo``); they are COPYed into the reference
tables in one transaction (the owner bypasses row-level security, so COPY is allowed), and the
statement-level feed triggers put every row into the change feed for the stations to pull.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import psycopg

from counter_app.demo import generate_city
from counter_app.domain.policy import PolicyBook, default_policy
from counter_app.sync.central_db import CentralError
from counter_app.sync.reference import columns


def _copy(conn: psycopg.Connection, table: str, cols: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    count = 0
    with conn.cursor().copy(f"COPY central.{table} ({', '.join(cols)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def _records(conn: psycopg.Connection, table: str, records: Sequence[Any], district_of) -> int:
    if not records:
        return 0
    # Central reference columns are named after the store's record fields, plus the district.
    cols = tuple(c for c in columns(type(records[0])) if c != "district")
    rows = ([getattr(r, c) for c in cols] + [district_of(r)] for r in records)
    return _copy(conn, table, (*cols, "district"), rows)


def publish_policy(conn: psycopg.Connection, book: PolicyBook, district: str | None = None) -> str:
    """Publish a policy file to the stations (all of them, or one district's); returns its label."""
    label = f"{Path(book.source).stem}-{book.sha256[:12]}"
    conn.execute(
        "INSERT INTO central.policy_versions (label, effective_from, toml, district) VALUES (%s, %s, %s, %s)"
        " ON CONFLICT (label) DO NOTHING",
        (label, book.versions[0].effective_from, book.text, district),
    )
    return label


def seed_demo(conn: psycopg.Connection, workers: int = 2000, employers: int = 100, seed: int = 1) -> dict[str, int]:
    """Generate the demo city and load it; refuses to load twice (exit with the counts loaded)."""
    if conn.execute("SELECT EXISTS (SELECT 1 FROM central.workers)").fetchone()[0]:
        raise CentralError("dsn", "中心数据库已有职工数据，演示数据只能载入一次")
    city = generate_city(workers=workers, employers=employers, seed=seed)
    employer_district = {e.uscc: e.district or "" for e in city.employers}
    worker_district = {w.id_number: employer_district.get(w.employer_uscc or "", "") for w in city.workers}
    with conn.transaction():
        counts = {
            "employers": _records(conn, "employers", city.employers, lambda r: r.district or ""),
            "workers": _records(conn, "workers", city.workers, lambda r: worker_district[r.id_number]),
            "accounts": _records(conn, "accounts", city.accounts, lambda r: worker_district[r.id_number]),
            "loans": _records(conn, "loans", city.loans, lambda r: worker_district[r.id_number]),
            "withdrawal_history": _records(
                conn, "withdrawal_history", city.withdrawals, lambda r: worker_district[r.id_number]),
            # developers' estates as the centre decided them: admitted, one expired, one suspended
            "projects": _records(conn, "projects", city.projects, lambda r: r.district),
        }
        publish_policy(conn, default_policy())
        counts["policy_versions"] = 1
    return counts
