"""Shared by the sync tests: the central database with per-test station roles, queued applications."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

from counter_app.services import station_records
from counter_app.services.applications import outbox_payload
from counter_app.store import Store
from counter_app.store.records import ApplicationRecord
from counter_app.sync import central_db


@dataclass
class Station:
    code: str
    role: str
    password: str
    district: str
    dsn: str

    def connect(self, **kwargs) -> psycopg.Connection:
        return psycopg.connect(self.dsn, autocommit=True, **kwargs)


@dataclass
class Central:
    """An initialised central database; roles are cluster-wide, so every name carries a unique suffix."""

    dsn: str
    group: str
    stations: list[Station] = field(default_factory=list)

    def connect(self, **kwargs) -> psycopg.Connection:
        return psycopg.connect(self.dsn, autocommit=True, **kwargs)

    def add_station(self, district: str = "D1", name: str = "测试服务站") -> Station:
        code = "S" + uuid.uuid4().hex[:8].upper()
        with self.connect() as conn:
            creds = central_db.add_station(conn, code, name, district)
        station = Station(creds.code, creds.role, creds.password, district,
                          make_conninfo(self.dsn, user=creds.role, password=creds.password))
        self.stations.append(station)
        return station


def drop_roles(dsn: str, roles: list[str]) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        for role in roles:
            conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def queue(store: Store, station: str, n: int = 1, kind: str = "withdrawal", subject: str | None = None,
          receipt_prefix: str | None = None, fields: dict[str, str] | None = None) -> list[str]:
    """Applications as the counter takes them: stored, status queued, one outbox row each."""
    ids = []
    with store.unit_of_work(write=True) as uow:
        for _ in range(n):
            cid = str(uuid.uuid4())
            number = uow.receipts.next_number(station, "01", date(2026, 11, 23))
            rec = ApplicationRecord(
                client_id=cid, receipt_number=(receipt_prefix + number) if receipt_prefix else number,
                kind=kind, status="queued", subject_key=subject or f"1101011990{uuid.uuid4().int % 10**8:08d}",
                subject_name="张三", fields=fields or {"amount": "1200.00"}, materials=["id_card"], clerk="clerk01",
                station_code=station, terminal="01", created_at=datetime.now(UTC),
            )
            uow.applications.add(rec)
            uow.outbox.add(cid, "application", outbox_payload(rec))
            ids.append(cid)
        uow.commit()
    return ids


def factory(station):
    return lambda: psycopg.connect(station.dsn, autocommit=True, connect_timeout=5)


def queue_records(counter, n: int) -> list[tuple[str, str]]:
    """``n`` station records of every kind, queued as the services queue them (sealed with the key)."""
    ids = []
    with counter.store.unit_of_work(write=True) as uow:
        for i in range(n):
            kind = station_records.KINDS[i % len(station_records.KINDS)]
            key = f"K{random.getrandbits(48):012x}"
            ids.append((station_records.queue(counter, uow, kind, key, {"n": i, "note": "测试"}), kind))
        uow.commit()
    return ids
