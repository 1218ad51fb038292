"""Clerks managed at the centre (issue #22 item 2): role, one-time password hash, enable/disable, fed to their station.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

``central.clerks`` (one row per station and login name, since revision 0001) gets the clerk's role,
the argon2id hash of a one-time code the centre hands out (``counter-central clerk add|reset``), and
when it was set. Every insert or change of a row puts one ``clerk`` row into the change feed for that
station only; the hash travels only when it changed (add or reset), so a disable never puts back a
code the clerk has since replaced at the counter. Row-level security: a station reads its own clerks.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MY_STATION = "(SELECT s.code FROM central.stations s WHERE s.role = current_user)"

SCHEMA = f"""
ALTER TABLE central.clerks
    ADD COLUMN role text NOT NULL DEFAULT 'clerk' CONSTRAINT clerks_role_check CHECK (role IN ('clerk', 'supervisor')),
    ADD COLUMN password_hash text CONSTRAINT clerks_password_hash_check CHECK (password_hash LIKE '$argon2id$%'),
    ADD COLUMN password_set_at timestamptz,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE FUNCTION central.clerk_feed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
BEGIN
    INSERT INTO central.change_feed (entity, key, op, station_code, payload)
    VALUES ('clerk', NEW.username, 'upsert', NEW.station_code, jsonb_build_object(
        'username', NEW.username, 'display_name', NEW.name, 'role', NEW.role, 'active', NEW.active,
        'password_hash', CASE WHEN TG_OP = 'INSERT' OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
                              THEN NEW.password_hash END,
        'updated_at', NEW.updated_at));
    RETURN NULL;
END $$;
CREATE TRIGGER clerks_feed AFTER INSERT OR UPDATE ON central.clerks
    FOR EACH ROW EXECUTE FUNCTION central.clerk_feed();

ALTER TABLE central.clerks ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_read ON central.clerks FOR SELECT USING (station_code = {MY_STATION});
"""


def upgrade() -> None:
    op.execute(SCHEMA)


def downgrade() -> None:
    op.execute("DROP TRIGGER clerks_feed ON central.clerks; DROP FUNCTION central.clerk_feed();"
               " DROP POLICY own_read ON central.clerks; ALTER TABLE central.clerks DISABLE ROW LEVEL SECURITY;"
               " ALTER TABLE central.clerks DROP COLUMN role, DROP COLUMN password_hash,"
               " DROP COLUMN password_set_at, DROP COLUMN updated_at;")
