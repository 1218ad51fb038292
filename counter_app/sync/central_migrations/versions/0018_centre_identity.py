"""Centre identity and intended reloads (issue #17): a station can tell its centre from another database.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06

``central.centre_identity()`` gives every station the random identity this central database was
given when it was created (kept in ``central.settings``, so a dump restored elsewhere is still the
same centre). A station records it when it connects and refuses to sync with a database that
answers another one (a re-created or wrong database behind the same address) before sending
anything. ``central.stations.reload_allowed_until``: the back office marks a snapshot that would
leave a station with far fewer reference rows than it holds as intended (``counter-central
allow-reload``); without that mark the station keeps what it has.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE = """
INSERT INTO central.settings (key, value) VALUES ('centre_identity', gen_random_uuid()::text)
ON CONFLICT (key) DO NOTHING;

ALTER TABLE central.stations ADD COLUMN reload_allowed_until timestamptz;

CREATE FUNCTION central.centre_identity() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = central, pg_temp AS $$
    SELECT value FROM central.settings WHERE key = 'centre_identity';
$$;
REVOKE ALL ON FUNCTION central.centre_identity() FROM PUBLIC;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute("DROP FUNCTION central.centre_identity();"
               " ALTER TABLE central.stations DROP COLUMN reload_allowed_until;"
               " DELETE FROM central.settings WHERE key = 'centre_identity';")
