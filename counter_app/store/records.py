"""Plain frozen records that repositories take and return (nothing outside ``store/`` sees SQL)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class EmployerRecord:
    """An employer (缴存单位) as the centre knows it; ``registered`` = has a fund registration."""

    uscc: str
    name: str
    legal_rep: str | None = None
    contact_name: str | None = None
    contact_mobile: str | None = None
    address: str | None = None
    district: str | None = None
    township: str | None = None
    status: str = "01"  # JGJ/T 320 A.4
    registered: bool = True
    insured_staff: int | None = None  # head count known from social insurance
    account_no: str | None = None
    bank_name: str | None = None
    bank_account: str | None = None
    worker_ratio: Decimal | None = None
    employer_ratio: Decimal | None = None
    updated_seq: int = 0


@dataclass(frozen=True)
class WorkerRecord:
    """A person (缴存职工) with the person field keys of DESIGN.md."""

    id_number: str
    name: str
    id_type: str = "01"
    sex: str | None = None  # "1" male, "2" female
    birth_date: date | None = None
    mobile: str | None = None
    phone: str | None = None
    address: str | None = None
    postcode: str | None = None
    marital_status: str | None = None
    bank_name: str | None = None
    bank_card: str | None = None
    employer_uscc: str | None = None
    township: str | None = None
    worker_category: str | None = None  # "worker" (职工) / "cadre" (干部): women retire at 50 / 55
    updated_seq: int = 0


@dataclass(frozen=True)
class AccountRecord:
    """A personal fund account (个人账户); status per A.6 (01 normal, 02 sealed, …)."""

    account_no: str
    id_number: str
    employer_uscc: str | None = None
    status: str = "01"
    balance: Decimal = ZERO
    monthly_base: Decimal | None = None
    worker_ratio: Decimal | None = None
    employer_ratio: Decimal | None = None
    monthly_contribution: Decimal | None = None
    consecutive_months: int = 0
    opened_on: date | None = None
    in_arrears: bool = False
    offset_agreement: bool = False  # a monthly-offset (月对冲) agreement is in force
    banned_until: date | None = None
    updated_seq: int = 0


@dataclass(frozen=True)
class LoanRecord:
    """A fund loan (公积金贷款); method "01" equal instalment, "02" equal principal."""

    loan_no: str
    id_number: str
    principal: Decimal
    outstanding: Decimal
    annual_rate: Decimal
    months: int
    method: str
    start_date: date
    status: str  # "repaying" | "settled" | "overdue"
    co_borrower_id: str | None = None
    next_due_date: date | None = None
    next_due_amount: Decimal | None = None
    arrears_months: int = 0  # instalments overdue
    arrears_amount: Decimal = Decimal("0.00")  # principal and interest overdue
    overdue_since: date | None = None  # due date of the first unpaid instalment


@dataclass(frozen=True)
class CollectionContact:
    """One contact with a borrower about an overdue loan (逾期催收联系记录)."""

    loan_no: str
    day: date
    way: str  # "phone" | "visit" | "letter" | "sms"
    result: str
    promised_date: date | None = None
    clerk: str = ""
    at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class PastWithdrawalRecord:
    """A withdrawal already paid (for frequency and duplicate-document rules)."""

    id_number: str
    reason_code: str
    amount: Decimal
    day: date
    document_no: str | None = None


@dataclass(frozen=True)
class PolicyVersionRecord:
    """A policy file version pulled from the centre."""

    effective_from: date
    label: str
    toml: str
    pulled_at: datetime | None = None


@dataclass(frozen=True)
class ApplicationRecord:
    """An application taken at this station; ``id`` is set once stored."""

    client_id: str
    receipt_number: str
    kind: str
    status: str
    subject_key: str
    subject_name: str | None
    fields: dict[str, Any]
    materials: Any
    clerk: str
    station_code: str
    terminal: str
    created_at: datetime | None = None
    updated_at: datetime | None = None
    decision_reason: str | None = None
    conflict: dict[str, Any] | None = None
    id: int | None = None

    @property
    def taken_at(self) -> datetime:
        """When it was taken (UTC); every stored application has it (``add`` fills it in)."""
        if self.created_at is None:
            raise ValueError(f"application {self.client_id} is not stored yet")
        return self.created_at


@dataclass(frozen=True)
class StatusChange:
    """One step of an application's status history."""

    status: str
    at: datetime
    by: str
    reason: str | None = None


@dataclass(frozen=True)
class OutboxItem:
    """Something that must reach the centre; leaves the outbox only when acknowledged."""

    id: int
    client_id: str
    topic: str
    payload: Any
    created_at: datetime
    attempts: int = 0
    last_error: str | None = None
    rejected_reason: str | None = None
    rejected_at: datetime | None = None


@dataclass(frozen=True)
class Draft:
    """A form saved half-filled, found again by (kind, key)."""

    kind: str
    key: str
    fields: dict[str, Any]
    updated_at: datetime


@dataclass(frozen=True)
class PrintLogEntry:
    """One print or reprint (reprints carry a reason)."""

    document: str
    clerk: str
    subject: str | None = None
    receipt_number: str | None = None
    reprint: bool = False
    reason: str | None = None
    pages: int | None = None
    path: str | None = None
    at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class SearchHit:
    """One search result, ranked by ``score`` (higher first)."""

    kind: Literal["worker", "employer"]
    key: str  # id_number or uscc (full value: mask before showing)
    name: str
    masked_id_or_uscc: str
    account_no: str | None
    status: str | None
    employer_name: str | None
    township: str | None
    score: int
    matched: str = field(default="", compare=False)  # which rule matched: "id_exact", "pinyin", …
    # Receipt numbers of this station's registrations of the subject (开户, 单位建制) that the centre has
    # not decided yet (待中心审核); a subject known only from them has no account, status or township.
    pending: tuple[str, ...] = field(default=(), compare=False)
