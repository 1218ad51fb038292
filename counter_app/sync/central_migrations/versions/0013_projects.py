"""Developers' projects decided at the centre (楼盘准入, issue #20), fed to every station of the city.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06

``central.projects`` holds one row per project (its name as compared, without spaces): admitted
with an agreement number and a validity date, refused, or suspended by the centre. The back office
writes it when it decides a project admission (``counter-central decide … --agreement-no``) or
suspends a project; every change puts one ``project`` row into the change feed with no district,
so every station pulls it: a loan taken anywhere in the city may name a project admitted through
another station. A station reads every project and writes none.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE = """
CREATE TABLE central.projects (
    project_key text PRIMARY KEY CONSTRAINT projects_key_check CHECK (project_key <> ''),
    name text NOT NULL,
    developer_uscc text NOT NULL,
    standing text NOT NULL CONSTRAINT projects_standing_check CHECK (standing IN ('admitted', 'refused', 'suspended')),
    developer_name text NOT NULL DEFAULT '',
    district text,
    address text,
    presale_permit_no text,
    agreement_no text,
    valid_until date,
    receipt_number text,
    station_code text,
    note text NOT NULL DEFAULT '',
    decided_at timestamptz NOT NULL DEFAULT now(),
    -- an admission always states the agreement it rests on
    CONSTRAINT projects_agreement_check CHECK (standing <> 'admitted' OR (agreement_no IS NOT NULL AND valid_until IS NOT NULL))
);

-- 'city' is neither 'district' nor 'station_code': the feed row carries neither, every station reads it.
CREATE TRIGGER projects_feed_ins AFTER INSERT ON central.projects
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION central.feed_rows('project', 'project_key', 'city');
CREATE TRIGGER projects_feed_upd AFTER UPDATE ON central.projects
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION central.feed_rows('project', 'project_key', 'city');

ALTER TABLE central.projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY every_station ON central.projects FOR SELECT USING (true);
"""


def upgrade() -> None:
    # The SELECT grant to the station group role is made by ``central_db.init_central`` after every upgrade.
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute("DROP TABLE central.projects;")
