"""Partition the applications (inbox) and the change feed by district too (issue #22 item 3).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06

Revision 0011 partitioned workers, accounts and withdrawal history; the issue names applications
and the feed as well. Both become ``PARTITION BY HASH (district)`` with eight partitions, like 0011.

- ``central.inbox`` gains ``district``: the station's district, filled by the column default from
  the login (``central.login_district()``; a station has no INSERT grant on the column, so it cannot
  choose another). PostgreSQL wants the partition key in every unique index, so the inbox's keys
  become ``(client_id, district)`` and ``(receipt_number, district)``; the city-wide uniqueness the
  exactly-once push relies on moves to ``central.application_keys`` (client id and receipt number,
  one narrow unpartitioned row per application), claimed by a BEFORE INSERT trigger: a client id
  already held (a resend, or another station's id) writes nothing, as ``ON CONFLICT (client_id) DO
  NOTHING`` did; a receipt number held under another id is refused as before
  (``inbox_receipt_number_key``). Decisions and attachments refer to that table now.
- ``central.change_feed``: rows meant for one station (decisions, clerks) now carry that station's
  district as well, so they land in its district's partition; rows for every district (district
  NULL) share one. Its ``(xid, seq)`` key becomes a plain index (``seq`` comes from a sequence and
  is unique by itself; a NULL district cannot be part of a primary key).

Rows are copied in the upgrade's transaction; triggers are created after the copy.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MY_STATION = "(SELECT s.code FROM central.stations s WHERE s.role = current_user)"
MY_DISTRICT = "(SELECT s.district FROM central.stations s WHERE s.role = current_user)"
PARTITIONS = 8
DOC = "upper(regexp_replace(fields ->> 'document_no', '[[:space:]-]', '', 'g'))"
STATION_DISTRICT = "(SELECT s.district FROM central.stations s WHERE s.code = {}.station_code)"


def _partitions(table: str) -> str:
    return "\n".join(f"CREATE TABLE central.{table}_p{i} PARTITION OF central.{table}"
                     f" FOR VALUES WITH (MODULUS {PARTITIONS}, REMAINDER {i});" for i in range(PARTITIONS))


def _inbox_extras() -> str:
    """What the inbox has besides its columns and checks, partitioned or not (after the copy)."""
    return f"""
CREATE INDEX inbox_station ON central.inbox (station_code);
CREATE INDEX inbox_subject ON central.inbox (kind, subject_key);
CREATE INDEX inbox_document ON central.inbox (({DOC})) WHERE kind = 'withdrawal';
ALTER TABLE central.inbox ADD CONSTRAINT inbox_kind_fkey FOREIGN KEY (kind) REFERENCES central.business_kinds(kind),
    ADD CONSTRAINT inbox_station_code_fkey FOREIGN KEY (station_code) REFERENCES central.stations(code);
CREATE TRIGGER inbox_after_insert AFTER INSERT ON central.inbox
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION central.inbox_after_insert();
CREATE TRIGGER inbox_check_payload BEFORE INSERT ON central.inbox
    FOR EACH ROW EXECUTE FUNCTION central.inbox_check_payload();
ALTER TABLE central.inbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_read ON central.inbox FOR SELECT USING (station_code = {MY_STATION});
"""


def _feed_extras() -> str:
    return """
CREATE INDEX change_feed_position ON central.change_feed (xid, seq);
CREATE INDEX change_feed_by_district ON central.change_feed (district, xid, seq) WHERE station_code IS NULL;
CREATE INDEX change_feed_by_station ON central.change_feed (station_code, xid, seq) WHERE station_code IS NOT NULL;
ALTER TABLE central.change_feed ENABLE ROW LEVEL SECURITY;
""" + f"""CREATE POLICY own_read ON central.change_feed FOR SELECT USING (
    CASE WHEN station_code IS NOT NULL THEN station_code = {MY_STATION}
         ELSE district IS NULL OR district = {MY_DISTRICT} END);
"""


def _feed_functions(station_district: bool) -> str:
    """``feed_rows`` and ``clerk_feed``; with ``station_district`` a row for one station carries its district."""
    new_d = STATION_DISTRICT.format("n") if station_district else "NULL"
    old_d = STATION_DISTRICT.format("o") if station_district else "NULL"
    clerk_d = STATION_DISTRICT.format("NEW") if station_district else "NULL"
    return f"""
CREATE OR REPLACE FUNCTION central.feed_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
DECLARE
    entity text := TG_ARGV[0];
    key_col text := TG_ARGV[1];
    target_col text := TG_ARGV[2];  -- 'district' (reference rows), 'station_code' (decisions) or 'city'
BEGIN
    IF TG_OP = 'DELETE' THEN
        EXECUTE format(
            'INSERT INTO central.change_feed (entity, key, op, district, station_code, payload)
             SELECT %L, o.%I::text, ''delete'', %s, %s, jsonb_build_object(%L, o.%I)
               FROM old_rows o',
            entity, key_col,
            CASE target_col WHEN 'district' THEN 'o.district' WHEN 'station_code' THEN {old_d!r} ELSE 'NULL' END,
            CASE WHEN target_col = 'station_code' THEN 'o.station_code' ELSE 'NULL' END,
            key_col, key_col);
    ELSE
        EXECUTE format(
            'INSERT INTO central.change_feed (entity, key, op, district, station_code, payload)
             SELECT %L, n.%I::text, ''upsert'', %s, %s, to_jsonb(n) FROM new_rows n',
            entity, key_col,
            CASE target_col WHEN 'district' THEN 'n.district' WHEN 'station_code' THEN {new_d!r} ELSE 'NULL' END,
            CASE WHEN target_col = 'station_code' THEN 'n.station_code' ELSE 'NULL' END);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION central.clerk_feed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
BEGIN
    INSERT INTO central.change_feed (entity, key, op, district, station_code, payload)
    VALUES ('clerk', NEW.username, 'upsert', {clerk_d}, NEW.station_code, jsonb_build_object(
        'username', NEW.username, 'display_name', NEW.name, 'role', NEW.role, 'active', NEW.active,
        'password_hash', CASE WHEN TG_OP = 'INSERT' OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
                              THEN NEW.password_hash END,
        'updated_at', NEW.updated_at));
    RETURN NULL;
END $$;
"""


UPGRADE = f"""
CREATE FUNCTION central.login_district() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = central, pg_temp AS $$
    SELECT district FROM central.stations WHERE role = session_user
$$;
REVOKE ALL ON FUNCTION central.login_district() FROM PUBLIC;

CREATE TABLE central.application_keys (
    client_id uuid PRIMARY KEY,
    receipt_number text NOT NULL CONSTRAINT application_keys_receipt_number_key UNIQUE,
    station_code text NOT NULL,
    district text NOT NULL
);
INSERT INTO central.application_keys (client_id, receipt_number, station_code, district)
    SELECT i.client_id, i.receipt_number, i.station_code, s.district
      FROM central.inbox i JOIN central.stations s ON s.code = i.station_code;

-- The city-wide keys of an application, claimed before the row goes into its district's partition.
CREATE FUNCTION central.inbox_claim_key() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
DECLARE
    me text := central.login_station();
BEGIN
    IF me IS NOT NULL AND NEW.station_code IS DISTINCT FROM me THEN
        RETURN NEW;  -- another station's code: row-level security refuses the row
    END IF;
    INSERT INTO central.application_keys (client_id, receipt_number, station_code, district)
    VALUES (NEW.client_id, NEW.receipt_number, NEW.station_code, NEW.district)
    ON CONFLICT DO NOTHING;
    IF FOUND THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM central.application_keys k WHERE k.client_id = NEW.client_id) THEN
        RETURN NULL;  -- held already (a resend) or another station's id: nothing written, as ON CONFLICT DO NOTHING
    END IF;
    RAISE EXCEPTION 'duplicate key value violates unique constraint "inbox_receipt_number_key"'
        USING ERRCODE = 'unique_violation', CONSTRAINT = 'inbox_receipt_number_key';
END $$;

ALTER TABLE central.inbox RENAME TO inbox_before_0017;
CREATE TABLE central.inbox (LIKE central.inbox_before_0017 INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    district text NOT NULL DEFAULT central.login_district()) PARTITION BY HASH (district);
{_partitions("inbox")}
INSERT INTO central.inbox SELECT i.*, s.district
    FROM central.inbox_before_0017 i JOIN central.stations s ON s.code = i.station_code;
DROP TABLE central.inbox_before_0017 CASCADE;  -- with the decisions' and attachments' references to it
ALTER TABLE central.inbox ADD CONSTRAINT inbox_pkey PRIMARY KEY (client_id, district),
    ADD CONSTRAINT inbox_receipt_number_key UNIQUE (receipt_number, district);
{_inbox_extras()}
CREATE TRIGGER inbox_claim_key BEFORE INSERT ON central.inbox  -- after inbox_check_payload (by name)
    FOR EACH ROW EXECUTE FUNCTION central.inbox_claim_key();
CREATE POLICY own_insert ON central.inbox FOR INSERT
    WITH CHECK (station_code = {MY_STATION} AND district = {MY_DISTRICT});
ALTER TABLE central.decisions ADD CONSTRAINT decisions_client_id_fkey
    FOREIGN KEY (client_id) REFERENCES central.application_keys(client_id);
ALTER TABLE central.attachments ADD CONSTRAINT attachments_application_client_id_fkey
    FOREIGN KEY (application_client_id) REFERENCES central.application_keys(client_id);

{_feed_functions(station_district=True)}
ALTER TABLE central.change_feed RENAME TO change_feed_before_0017;
CREATE SEQUENCE central.change_feed_seqs;
CREATE TABLE central.change_feed (LIKE central.change_feed_before_0017 INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY HASH (district);
ALTER TABLE central.change_feed ALTER COLUMN seq SET DEFAULT nextval('central.change_feed_seqs');
{_partitions("change_feed")}
INSERT INTO central.change_feed (xid, seq, entity, key, op, district, station_code, payload, at)
    SELECT f.xid, f.seq, f.entity, f.key, f.op, coalesce(f.district, {STATION_DISTRICT.format("f")}),
           f.station_code, f.payload, f.at
      FROM central.change_feed_before_0017 f;
SELECT setval('central.change_feed_seqs', coalesce((SELECT max(seq) FROM central.change_feed), 0) + 1, false);
DROP TABLE central.change_feed_before_0017;
{_feed_extras()}
"""

DOWNGRADE = f"""
{_feed_functions(station_district=False)}
ALTER TABLE central.change_feed RENAME TO change_feed_partitioned;
CREATE TABLE central.change_feed (LIKE central.change_feed_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE central.change_feed ALTER COLUMN seq DROP DEFAULT;
ALTER TABLE central.change_feed ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY;
INSERT INTO central.change_feed (xid, seq, entity, key, op, district, station_code, payload, at) OVERRIDING SYSTEM VALUE
    SELECT xid, seq, entity, key, op, CASE WHEN station_code IS NULL THEN district END, station_code, payload, at
      FROM central.change_feed_partitioned;
SELECT setval(pg_get_serial_sequence('central.change_feed', 'seq'),
              coalesce((SELECT max(seq) FROM central.change_feed), 0) + 1, false);
DROP TABLE central.change_feed_partitioned;
DROP SEQUENCE central.change_feed_seqs;
ALTER TABLE central.change_feed ADD PRIMARY KEY (xid, seq);
{_feed_extras().replace("CREATE INDEX change_feed_position ON central.change_feed (xid, seq);", "")}

ALTER TABLE central.inbox RENAME TO inbox_partitioned;
CREATE TABLE central.inbox (LIKE central.inbox_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE central.inbox DROP COLUMN district;
INSERT INTO central.inbox SELECT {{columns}} FROM central.inbox_partitioned;  -- all but district
DROP TABLE central.inbox_partitioned CASCADE;
ALTER TABLE central.inbox ADD PRIMARY KEY (client_id), ADD CONSTRAINT inbox_receipt_number_key UNIQUE (receipt_number);
{_inbox_extras()}
CREATE POLICY own_insert ON central.inbox FOR INSERT WITH CHECK (station_code = {MY_STATION});
ALTER TABLE central.decisions DROP CONSTRAINT decisions_client_id_fkey,
    ADD CONSTRAINT decisions_client_id_fkey FOREIGN KEY (client_id) REFERENCES central.inbox(client_id);
ALTER TABLE central.attachments DROP CONSTRAINT attachments_application_client_id_fkey,
    ADD CONSTRAINT attachments_application_client_id_fkey
    FOREIGN KEY (application_client_id) REFERENCES central.inbox(client_id);
DROP TABLE central.application_keys;
DROP FUNCTION central.inbox_claim_key();
DROP FUNCTION central.login_district();
"""


def upgrade() -> None:
    # Grants to the station group role are made by ``central_db.init_central`` after every upgrade.
    op.execute(UPGRADE)


def downgrade() -> None:
    columns = [r[0] for r in op.get_bind().exec_driver_sql(
        "SELECT attname FROM pg_attribute WHERE attrelid = 'central.inbox'::regclass AND attnum > 0"
        " AND NOT attisdropped AND attname <> 'district' ORDER BY attnum")]
    op.execute(DOWNGRADE.format(columns=", ".join(columns)))
