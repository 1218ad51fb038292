"""Stations' audit logs at the centre: append-only, one hash chain per station, row-level security.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

``station_code`` is the station that sent the row, filled in from the login (see
``counter_app.sync.protocol.push_audit_batch``) and checked by row-level security. The row's own
station code, as it was hashed, is ``row_station_code``: rows written before the station was
connected carry the counter's default code, and the chain must still verify.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MY_STATION = "(SELECT s.code FROM central.stations s WHERE s.role = current_user)"
HASH = "'^[0-9a-f]{64}$'"

TABLE = f"""
CREATE TABLE central.station_audit (
    client_id uuid PRIMARY KEY,
    station_code text NOT NULL REFERENCES central.stations(code),
    seq bigint NOT NULL CONSTRAINT station_audit_seq_check CHECK (seq > 0),
    at timestamptz NOT NULL,
    row_station_code text NOT NULL,
    terminal text NOT NULL,
    clerk text NOT NULL,
    action text NOT NULL CONSTRAINT station_audit_action_check CHECK (action <> ''),
    subject text NOT NULL DEFAULT '',
    details jsonb NOT NULL CONSTRAINT station_audit_details_check CHECK (jsonb_typeof(details) = 'object'),
    prev_hash text NOT NULL CONSTRAINT station_audit_prev_hash_check CHECK (prev_hash ~ {HASH}),
    hash text NOT NULL CONSTRAINT station_audit_hash_check CHECK (hash ~ {HASH}),
    received_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT station_audit_seq_key UNIQUE (station_code, seq)
);

-- Append-only for everyone, the back office included: a correction is a new row at the station.
CREATE FUNCTION central.station_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'central.station_audit is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER station_audit_no_change BEFORE UPDATE OR DELETE ON central.station_audit
    FOR EACH ROW EXECUTE FUNCTION central.station_audit_append_only();
CREATE TRIGGER station_audit_no_truncate BEFORE TRUNCATE ON central.station_audit
    FOR EACH STATEMENT EXECUTE FUNCTION central.station_audit_append_only();

ALTER TABLE central.station_audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_read ON central.station_audit FOR SELECT USING (station_code = {MY_STATION});
CREATE POLICY own_insert ON central.station_audit FOR INSERT WITH CHECK (station_code = {MY_STATION});
"""


def upgrade() -> None:
    # Grants to the station group role are made by ``central_db.init_central`` after every upgrade.
    op.execute(TABLE)


def downgrade() -> None:
    op.execute("DROP TABLE central.station_audit; DROP FUNCTION central.station_audit_append_only();")
