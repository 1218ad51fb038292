"""Central schema: stations, reference data, inbox, decisions, conflicts, change feed and row-level security.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = ("open-account", "establish-employer", "withdrawal", "loan", "info-change", "deferral")

# The station of the connected role, as an uncorrelated scalar subquery (an InitPlan: evaluated once
# per statement, not once per row). ``current_user`` is the authenticated login unless the client
# switched to another role it belongs to (then it maps to no station and sees nothing).
MY_STATION = "(SELECT s.code FROM central.stations s WHERE s.role = current_user)"
MY_DISTRICT = "(SELECT s.district FROM central.stations s WHERE s.role = current_user)"

TABLES = f"""
CREATE TABLE central.settings (
    key text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE central.stations (
    code text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_]{{1,32}}$'),
    name text NOT NULL,
    district text NOT NULL,
    role name NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_contact timestamptz
);

CREATE TABLE central.clerks (
    station_code text NOT NULL REFERENCES central.stations(code),
    username text NOT NULL,
    name text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    PRIMARY KEY (station_code, username)
);

-- Reference tables mirror the station store's records (counter_app.store.records) column for
-- column, plus the district that row-level security filters on.
CREATE TABLE central.employers (
    uscc text PRIMARY KEY,
    name text NOT NULL,
    legal_rep text,
    contact_name text,
    contact_mobile text,
    address text,
    district text NOT NULL,
    township text,
    status text NOT NULL DEFAULT '01',
    registered boolean NOT NULL DEFAULT true,
    insured_staff integer,
    account_no text,
    bank_name text,
    bank_account text,
    worker_ratio numeric(5,2),
    employer_ratio numeric(5,2)
);
CREATE INDEX employers_district ON central.employers (district);

CREATE TABLE central.workers (
    id_number text PRIMARY KEY,
    name text NOT NULL,
    id_type text NOT NULL DEFAULT '01',
    sex text,
    birth_date date,
    mobile text,
    phone text,
    address text,
    postcode text,
    marital_status text,
    bank_name text,
    bank_card text,
    employer_uscc text,
    township text,
    district text NOT NULL
);
CREATE INDEX workers_district ON central.workers (district);

CREATE TABLE central.accounts (
    account_no text PRIMARY KEY,
    id_number text NOT NULL,
    employer_uscc text,
    status text NOT NULL DEFAULT '01',
    balance numeric(14,2) NOT NULL DEFAULT 0,
    monthly_base numeric(14,2),
    worker_ratio numeric(5,2),
    employer_ratio numeric(5,2),
    monthly_contribution numeric(14,2),
    consecutive_months integer NOT NULL DEFAULT 0,
    opened_on date,
    in_arrears boolean NOT NULL DEFAULT false,
    offset_agreement boolean NOT NULL DEFAULT false,
    banned_until date,
    district text NOT NULL
);
CREATE INDEX accounts_id_number ON central.accounts (id_number);

CREATE TABLE central.loans (
    loan_no text PRIMARY KEY,
    id_number text NOT NULL,
    principal numeric(14,2) NOT NULL,
    outstanding numeric(14,2) NOT NULL,
    annual_rate numeric(6,3) NOT NULL,
    months integer NOT NULL,
    method text NOT NULL,
    start_date date NOT NULL,
    status text NOT NULL,
    district text NOT NULL
);
CREATE INDEX loans_id_number ON central.loans (id_number);

CREATE TABLE central.withdrawal_history (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id_number text NOT NULL,
    reason_code text NOT NULL,
    amount numeric(14,2) NOT NULL,
    day date NOT NULL,
    document_no text,
    district text NOT NULL
);
CREATE INDEX withdrawal_history_id_number ON central.withdrawal_history (id_number);

CREATE TABLE central.policy_versions (
    label text PRIMARY KEY,
    effective_from date NOT NULL,
    toml text NOT NULL,
    district text,
    published_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE central.inbox (
    client_id uuid PRIMARY KEY,
    station_code text NOT NULL REFERENCES central.stations(code),
    terminal text NOT NULL CHECK (terminal <> ''),
    receipt_number text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ({", ".join(f"'{k}'" for k in KINDS)})),
    subject_key text NOT NULL CHECK (subject_key <> ''),
    fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'object'),
    materials jsonb NOT NULL DEFAULT '[]',
    clerk text NOT NULL CHECK (clerk <> ''),
    created_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT inbox_receipt_of_station CHECK (starts_with(receipt_number, station_code || '-'))
);
CREATE INDEX inbox_station ON central.inbox (station_code);
CREATE INDEX inbox_subject ON central.inbox (kind, subject_key);

CREATE TABLE central.decisions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id uuid NOT NULL REFERENCES central.inbox(client_id),
    receipt_number text NOT NULL,
    station_code text NOT NULL,
    decision text NOT NULL CHECK (decision IN ('approve', 'reject', 'needs-more', 'conflict')),
    reason text NOT NULL DEFAULT '',
    decided_at timestamptz NOT NULL DEFAULT now(),
    decided_by text NOT NULL
);
CREATE INDEX decisions_station ON central.decisions (station_code);

CREATE TABLE central.rejections (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    station_code text NOT NULL,
    client_id text NOT NULL,
    receipt_number text NOT NULL DEFAULT '',
    reason text NOT NULL,
    rejected_at timestamptz NOT NULL DEFAULT now()
);

-- First open-account application per ID number: the unique key makes two concurrent pushes of the
-- same person wait for each other, so the loser always sees the winner (no lost conflict).
CREATE TABLE central.account_claims (
    id_number text PRIMARY KEY,
    client_id uuid NOT NULL,
    station_code text NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE central.conflicts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    subject_key text NOT NULL,
    winner_client_id uuid NOT NULL,
    winner_station text NOT NULL,
    loser_client_id uuid NOT NULL UNIQUE,
    loser_station text NOT NULL,
    detected_at timestamptz NOT NULL DEFAULT now(),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolution text NOT NULL DEFAULT ''
);

CREATE TABLE central.enforcement_cases (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uscc text NOT NULL,
    employer_name text NOT NULL,
    district text NOT NULL,
    facts text NOT NULL,
    notice_no text UNIQUE,
    deadline date,
    status text NOT NULL DEFAULT 'open',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE central.complaints (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    district text NOT NULL,
    station_code text,
    subject text NOT NULL,
    body text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'open',
    received_at timestamptz NOT NULL DEFAULT now()
);

-- The change feed a station pulls by cursor (xid, seq); see counter_app.sync.protocol.pull_changes.
CREATE TABLE central.change_feed (
    xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    seq bigint GENERATED ALWAYS AS IDENTITY,
    entity text NOT NULL,
    key text NOT NULL,
    op text NOT NULL DEFAULT 'upsert' CHECK (op IN ('upsert', 'delete')),
    district text,
    station_code text,
    payload jsonb NOT NULL,
    PRIMARY KEY (xid, seq)
);
"""

FUNCTIONS = """
-- Reference rows and decisions enter the feed through statement-level triggers (one INSERT … SELECT
-- per statement, so loading 200,000 workers costs one extra pass, not 200,000 trigger calls).
CREATE FUNCTION central.feed_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
DECLARE
    entity text := TG_ARGV[0];
    key_col text := TG_ARGV[1];
    target_col text := TG_ARGV[2];  -- 'district' (reference rows) or 'station_code' (decisions)
BEGIN
    IF TG_OP = 'DELETE' THEN
        EXECUTE format(
            'INSERT INTO central.change_feed (entity, key, op, district, station_code, payload)
             SELECT %L, o.%I::text, ''delete'', %s, %s, jsonb_build_object(%L, o.%I)
               FROM old_rows o',
            entity, key_col,
            CASE WHEN target_col = 'district' THEN 'o.district' ELSE 'NULL' END,
            CASE WHEN target_col = 'station_code' THEN 'o.station_code' ELSE 'NULL' END,
            key_col, key_col);
    ELSE
        EXECUTE format(
            'INSERT INTO central.change_feed (entity, key, op, district, station_code, payload)
             SELECT %L, n.%I::text, ''upsert'', %s, %s, to_jsonb(n) FROM new_rows n',
            entity, key_col,
            CASE WHEN target_col = 'district' THEN 'n.district' ELSE 'NULL' END,
            CASE WHEN target_col = 'station_code' THEN 'n.station_code' ELSE 'NULL' END);
    END IF;
    RETURN NULL;
END $$;

-- After a station's INSERT into the inbox (RLS has already verified station_code): claim first
-- open-account per ID number; a later open-account for the same person from another station
-- becomes a conflict and a 'conflict' decision for the losing station. Nothing is overwritten.
CREATE FUNCTION central.inbox_after_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
BEGIN
    INSERT INTO central.account_claims (id_number, client_id, station_code)
    SELECT DISTINCT ON (subject_key) subject_key, client_id, station_code
      FROM new_rows WHERE kind = 'open-account'
     ORDER BY subject_key, created_at, client_id
    ON CONFLICT (id_number) DO NOTHING;

    WITH losers AS (
        SELECT n.client_id, n.receipt_number, n.station_code, n.subject_key,
               c.client_id AS winner_id, c.station_code AS winner_station,
               coalesce(w.receipt_number, '') AS winner_receipt
          FROM new_rows n
          JOIN central.account_claims c ON c.id_number = n.subject_key
          LEFT JOIN central.inbox w ON w.client_id = c.client_id
         WHERE n.kind = 'open-account' AND c.station_code <> n.station_code
    ), recorded AS (
        INSERT INTO central.conflicts
               (kind, subject_key, winner_client_id, winner_station, loser_client_id, loser_station)
        SELECT 'open-account', subject_key, winner_id, winner_station, client_id, station_code
          FROM losers
        ON CONFLICT (loser_client_id) DO NOTHING
        RETURNING loser_client_id
    )
    INSERT INTO central.decisions (client_id, receipt_number, station_code, decision, reason, decided_by)
    SELECT l.client_id, l.receipt_number, l.station_code, 'conflict',
           format('开户冲突：该证件号码已由服务站 %s 受理开户（回执 %s），请人工核实', l.winner_station, l.winner_receipt),
           'system'
      FROM losers l JOIN recorded r ON r.loser_client_id = l.client_id;

    -- now() is the transaction's start: one write per station and transaction, however many statements.
    UPDATE central.stations SET last_contact = now()
     WHERE code IN (SELECT DISTINCT station_code FROM new_rows)
       AND last_contact IS DISTINCT FROM now();
    RETURN NULL;
END $$;

-- A station records that it was in contact (pull without push). SECURITY DEFINER because a station
-- may update nothing; it identifies the station by session_user, the authenticated login, which a
-- non-superuser client cannot change (current_user here is the function owner).
CREATE FUNCTION central.touch_station() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = central, pg_temp AS $$
    UPDATE central.stations SET last_contact = now() WHERE role = session_user;
$$;
REVOKE ALL ON FUNCTION central.touch_station() FROM PUBLIC;
"""


def _feed_triggers(table: str, entity: str, key_col: str, target_col: str) -> str:
    args = f"'{entity}', '{key_col}', '{target_col}'"
    return f"""
CREATE TRIGGER {table}_feed_ins AFTER INSERT ON central.{table}
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION central.feed_rows({args});
CREATE TRIGGER {table}_feed_upd AFTER UPDATE ON central.{table}
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION central.feed_rows({args});
CREATE TRIGGER {table}_feed_del AFTER DELETE ON central.{table}
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION central.feed_rows({args});
"""


FEED_SOURCES = (
    ("employers", "employer", "uscc"),
    ("workers", "worker", "id_number"),
    ("accounts", "account", "account_no"),
    ("loans", "loan", "loan_no"),
    ("withdrawal_history", "withdrawal_history", "id"),
    ("policy_versions", "policy_version", "label"),
)

REFERENCE_TABLES = tuple(t for t, _, _ in FEED_SOURCES)


def _triggers() -> str:
    parts = [_feed_triggers(t, e, k, "district") for t, e, k in FEED_SOURCES]
    parts.append(_feed_triggers("decisions", "decision", "client_id", "station_code"))
    parts.append(
        "CREATE TRIGGER inbox_after_insert AFTER INSERT ON central.inbox"
        " REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION central.inbox_after_insert();"
    )
    return "\n".join(parts)


def _policies() -> str:
    """RLS: the owner (back office) bypasses it; every station role sees and inserts only its own."""
    rls = [f"ALTER TABLE central.{t} ENABLE ROW LEVEL SECURITY;" for t in (
        "stations", "inbox", "decisions", "rejections", "change_feed", *REFERENCE_TABLES)]
    rls += [
        "CREATE POLICY own_station ON central.stations FOR SELECT USING (role = current_user);",
        f"CREATE POLICY own_read ON central.inbox FOR SELECT USING (station_code = {MY_STATION});",
        f"CREATE POLICY own_insert ON central.inbox FOR INSERT WITH CHECK (station_code = {MY_STATION});",
        f"CREATE POLICY own_read ON central.decisions FOR SELECT USING (station_code = {MY_STATION});",
        f"CREATE POLICY own_read ON central.rejections FOR SELECT USING (station_code = {MY_STATION});",
        f"CREATE POLICY own_insert ON central.rejections FOR INSERT WITH CHECK (station_code = {MY_STATION});",
        f"""CREATE POLICY own_read ON central.change_feed FOR SELECT USING (
            CASE WHEN station_code IS NOT NULL THEN station_code = {MY_STATION}
                 ELSE district IS NULL OR district = {MY_DISTRICT} END);""",
    ]
    for table in REFERENCE_TABLES:
        nullable = "district IS NULL OR " if table == "policy_versions" else ""
        rls.append(
            f"CREATE POLICY own_district ON central.{table} FOR SELECT USING ({nullable}district = {MY_DISTRICT});"
        )
    return "\n".join(rls)


def upgrade() -> None:
    op.execute(TABLES)
    op.execute(FUNCTIONS)
    op.execute(_triggers())
    op.execute(_policies())


def downgrade() -> None:
    tables = ("change_feed", "complaints", "enforcement_cases", "conflicts", "account_claims", "rejections",
              "decisions", "inbox", *REFERENCE_TABLES, "clerks", "stations", "settings")
    op.execute("".join(f"DROP TABLE central.{t} CASCADE;" for t in tables))
    op.execute("DROP FUNCTION central.feed_rows(), central.inbox_after_insert(), central.touch_station();")
