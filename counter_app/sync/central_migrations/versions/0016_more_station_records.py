"""Station records, two more kinds (issue #22 item 1): deferral follow-up and coverage progress.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06

``deferral``: a tracked deferral (缓缴) with its affected workers and payback plan, a new version at
each instalment paid back. ``coverage_progress``: a scope's coverage target with the people opened so
far, sent with each whole-station daily close (the centre's view of the drive without recomputing
it). Both travel like every station record (client id, sealed, once, row-level security).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ("enforcement_case", "complaint", "rating", "collection_contact", "daily_close", "coverage_target")
KINDS = (*BEFORE, "deferral", "coverage_progress")


def _check(kinds: tuple[str, ...]) -> str:
    return ("ALTER TABLE central.station_records DROP CONSTRAINT station_records_kind_check,"
            " ADD CONSTRAINT station_records_kind_check CHECK (kind IN ("
            + ", ".join(f"'{k}'" for k in kinds) + "));")


def upgrade() -> None:
    op.execute(_check(KINDS))


def downgrade() -> None:
    # Refused while rows of the new kinds exist: station records are never dropped to go back.
    op.execute(_check(BEFORE))
