"""Finding people and employers at the counter, and their cards (查询)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from counter_app.domain.normalize import normalize_code, valid_text
from counter_app.services import audit
from counter_app.services.counter import Counter
from counter_app.services.views import RecordView, record_view


@dataclass(frozen=True)
class PersonCard:
    """Everything the clerk needs about one worker on one screen."""

    worker: Any  # WorkerRecord
    accounts: list[Any] = field(default_factory=list)
    employer: Any | None = None
    loans: list[Any] = field(default_factory=list)
    withdrawals: list[Any] = field(default_factory=list)
    applications: list[RecordView] = field(default_factory=list)


@dataclass(frozen=True)
class EmployerCard:
    employer: Any  # EmployerRecord
    applications: list[RecordView] = field(default_factory=list)


def search(counter: Counter, text: str, limit: int = 50) -> list[Any]:
    """Workers and employers matching an ID, USCC, account number, name or pinyin, best first."""
    if not text or not text.strip():
        return []
    return counter.store.search(valid_text(text), limit=limit)


def person_card(counter: Counter, id_number: str, *, audited: bool = True) -> PersonCard | None:
    """A worker's card; each lookup that finds someone is audited (``audited=False`` for internal use)."""
    id_number = normalize_code(id_number)  # as typed: full-width, lower-case x; applications are keyed normalised
    with counter.store.unit_of_work() as uow:
        worker = uow.workers.get(id_number)
        if worker is None:
            return None
        accounts = uow.accounts.for_person(id_number)
        employer_uscc = worker.employer_uscc or next((a.employer_uscc for a in accounts if a.employer_uscc), None)
        card = PersonCard(
            worker=worker,
            accounts=accounts,
            employer=uow.employers.get(employer_uscc) if employer_uscc else None,
            loans=uow.loans.for_person(id_number),
            withdrawals=uow.withdrawals.for_person(id_number),
            applications=[record_view(a) for a in uow.applications.for_subject(id_number)],
        )
    if audited:
        audit.record(counter, "lookup", audit.masked(id_number), {"via": "card"})
    return card


REVEALABLE = {"id_number": "证件号码", "bank_card": "银行卡号"}


def reveal(counter: Counter, id_number: str, field: str) -> str | None:
    """The full ID or bank card number of a worker (shown masked by default); audited."""
    if field not in REVEALABLE:
        raise ValueError(f"not a revealable field: {field}")
    key = normalize_code(id_number)
    with counter.store.unit_of_work() as uow:
        worker = uow.workers.get(key)
    value = getattr(worker, field, None) if worker is not None else None
    if value:
        audit.record(counter, "reveal", audit.masked(key), {"field": field})
    return value or None


def employer_card(counter: Counter, uscc: str) -> EmployerCard | None:
    uscc = normalize_code(uscc)
    with counter.store.unit_of_work() as uow:
        employer = uow.employers.get(uscc)
        if employer is None:
            return None
        return EmployerCard(employer=employer, applications=[record_view(a) for a in uow.applications.for_subject(uscc)])
