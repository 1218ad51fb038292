"""Tables of the station's local store (SQLAlchemy Core); Alembic migrations build exactly these."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
)

from counter_app.store.types import DecimalText, Money, UtcDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# --- reference data pulled from the centre -------------------------------------------------------

employers = Table(
    "employers", metadata,
    Column("id", Integer, primary_key=True),
    Column("uscc", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False, index=True),
    Column("legal_rep", Text),
    Column("contact_name", Text),
    Column("contact_mobile", Text),
    Column("address", Text),
    Column("district", Text),
    Column("township", Text, index=True),
    Column("status", Text, nullable=False, server_default="01"),  # JGJ/T 320 A.4
    Column("registered", Boolean, nullable=False, server_default="1"),  # has a fund registration
    Column("insured_staff", Integer),  # social-insurance head count: enforcement candidates
    Column("account_no", Text, index=True),
    Column("bank_name", Text),
    Column("bank_account", Text),
    Column("worker_ratio", DecimalText),
    Column("employer_ratio", DecimalText),
    Column("updated_seq", Integer, nullable=False, server_default="0"),
)

workers = Table(
    "workers", metadata,
    Column("id", Integer, primary_key=True),
    Column("id_type", Text, nullable=False, server_default="01"),
    Column("id_number", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False, index=True),
    Column("sex", Text),
    Column("birth_date", Date),
    Column("mobile", Text),
    Column("phone", Text),
    Column("address", Text),
    Column("postcode", Text),
    Column("marital_status", Text),
    Column("bank_name", Text),
    Column("bank_card", Text),
    Column("employer_uscc", Text, index=True),
    Column("township", Text),
    Column("worker_category", Text),  # worker | cadre (职工/干部): a woman's retirement age (0007)
    Column("updated_seq", Integer, nullable=False, server_default="0"),
)

# Pinyin (and employer alias) keys, searched by prefix: owner "W" → workers.id_number,
# "E" → employers.uscc. WITHOUT ROWID keeps the key index the table itself; there is no index by
# ref (it would cost a third of a bulk load): a name change deletes the old name's keys by key.
search_keys = Table(
    "search_keys", metadata,
    Column("key", Text, nullable=False),
    Column("owner", Text, nullable=False),
    Column("ref", Text, nullable=False),
    PrimaryKeyConstraint("key", "owner", "ref"),
    sqlite_with_rowid=False,
)

accounts = Table(
    "accounts", metadata,
    Column("id", Integer, primary_key=True),
    Column("account_no", Text, nullable=False, unique=True),
    Column("id_number", Text, nullable=False, index=True),
    Column("employer_uscc", Text, index=True),
    Column("status", Text, nullable=False, server_default="01"),  # A.6
    Column("balance", Money, nullable=False, server_default="0"),
    Column("monthly_base", Money),
    Column("worker_ratio", DecimalText),
    Column("employer_ratio", DecimalText),
    Column("monthly_contribution", Money),
    Column("consecutive_months", Integer, nullable=False, server_default="0"),
    Column("opened_on", Date),
    Column("in_arrears", Boolean, nullable=False, server_default="0"),
    Column("offset_agreement", Boolean, nullable=False, server_default="0"),
    Column("banned_until", Date),
    Column("updated_seq", Integer, nullable=False, server_default="0"),
)

loans = Table(
    "loans", metadata,
    Column("id", Integer, primary_key=True),
    Column("loan_no", Text, nullable=False, unique=True),
    Column("id_number", Text, nullable=False, index=True),
    Column("principal", Money, nullable=False),
    Column("outstanding", Money, nullable=False),
    Column("annual_rate", DecimalText, nullable=False),
    Column("months", Integer, nullable=False),
    Column("method", Text, nullable=False),  # 01 equal instalment, 02 equal principal
    Column("start_date", Date, nullable=False),
    Column("status", Text, nullable=False),
    # Post-loan follow-up (revision 0005): what the centre knows of the repayment today.
    Column("co_borrower_id", Text),
    Column("next_due_date", Date),
    Column("next_due_amount", Money),
    Column("arrears_months", Integer, nullable=False, server_default="0"),
    Column("arrears_amount", Money, nullable=False, server_default="0"),
    Column("overdue_since", Date),  # the first instalment still unpaid
)

# 逾期催收联系记录: the station's follow-up of an overdue loan (kept at the station).
collection_contacts = Table(
    "collection_contacts", metadata,
    Column("id", Integer, primary_key=True),
    Column("loan_no", Text, nullable=False, index=True),
    Column("day", Date, nullable=False),
    Column("way", Text, nullable=False),  # phone, visit, letter, sms
    Column("result", Text, nullable=False),
    Column("promised_date", Date),  # the borrower's promise to pay: a reminder on that day
    Column("clerk", Text, nullable=False),
    Column("at", UtcDateTime, nullable=False),
)

withdrawal_history = Table(
    "withdrawal_history", metadata,
    Column("id", Integer, primary_key=True),
    Column("id_number", Text, nullable=False, index=True),
    Column("reason_code", Text, nullable=False),
    Column("amount", Money, nullable=False),
    Column("day", Date, nullable=False),
    Column("document_no", Text),
)

policy_versions = Table(
    "policy_versions", metadata,
    Column("id", Integer, primary_key=True),
    Column("effective_from", Date, nullable=False),
    Column("label", Text, nullable=False),
    Column("toml", Text, nullable=False),
    Column("pulled_at", UtcDateTime, nullable=False),
    UniqueConstraint("effective_from", "label"),
)

# --- this station's own work -------------------------------------------------------------------

applications = Table(
    "applications", metadata,
    Column("id", Integer, primary_key=True),
    Column("client_id", Text, nullable=False, unique=True),  # UUIDv7
    Column("receipt_number", Text, nullable=False, unique=True),
    Column("kind", Text, nullable=False, index=True),
    Column("status", Text, nullable=False, index=True),
    Column("subject_key", Text, nullable=False, index=True),  # id_number or uscc
    Column("subject_name", Text),
    Column("fields", JSON, nullable=False),
    Column("materials", JSON, nullable=False),
    Column("clerk", Text, nullable=False),
    Column("station_code", Text, nullable=False),
    Column("terminal", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False, index=True),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("decision_reason", Text),
    Column("conflict", JSON),
)

application_status_history = Table(
    "application_status_history", metadata,
    Column("id", Integer, primary_key=True),
    Column("application_id", Integer, ForeignKey("applications.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("status", Text, nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("by", Text, nullable=False),
    Column("reason", Text),
)

outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("client_id", Text, nullable=False, unique=True),
    Column("topic", Text, nullable=False),
    Column("payload", JSON, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text),
    Column("rejected_reason", Text),
    Column("rejected_at", UtcDateTime),
    sqlite_autoincrement=True,  # ids never reused: the push order is the insertion order
)

receipt_counters = Table(
    "receipt_counters", metadata,
    Column("station_code", Text, nullable=False),
    Column("terminal", Text, nullable=False),
    Column("day", Text, nullable=False),  # YYYYMMDD
    Column("last_seq", Integer, nullable=False),
    PrimaryKeyConstraint("station_code", "terminal", "day"),
)

settings = Table(
    "settings", metadata,
    Column("key", Text, primary_key=True),
    Column("value", JSON),
)

sync_state = Table(
    "sync_state", metadata,
    Column("name", Text, primary_key=True),
    Column("value", Text),
)

# --- added by revision 0002 ----------------------------------------------------------------------

drafts = Table(
    "drafts", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("fields", JSON, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    UniqueConstraint("kind", "key"),
)

print_log = Table(
    "print_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("document", Text, nullable=False),
    Column("receipt_number", Text, index=True),
    Column("subject", Text),
    Column("reprint", Boolean, nullable=False, server_default="0"),
    Column("reason", Text),
    Column("clerk", Text, nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("pages", Integer),
    Column("path", Text),
)

# --- added by revision 0003: clerk accounts and the hash-chained audit log ----------------------

clerks = Table(
    "clerks", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", Text, nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("role", Text, nullable=False),  # clerk | supervisor
    Column("password_hash", Text, nullable=False),  # argon2id (PHC string): never the password
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("failed_attempts", Integer, nullable=False, server_default="0"),
    Column("locked_until", UtcDateTime),
    Column("created_at", UtcDateTime, nullable=False),
    Column("source", Text, nullable=False, server_default="local"),  # local | centre
    Column("must_change_password", Boolean, nullable=False, server_default="0"),  # a one-time code (store 0011)
    Column("confirmed_at", UtcDateTime),  # the last sync at which the centre listed it active
    Column("offline_override_until", UtcDateTime),  # a supervisor's override of the offline lock
)

# Append-only; each row carries the previous row's hash (domain/audit_chain.py). ``at`` is the
# exact hashed text, so it is plain text here rather than a converted timestamp.
audit_log = Table(
    "audit_log", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", Text, nullable=False),
    Column("station_code", Text, nullable=False),
    Column("terminal", Text, nullable=False),
    Column("clerk", Text, nullable=False),
    Column("action", Text, nullable=False, index=True),
    Column("subject", Text, nullable=False, server_default=""),  # masked where personal
    Column("details", JSON, nullable=False),
    Column("prev_hash", Text, nullable=False),
    Column("hash", Text, nullable=False),
)

# --- added by revision 0009: documents attached to applications (电子档案, issue #21) -------------

# One row per file attached to an application: the archived copy (``sha256``, what the centre gets)
# and, when it was shrunk, the original (``original_sha256``), both in the content-addressed
# folder ``attachments/`` of the data dir (store/blobs.py). ``synced_at``: the centre holds it.
attachments = Table(
    "attachments", metadata,
    Column("id", Integer, primary_key=True),
    Column("client_id", Text, nullable=False, unique=True),  # UUIDv7, the centre's key too
    Column("application_client_id", Text, nullable=False, index=True),
    Column("receipt_number", Text, nullable=False, index=True),
    Column("material", Text, nullable=False, server_default=""),  # a material code, "" when not said
    Column("name", Text, nullable=False),  # the file's name as given
    Column("media_type", Text, nullable=False),  # image/jpeg, image/png, application/pdf
    Column("sha256", Text, nullable=False, index=True),
    Column("bytes", Integer, nullable=False),
    Column("pages", Integer, nullable=False),
    Column("original_sha256", Text),  # None when the file is archived as it came (a PDF, a small scan)
    Column("original_bytes", Integer),
    Column("clerk", Text, nullable=False),
    Column("attached_at", UtcDateTime, nullable=False),
    Column("synced_at", UtcDateTime),
)
