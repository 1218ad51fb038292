"""Issue #18 at the centre: the worker's category (职工/干部) on workers, and the 多证合一
pre-registrations (企业预缴登记) that stations pull by district through the change feed.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MY_DISTRICT = "(SELECT s.district FROM central.stations s WHERE s.role = current_user)"

UPGRADE = f"""
ALTER TABLE central.workers ADD COLUMN worker_category text
    CONSTRAINT workers_worker_category_check CHECK (worker_category IN ('worker', 'cadre'));

-- New companies from the market-registration feed: the station completes their establishment.
CREATE TABLE central.preregistrations (
    uscc text PRIMARY KEY,
    name text NOT NULL,
    legal_rep text,
    address text,
    contact_name text,
    contact_mobile text,
    registered_on date,
    district text NOT NULL,
    township text,
    source text NOT NULL DEFAULT '市场监管部门登记信息',
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX preregistrations_district ON central.preregistrations (district);

CREATE TRIGGER preregistrations_feed_ins AFTER INSERT ON central.preregistrations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION central.feed_rows('preregistration', 'uscc', 'district');
CREATE TRIGGER preregistrations_feed_upd AFTER UPDATE ON central.preregistrations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION central.feed_rows('preregistration', 'uscc', 'district');
CREATE TRIGGER preregistrations_feed_del AFTER DELETE ON central.preregistrations
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION central.feed_rows('preregistration', 'uscc', 'district');

ALTER TABLE central.preregistrations ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_district ON central.preregistrations FOR SELECT USING (district = {MY_DISTRICT});
"""


def upgrade() -> None:
    # Grants to the station group role are made by ``central_db.init_central`` after every upgrade.
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute("DROP TABLE central.preregistrations; ALTER TABLE central.workers DROP COLUMN worker_category;")
