"""Finding people and employers at the counter, and their cards (查询)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from counter_app.domain.businesses import BUSINESSES
from counter_app.domain.normalize import normalize_code, valid_text
from counter_app.services import audit
from counter_app.services.business_rules import subject_problems
from counter_app.services.counter import Counter
from counter_app.services.views import RecordView, record_view
from counter_app.store.uow import UnitOfWork


@dataclass(frozen=True)
class PersonCard:
    """Everything the clerk needs about one worker on one screen."""

    worker: Any  # WorkerRecord
    accounts: list[Any] = field(default_factory=list)
    employer: Any | None = None
    loans: list[Any] = field(default_factory=list)
    withdrawals: list[Any] = field(default_factory=list)
    applications: list[RecordView] = field(default_factory=list)
    # Businesses that do not apply to this worker now (kind → why, from the business's subject rule):
    # the card does not offer them (no 开户 for an active account, no 提取 without one).
    unavailable: dict[str, str] = field(default_factory=dict)


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
            unavailable=_unavailable(uow, id_number),
        )
    if audited:
        audit.record(counter, "lookup", audit.masked(id_number), {"via": "card"})
    return card


def _unavailable(uow: UnitOfWork, id_number: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, spec in BUSINESSES.items():
        if spec.subject_field == "id_number":
            errors = subject_problems(uow, kind, id_number).errors
            if errors:
                out[kind] = errors[0].message
    return out


@dataclass(frozen=True)
class EmployerChoice:
    """One employer in the picker of a USCC field: what it shows, what it matches, what it fills."""

    uscc: str
    name: str
    worker_ratio: str | None  # percent as a decimal string ("12"), as the form takes it
    employer_ratio: str | None
    keys: str  # pinyin keys (full and initials), space-separated


def employer_choices(counter: Counter) -> list[EmployerChoice]:
    """Every employer of the local store, by name (offline; the picker filters them as the clerk types)."""
    with counter.store.unit_of_work() as uow:
        rows = uow.employers.picker_rows()
    return [EmployerChoice(uscc, name, _ratio(worker), _ratio(employer), keys or "")
            for uscc, name, worker, employer, keys in rows]


def _ratio(value: Any) -> str | None:
    return None if value is None else format(value.normalize() if hasattr(value, "normalize") else value, "f")


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
