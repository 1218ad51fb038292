"""Issue #17's probes against a station and the centre, each replayed as it was made (real PostgreSQL,
real keyring file, the command line the station uses): the station set offline, an edited payload,
a rewritten audit log, other stations' business, the keyring, maker and checker, documents."""

from __future__ import annotations

import json
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path

import keyring
import keyring.backends.fail
import psycopg
import pytest
from clerk_helpers import fast_hashing, staff  # noqa: F401 (fixture)
from psycopg.conninfo import make_conninfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from service_world import (
    W,
    fixed_clock,
    open_account_form,
    resident_id,
    withdrawal_form,
)
from station_cli import connect, plain_dsn, run, station_world, sync, take

from counter_app.domain.audit_chain import row_hash, sealed_head
from counter_app.services import (
    audit,
    open_counter,
)
from counter_app.services.settings import KEYRING_SERVICE, keyring_account
from counter_app.services.sync import sync_now
from counter_app.store import Store, audit_key
from counter_app.sync import central_checks, central_db
from counter_app.sync.central_cli import main as central_main

pytestmark = pytest.mark.postgres


def strangers(n: int) -> list[str]:
    return [resident_id(date(1990, 1, 1) + timedelta(days=i), 15) for i in range(n)]


def test_450_applications_taken_offline_all_reach_the_centre_after_connect(central, file_keyring, tmp_path, capsys,
                                                                          monkeypatch):
    # Probe: a new data dir numbered its receipts CG01, `connect --station TT02` succeeded, and the
    # centre refused 411 of 450. Now the station is set before intake, so receipts carry its code.
    station = central.add_station()
    data = station_world(tmp_path, station)
    with open_counter(data, clock=fixed_clock) as counter:
        receipts = []
        for id_number in strangers(450):
            result = take(counter, "open-account", open_account_form(id_number=id_number))
            assert result.ok, result.errors
            receipts.append(result.receipt_number)
    assert all(r.startswith(station.code + "-") for r in receipts)
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    code, counts = sync(capsys, monkeypatch, data)
    assert code == 0 and counts["rejected"] == 0 and counts["conflicts"] == 0
    with central.connect() as owner:
        received = owner.execute("SELECT receipt_number FROM central.inbox WHERE station_code = %s",
                                 (station.code,)).fetchall()
        refused = owner.execute("SELECT count(*) FROM central.rejections WHERE station_code = %s",
                                (station.code,)).fetchone()[0]
    assert sorted(r[0] for r in received) == sorted(receipts) and refused == 0


def test_connect_as_another_station_is_refused_and_nothing_is_saved(central, file_keyring, tmp_path, capsys,
                                                                     monkeypatch):
    mine, other = central.add_station(), central.add_station()
    data = station_world(tmp_path, mine)
    with open_counter(data, clock=fixed_clock) as counter:
        assert take(counter, "open-account", open_account_form(id_number=strangers(1)[0])).ok
    before = (data / "station.sqlite3").read_bytes()
    code, out = connect(capsys, monkeypatch, data, other)  # the other station's own, valid login
    assert code == 2 and out["errors"][0]["field"] == "station"
    assert mine.code in out["errors"][0]["message"] and "不能以服务站" in out["errors"][0]["message"]
    assert (data / "station.sqlite3").read_bytes() == before
    assert keyring.get_password(KEYRING_SERVICE, keyring_account(plain_dsn(other.dsn))) is None


def test_an_edited_outbox_payload_is_refused_alone_by_the_centre(central, file_keyring, tmp_path, capsys, monkeypatch):
    # Probe: a queued withdrawal's outbox JSON edited to 999,999.00 and another card was stored by
    # the centre and passed both verifiers.
    station = central.add_station()
    data = station_world(tmp_path, station)
    with open_counter(data, clock=fixed_clock) as counter:
        taken = take(counter, "withdrawal", withdrawal_form())
        other = take(counter, "open-account", open_account_form(id_number=strangers(1)[0]))
    assert taken.ok and other.ok
    db = sqlite3.connect(data / "station.sqlite3", isolation_level=None)
    payload = json.loads(db.execute("SELECT payload FROM outbox WHERE client_id = ?", (taken.client_id,)).fetchone()[0])
    payload["fields"].update(amount="999999.00", bank_card="6222020000000000018")
    db.execute("UPDATE outbox SET payload = ? WHERE client_id = ?", (json.dumps(payload, ensure_ascii=False),
                                                                      taken.client_id))
    db.close()
    code, verdict = run(capsys, monkeypatch, ["--data-dir", str(data), "audit", "verify", "--offline", "--json"])
    assert code == 1 and verdict["payload"]["receipt_number"] == taken.receipt_number
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    code, counts = sync(capsys, monkeypatch, data)
    assert code == 0 and counts["rejected"] == 1
    with central.connect() as owner:
        received = owner.execute("SELECT receipt_number FROM central.inbox WHERE station_code = %s",
                                 (station.code,)).fetchall()
        reason = owner.execute("SELECT reason FROM central.rejections WHERE receipt_number = %s",
                               (taken.receipt_number,)).fetchone()
    assert received == [(other.receipt_number,)]  # the other one went in: refused alone
    assert reason is not None and "在本机被改动" in reason[0]


def test_an_edited_audit_row_recomputed_without_the_key_is_refused_by_the_centre(central, file_keyring, tmp_path,
                                                                                  capsys, monkeypatch, fast_hashing):
    # Probe: at the centre, a pending audit row that was edited and rehashed was accepted.
    station = central.add_station()
    data = station_world(tmp_path, station)
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    with open_counter(data, clock=fixed_clock) as counter:
        staff(counter)  # from now on the audit log is queued for the centre
        assert take(counter, "open-account", open_account_form(id_number=strangers(1)[0])).ok
        db = sqlite3.connect(data / "station.sqlite3", isolation_level=None)
        cid, raw = db.execute("SELECT client_id, payload FROM outbox WHERE topic = 'audit' ORDER BY id DESC").fetchone()
        row = json.loads(raw)
        row["subject"] = "edited"
        row["hash"] = row_hash(row["prev_hash"], row)  # recomputed as the old, unkeyed chain was
        db.execute("UPDATE outbox SET payload = ? WHERE client_id = ?", (json.dumps(row, ensure_ascii=False), cid))
        db.close()
        report = sync_now(counter).as_dict()
    assert report["rejected"] == 1
    with central.connect() as owner:
        held = owner.execute("SELECT subject FROM central.station_audit WHERE station_code = %s", (station.code,)
                             ).fetchall()
        reason = owner.execute("SELECT reason FROM central.rejections WHERE client_id = %s", (cid,)).fetchone()
    assert held and ("edited",) not in held  # the other rows went in, the edited one alone did not
    assert reason is not None and "校验不符" in reason[0]


def test_a_log_cut_and_resealed_with_the_stolen_key_still_fails_against_the_centres_anchor(
        central, file_keyring, tmp_path, capsys, monkeypatch):
    # Probe: deleting the last rows and rewriting the head passed `audit verify`. Even someone who
    # read the key from the keyring and reseals the head is caught: the centre anchored the head.
    station = central.add_station()
    data = station_world(tmp_path, station)
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    with open_counter(data, clock=fixed_clock) as counter:
        for person in strangers(3):
            assert take(counter, "open-account", open_account_form(id_number=person)).ok
        for n in range(4):  # lookups: the rows someone would rather nobody saw
            audit.record(counter, "lookup", f"110105********00{n}X", {"via": "card"})
    assert sync(capsys, monkeypatch, data)[0] == 0  # anchors the head
    code, verdict = run(capsys, monkeypatch, ["--data-dir", str(data), "audit", "verify", "--json"])
    assert code == 0 and verdict["anchor"]["ok"] is True
    anchored = verdict["anchor"]["seq"]
    store = Store.open(data)
    with store.unit_of_work() as uow:
        key = audit_key.read(uow.settings.get("store_id"))  # the attacker reads the keyring too
        kept = [r for r in uow.audit.iter_all() if r.seq < anchored - 1]
    db = sqlite3.connect(data / "station.sqlite3", isolation_level=None)
    db.execute("DELETE FROM audit_log WHERE seq >= ?", (anchored - 1,))
    db.close()
    with store.unit_of_work(write=True) as uow:
        uow.audit.set_head(sealed_head(kept[-1], key.key))
        uow.commit()
    store.close()
    assert run(capsys, monkeypatch, ["--data-dir", str(data), "audit", "verify", "--offline"])[0] == 0  # locally perfect
    code, verdict = run(capsys, monkeypatch, ["--data-dir", str(data), "audit", "verify", "--json"])
    assert code == 1 and verdict["anchor"]["ok"] is False and "中心锚定" in verdict["message"]
    code = central_main(["audit-verify", "--dsn", central.dsn, "--station", station.code, "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["ok"] is True and out["keyed"] is True  # the centre's copy is whole, checked with the key


def test_a_conflict_names_nobody_and_the_earlier_intake_keeps_the_id_number(central, file_keyring, tmp_path, capsys,
                                                                           monkeypatch):
    # Probe: a station inserting an open-account for any ID number read back "已由服务站 XB02 受理
    # 开户（回执 XB02-…）", and whoever pushed first held the number.
    early, late = central.add_station(), central.add_station()
    person = strangers(1)[0]
    early_dir = station_world(tmp_path / "early", early)
    late_dir = station_world(tmp_path / "late", late)
    with open_counter(early_dir, clock=fixed_clock) as counter:  # taken first, but pushed last
        first = take(counter, "open-account", open_account_form(id_number=person))
    with open_counter(late_dir, clock=lambda: fixed_clock() + timedelta(hours=1)) as counter:
        second = take(counter, "open-account", open_account_form(id_number=person))
    assert first.ok and second.ok
    for data, station in ((late_dir, late), (early_dir, early)):
        assert connect(capsys, monkeypatch, data, station)[0] == 0
        assert sync(capsys, monkeypatch, data)[0] == 0
    with central.connect() as owner:
        decided = owner.execute("SELECT receipt_number, reason FROM central.decisions WHERE decision = 'conflict'"
                                ).fetchall()
    assert [d[0] for d in decided] == [second.receipt_number]  # the later intake yields, whoever pushed first
    assert decided[0][1] == "该证件号码已有开户申请在办，由中心核实"
    assert early.code not in decided[0][1] and first.receipt_number not in decided[0][1]


def test_connect_without_a_usable_keyring_saves_nothing_and_says_so_in_chinese(central, tmp_path, capsys, monkeypatch):
    # Probe: no keyring backend left connect half done (exit 3, English, DSN and station saved).
    station = central.add_station()
    data = station_world(tmp_path, station)
    before = (data / "station.sqlite3").read_bytes()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        code, out = connect(capsys, monkeypatch, data, station)
    finally:
        keyring.set_keyring(previous)
    assert code == 2 and out["errors"][0]["field"] == "keyring" and "钥匙串" in out["errors"][0]["message"]
    assert (data / "station.sqlite3").read_bytes() == before


def test_sync_with_the_password_gone_from_the_keyring_exits_2_in_chinese(central, file_keyring, tmp_path, capsys,
                                                                         monkeypatch):
    station = central.add_station()
    data = station_world(tmp_path, station)
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    keyring.delete_password(KEYRING_SERVICE, keyring_account(plain_dsn(station.dsn)))
    code, out = sync(capsys, monkeypatch, data)
    assert code == 2 and out["errors"][0]["field"] == "password" and "钥匙串" in out["errors"][0]["message"]


def test_the_centre_flags_what_its_own_data_disagrees_with(central, file_keyring, tmp_path, capsys, monkeypatch):
    # The centre re-checks with its own data: a withdrawal above the balance the centre holds, and
    # one lease number used for two workers at two stations, become flags for the back office.
    a, b = central.add_station(), central.add_station()
    with central.connect() as owner:  # the centre's account of 张三 holds less than the station thinks
        owner.execute("INSERT INTO central.accounts (account_no, id_number, status, balance, consecutive_months,"
                      " district) VALUES ('CG0100000001', %s, '01', 300.00, 36, %s)", (W.active, a.district))
    dirs = {}
    for station, who in ((a, W.active), (b, W.repaid)):
        dirs[station.code] = data = station_world(tmp_path / station.code, station)
        with open_counter(data, clock=fixed_clock) as counter:
            result = take(counter, "withdrawal", withdrawal_form(id_number=who))
            assert result.ok, result.errors
        assert connect(capsys, monkeypatch, data, station)[0] == 0
        assert sync(capsys, monkeypatch, data)[0] == 0
    with central.connect() as owner:
        flags = {(f["station_code"], f["rule"]) for f in central_checks.list_flags(owner)}
    assert (a.code, "balance") in flags  # 600.00 asked, 300.00 held
    assert (b.code, "document_reuse") in flags  # the same lease, another worker, another station


def test_the_centre_refuses_a_decision_by_the_clerk_who_took_it(central, file_keyring, tmp_path, capsys, monkeypatch):
    station = central.add_station()
    data = station_world(tmp_path, station)
    with open_counter(data, clock=fixed_clock) as counter:
        taken = take(counter, "open-account", open_account_form(id_number=strangers(1)[0]))
        clerk = counter.clerk
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    assert sync(capsys, monkeypatch, data)[0] == 0
    with central.connect() as owner:
        with pytest.raises(central_db.CentralError, match="经办与审批分离"):
            central_db.decide(owner, taken.receipt_number, "approve", by=clerk)
        assert central_db.decide(owner, taken.receipt_number, "approve", by="checker02")["decision"] == "approve"


# --- row-level security and role hardening, attacked table by table ------------------------------------------

REFUSED = ("42501",)  # insufficient_privilege: no grant, a row-level security policy, a hardened role


def _victim_rows(owner, table: str, victim) -> list[str]:
    """The victim station's rows of ``table`` (by station code, district or role), as JSON texts."""
    cols = {r[0] for r in owner.execute("SELECT column_name FROM information_schema.columns WHERE table_schema"
                                        " = 'central' AND table_name = %s", (table,))}
    where = [f"{c} = %s" for c, v in (("station_code", victim.code), ("district", victim.district),
                                      ("role", victim.role)) if c in cols]
    if not where:
        return [r[0] for r in owner.execute(f"SELECT row_to_json(t)::text FROM central.{table} t ORDER BY 1")]
    params = [v for c, v in (("station_code", victim.code), ("district", victim.district), ("role", victim.role))
              if c in cols]
    return [r[0] for r in owner.execute(f"SELECT row_to_json(t)::text FROM central.{table} t"
                                        f" WHERE {' OR '.join(where)} ORDER BY 1", params)]


def _attack(dsn: str, statement: str, params=(), *, reads_victim=None, refused=REFUSED) -> str:
    """Run one attack as the attacking station: 'refused' (privilege or policy), 'filtered' (ran, but no
    row of the victim was seen or touched: checked again at the end), or what got through."""
    try:
        with psycopg.connect(dsn, autocommit=True, connect_timeout=5) as conn:
            cur = conn.execute(statement, params)
            rows = cur.fetchall() if cur.description else []
    except psycopg.Error as exc:
        return "refused" if exc.sqlstate in refused or "permission denied" in str(exc) else f"error {exc.sqlstate}"
    if reads_victim is not None and any(reads_victim(r) for r in rows):
        return "READ"
    return "filtered"


def test_a_station_role_attacking_every_central_table_and_its_own_role_is_refused(
        central, file_keyring, tmp_path, capsys, monkeypatch, fast_hashing):
    # Probe: 73 of 78 row-level security attacks were refused; the 5 that got through were the role's
    # own powers (temporary objects, the postgres database, the role list, its own password).
    victim, attacker = central.add_station("D1"), central.add_station("D2")
    data = station_world(tmp_path, victim)  # the victim's real business at the centre: intake, audit, records
    assert connect(capsys, monkeypatch, data, victim)[0] == 0
    with open_counter(data, clock=fixed_clock) as counter:
        staff(counter)
        taken = take(counter, "withdrawal", withdrawal_form())
        assert taken.ok and take(counter, "open-account", open_account_form(id_number=strangers(1)[0])).ok
    assert sync(capsys, monkeypatch, data)[0] == 0
    with central.connect() as owner:
        central_db.decide(owner, taken.receipt_number, "reject", "材料不全", by="checker02")
        owner.execute("INSERT INTO central.workers (id_number, name, district) VALUES (%s, '李四', %s)",
                      (strangers(2)[1], victim.district))
        tables = [r[0] for r in owner.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname ="
            " 'central' AND c.relkind IN ('r', 'p', 'v') AND NOT c.relispartition ORDER BY 1")]
        before = {t: _victim_rows(owner, t, victim) for t in tables}
        views = {r[0] for r in owner.execute("SELECT table_name FROM information_schema.views WHERE table_schema"
                                             " = 'central'")}
        writable = {t: [r[0] for r in owner.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'central' AND table_name = %s"
            " AND is_identity = 'NO' AND is_generated = 'NEVER' ORDER BY ordinal_position", (t,))] for t in tables}
    held = [t for t in tables if before[t]]
    assert {"inbox", "decisions", "station_audit", "workers", "stations", "station_keys"} <= set(held)

    def is_victims(row) -> bool:
        return victim.code in map(str, row) or victim.district in map(str, row) or victim.role in map(str, row)

    attacks: list[tuple[str, str, tuple]] = []
    for t in tables:
        attacks.append((f"read {t}", f"SELECT * FROM central.{t}", ()))
        if t in views:
            continue
        cols = ", ".join(f'"{c}"' for c in writable[t])  # quoted: a column may be a keyword ("offset")
        for row in before[t][:1] or ["{}"]:
            attacks.append((f"insert a copy of the victim's {t} row", f"INSERT INTO central.{t} ({cols}) SELECT {cols}"
                            f" FROM json_populate_record(NULL::central.{t}, %s::json)", (row,)))
        attacks += [(f"update {t}", f'UPDATE central.{t} SET "{writable[t][0]}" = "{writable[t][0]}"', ()),
                    (f"delete {t}", f"DELETE FROM central.{t}", ()),
                    (f"truncate {t}", f"TRUNCATE central.{t} CASCADE", ())]
    attacks += [
        ("temporary table", "CREATE TEMP TABLE probe (x int)", ()),
        ("table in central", "CREATE TABLE central.probe (x int)", ()),
        ("table in public", "CREATE TABLE public.probe (x int)", ()),
        ("schema", "CREATE SCHEMA probe", ()),
        ("function in public", "CREATE FUNCTION public.probe() RETURNS int LANGUAGE sql AS 'SELECT 1'", ()),
        ("row security off", "SET row_security = off; SELECT * FROM central.inbox", ()),
        ("disable row security", "ALTER TABLE central.inbox DISABLE ROW LEVEL SECURITY", ()),
        ("drop a policy", "DROP POLICY own_read ON central.inbox", ()),
        ("grant to public", "GRANT SELECT ON central.inbox TO PUBLIC", ()),
        ("become the victim", f'SET ROLE "{victim.role}"', ()),
        ("become the victim's session", f'SET SESSION AUTHORIZATION "{victim.role}"', ()),
        ("the victim's password", f"ALTER ROLE \"{victim.role}\" PASSWORD 'x'", ()),
        ("superuser", f'ALTER ROLE "{attacker.role}" SUPERUSER', ()),
        ("create roles", f'ALTER ROLE "{attacker.role}" CREATEROLE', ()),
        ("bypass row security", f'ALTER ROLE "{attacker.role}" BYPASSRLS', ()),
        ("read a server file", "SELECT pg_read_file('postgresql.conf')", ()),
        ("large object import", "SELECT lo_import('/etc/passwd')", ()),
        ("copy to a program", "COPY (SELECT 1) TO PROGRAM 'true'", ()),
        ("copy from a server file", "COPY central.inbox FROM '/etc/passwd'", ()),
        ("an extension", "CREATE EXTENSION IF NOT EXISTS dblink", ()),
        ("purge the feed", "SELECT central.purge_feed(0)", ()),
        ("replace the registered audit key", "SELECT central.register_chain_key(%s, 1)", (b"k" * 32,)),
        ("cancel other sessions", "SELECT pg_cancel_backend(pid) FROM pg_stat_activity", ()),
        ("terminate other sessions", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity", ()),
        ("server settings", "ALTER SYSTEM SET log_statement = 'none'", ()),
        *[(f"list roles: {s}", s, ()) for s in ("SELECT rolname FROM pg_roles", "SELECT usename FROM pg_user",
                                                "SELECT * FROM pg_auth_members", "SELECT usename FROM pg_stat_activity",
                                                "SELECT datname FROM pg_database", "SELECT pg_get_userbyid(10)")],
    ]
    with attacker.connect() as conn:  # its own key, registered as a connect does
        conn.execute("SELECT central.register_chain_key(%s, 1)", (b"a" * 32,))
    grants = _grants(central)
    results = {name: _attack(attacker.dsn, statement, params, reads_victim=is_victims,
                             refused=("23505",) if "audit key" in name else REFUSED)  # a key is registered once
               for name, statement, params in attacks}
    for database in ("postgres", "template1"):
        try:
            psycopg.connect(make_conninfo(attacker.dsn, dbname=database), connect_timeout=5).close()
            results[f"connect to {database}"] = "CONNECTED"
        except psycopg.OperationalError as exc:
            results[f"connect to {database}"] = "refused" if "permission denied" in str(exc) else str(exc)
    with central.connect() as owner:
        after = {t: _victim_rows(owner, t, victim) for t in tables}
    changed = [t for t in tables if after[t] != before[t]]
    through = {name: r for name, r in results.items() if r not in ("refused", "filtered")}
    refused = sum(r == "refused" for r in results.values())
    filtered = sum(r == "filtered" for r in results.values())
    print(f"row-level security and role attacks: {len(results)}, refused {refused}, ran but saw/touched none of"
          f" the victim's rows {filtered}, got through {len(through)}; tables holding victim rows {len(held)}"
          f"/{len(tables)}")
    print("\n".join(f"  {name}: {r}" for name, r in results.items() if r != "refused"))
    assert through == {} and changed == [] and _grants(central) == grants



def _grants(central) -> list:
    """What no attack may change: the central tables' privileges and both stations' role powers."""
    with central.connect() as owner:
        return owner.execute(
            "SELECT c.relname, c.relacl::text, c.relrowsecurity FROM pg_class c WHERE c.relnamespace ="
            " 'central'::regnamespace UNION ALL SELECT r.rolname, concat_ws(',', r.rolsuper, r.rolcreaterole,"
            " r.rolbypassrls, r.rolcreatedb, a.rolpassword), r.rolcanlogin FROM pg_roles r JOIN pg_authid a ON"
            " a.oid = r.oid WHERE r.rolname = ANY(%s) ORDER BY 1", ([s.role for s in central.stations],)).fetchall()


def test_the_centres_recheck_flags_a_frequency_no_single_station_could_see(central, file_keyring, tmp_path, capsys,
                                                                          monkeypatch):
    # The centre re-checks limits and frequency with every station's withdrawals: the same worker's
    # property-fee withdrawal (3,600 a year, once in 12 months) taken at two stations in one month is
    # fine at each station alone, and a flag at the centre.
    a, b = central.add_station(), central.add_station()
    with central.connect() as owner:
        owner.execute("INSERT INTO central.accounts (account_no, id_number, status, balance, consecutive_months,"
                      " district) VALUES ('CG0100000001', %s, '01', 50000.00, 36, %s)", (W.active, a.district))
    taken = {}
    for n, station in enumerate((a, b)):
        data = station_world(tmp_path / station.code, station)
        with open_counter(data, clock=lambda n=n: fixed_clock() + timedelta(days=n)) as counter:
            result = take(counter, "withdrawal", withdrawal_form(
                reason_code="93", variant=None, amount="2000.00", event_amount="2000.00", event_date="2026-11-01",
                document_no=None))
            assert result.ok, result.errors
            taken[station.code] = result.receipt_number
        assert connect(capsys, monkeypatch, data, station)[0] == 0
        assert sync(capsys, monkeypatch, data)[0] == 0
    code = central_main(["flags", "--dsn", central.dsn, "--recheck", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["rechecked"] == 2
    limits = [f for f in out["flags"] if f["rule"] == "limits"]
    assert [f["receipt_number"] for f in limits] == [taken[b.code]], out["flags"]  # the later one, at the other station
    assert "12" in limits[0]["message"] or "3600" in limits[0]["message"].replace(",", ""), limits[0]["message"]
    assert central_main(["flags", "--dsn", central.dsn, "--recheck", "--json"]) == 0  # re-run: nothing doubled
    again = json.loads(capsys.readouterr().out)
    assert again["rechecked"] == 0 and len([f for f in again["flags"] if f["rule"] == "limits"]) == 1
