"""Trust (issue #17): station audit keys, anchored heads, payloads checked on receipt, flags, conflicts
that reveal nothing, the earliest application keeps an ID number.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

- ``central.station_keys``: each station's audit key (HMAC-SHA256), registered by the station itself
  through ``central.register_chain_key`` (once; a different key is refused). Readable by the owner
  only: no grant to the station group, so no station reads another's key (nor its own back).
- ``central.audit_anchors``: the audit head a station anchors on every sync
  (``central.anchor_audit_head``); a head that goes back is kept and flagged.
- ``central.inbox`` gets the exact canonical text sealed at the counter, its SHA-256 and the
  station's MAC; a BEFORE INSERT trigger recomputes both and checks that the columns say what the
  sealed text says. ``central.station_audit`` gets the signed canonical text; the HMAC is
  recomputed on receipt. A mismatch raises with a named constraint: the row is refused alone.
- ``central.flags``: what the centre's own data disagrees with (balance, documents used by other
  workers, limits and frequency from ``counter-central flags --recheck``). Owner only.
- Conflicts: the message names no station or receipt; the earliest application (by its time of
  intake) holds an ID number, so a station pushing first cannot claim it against another station's
  earlier application, unless that one was already decided.

HMAC is computed with the built-in ``sha256()`` (no extension needed): HMAC(K, m) =
H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)); the padded keys are computed once, at registration.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONFLICT_MESSAGE = "该证件号码已有开户申请在办，由中心核实"
# The document-number key (upper case, no white space or hyphens), as the station's normalize_code.
DOC = "upper(regexp_replace({}, '[[:space:]-]', '', 'g'))"

TABLES = f"""
CREATE TABLE central.station_keys (
    station_code text PRIMARY KEY REFERENCES central.stations(code),
    key bytea NOT NULL CHECK (length(key) BETWEEN 16 AND 64),
    k_ipad bytea NOT NULL,
    k_opad bytea NOT NULL,
    from_seq bigint NOT NULL CHECK (from_seq > 0),
    registered_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE central.audit_anchors (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    station_code text NOT NULL REFERENCES central.stations(code),
    seq bigint NOT NULL,
    hash text NOT NULL,
    answer text NOT NULL,
    anchored_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_anchors_station ON central.audit_anchors (station_code, id);

CREATE TABLE central.flags (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    station_code text NOT NULL,
    client_id uuid,
    receipt_number text NOT NULL DEFAULT '',
    rule text NOT NULL,
    message text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz
);
-- One flag per application and rule (an anchor flag has no application: its receipt label is unique).
CREATE UNIQUE INDEX flags_once ON central.flags
    (coalesce(client_id, '00000000-0000-0000-0000-000000000000'::uuid), rule, receipt_number);
CREATE INDEX flags_open ON central.flags (station_code) WHERE resolved_at IS NULL;

ALTER TABLE central.inbox
    ADD COLUMN payload_text text,
    ADD COLUMN payload_sha256 text,
    ADD COLUMN payload_mac text,
    ADD COLUMN rechecked_at timestamptz;
CREATE INDEX inbox_document ON central.inbox ((({DOC.format("fields->>'document_no'")})))
    WHERE kind = 'withdrawal';
CREATE INDEX withdrawal_history_document ON central.withdrawal_history (({DOC.format("document_no")}));

ALTER TABLE central.station_audit ADD COLUMN canonical text;
"""

FUNCTIONS = f"""
CREATE FUNCTION central.hmac_sha256(k_ipad bytea, k_opad bytea, message text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT encode(sha256(k_opad || sha256(k_ipad || convert_to(message, 'UTF8'))), 'hex')
$$;

-- The station of the login (session_user: a station cannot change it by SET ROLE).
CREATE FUNCTION central.login_station() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = central, pg_temp AS $$
    SELECT code FROM central.stations WHERE role = session_user
$$;

CREATE FUNCTION central.register_chain_key(new_key bytea, first_seq bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
DECLARE
    me text := central.login_station();
    held central.station_keys;
    padded bytea;
    ipad bytea;
    opad bytea;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION '中心没有登记此服务站' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO held FROM central.station_keys WHERE station_code = me FOR UPDATE;
    IF FOUND THEN
        IF held.key = new_key AND held.from_seq = first_seq THEN
            RETURN 'same';
        END IF;
        RAISE EXCEPTION '中心已登记本站的另一把审计密钥（本机可能被重装或数据被替换），请联系管理中心核实'
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'station_keys_pkey';
    END IF;
    IF length(new_key) NOT BETWEEN 16 AND 64 OR first_seq < 1 THEN
        RAISE EXCEPTION '审计密钥格式不正确' USING ERRCODE = 'check_violation';
    END IF;
    padded := new_key || decode(repeat('00', 64 - length(new_key)), 'hex');
    ipad := padded;
    opad := padded;
    FOR i IN 0..63 LOOP
        ipad := set_byte(ipad, i, get_byte(padded, i) # 54);   -- 0x36
        opad := set_byte(opad, i, get_byte(padded, i) # 92);   -- 0x5c
    END LOOP;
    INSERT INTO central.station_keys (station_code, key, k_ipad, k_opad, from_seq)
    VALUES (me, new_key, ipad, opad, first_seq);
    RETURN 'registered';
END $$;
REVOKE ALL ON FUNCTION central.register_chain_key(bytea, bigint) FROM PUBLIC;

CREATE FUNCTION central.anchor_audit_head(head_seq bigint, head_hash text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
DECLARE
    me text := central.login_station();
    last central.audit_anchors;
    held text;
    answer text := 'ok';
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION '中心没有登记此服务站' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF head_seq IS NULL OR head_seq < 1 OR head_hash !~ '^[0-9a-f]{{64}}$' THEN
        RAISE EXCEPTION '审计链头格式不正确' USING ERRCODE = 'check_violation';
    END IF;
    SELECT * INTO last FROM central.audit_anchors WHERE station_code = me ORDER BY id DESC LIMIT 1;
    SELECT hash INTO held FROM central.station_audit WHERE station_code = me AND seq = head_seq;
    IF FOUND AND held <> head_hash THEN
        answer := 'mismatch';
    ELSIF last.id IS NOT NULL AND (head_seq < last.seq OR (head_seq = last.seq AND head_hash <> last.hash)) THEN
        answer := 'regressed';
    END IF;
    INSERT INTO central.audit_anchors (station_code, seq, hash, answer) VALUES (me, head_seq, head_hash, answer);
    IF answer <> 'ok' THEN
        INSERT INTO central.flags (station_code, rule, message, receipt_number)
        VALUES (me, 'audit_' || answer,
                CASE answer WHEN 'regressed'
                    THEN format('审计链头倒退：曾锚定第%s条，本次为第%s条（日志被截断、改写或从旧备份恢复）', last.seq, head_seq)
                    ELSE format('审计链头第%s条与中心已收到的该条记录不符（日志被改写）', head_seq) END,
                format('审计#%s', head_seq))
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN answer;
END $$;
REVOKE ALL ON FUNCTION central.anchor_audit_head(bigint, text) FROM PUBLIC;

CREATE FUNCTION central.my_audit_anchor() RETURNS TABLE (seq bigint, hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = central, pg_temp AS $$
    SELECT a.seq, a.hash FROM central.audit_anchors a
     WHERE a.station_code = central.login_station() AND a.answer = 'ok'
     ORDER BY a.id DESC LIMIT 1
$$;
REVOKE ALL ON FUNCTION central.my_audit_anchor() FROM PUBLIC;

-- Receipt of one application: the sealed text must hash to its digest, carry the station's MAC,
-- and say what the columns say. A station without a registered key (an older version) is checked
-- on the digest only, when it sends one.
CREATE FUNCTION central.inbox_check_payload() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
DECLARE
    k central.station_keys;
    p jsonb;
BEGIN
    IF NEW.station_code IS DISTINCT FROM central.login_station() THEN
        RETURN NEW;  -- not the login's station: row-level security refuses it
    END IF;
    IF NEW.created_at > now() + interval '1 day' THEN
        RAISE EXCEPTION 'created_at in the future' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'inbox_created_in_future';
    END IF;
    SELECT * INTO k FROM central.station_keys WHERE station_code = NEW.station_code;
    IF NEW.payload_text IS NULL OR NEW.payload_sha256 IS NULL THEN
        IF k.station_code IS NOT NULL THEN
            RAISE EXCEPTION 'payload not sealed' USING ERRCODE = 'check_violation', CONSTRAINT = 'inbox_payload_missing';
        END IF;
        RETURN NEW;
    END IF;
    IF encode(sha256(convert_to(NEW.payload_text, 'UTF8')), 'hex') <> NEW.payload_sha256 THEN
        RAISE EXCEPTION 'payload digest mismatch' USING ERRCODE = 'check_violation', CONSTRAINT = 'inbox_payload_hash';
    END IF;
    IF k.station_code IS NOT NULL AND central.hmac_sha256(k.k_ipad, k.k_opad, 'payload:' || NEW.payload_sha256)
            IS DISTINCT FROM NEW.payload_mac THEN
        RAISE EXCEPTION 'payload MAC mismatch' USING ERRCODE = 'check_violation', CONSTRAINT = 'inbox_payload_mac';
    END IF;
    p := NEW.payload_text::jsonb;
    IF p->>'client_id' IS DISTINCT FROM NEW.client_id::text OR p->>'station_code' IS DISTINCT FROM NEW.station_code
       OR p->>'terminal' IS DISTINCT FROM NEW.terminal OR p->>'receipt_number' IS DISTINCT FROM NEW.receipt_number
       OR p->>'kind' IS DISTINCT FROM NEW.kind OR p->>'subject_key' IS DISTINCT FROM NEW.subject_key
       OR p->'fields' IS DISTINCT FROM NEW.fields OR p->'materials' IS DISTINCT FROM NEW.materials
       OR p->>'clerk' IS DISTINCT FROM NEW.clerk OR (p->>'created_at')::timestamptz IS DISTINCT FROM NEW.created_at THEN
        RAISE EXCEPTION 'payload columns differ' USING ERRCODE = 'check_violation', CONSTRAINT = 'inbox_payload_columns';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER inbox_check_payload BEFORE INSERT ON central.inbox
    FOR EACH ROW EXECUTE FUNCTION central.inbox_check_payload();

-- Receipt of one audit row: keyed rows (from the registered seq on) must carry the station's HMAC
-- over prev_hash + their signed text; every signed text must say what the columns say.
CREATE FUNCTION central.station_audit_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
DECLARE
    k central.station_keys;
    c jsonb;
BEGIN
    IF NEW.station_code IS DISTINCT FROM central.login_station() OR NEW.hash !~ '^[0-9a-f]{{64}}$'
       OR NEW.prev_hash !~ '^[0-9a-f]{{64}}$' THEN
        RETURN NEW;  -- row-level security and the table's constraints say why, in their own words
    END IF;
    SELECT * INTO k FROM central.station_keys WHERE station_code = NEW.station_code;
    IF NEW.canonical IS NULL THEN
        IF k.station_code IS NOT NULL THEN
            RAISE EXCEPTION 'audit row not signed' USING ERRCODE = 'check_violation',
                CONSTRAINT = 'station_audit_unsigned';
        END IF;
        RETURN NEW;
    END IF;
    IF k.station_code IS NOT NULL AND NEW.seq >= k.from_seq THEN
        IF central.hmac_sha256(k.k_ipad, k.k_opad, NEW.prev_hash || NEW.canonical) IS DISTINCT FROM NEW.hash THEN
            RAISE EXCEPTION 'audit HMAC mismatch' USING ERRCODE = 'check_violation', CONSTRAINT = 'station_audit_hmac';
        END IF;
    ELSIF encode(sha256(convert_to(NEW.prev_hash || NEW.canonical, 'UTF8')), 'hex') IS DISTINCT FROM NEW.hash THEN
        RAISE EXCEPTION 'audit hash mismatch' USING ERRCODE = 'check_violation', CONSTRAINT = 'station_audit_hmac';
    END IF;
    c := NEW.canonical::jsonb;
    IF (c->>'seq')::bigint IS DISTINCT FROM NEW.seq OR c->>'action' IS DISTINCT FROM NEW.action
       OR c->>'clerk' IS DISTINCT FROM NEW.clerk OR c->>'terminal' IS DISTINCT FROM NEW.terminal
       OR c->>'subject' IS DISTINCT FROM NEW.subject OR c->>'station_code' IS DISTINCT FROM NEW.row_station_code
       OR (c->>'at')::timestamptz IS DISTINCT FROM NEW.at OR c->'details' IS DISTINCT FROM NEW.details THEN
        RAISE EXCEPTION 'audit columns differ' USING ERRCODE = 'check_violation', CONSTRAINT = 'station_audit_canonical';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER station_audit_check BEFORE INSERT ON central.station_audit
    FOR EACH ROW EXECUTE FUNCTION central.station_audit_check();

CREATE FUNCTION central.record_conflict(subject text, winner uuid, winner_station text, loser uuid,
                                        loser_station text, loser_receipt text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
BEGIN
    INSERT INTO central.conflicts (kind, subject_key, winner_client_id, winner_station, loser_client_id, loser_station)
    VALUES ('open-account', subject, winner, winner_station, loser, loser_station)
    ON CONFLICT (loser_client_id) DO NOTHING;
    IF FOUND THEN
        INSERT INTO central.decisions (client_id, receipt_number, station_code, decision, reason, decided_by)
        VALUES (loser, loser_receipt, loser_station, 'conflict', '{CONFLICT_MESSAGE}', 'system');
    END IF;
END $$;

-- After a station's INSERT into the inbox (RLS has already verified station_code). An ID number is
-- held by the earliest open-account application (time of intake, then client id). A later-arriving
-- but earlier-taken application from another station takes it over while the holder is undecided;
-- the other one becomes a conflict for a person at the centre. The station is told nothing more
-- than CONFLICT_MESSAGE. Then the flags the centre can raise from its own data at once.
CREATE OR REPLACE FUNCTION central.inbox_after_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = central, pg_temp AS $$
DECLARE
    newcomer record;
    held record;
BEGIN
    FOR newcomer IN SELECT * FROM new_rows WHERE kind = 'open-account' ORDER BY created_at, client_id LOOP
        INSERT INTO central.account_claims (id_number, client_id, station_code)
        VALUES (newcomer.subject_key, newcomer.client_id, newcomer.station_code) ON CONFLICT (id_number) DO NOTHING;
        CONTINUE WHEN FOUND;
        SELECT c.client_id, c.station_code, i.created_at, i.receipt_number INTO held
          FROM central.account_claims c JOIN central.inbox i ON i.client_id = c.client_id
         WHERE c.id_number = newcomer.subject_key FOR UPDATE OF c;
        CONTINUE WHEN held.client_id = newcomer.client_id OR held.station_code = newcomer.station_code;
        IF (newcomer.created_at, newcomer.client_id) < (held.created_at, held.client_id) AND NOT EXISTS (
                SELECT 1 FROM central.decisions d WHERE d.client_id = held.client_id AND d.decision <> 'conflict') THEN
            UPDATE central.account_claims
               SET client_id = newcomer.client_id, station_code = newcomer.station_code, claimed_at = now()
             WHERE id_number = newcomer.subject_key;
            PERFORM central.record_conflict(newcomer.subject_key, newcomer.client_id, newcomer.station_code, held.client_id,
                                            held.station_code, held.receipt_number);
        ELSE
            PERFORM central.record_conflict(newcomer.subject_key, held.client_id, held.station_code, newcomer.client_id,
                                            newcomer.station_code, newcomer.receipt_number);
        END IF;
    END LOOP;

    -- A contract, lease or agreement number already used by another worker's withdrawal, at any
    -- station or in the centre's history.
    INSERT INTO central.flags (station_code, client_id, receipt_number, rule, message)
    SELECT n.station_code, n.client_id, n.receipt_number, 'document_reuse',
           format('合同/协议编号 %s 已用于其他职工的提取（%s）', n.fields->>'document_no',
                  coalesce((SELECT format('服务站 %s 回执 %s', o.station_code, o.receipt_number) FROM central.inbox o
                             WHERE o.kind = 'withdrawal' AND o.client_id <> n.client_id AND o.subject_key <> n.subject_key
                               AND {DOC.format("o.fields->>'document_no'")} = {DOC.format("n.fields->>'document_no'")}
                             ORDER BY o.created_at LIMIT 1),
                           (SELECT format('中心记录 %s', h.day) FROM central.withdrawal_history h
                             WHERE h.id_number <> n.subject_key
                               AND {DOC.format("h.document_no")} = {DOC.format("n.fields->>'document_no'")}
                             ORDER BY h.day LIMIT 1)))
      FROM new_rows n
     WHERE n.kind = 'withdrawal' AND coalesce(n.fields->>'document_no', '') <> ''
       AND (EXISTS (SELECT 1 FROM central.inbox o
                     WHERE o.kind = 'withdrawal' AND o.client_id <> n.client_id AND o.subject_key <> n.subject_key
                       AND {DOC.format("o.fields->>'document_no'")} = {DOC.format("n.fields->>'document_no'")})
            OR EXISTS (SELECT 1 FROM central.withdrawal_history h
                        WHERE h.id_number <> n.subject_key
                          AND {DOC.format("h.document_no")} = {DOC.format("n.fields->>'document_no'")}))
    ON CONFLICT DO NOTHING;

    -- More than the person's balance at the centre (live accounts), less what other undecided or
    -- approved withdrawals already ask for.
    INSERT INTO central.flags (station_code, client_id, receipt_number, rule, message)
    SELECT n.station_code, n.client_id, n.receipt_number, 'balance',
           format('提取金额 %s 元超过中心记录的可用余额 %s 元', n.fields->>'amount', b.available)
      FROM new_rows n
      CROSS JOIN LATERAL (
          SELECT coalesce((SELECT sum(a.balance) FROM central.accounts a
                            WHERE a.id_number = n.subject_key AND a.status IN ('01', '02')), 0)
               - coalesce((SELECT sum((o.fields->>'amount')::numeric) FROM central.inbox o
                            WHERE o.kind = 'withdrawal' AND o.subject_key = n.subject_key AND o.client_id <> n.client_id
                              AND o.created_at <= n.created_at
                              AND NOT EXISTS (SELECT 1 FROM central.decisions d WHERE d.client_id = o.client_id
                                                 AND d.decision IN ('reject', 'conflict'))), 0) AS available
      ) b
     WHERE n.kind = 'withdrawal' AND (n.fields->>'amount') ~ '^[0-9]{{1,12}}(\\.[0-9]{{1,2}})?$'
       AND (n.fields->>'amount')::numeric > b.available
    ON CONFLICT DO NOTHING;

    -- now() is the transaction's start: one write per station and transaction, however many statements.
    UPDATE central.stations SET last_contact = now()
     WHERE code IN (SELECT DISTINCT station_code FROM new_rows)
       AND last_contact IS DISTINCT FROM now();
    RETURN NULL;
END $$;
"""

def upgrade() -> None:
    op.execute(TABLES)
    op.execute(FUNCTIONS)
    # Conflicts already recorded told the losing station who won: say it the new way from now on.
    op.execute(f"UPDATE central.decisions SET reason = '{CONFLICT_MESSAGE}' WHERE decision = 'conflict'"
               " AND decided_by = 'system'")


def downgrade() -> None:
    raise NotImplementedError("revision 0007 (trust) is not reversible: keys, anchors and flags are evidence")
