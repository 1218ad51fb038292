"""Repositories of the station's operations: coverage, cases, complaints, deferrals, closes, ratings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.dialects.sqlite import insert

from counter_app.domain.status import AccountStatus
from counter_app.store import schema as s
from counter_app.store import schema_operations as o
from counter_app.store.records import ApplicationRecord, PrintLogEntry
from counter_app.store.records_operations import (
    CandidateRecord,
    CaseEventRecord,
    CaseRecord,
    ComplaintRecord,
    CoverageTarget,
    DailyCloseRecord,
    DeferralRecord,
    DeferralWorker,
    PaybackRecord,
    RatingRecord,
)
from counter_app.store.repositories._base import Repository, to_record, to_records, values_of
from counter_app.store.types import utc_now

NORMAL = AccountStatus.NORMAL  # contributing normally
IN_CHUNK = 500  # keys per IN (…) list: well under SQLite's bound-parameter limit


def rows_where_in(connection: Any, columns: tuple[Any, ...], key: Any, values: Iterable[Any]) -> list[Any]:
    """SELECT ``columns`` WHERE ``key`` IN ``values``, a chunk of keys at a time."""
    wanted, rows = list(dict.fromkeys(values)), []
    for start in range(0, len(wanted), IN_CHUNK):
        rows += connection.execute(select(*columns).where(key.in_(wanted[start:start + IN_CHUNK]))).all()
    return rows


class CoverageRepository(Repository):
    """Targets, imported staff counts, and the store facts progress and candidates are made of."""

    def set_target(self, rec: CoverageTarget) -> CoverageTarget:
        """Insert, or replace the target of the same scope and period."""
        rec = replace(rec, set_at=rec.set_at or utc_now())
        stmt = insert(o.coverage_targets).values(values_of(rec, exclude=("id",)))
        keys = ("scope_kind", "scope", "period_start", "period_end")
        self._c.execute(stmt.on_conflict_do_update(
            index_elements=list(keys),
            set_={k: stmt.excluded[k] for k in ("target", "source", "set_by", "set_at")},
        ))
        t = o.coverage_targets.c
        row = self._c.execute(select(o.coverage_targets).where(*(t[k] == getattr(rec, k) for k in keys))).first()
        return to_record(CoverageTarget, row)  # type: ignore[return-value]

    def targets(self, on: date | None = None) -> list[CoverageTarget]:
        """All targets (those whose period holds ``on``), newest period first."""
        t = o.coverage_targets.c
        stmt = select(o.coverage_targets).order_by(t.period_start.desc(), t.scope_kind, t.scope)
        if on is not None:
            stmt = stmt.where(t.period_start <= on, t.period_end >= on)
        return to_records(CoverageTarget, self._c.execute(stmt))

    def import_candidates(self, rows: Iterable[CandidateRecord]) -> int:
        """Upsert staff counts by USCC (a newer list replaces an older one's row)."""
        count = 0
        for rec in rows:
            rec = replace(rec, imported_at=rec.imported_at or utc_now())
            stmt = insert(o.coverage_candidates).values(values_of(rec))
            changed = {k: stmt.excluded[k] for k in values_of(rec) if k != "uscc"}
            self._c.execute(stmt.on_conflict_do_update(index_elements=["uscc"], set_=changed))
            count += 1
        return count

    def candidates(self) -> list[CandidateRecord]:
        return to_records(CandidateRecord, self._c.execute(select(o.coverage_candidates).order_by(o.coverage_candidates.c.uscc)))

    def employers(self, usccs: Iterable[str]) -> dict[str, Any]:
        """uscc → (name, registered, township, contact_mobile, insured_staff) for the known ones."""
        e = s.employers.c
        columns = (e.uscc, e.name, e.registered, e.township, e.contact_mobile, e.insured_staff)
        return {row.uscc: row for row in rows_where_in(self._c, columns, e.uscc, usccs)}

    def normal_accounts_by_employer(self) -> dict[str, int]:
        a = s.accounts.c
        stmt = (select(a.employer_uscc, func.count()).where(a.status == NORMAL, a.employer_uscc.is_not(None))
                .group_by(a.employer_uscc))
        return {uscc: int(n) for uscc, n in self._c.execute(stmt)}

    def accounts_opened(self, start: date, end: date) -> list[tuple[str, str | None, date]]:
        """(id_number, employer_uscc, opened_on) of accounts opened from ``start`` to ``end``."""
        a = s.accounts.c
        stmt = select(a.id_number, a.employer_uscc, a.opened_on).where(a.opened_on >= start, a.opened_on <= end)
        return [(r.id_number, r.employer_uscc, r.opened_on) for r in self._c.execute(stmt)]


class CaseRepository(Repository):
    """Enforcement cases and their steps."""

    def add(self, case: CaseRecord, first: CaseEventRecord) -> CaseRecord:
        now = utc_now()
        case = replace(case, created_at=case.created_at or now, updated_at=case.updated_at or now)
        new_id = self._c.execute(o.enforcement_cases.insert().values(values_of(case, exclude=("id",)))).inserted_primary_key[0]
        self.add_event(new_id, first)
        return replace(case, id=new_id)

    def add_event(self, case_id: int, event: CaseEventRecord) -> CaseEventRecord:
        event = replace(event, case_id=case_id, at=event.at or utc_now())
        new_id = self._c.execute(o.case_events.insert().values(values_of(event, exclude=("id",)))).inserted_primary_key[0]
        return replace(event, id=new_id)

    def update(self, case_no: str, **changes: Any) -> CaseRecord:
        changes.setdefault("updated_at", utc_now())
        self._c.execute(update(o.enforcement_cases).where(o.enforcement_cases.c.case_no == case_no).values(changes))
        return self.get(case_no)  # type: ignore[return-value]

    def get(self, case_no: str) -> CaseRecord | None:
        return to_record(CaseRecord, self._c.execute(
            select(o.enforcement_cases).where(o.enforcement_cases.c.case_no == case_no)).first())

    def get_by_id(self, case_id: int) -> CaseRecord | None:
        return to_record(CaseRecord, self._c.execute(
            select(o.enforcement_cases).where(o.enforcement_cases.c.id == case_id)).first())

    def query(self, state: str | None = None, uscc: str | None = None, open_only: bool = False) -> list[CaseRecord]:
        """Newest first."""
        c = o.enforcement_cases.c
        stmt = select(o.enforcement_cases).order_by(c.opened_on.desc(), c.id.desc())
        if state is not None:
            stmt = stmt.where(c.state == state)
        if uscc is not None:
            stmt = stmt.where(c.uscc == uscc)
        if open_only:
            stmt = stmt.where(c.state != "closed")
        return to_records(CaseRecord, self._c.execute(stmt))

    def events(self, case_id: int) -> list[CaseEventRecord]:
        e = o.case_events.c
        return to_records(CaseEventRecord, self._c.execute(
            select(o.case_events).where(e.case_id == case_id).order_by(e.id)))


class ComplaintRepository(Repository):
    def add(self, rec: ComplaintRecord) -> ComplaintRecord:
        rec = replace(rec, created_at=rec.created_at or utc_now())
        new_id = self._c.execute(o.complaints.insert().values(values_of(rec, exclude=("id",)))).inserted_primary_key[0]
        return replace(rec, id=new_id)

    def get(self, complaint_no: str) -> ComplaintRecord | None:
        return to_record(ComplaintRecord, self._c.execute(
            select(o.complaints).where(o.complaints.c.complaint_no == complaint_no)).first())

    def update(self, complaint_no: str, **changes: Any) -> ComplaintRecord:
        self._c.execute(update(o.complaints).where(o.complaints.c.complaint_no == complaint_no).values(changes))
        return self.get(complaint_no)  # type: ignore[return-value]

    def query(self, status: str | None = None, case_id: int | None = None, uscc: str | None = None) -> list[ComplaintRecord]:
        """Newest first."""
        c = o.complaints.c
        stmt = select(o.complaints).order_by(c.received_on.desc(), c.id.desc())
        if status is not None:
            stmt = stmt.where(c.status == status)
        if case_id is not None:
            stmt = stmt.where(c.case_id == case_id)
        if uscc is not None:
            stmt = stmt.where(c.uscc == uscc)
        return to_records(ComplaintRecord, self._c.execute(stmt))


class DeferralRepository(Repository):
    def add(self, rec: DeferralRecord, workers: Iterable[DeferralWorker], plan: Iterable[PaybackRecord]) -> DeferralRecord:
        rec = replace(rec, created_at=rec.created_at or utc_now())
        new_id = self._c.execute(o.deferrals.insert().values(values_of(rec, exclude=("id",)))).inserted_primary_key[0]
        self._insert_many(o.deferral_workers, [{**values_of(w), "deferral_id": new_id} for w in workers])
        self._insert_many(o.deferral_paybacks, [{**values_of(p), "deferral_id": new_id} for p in plan])
        return replace(rec, id=new_id)

    def get(self, deferral_id: int) -> DeferralRecord | None:
        return to_record(DeferralRecord, self._c.execute(select(o.deferrals).where(o.deferrals.c.id == deferral_id)).first())

    def query(self, uscc: str | None = None) -> list[DeferralRecord]:
        d = o.deferrals.c
        stmt = select(o.deferrals).order_by(d.approved_on.desc(), d.id.desc())
        if uscc is not None:
            stmt = stmt.where(d.uscc == uscc)
        return to_records(DeferralRecord, self._c.execute(stmt))

    def workers(self, deferral_id: int) -> list[DeferralWorker]:
        w = o.deferral_workers.c
        return to_records(DeferralWorker, self._c.execute(
            select(o.deferral_workers).where(w.deferral_id == deferral_id).order_by(w.id)))

    def plan(self, deferral_id: int) -> list[PaybackRecord]:
        p = o.deferral_paybacks.c
        return to_records(PaybackRecord, self._c.execute(
            select(o.deferral_paybacks).where(p.deferral_id == deferral_id).order_by(p.seq)))

    def mark_paid(self, deferral_id: int, seq: int, paid_on: date) -> bool:
        p = o.deferral_paybacks.c
        stmt = update(o.deferral_paybacks).where(p.deferral_id == deferral_id, p.seq == seq, p.paid_on.is_(None))
        return self._c.execute(stmt.values(paid_on=paid_on)).rowcount == 1


class DailyCloseRepository(Repository):
    """Closed days, and the day's records a close is made of.

    A day of one scope may be closed, reopened by a supervisor and closed again: each close is a row
    with its revision; the day is closed while its latest row is not reopened.
    """

    def add(self, rec: DailyCloseRecord) -> DailyCloseRecord:
        """Insert; a second close of the same day, scope and revision violates the unique key (IntegrityError)."""
        new_id = self._c.execute(o.daily_closes.insert().values(values_of(rec, exclude=("id",)))).inserted_primary_key[0]
        return replace(rec, id=new_id)

    def get(self, day: date, scope: str) -> DailyCloseRecord | None:
        """The close in force (not reopened) of ``day`` and ``scope``, if the day is closed."""
        d = o.daily_closes.c
        return to_record(DailyCloseRecord, self._c.execute(
            select(o.daily_closes).where(d.day == day, d.scope == scope, d.reopened_at.is_(None))).first())

    def history(self, day: date, scope: str) -> list[DailyCloseRecord]:
        """Every close of ``day`` and ``scope``, first revision first (reopened ones included)."""
        d = o.daily_closes.c
        return to_records(DailyCloseRecord, self._c.execute(
            select(o.daily_closes).where(d.day == day, d.scope == scope).order_by(d.revision)))

    def reopen(self, close_id: int, at: datetime, by: str, reason: str, approved_by: str | None) -> bool:
        """Mark a close reopened; False when someone reopened it a moment ago."""
        d = o.daily_closes.c
        stmt = update(o.daily_closes).where(d.id == close_id, d.reopened_at.is_(None)).values(
            reopened_at=at, reopened_by=by, reopen_reason=reason, reopen_approved_by=approved_by)
        return self._c.execute(stmt).rowcount == 1

    def first_closed(self, day: date, scopes: tuple[str, ...]) -> DailyCloseRecord | None:
        """The close in force of ``day`` under any of ``scopes`` (one query on the submit path)."""
        d = o.daily_closes.c
        # OR of plain comparisons: an IN list would be re-rendered at every execution.
        return to_record(DailyCloseRecord, self._c.execute(
            select(o.daily_closes).where(d.day == day, d.reopened_at.is_(None),
                                         or_(*(d.scope == scope for scope in scopes))).limit(1)).first())

    def query(self, day: date | None = None) -> list[DailyCloseRecord]:
        d = o.daily_closes.c
        stmt = select(o.daily_closes).order_by(d.day.desc(), d.scope, d.revision)
        if day is not None:
            stmt = stmt.where(d.day == day)
        return to_records(DailyCloseRecord, self._c.execute(stmt))

    def applications_between(self, start: datetime, end: datetime, clerk: str | None = None,
                             kind: str | None = None) -> list[ApplicationRecord]:
        """Applications taken in [start, end) (UTC instants), oldest first."""
        a = s.applications.c
        stmt = select(s.applications).where(a.created_at >= start, a.created_at < end).order_by(a.created_at, a.id)
        if clerk is not None:
            stmt = stmt.where(a.clerk == clerk)
        if kind is not None:
            stmt = stmt.where(a.kind == kind)
        return to_records(ApplicationRecord, self._c.execute(stmt))

    def prints_between(self, start: datetime, end: datetime, document: str = "receipt") -> list[PrintLogEntry]:
        p = s.print_log.c
        stmt = select(s.print_log).where(p.document == document, p.at >= start, p.at < end).order_by(p.id)
        return to_records(PrintLogEntry, self._c.execute(stmt))

    def unsent(self, client_ids: Iterable[str]) -> set[str]:
        """Of ``client_ids``, those still in the outbox (waiting, or rejected by the centre)."""
        key = s.outbox.c.client_id
        return {row[0] for row in rows_where_in(self._c, (key,), key, client_ids)}

    def receipt_counters(self, station_code: str, day: date) -> dict[str, int]:
        """terminal → the last receipt sequence handed out that day (counters of receipts only)."""
        r = s.receipt_counters.c
        stmt = select(r.terminal, r.last_seq).where(r.station_code == station_code, r.day == day.strftime("%Y%m%d"))
        return {t: int(n) for t, n in self._c.execute(stmt) if t.isdigit()}


class RatingRepository(Repository):
    def add(self, rec: RatingRecord) -> RatingRecord:
        """Insert; a second rating of the same application violates the unique key."""
        self._c.execute(o.service_ratings.insert().values(values_of(rec)))
        return rec

    def get(self, receipt_number: str) -> RatingRecord | None:
        return to_record(RatingRecord, self._c.execute(
            select(o.service_ratings).where(o.service_ratings.c.receipt_number == receipt_number)).first())

    def for_receipts(self, receipt_numbers: Iterable[str]) -> dict[str, int]:
        r = o.service_ratings.c
        return {n: int(v) for n, v in rows_where_in(self._c, (r.receipt_number, r.score), r.receipt_number, receipt_numbers)}

    def between(self, start: datetime, end: datetime) -> list[RatingRecord]:
        r = o.service_ratings.c
        return to_records(RatingRecord, self._c.execute(
            select(o.service_ratings).where(and_(r.at >= start, r.at < end)).order_by(r.id)))
