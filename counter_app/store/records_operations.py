"""Frozen records of the station's operations tables (see ``schema_operations``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class CoverageTarget:
    """A coverage target: new contributors for a station or a township over a period."""

    scope_kind: str  # station | township
    scope: str
    period_start: date
    period_end: date
    target: int
    source: str  # centre | supervisor
    set_by: str
    set_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class CandidateRecord:
    """An employer's insured staff count, imported from a social-insurance list."""

    uscc: str
    name: str
    insured_staff: int
    source: str
    township: str | None = None
    contact_name: str | None = None
    contact_mobile: str | None = None
    address: str | None = None
    imported_at: datetime | None = None


@dataclass(frozen=True)
class CaseRecord:
    """An establishment enforcement case (建制执法案件) about one employer."""

    case_no: str
    uscc: str
    employer_name: str
    state: str
    clerk: str
    opened_on: date
    last_on: date
    notice_number: str | None = None
    notice_on: date | None = None
    deadline: date | None = None
    fine_min: Decimal | None = None
    fine_max: Decimal | None = None
    closed_on: date | None = None
    kind: str = "establishment"  # or "arrears" (条例第三十八条)
    arrears_amount: Decimal | None = None
    arrears_from: str | None = None  # YYYY-MM
    arrears_to: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class CaseEventRecord:
    """One step of a case, with the paper that goes with it."""

    state: str
    on: date
    clerk: str
    note: str = ""
    document: str = ""
    path: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    at: datetime | None = None
    case_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class ComplaintRecord:
    """A worker's complaint (投诉) about an employer."""

    complaint_no: str
    received_on: date
    due_on: date
    complainant: str
    summary: str
    status: str
    clerk: str
    complainant_id: str | None = None
    contact: str | None = None
    uscc: str | None = None
    employer_name: str | None = None
    case_id: int | None = None
    result: str | None = None
    closed_on: date | None = None
    created_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class DeferralRecord:
    """An approved deferral being followed up (缓缴跟踪)."""

    uscc: str
    employer_name: str
    from_month: str
    to_month: str
    approved_on: date
    total: Decimal
    clerk: str
    receipt_number: str | None = None
    created_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True)
class DeferralWorker:
    id_number: str
    name: str
    monthly: Decimal


@dataclass(frozen=True)
class PaybackRecord:
    seq: int
    due_on: date
    amount: Decimal
    paid_on: date | None = None


@dataclass(frozen=True)
class DailyCloseRecord:
    """A closed day (日结) of a clerk or of the station: its totals as they were at closing, and its
    reopening by a supervisor if that happened."""

    day: date
    scope: str
    closed_by: str
    closed_at: datetime
    totals: dict[str, Any]
    sheet_path: str | None = None
    revision: int = 1  # 2, 3 … for a close after a reopen (第N次日结)
    reopened_at: datetime | None = None  # set when a supervisor reopened this close
    reopened_by: str | None = None
    reopen_reason: str | None = None
    reopen_approved_by: str | None = None
    id: int | None = None

    @property
    def open_again(self) -> bool:
        return self.reopened_at is not None


@dataclass(frozen=True)
class RatingRecord:
    """A worker's 1–5 satisfaction rating (服务评价) of one application."""

    receipt_number: str
    score: int
    clerk: str
    at: datetime


@dataclass(frozen=True)
class PreregistrationRecord:
    """A newly registered company (多证合一 企业预缴登记) awaiting its fund establishment."""

    uscc: str
    name: str
    legal_rep: str | None = None
    address: str | None = None
    contact_name: str | None = None
    contact_mobile: str | None = None
    registered_on: date | None = None
    district: str | None = None
    township: str | None = None
    source: str = "centre"
    imported_at: datetime | None = None


@dataclass(frozen=True)
class ProjectRecord:
    """A developer's project as the centre decided it (楼盘准入), pulled to every station of the city."""

    project_key: str  # the name as compared: no spaces, full-width folded (domain.projects.project_key)
    name: str
    developer_uscc: str
    standing: str  # admitted | refused | suspended
    developer_name: str = ""
    district: str | None = None
    address: str | None = None
    presale_permit_no: str | None = None
    agreement_no: str | None = None
    valid_until: date | None = None
    receipt_number: str | None = None  # the admission that decided it
    station_code: str | None = None  # the station that took that admission
    note: str = ""
    decided_at: datetime | None = None
