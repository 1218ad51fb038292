"""Finding people and employers at the counter, and their cards (查询)."""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import fields as dc_fields
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from counter_app.domain.businesses import BUSINESSES
from counter_app.domain.normalize import normalize_code, valid_text
from counter_app.domain.status import CONFLICT_OR_OPEN
from counter_app.services import audit
from counter_app.services.business_rules import subject_problems
from counter_app.services.counter import Counter
from counter_app.services.views import RecordView, record_view
from counter_app.store.records import ApplicationRecord, EmployerRecord, WorkerRecord
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
    # Receipt numbers of this station's undecided registration of the person (待中心审核); when the
    # centre has no record of them yet, ``worker`` is what the account opening's form gave.
    pending: tuple[str, ...] = ()
    provisional: bool = False  # known only from ``pending``: not the centre's record


@dataclass(frozen=True)
class EmployerCard:
    employer: Any  # EmployerRecord
    applications: list[RecordView] = field(default_factory=list)
    pending: tuple[str, ...] = ()  # as on the person card
    provisional: bool = False
    unavailable: dict[str, str] = field(default_factory=dict)  # as on the person card


def search(counter: Counter, text: str, limit: int = 50) -> list[Any]:
    """Workers and employers matching an ID, USCC, account number, name or pinyin, best first."""
    if not text or not text.strip():
        return []
    return counter.store.search(valid_text(text), limit=limit)


def person_card(counter: Counter, id_number: str, *, audited: bool = True) -> PersonCard | None:
    """A worker's card; each lookup that finds someone is audited (``audited=False`` for internal use)."""
    id_number = normalize_code(id_number)  # as typed: full-width, lower-case x; applications are keyed normalised
    with counter.store.unit_of_work() as uow:
        applications = uow.applications.for_subject(id_number)
        pending = _pending(applications, "id_number")
        worker = uow.workers.get(id_number)
        provisional = worker is None
        if worker is None:
            worker = _provisional(WorkerRecord, applications, "id_number")
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
            applications=[record_view(a) for a in applications],
            unavailable={**_unavailable(uow, id_number), **_registering(applications, "id_number")},
            pending=pending,
            provisional=provisional,
        )
    if audited:
        audit.record(counter, "lookup", audit.masked(id_number), {"via": "card"}, about=id_number)
    return card


def _registrations(applications: list[ApplicationRecord], subject_field: str) -> list[ApplicationRecord]:
    """The subject's undecided registrations (开户, 单位建制), newest first."""
    return [a for a in applications if a.status in CONFLICT_OR_OPEN and a.kind in BUSINESSES
            and BUSINESSES[a.kind].registers is not None and BUSINESSES[a.kind].subject_field == subject_field]


def _pending(applications: list[ApplicationRecord], subject_field: str) -> tuple[str, ...]:
    return tuple(a.receipt_number for a in _registrations(applications, subject_field))


def _registering(applications: list[ApplicationRecord], subject_field: str) -> dict[str, str]:
    """A registration waiting for the centre is not offered again (its kind → why)."""
    out: dict[str, str] = {}
    for a in _registrations(applications, subject_field):
        out.setdefault(a.kind, f"已有一笔{BUSINESSES[a.kind].short}申请待中心审核（受理编号 {a.receipt_number}）")
    return out


def _provisional(record: type[Any], applications: list[ApplicationRecord], subject_field: str) -> Any:
    """The subject as its newest undecided registration gave it, or None (no such registration)."""
    found = _registrations(applications, subject_field)
    if not found:
        return None
    registers = BUSINESSES[found[0].kind].registers
    assert registers is not None
    values = registers(found[0].fields)
    values.setdefault("name", found[0].subject_name or "")
    known = {f.name: f.type for f in dc_fields(record)}
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            continue
        if key == "birth_date" and isinstance(value, str):
            value = _day(value)
        elif key.endswith("_ratio") and value is not None:
            value = _decimal(value)
        kwargs[key] = value
    return record(**kwargs)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


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
        worker = uow.workers.get(key) or _provisional(WorkerRecord, uow.applications.for_subject(key), "id_number")
    value = getattr(worker, field, None) if worker is not None else None
    if value:
        audit.record(counter, "reveal", audit.masked(key), {"field": field}, about=key)
    return value or None


def employer_card(counter: Counter, uscc: str) -> EmployerCard | None:
    uscc = normalize_code(uscc)
    with counter.store.unit_of_work() as uow:
        applications = uow.applications.for_subject(uscc)
        employer = uow.employers.get(uscc)
        provisional = employer is None
        if employer is None:
            employer = _provisional(EmployerRecord, applications, "uscc")
            if employer is None:
                return None
        return EmployerCard(employer=employer, applications=[record_view(a) for a in applications],
                            pending=_pending(applications, "uscc"), provisional=provisional,
                            unavailable=_registering(applications, "uscc"))
