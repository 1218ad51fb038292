"""Change feed indexes per district and per station, so a page reads only the rows its station may see.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX change_feed_by_district ON central.change_feed (district, xid, seq) WHERE station_code IS NULL;"
        "CREATE INDEX change_feed_by_station ON central.change_feed (station_code, xid, seq)"
        " WHERE station_code IS NOT NULL;"
    )


def downgrade() -> None:
    op.execute("DROP INDEX central.change_feed_by_district; DROP INDEX central.change_feed_by_station;")
