"""Station records at the centre (issue #22 item 1): enforcement, complaints, ratings, contacts, daily close, coverage.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

One append-only table, ``central.station_records``, takes every station record that is not an
application or an audit row, with the applications' guarantees: the station's client id is the
primary key (a resend is ``ON CONFLICT DO NOTHING``), the sealed canonical text is recomputed on
receipt (SHA-256, and the station's MAC once its key is registered) and must say what the columns
say, and row-level security lets a station insert and read only its own rows. A record that changes
at the station (a case advanced, a complaint closed) arrives as a new row with the whole record as
it now is; ``central.station_records_current`` is the latest row of each record.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MY_STATION = "(SELECT s.code FROM central.stations s WHERE s.role = current_user)"
KINDS = ("enforcement_case", "complaint", "rating", "collection_contact", "daily_close", "coverage_target")

TABLE = f"""
CREATE TABLE central.station_records (
    client_id uuid PRIMARY KEY,
    station_code text NOT NULL REFERENCES central.stations(code),
    kind text NOT NULL CONSTRAINT station_records_kind_check CHECK (kind IN ({", ".join(f"'{k}'" for k in KINDS)})),
    record_key text NOT NULL CONSTRAINT station_records_key_check CHECK (record_key <> ''),
    data jsonb NOT NULL CONSTRAINT station_records_data_check CHECK (jsonb_typeof(data) = 'object'),
    recorded_at timestamptz NOT NULL,
    payload_text text,
    payload_sha256 text,
    payload_mac text,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX station_records_by_key ON central.station_records (station_code, kind, record_key, recorded_at);
CREATE INDEX station_records_by_kind ON central.station_records (kind, recorded_at);

CREATE VIEW central.station_records_current AS
    SELECT DISTINCT ON (station_code, kind, record_key) *
      FROM central.station_records
     ORDER BY station_code, kind, record_key, recorded_at DESC, client_id DESC;

CREATE FUNCTION central.station_records_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'central.station_records is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER station_records_no_change BEFORE UPDATE OR DELETE ON central.station_records
    FOR EACH ROW EXECUTE FUNCTION central.station_records_append_only();

-- Receipt of one record, as central.inbox_check_payload for applications.
CREATE FUNCTION central.station_records_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
DECLARE
    k central.station_keys;
    p jsonb;
BEGIN
    IF NEW.station_code IS DISTINCT FROM central.login_station() THEN
        RETURN NEW;  -- not the login's station: row-level security refuses it
    END IF;
    IF NEW.recorded_at > now() + interval '1 day' THEN
        RAISE EXCEPTION 'recorded_at in the future' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'station_records_in_future';
    END IF;
    SELECT * INTO k FROM central.station_keys WHERE station_code = NEW.station_code;
    IF NEW.payload_text IS NULL OR NEW.payload_sha256 IS NULL THEN
        IF k.station_code IS NOT NULL THEN
            RAISE EXCEPTION 'record not sealed' USING ERRCODE = 'check_violation',
                CONSTRAINT = 'station_records_payload_missing';
        END IF;
        RETURN NEW;
    END IF;
    IF encode(sha256(convert_to(NEW.payload_text, 'UTF8')), 'hex') <> NEW.payload_sha256 THEN
        RAISE EXCEPTION 'record digest mismatch' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'station_records_payload_hash';
    END IF;
    IF k.station_code IS NOT NULL AND central.hmac_sha256(k.k_ipad, k.k_opad, 'payload:' || NEW.payload_sha256)
            IS DISTINCT FROM NEW.payload_mac THEN
        RAISE EXCEPTION 'record MAC mismatch' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'station_records_payload_mac';
    END IF;
    p := NEW.payload_text::jsonb;
    IF p->>'client_id' IS DISTINCT FROM NEW.client_id::text OR p->>'station_code' IS DISTINCT FROM NEW.station_code
       OR p->>'kind' IS DISTINCT FROM NEW.kind OR p->>'key' IS DISTINCT FROM NEW.record_key
       OR p->'data' IS DISTINCT FROM NEW.data OR (p->>'recorded_at')::timestamptz IS DISTINCT FROM NEW.recorded_at THEN
        RAISE EXCEPTION 'record columns differ' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'station_records_payload_columns';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER station_records_check BEFORE INSERT ON central.station_records
    FOR EACH ROW EXECUTE FUNCTION central.station_records_check();

ALTER TABLE central.station_records ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_read ON central.station_records FOR SELECT USING (station_code = {MY_STATION});
CREATE POLICY own_insert ON central.station_records FOR INSERT WITH CHECK (station_code = {MY_STATION});
"""


def upgrade() -> None:
    # Grants to the station group role are made by ``central_db.init_central`` after every upgrade.
    op.execute(TABLE)


def downgrade() -> None:
    op.execute("DROP VIEW central.station_records_current; DROP TABLE central.station_records;"
               " DROP FUNCTION central.station_records_check(); DROP FUNCTION central.station_records_append_only();")
