"""Receipt keys (issue #22 item 5): each station's receipt verification code is a MAC with a key the centre issues.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06

``central.receipt_keys`` holds one random 256-bit key per station, made by the centre the first time
that station asks (``central.receipt_key()``, at its sync) and never readable by any station role:
a station gets its own key through the function and nobody else's, so it cannot mint a code for
another station's receipt. ``counter-central verify-receipt`` recomputes the code with the key of
the station that took the application.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE = """
CREATE TABLE central.receipt_keys (
    station_code text PRIMARY KEY REFERENCES central.stations(code),
    key bytea NOT NULL CHECK (length(key) = 32),
    issued_at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON central.receipt_keys FROM PUBLIC;

-- The calling station's key, made on its first call (gen_random_uuid draws from the server's strong
-- random source: two of them are 244 random bits, hashed to 32 bytes).
CREATE FUNCTION central.receipt_key() RETURNS TABLE (key bytea, issued_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
DECLARE
    me text := central.login_station();
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION '中心没有登记此服务站' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO central.receipt_keys (station_code, key)
    VALUES (me, sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')))
    ON CONFLICT (station_code) DO NOTHING;
    RETURN QUERY SELECT k.key, k.issued_at FROM central.receipt_keys k WHERE k.station_code = me;
END $$;
REVOKE ALL ON FUNCTION central.receipt_key() FROM PUBLIC;
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute("DROP FUNCTION central.receipt_key(); DROP TABLE central.receipt_keys;")
