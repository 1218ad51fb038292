"""Business kinds as a table: the inbox refers to it instead of a CHECK list written into 0001.

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-25

``counter-central init`` upserts every kind of the app's business registry
(``counter_app.domain.businesses``), so a new business reaches the centre with no schema change.
This migration seeds the kinds 0001 accepted, so inbox rows already held stay valid.

Numbered 0005: 0004 was kept for the station-trust change, which landed after this one as 0007;
there is no revision 0004.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As 0001 listed them (frozen here: a migration must not change with the app's registry).
KINDS_0001 = ("open-account", "establish-employer", "withdrawal", "loan", "info-change", "deferral")
_SEED = ", ".join(f"('{k}')" for k in KINDS_0001)


def upgrade() -> None:
    op.execute(f"""
CREATE TABLE central.business_kinds (
    kind text PRIMARY KEY CONSTRAINT business_kinds_kind_check CHECK (kind ~ '^[a-z][a-z0-9-]*$'),
    title text NOT NULL DEFAULT '',
    registered_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO central.business_kinds (kind) VALUES {_SEED};
ALTER TABLE central.inbox DROP CONSTRAINT inbox_kind_check;
ALTER TABLE central.inbox ADD CONSTRAINT inbox_kind_fkey
    FOREIGN KEY (kind) REFERENCES central.business_kinds(kind);
""")


def downgrade() -> None:
    listed = ", ".join(f"'{k}'" for k in KINDS_0001)
    op.execute(f"""
ALTER TABLE central.inbox DROP CONSTRAINT inbox_kind_fkey;
ALTER TABLE central.inbox ADD CONSTRAINT inbox_kind_check CHECK (kind IN ({listed}));
DROP TABLE central.business_kinds;
""")
