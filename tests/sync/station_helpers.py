"""Shared by the station-side sync tests: queue applications as the counter does, connect as a station."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone

import psycopg

from counter_app.services.applications import outbox_payload
from counter_app.store import Store
from counter_app.store.records import ApplicationRecord


def queue(store: Store, station: str, n: int = 1, kind: str = "withdrawal", subject: str | None = None,
          receipt_prefix: str | None = None) -> list[str]:
    """Applications as the counter takes them: stored, status queued, one outbox row each."""
    ids = []
    with store.unit_of_work(write=True) as uow:
        for _ in range(n):
            cid = str(uuid.uuid4())
            number = uow.receipts.next_number(station, "01", date(2026, 11, 23))
            rec = ApplicationRecord(
                client_id=cid, receipt_number=(receipt_prefix + number) if receipt_prefix else number,
                kind=kind, status="queued", subject_key=subject or f"1101011990{uuid.uuid4().int % 10**8:08d}",
                subject_name="张三", fields={"amount": "1200.00"}, materials=["id_card"], clerk="clerk01",
                station_code=station, terminal="01", created_at=datetime.now(timezone.utc),
            )
            uow.applications.add(rec)
            uow.outbox.add(cid, "application", outbox_payload(rec))
            ids.append(cid)
        uow.commit()
    return ids


def factory(station):
    return lambda: psycopg.connect(station.dsn, autocommit=True, connect_timeout=5)
