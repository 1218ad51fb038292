"""Attachments at the centre (电子档案, issue #21): files by hash, uploaded in chunks, linked to applications.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06

A station uploads each archive copy once (per station, by SHA-256) as chunks, each chunk its own
transaction keyed by its offset: a sync killed mid-file resumes with the chunks the centre lacks,
never the whole file again. ``central.complete_attachment_file`` (SECURITY DEFINER, the login's own
station only) joins the chunks, checks the SHA-256 of the whole, keeps the file and drops the
chunks; a file that does not hash to its name is dropped and named. Then the link rows
(``central.attachments``: application ↔ material ↔ file) go in with the station's client id as key
(``ON CONFLICT DO NOTHING``: exactly once), referencing the application in the inbox and the
completed file. Row-level security: a station inserts and reads only its own rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MY_STATION = "(SELECT s.code FROM central.stations s WHERE s.role = current_user)"
MAX_CHUNK = 4 * 1024 * 1024

UPGRADE = f"""
CREATE TABLE central.attachment_chunks (
    station_code text NOT NULL REFERENCES central.stations(code),
    sha256 text NOT NULL CONSTRAINT attachment_chunks_sha256_check CHECK (sha256 ~ '^[0-9a-f]{{64}}$'),
    "offset" bigint NOT NULL CONSTRAINT attachment_chunks_offset_check CHECK ("offset" >= 0),
    data bytea NOT NULL CONSTRAINT attachment_chunks_data_check CHECK (length(data) BETWEEN 1 AND {MAX_CHUNK}),
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (station_code, sha256, "offset")
);

CREATE TABLE central.attachment_files (
    station_code text NOT NULL REFERENCES central.stations(code),
    sha256 text NOT NULL,
    bytes bigint NOT NULL,
    data bytea NOT NULL,
    completed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (station_code, sha256),
    CONSTRAINT attachment_files_hash_check CHECK (encode(sha256(data), 'hex') = sha256 AND length(data) = bytes)
);

CREATE TABLE central.attachments (
    client_id uuid PRIMARY KEY,
    station_code text NOT NULL REFERENCES central.stations(code),
    application_client_id uuid NOT NULL REFERENCES central.inbox(client_id),
    receipt_number text NOT NULL,
    material text NOT NULL,
    name text NOT NULL CONSTRAINT attachments_name_check CHECK (name <> ''),
    media_type text NOT NULL
        CONSTRAINT attachments_media_type_check CHECK (media_type LIKE 'image/%' OR media_type = 'application/pdf'),
    sha256 text NOT NULL,
    bytes bigint NOT NULL,
    pages integer NOT NULL CONSTRAINT attachments_pages_check CHECK (pages >= 1),
    original_sha256 text,
    original_bytes bigint,
    attached_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (station_code, sha256) REFERENCES central.attachment_files (station_code, sha256)
);
CREATE INDEX attachments_by_receipt ON central.attachments (receipt_number);
CREATE INDEX attachments_by_application ON central.attachments (application_client_id);

-- A link names the application's own receipt number and station.
CREATE FUNCTION central.attachments_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM central.inbox i WHERE i.client_id = NEW.application_client_id
                   AND i.receipt_number = NEW.receipt_number AND i.station_code = NEW.station_code) THEN
        RAISE EXCEPTION 'attachment of another application' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'attachments_application';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER attachments_check BEFORE INSERT ON central.attachments
    FOR EACH ROW EXECUTE FUNCTION central.attachments_check();

-- Join the login station's chunks of one file: 'done' (kept; also when it was already kept),
-- 'missing' (chunks still to send), 'mismatch' (the whole does not hash to its name: chunks dropped).
CREATE FUNCTION central.complete_attachment_file(file_sha256 text, file_bytes bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
DECLARE
    me text := central.login_station();
    whole bytea := ''::bytea;
    at bigint := 0;
    piece record;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'not a station login' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF EXISTS (SELECT 1 FROM central.attachment_files WHERE station_code = me AND sha256 = file_sha256) THEN
        RETURN 'done';
    END IF;
    FOR piece IN SELECT c."offset", c.data FROM central.attachment_chunks c
                  WHERE c.station_code = me AND c.sha256 = file_sha256 ORDER BY c."offset" LOOP
        IF piece."offset" = at THEN
            whole := whole || piece.data;
            at := at + length(piece.data);
        END IF;
    END LOOP;
    IF at < file_bytes THEN
        RETURN 'missing';
    END IF;
    IF at <> file_bytes OR encode(sha256(whole), 'hex') <> file_sha256 THEN
        DELETE FROM central.attachment_chunks WHERE station_code = me AND sha256 = file_sha256;
        RETURN 'mismatch';
    END IF;
    INSERT INTO central.attachment_files (station_code, sha256, bytes, data) VALUES (me, file_sha256, file_bytes, whole)
        ON CONFLICT DO NOTHING;
    DELETE FROM central.attachment_chunks WHERE station_code = me AND sha256 = file_sha256;
    RETURN 'done';
END $$;
REVOKE ALL ON FUNCTION central.complete_attachment_file(text, bigint) FROM PUBLIC;

ALTER TABLE central.attachment_chunks ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_read ON central.attachment_chunks FOR SELECT USING (station_code = {MY_STATION});
CREATE POLICY own_insert ON central.attachment_chunks FOR INSERT WITH CHECK (station_code = {MY_STATION});
ALTER TABLE central.attachment_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_read ON central.attachment_files FOR SELECT USING (station_code = {MY_STATION});
ALTER TABLE central.attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_read ON central.attachments FOR SELECT USING (station_code = {MY_STATION});
CREATE POLICY own_insert ON central.attachments FOR INSERT WITH CHECK (station_code = {MY_STATION});
"""


def upgrade() -> None:
    # Grants to the station group role are made by ``central_db.init_central`` after every upgrade.
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute("DROP TABLE central.attachments; DROP FUNCTION central.attachments_check();"
               " DROP FUNCTION central.complete_attachment_file(text, bigint);"
               " DROP TABLE central.attachment_files; DROP TABLE central.attachment_chunks;")
