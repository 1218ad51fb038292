"""The station's local store (SQLite): records, repositories, unit of work, search, migrations."""

from counter_app.store.records import (
    AccountRecord,
    ApplicationRecord,
    CollectionContact,
    Draft,
    EmployerRecord,
    LoanRecord,
    OutboxItem,
    PastWithdrawalRecord,
    PolicyVersionRecord,
    PrintLogEntry,
    SearchHit,
    StatusChange,
    WorkerRecord,
)
from counter_app.store.repositories.work import StoreError
from counter_app.store.store import DB_FILENAME, Store
from counter_app.store.uow import UnitOfWork

__all__ = [
    "DB_FILENAME", "AccountRecord", "ApplicationRecord", "CollectionContact", "Draft", "EmployerRecord", "LoanRecord",
    "OutboxItem", "PastWithdrawalRecord", "PolicyVersionRecord", "PrintLogEntry", "SearchHit",
    "StatusChange", "Store", "StoreError", "UnitOfWork", "WorkerRecord",
]
