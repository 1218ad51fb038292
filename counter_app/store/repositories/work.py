"""The station's own work: applications with their status history, the outbox, receipt numbers."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert

from counter_app.domain.status import ApplicationStatus, check_move
from counter_app.store import schema as s
from counter_app.store.records import ApplicationRecord, OutboxItem, StatusChange
from counter_app.store.repositories._base import Repository, to_record, to_records, values_of
from counter_app.store.types import utc_now

# Statements built once and run with parameters: SQLAlchemy then reuses the compiled SQL without
# coercing each value into the statement (that cost ~0.3 ms per insert on the submit path).
_ADD_OUTBOX = insert(s.outbox).on_conflict_do_nothing(index_elements=["client_id"])
_NEXT_RECEIPT = insert(s.receipt_counters).values(
    station_code=bindparam("station_code"), terminal=bindparam("terminal"), day=bindparam("day"), last_seq=1,
).on_conflict_do_update(
    index_elements=["station_code", "terminal", "day"], set_={"last_seq": s.receipt_counters.c.last_seq + 1},
).returning(s.receipt_counters.c.last_seq)


class StoreError(RuntimeError):
    """Misuse of the store (a programming error, not a clerk's input error)."""


class ApplicationRepository(Repository):
    def add(self, rec: ApplicationRecord, earlier_steps: tuple[str, ...] = ()) -> ApplicationRecord:
        """Insert; fills ``id`` and missing timestamps, and records the status steps: any
        ``earlier_steps`` the application went through at the same moment, then its status
        (``StatusTransitionError`` when the steps are not a path the lifecycle allows)."""
        steps = (*earlier_steps, rec.status)
        for before, after in itertools.pairwise(steps):
            check_move(before, after)
        rec = replace(rec, status=str(ApplicationStatus(rec.status)))
        now = utc_now()
        rec = replace(rec, created_at=rec.created_at or now, updated_at=rec.updated_at or rec.created_at or now)
        new_id = self._c.execute(s.applications.insert(), values_of(rec, exclude=("id",))).inserted_primary_key[0]
        self._c.execute(s.application_status_history.insert(), [
            {"application_id": new_id, "status": str(status), "at": rec.created_at, "by": rec.clerk, "reason": None}
            for status in steps
        ])
        return replace(rec, id=new_id)

    def _history(self, app_id: int, status: str, at: datetime | None, by: str, reason: str | None) -> None:
        self._c.execute(s.application_status_history.insert(), {
            "application_id": app_id, "status": status, "at": at or utc_now(), "by": by, "reason": reason})

    def _one(self, where: Any) -> ApplicationRecord | None:
        return to_record(ApplicationRecord, self._c.execute(select(s.applications).where(where)).first())

    def get(self, app_id: int) -> ApplicationRecord | None:
        return self._one(s.applications.c.id == app_id)

    def get_by_receipt(self, receipt_number: str) -> ApplicationRecord | None:
        return self._one(s.applications.c.receipt_number == receipt_number)

    def get_by_client_id(self, client_id: str) -> ApplicationRecord | None:
        return self._one(s.applications.c.client_id == client_id)

    def query(
        self, status: str | None = None, kind: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[ApplicationRecord]:
        """Newest first."""
        a = s.applications.c
        stmt = select(s.applications).order_by(a.created_at.desc(), a.id.desc()).limit(limit).offset(offset)
        if status is not None:
            stmt = stmt.where(a.status == status)
        if kind is not None:
            stmt = stmt.where(a.kind == kind)
        return to_records(ApplicationRecord, self._c.execute(stmt))

    def count(self, status: str | None = None) -> int:
        stmt = select(func.count()).select_from(s.applications)
        if status is not None:
            stmt = stmt.where(s.applications.c.status == status)
        return int(self._c.execute(stmt).scalar_one())

    def iter_all(self, page: int = 2000) -> Iterator[ApplicationRecord]:
        """Every application in id order, page by page (bounded memory at any size)."""
        after = 0
        while True:
            rows = to_records(ApplicationRecord, self._c.execute(
                select(s.applications).where(s.applications.c.id > after).order_by(s.applications.c.id).limit(page)))
            yield from rows
            if len(rows) < page:
                return
            after = rows[-1].id  # type: ignore[assignment]

    def withdrawals_using(self, document_key: str, subject_key: str, statuses: tuple[str, ...]) -> int:
        """This station's withdrawals in ``statuses`` by *other* workers with this document (the
        expression is that of the index of store revision 0006)."""
        marks = ", ".join("?" * len(statuses))
        return int(self._c.exec_driver_sql(
            "SELECT count(*) FROM applications WHERE kind = 'withdrawal'"
            " AND upper(replace(replace(json_extract(fields, '$.document_no'), ' ', ''), '-', '')) = ?"
            f" AND subject_key <> ? AND status IN ({marks})", (document_key, subject_key, *statuses)).scalar_one())

    def station_codes(self) -> set[str]:
        """The station codes the applications here were numbered under."""
        return {row[0] for row in self._c.execute(select(s.applications.c.station_code).distinct())}

    def for_subject(self, subject_key: str) -> list[ApplicationRecord]:
        a = s.applications.c
        stmt = select(s.applications).where(a.subject_key == subject_key).order_by(a.created_at.desc(), a.id.desc())
        return to_records(ApplicationRecord, self._c.execute(stmt))

    def set_status(
        self, client_id: str, status: str, by: str, reason: str | None = None, at: datetime | None = None
    ) -> ApplicationRecord:
        """Move to ``status`` (the reason, if any, becomes the decision reason) and log the step;
        ``StatusTransitionError`` for a move the lifecycle (``domain.status.TRANSITIONS``) does not allow."""
        current = self.get_by_client_id(client_id)
        if current is None:
            raise KeyError(client_id)
        status = str(check_move(current.status, status))
        at = at or utc_now()
        changes: dict[str, Any] = {"status": status, "updated_at": at}
        if reason is not None:
            changes["decision_reason"] = reason
        self._c.execute(update(s.applications).where(s.applications.c.id == current.id).values(changes))
        self._history(current.id, status, at, by, reason)  # type: ignore[arg-type]
        return replace(current, **changes)

    def set_conflict(self, client_id: str, conflict: dict[str, Any] | None) -> None:
        """Attach (or clear) what the centre found conflicting, for a human to resolve."""
        self._c.execute(
            update(s.applications).where(s.applications.c.client_id == client_id)
            .values(conflict=conflict, updated_at=utc_now())
        )

    def history(self, client_id: str) -> list[StatusChange]:
        h = s.application_status_history
        stmt = (
            select(h.c.status, h.c.at, h.c.by, h.c.reason)
            .join(s.applications, s.applications.c.id == h.c.application_id)
            .where(s.applications.c.client_id == client_id).order_by(h.c.id)
        )
        return to_records(StatusChange, self._c.execute(stmt))


class OutboxRepository(Repository):
    def add(self, client_id: str, topic: str, payload: Any) -> OutboxItem:
        """Queue ``payload``; adding the same client id twice keeps the first (idempotent)."""
        self._c.execute(_ADD_OUTBOX, {"client_id": client_id, "topic": topic, "payload": payload,
                                      "created_at": utc_now()})
        return self.get(client_id)  # type: ignore[return-value]

    def get(self, client_id: str) -> OutboxItem | None:
        return to_record(OutboxItem, self._c.execute(select(s.outbox).where(s.outbox.c.client_id == client_id)).first())

    def pending(self, limit: int = 100) -> list[OutboxItem]:
        """Not yet acknowledged nor rejected, oldest first."""
        o = s.outbox.c
        stmt = select(s.outbox).where(o.rejected_at.is_(None)).order_by(o.id).limit(limit)
        return to_records(OutboxItem, self._c.execute(stmt))

    def claim(self, limit: int = 100) -> list[OutboxItem]:
        """The next batch to send, each row's ``attempts`` counted before it leaves (call in a write
        unit of work and commit before sending). From then on the centre may hold the row, even when
        its acknowledgement is lost, so the station no longer withdraws it on its own (see
        ``cancel_application``); the batch is exactly what was counted, so nothing withdrawn in
        between is sent."""
        items = self.pending(limit)
        if items:
            self._c.execute(update(s.outbox).where(s.outbox.c.id.in_([i.id for i in items]))
                            .values(attempts=s.outbox.c.attempts + 1))
        return [replace(item, attempts=item.attempts + 1) for item in items]

    def iter_topic(self, topic: str, page: int = 2000) -> Iterator[OutboxItem]:
        """Every row of ``topic`` (refused ones too) in id order, page by page."""
        after = 0
        while True:
            o = s.outbox.c
            rows = to_records(OutboxItem, self._c.execute(
                select(s.outbox).where(o.topic == topic, o.id > after).order_by(o.id).limit(page)))
            yield from rows
            if len(rows) < page:
                return
            after = rows[-1].id

    def count_pending(self) -> int:
        stmt = select(func.count()).select_from(s.outbox).where(s.outbox.c.rejected_at.is_(None))
        return int(self._c.execute(stmt).scalar_one())

    def ack(self, client_ids: Iterable[str]) -> int:
        """The centre has them: remove from the outbox. Returns how many rows left."""
        ids = list(client_ids)
        if not ids:
            return 0
        return self._c.execute(delete(s.outbox).where(s.outbox.c.client_id.in_(ids))).rowcount

    def reject(self, client_id: str, reason: str) -> None:
        """The centre refused this row: keep it aside with the reason (never blocks the rest)."""
        self._c.execute(
            update(s.outbox).where(s.outbox.c.client_id == client_id)
            .values(rejected_reason=reason, rejected_at=utc_now())
        )

    def record_failure(self, client_ids: Iterable[str], error: str) -> None:
        """A push attempt failed (network, server): keep the last error (``claim`` counted the attempt)."""
        self._c.execute(
            update(s.outbox).where(s.outbox.c.client_id.in_(list(client_ids))).values(last_error=error)
        )

    def rejected(self) -> list[OutboxItem]:
        o = s.outbox.c
        return to_records(OutboxItem, self._c.execute(select(s.outbox).where(o.rejected_at.is_not(None)).order_by(o.id)))


class ReceiptCounterRepository(Repository):
    def __init__(self, connection: Connection, write: bool) -> None:
        super().__init__(connection)
        self._write = write

    def next_number(self, station_code: str, terminal: str, day: date) -> str:
        """``STATION-TERMINAL-YYYYMMDD-NNNN``; the counter moves inside the caller's transaction,
        so a rolled-back application consumes no number and two processes never share one."""
        if not self._write:
            raise StoreError("receipt numbers need store.unit_of_work(write=True)")
        ymd = day.strftime("%Y%m%d")
        seq = self._c.execute(_NEXT_RECEIPT, {"station_code": station_code, "terminal": terminal, "day": ymd}).scalar_one()
        return f"{station_code}-{terminal}-{ymd}-{seq:04d}"
