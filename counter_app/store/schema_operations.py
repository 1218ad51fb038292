"""Tables of the station's operations (站务): coverage drive, enforcement cases, complaints,
deferral follow-up, daily closes, service ratings and pre-registrations — on the store's one ``metadata``.

Built by migrations 0004 and 0007. Imported by the repositories (and so by the unit of work), which makes
them part of ``metadata`` wherever the store is used.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, ForeignKey, Integer, Table, Text, UniqueConstraint

from counter_app.store.schema import metadata
from counter_app.store.types import Money, UtcDateTime

# --- coverage drive (扩面) -------------------------------------------------------------------------

coverage_targets = Table(
    "coverage_targets", metadata,
    Column("id", Integer, primary_key=True),
    Column("scope_kind", Text, nullable=False),  # station | township
    Column("scope", Text, nullable=False),  # station code or township name
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("target", Integer, nullable=False),
    Column("source", Text, nullable=False),  # centre | supervisor
    Column("set_by", Text, nullable=False),
    Column("set_at", UtcDateTime, nullable=False),
    UniqueConstraint("scope_kind", "scope", "period_start", "period_end"),
)

# Employers' insured staff counts imported from social-insurance lists (CSV/XLSX).
coverage_candidates = Table(
    "coverage_candidates", metadata,
    Column("id", Integer, primary_key=True),
    Column("uscc", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("insured_staff", Integer, nullable=False),
    Column("township", Text),
    Column("contact_name", Text),
    Column("contact_mobile", Text),
    Column("address", Text),
    Column("source", Text, nullable=False),  # the imported file's name
    Column("imported_at", UtcDateTime, nullable=False),
)

# --- establishment enforcement (建制执法) ----------------------------------------------------------

enforcement_cases = Table(
    "enforcement_cases", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_no", Text, nullable=False, unique=True),
    Column("uscc", Text, nullable=False, index=True),
    Column("employer_name", Text, nullable=False),
    Column("state", Text, nullable=False, index=True),
    Column("clerk", Text, nullable=False),  # the responsible clerk
    Column("opened_on", Date, nullable=False),
    Column("last_on", Date, nullable=False),  # date of the latest step
    Column("notice_number", Text),
    Column("notice_on", Date),
    Column("deadline", Date),
    Column("fine_min", Money),
    Column("fine_max", Money),
    Column("closed_on", Date),
    # 0007: arrears cases (条例第三十八条, 责令限期缴存) beside establishment ones, with what is owed.
    Column("kind", Text, nullable=False, server_default="establishment"),
    Column("arrears_amount", Money),
    Column("arrears_from", Text),  # YYYY-MM
    Column("arrears_to", Text),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

case_events = Table(
    "case_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("enforcement_cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("state", Text, nullable=False),
    Column("on", Date, nullable=False),
    Column("clerk", Text, nullable=False),
    Column("note", Text, nullable=False, server_default=""),
    Column("document", Text, nullable=False, server_default=""),
    Column("path", Text),  # the printed or scanned paper kept with the case
    Column("data", JSON, nullable=False),
    Column("at", UtcDateTime, nullable=False),
)

# --- complaints (投诉) -----------------------------------------------------------------------------

complaints = Table(
    "complaints", metadata,
    Column("id", Integer, primary_key=True),
    Column("complaint_no", Text, nullable=False, unique=True),
    Column("received_on", Date, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("complainant", Text, nullable=False),
    Column("complainant_id", Text),
    Column("contact", Text),
    Column("uscc", Text, index=True),
    Column("employer_name", Text),
    Column("case_id", Integer, ForeignKey("enforcement_cases.id")),
    Column("summary", Text, nullable=False),
    Column("status", Text, nullable=False, index=True),  # open | closed
    Column("result", Text),
    Column("closed_on", Date),
    Column("clerk", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)

# --- deferral follow-up (缓缴跟踪) ----------------------------------------------------------------

deferrals = Table(
    "deferrals", metadata,
    Column("id", Integer, primary_key=True),
    Column("uscc", Text, nullable=False, index=True),
    Column("employer_name", Text, nullable=False),
    Column("receipt_number", Text),  # the deferral application taken at this station, if any
    Column("from_month", Text, nullable=False),
    Column("to_month", Text, nullable=False),
    Column("approved_on", Date, nullable=False),
    Column("total", Money, nullable=False),
    Column("clerk", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)

deferral_workers = Table(
    "deferral_workers", metadata,
    Column("id", Integer, primary_key=True),
    Column("deferral_id", Integer, ForeignKey("deferrals.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("id_number", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("monthly", Money, nullable=False),
)

deferral_paybacks = Table(
    "deferral_paybacks", metadata,
    Column("id", Integer, primary_key=True),
    Column("deferral_id", Integer, ForeignKey("deferrals.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("amount", Money, nullable=False),
    Column("paid_on", Date),
    UniqueConstraint("deferral_id", "seq"),
)

# --- daily close (日结) and service ratings (服务评价) ----------------------------------------------

daily_closes = Table(
    "daily_closes", metadata,
    Column("id", Integer, primary_key=True),
    Column("day", Date, nullable=False),
    Column("scope", Text, nullable=False),  # "station" or "clerk:<username>"
    Column("closed_by", Text, nullable=False),
    Column("closed_at", UtcDateTime, nullable=False),
    Column("totals", JSON, nullable=False),
    Column("sheet_path", Text),
    # A supervisor may reopen a closed day (reason + approval); the next close is revision N+1.
    Column("revision", Integer, nullable=False, server_default="1"),
    Column("reopened_at", UtcDateTime),
    Column("reopened_by", Text),
    Column("reopen_reason", Text),
    Column("reopen_approved_by", Text),
    UniqueConstraint("day", "scope", "revision"),  # each revision of a day is closed once
)

service_ratings = Table(
    "service_ratings", metadata,
    Column("id", Integer, primary_key=True),
    Column("receipt_number", Text, ForeignKey("applications.receipt_number", ondelete="CASCADE"),
           nullable=False, unique=True),
    Column("score", Integer, nullable=False),
    Column("clerk", Text, nullable=False),
    Column("at", UtcDateTime, nullable=False),
)

# --- 多证合一 pre-registration (企业预缴登记), 0007 ----------------------------------------------------

# New companies from the market-registration feed (imported CSV/XLSX) or the centre, waiting for the
# station to complete their fund establishment from this record.
preregistrations = Table(
    "preregistrations", metadata,
    Column("id", Integer, primary_key=True),
    Column("uscc", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("legal_rep", Text),
    Column("address", Text),
    Column("contact_name", Text),
    Column("contact_mobile", Text),
    Column("registered_on", Date),  # the company's registration day (企业登记日期)
    Column("district", Text),
    Column("township", Text),
    Column("source", Text, nullable=False),  # the imported file's name, or the centre's
    Column("imported_at", UtcDateTime, nullable=False),
)

# --- developers' projects (楼盘准入), 0010 -----------------------------------------------------------

# The centre's projects table as pulled: every station knows every project of the city, so a loan
# taken anywhere can name a project admitted through another station.
projects = Table(
    "projects", metadata,
    Column("id", Integer, primary_key=True),
    Column("project_key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("developer_uscc", Text, nullable=False),
    Column("standing", Text, nullable=False),  # admitted | refused | suspended
    Column("developer_name", Text, nullable=False),
    Column("district", Text),
    Column("address", Text),
    Column("presale_permit_no", Text),
    Column("agreement_no", Text),
    Column("valid_until", Date),
    Column("receipt_number", Text),
    Column("station_code", Text),
    Column("note", Text, nullable=False),
    Column("decided_at", UtcDateTime),
)
