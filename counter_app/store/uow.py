"""Unit of work (cosmicpython style): one transaction, the repositories bound to it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine

from counter_app.faults import DAMAGED, Fault, StoreDamaged, classify
from counter_app.store import health
from counter_app.store import schema as s
from counter_app.store import schema_operations as o
from counter_app.store.bulk import insert_tuples
from counter_app.store.engine import write_engine
from counter_app.store.repositories.attachments import AttachmentRepository
from counter_app.store.repositories.funds import (
    AccountRepository,
    LoanRepository,
    PolicyVersionRepository,
    WithdrawalHistoryRepository,
)
from counter_app.store.repositories.local import (
    DraftRepository,
    PrintLogRepository,
    SettingsRepository,
    SyncStateRepository,
)
from counter_app.store.repositories.operations import (
    CaseRepository,
    ComplaintRepository,
    CoverageRepository,
    DailyCloseRepository,
    DeferralRepository,
    RatingRepository,
)
from counter_app.store.repositories.people import EmployerRepository, WorkerRepository
from counter_app.store.repositories.preregistrations import PreregistrationRepository
from counter_app.store.repositories.projects import ProjectRepository
from counter_app.store.repositories.security import AuditRepository, ClerkRepository
from counter_app.store.repositories.work import (
    ApplicationRepository,
    OutboxRepository,
    ReceiptCounterRepository,
    StoreError,
)

REFERENCE_ORIGIN = "reference_origin"  # sync_state: "demo" or "centre"
REFERENCE_TABLES = (s.search_keys, s.withdrawal_history, s.loans, s.accounts, s.workers, s.employers, o.projects)


class UnitOfWork:
    """``with store.unit_of_work(write=True) as uow: …; uow.commit()`` — leaving without commit
    rolls back. A write unit takes SQLite's write lock at its start (BEGIN IMMEDIATE)."""

    workers: WorkerRepository
    employers: EmployerRepository
    accounts: AccountRepository
    loans: LoanRepository
    withdrawals: WithdrawalHistoryRepository
    policies: PolicyVersionRepository
    applications: ApplicationRepository
    outbox: OutboxRepository
    receipts: ReceiptCounterRepository
    settings: SettingsRepository
    sync_state: SyncStateRepository
    drafts: DraftRepository
    print_log: PrintLogRepository
    clerks: ClerkRepository
    audit: AuditRepository
    cases: CaseRepository  # station operations (站务), revision 0004
    complaints: ComplaintRepository
    coverage: CoverageRepository
    deferrals: DeferralRepository
    closes: DailyCloseRepository
    ratings: RatingRepository
    preregistrations: PreregistrationRepository  # 多证合一 pre-registrations, revision 0007
    projects: ProjectRepository  # the centre's projects (楼盘准入), revision 0010
    attachments: AttachmentRepository  # files attached to applications, revision 0009

    def __init__(self, engine: Engine, write: bool = False, path: Path | None = None) -> None:
        self._engine = write_engine(engine) if write else engine
        self.write = write
        self._path = path  # the store file: its damage mark refuses writes, damage met is marked
        self._connection: Connection | None = None

    def __enter__(self) -> UnitOfWork:
        if self._connection is not None:
            raise StoreError("a unit of work cannot be entered twice")
        if self.write and self._path is not None:
            marked = health.damaged_fault(self._path)
            if marked is not None:  # damage found since the store opened: nothing more is written
                raise marked
        c = self._connection = self._engine.connect()
        c.begin()  # BEGIN (IMMEDIATE for a write unit) now, not at the first statement
        self.workers, self.employers = WorkerRepository(c), EmployerRepository(c)
        self.accounts, self.loans = AccountRepository(c), LoanRepository(c)
        self.withdrawals, self.policies = WithdrawalHistoryRepository(c), PolicyVersionRepository(c)
        self.applications, self.outbox = ApplicationRepository(c), OutboxRepository(c)
        self.receipts = ReceiptCounterRepository(c, self.write)
        self.settings, self.sync_state = SettingsRepository(c), SyncStateRepository(c)
        self.drafts, self.print_log = DraftRepository(c), PrintLogRepository(c)
        self.clerks, self.audit = ClerkRepository(c), AuditRepository(c)
        self.cases, self.complaints, self.coverage = CaseRepository(c), ComplaintRepository(c), CoverageRepository(c)
        self.deferrals, self.closes, self.ratings = DeferralRepository(c), DailyCloseRepository(c), RatingRepository(c)
        self.preregistrations = PreregistrationRepository(c)
        self.projects = ProjectRepository(c)
        self.attachments = AttachmentRepository(c)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._connection is not None
        try:
            self._connection.rollback()  # no-op after commit; discards anything uncommitted
        finally:
            self._connection.close()
            self._connection = None
        if exc is not None and self._path is not None and not isinstance(exc, Fault):
            fault = classify(exc, self._path.parent)
            if isinstance(fault, StoreDamaged):  # a read or write met a damaged page: remembered, said plainly
                health.mark_damaged(self._path, str(getattr(exc, "orig", None) or exc).splitlines()[0])
                raise StoreDamaged(DAMAGED) from exc

    def commit(self) -> None:
        """Commit; later statements in the same ``with`` start a new transaction."""
        self._live().commit()

    def rollback(self) -> None:
        self._live().rollback()

    def clear_reference_data(self) -> None:
        """Delete employers, workers, accounts, loans, past withdrawals, projects and search keys
        (before a full reload); the station's own applications, outbox and settings stay."""
        connection = self._live()
        for table in REFERENCE_TABLES:
            connection.execute(table.delete())

    def reference_origin(self) -> str | None:
        """Where the reference data came from: "demo" (the demo city's generator), "centre" (a snapshot
        of a centre), None (not known: tests, stores older than this mark)."""
        origin = self.sync_state.get(REFERENCE_ORIGIN)
        if origin is None and self.settings.get("demo_seeded") and self.sync_state.get("central_feed_cursor") is None:
            return "demo"  # a demo city seeded by --demo before the mark existed, never replaced by a centre's
        return origin

    def set_reference_origin(self, origin: str) -> None:
        self.sync_state.set(REFERENCE_ORIGIN, origin)

    def insert_rows(self, table_name: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        """Rows already in stored form (``bulk.table_rows``) into a table, by one executemany."""
        insert_tuples(self._live(), s.metadata.tables[table_name], columns, rows)

    def _live(self) -> Connection:
        if self._connection is None:
            raise StoreError("the unit of work is not open")
        return self._connection
