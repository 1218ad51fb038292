"""Post-loan follow-up at the stations: a loan's co-borrower, next due date and amount, arrears and the
first unpaid due date. The change feed carries whole rows, so the stations receive them with no other change.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("""
ALTER TABLE central.loans
    ADD COLUMN co_borrower_id text,
    ADD COLUMN next_due_date date,
    ADD COLUMN next_due_amount numeric(14,2),
    ADD COLUMN arrears_months integer NOT NULL DEFAULT 0,
    ADD COLUMN arrears_amount numeric(14,2) NOT NULL DEFAULT 0,
    ADD COLUMN overdue_since date;
CREATE INDEX loans_overdue ON central.loans (district) WHERE arrears_months > 0;
""")


def downgrade() -> None:
    op.execute("""
DROP INDEX central.loans_overdue;
ALTER TABLE central.loans
    DROP COLUMN overdue_since, DROP COLUMN arrears_amount, DROP COLUMN arrears_months,
    DROP COLUMN next_due_amount, DROP COLUMN next_due_date, DROP COLUMN co_borrower_id;
""")
