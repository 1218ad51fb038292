"""Trust (issue #17): a store id (names the audit key in the OS keyring), the station code carried over
from the applications an older store already numbered, and indexes for documents used once.

Revision ID: 0006
Revises: 0005

An older store took applications under the default station code before the station had to be set:
those receipts are in the applicants' hands, so the code they carry becomes the station's code.
"""

from __future__ import annotations

import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# The document-number key (upper case, without spaces and hyphens), written identically in the
# repository's queries so that SQLite uses these expression indexes.
DOC_KEY = "upper(replace(replace({}, ' ', ''), '-', ''))"
APPLICATION_DOC = "json_extract(fields, '$.document_no')"


def upgrade() -> None:
    bind = op.get_bind()
    settings = {k: v for k, v in bind.execute(sa.text("SELECT key, value FROM settings"))}
    if "store_id" not in settings:
        bind.execute(sa.text("INSERT INTO settings (key, value) VALUES ('store_id', :v)"),
                     {"v": json.dumps(uuid.uuid4().hex)})
    if settings.get("station_code") in (None, "null", '""'):
        row = bind.execute(sa.text(
            "SELECT station_code FROM applications ORDER BY created_at DESC, id DESC LIMIT 1")).first()
        if row is not None:
            bind.execute(sa.text("INSERT INTO settings (key, value) VALUES ('station_code', :v)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value"), {"v": json.dumps(row[0])})
    op.execute(f"CREATE INDEX ix_withdrawal_history_document ON withdrawal_history ({DOC_KEY.format('document_no')})")
    op.execute("CREATE INDEX ix_applications_document ON applications"
               f" ({DOC_KEY.format(APPLICATION_DOC)})"
               " WHERE kind = 'withdrawal'")


def downgrade() -> None:
    op.execute("DROP INDEX ix_applications_document")
    op.execute("DROP INDEX ix_withdrawal_history_document")
