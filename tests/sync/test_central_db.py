"""Central schema, station roles and row-level security on the real PostgreSQL."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime

import psycopg
import pytest
from alembic.script import ScriptDirectory
from psycopg import errors

from counter_app.domain.businesses import BUSINESSES, register, unregister
from counter_app.sync import central_db
from counter_app.sync.central_db import CentralError

# The newest central revision (a new migration must not need this test changed).
HEAD = ScriptDirectory(str(central_db.MIGRATIONS_DIR)).get_current_head()

pytestmark = pytest.mark.postgres


def _inbox_row(conn: psycopg.Connection, station: str, kind: str = "withdrawal", subject: str = "X") -> str:
    cid = str(uuid.uuid4())
    # A station's district comes from its login (the column's default); the owner names it.
    owner = conn.info.parameter_status("is_superuser") == "on"
    conn.execute(
        "INSERT INTO central.inbox (client_id, station_code, terminal, receipt_number, kind, subject_key,"
        f" fields, materials, clerk, created_at{', district' if owner else ''}) VALUES (%s, %s, 'T1', %s, %s, %s,"
        f" '{{}}', '[]', 'clerk', now(){', (SELECT district FROM central.stations WHERE code = %s)' if owner else ''})",
        (cid, station, f"{station}-T1-20261123-{cid[:8]}", kind, subject, *([station] if owner else [])),
    )
    return cid


def _worker(conn: psycopg.Connection, id_number: str, district: str) -> None:
    conn.execute(
        "INSERT INTO central.workers (id_number, name, district) VALUES (%s, '张三', %s)", (id_number, district)
    )


def test_init_is_idempotent_and_records_head_revision(central):
    central_db.init_central(central.dsn, central.group)
    with central.connect() as conn:
        version = conn.execute("SELECT version_num FROM central.alembic_version").fetchone()[0]
        login = conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (central.group,)).fetchone()
        tables = {r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'central'").fetchall()}
    assert version == HEAD
    assert login == (False,)
    assert {"stations", "clerks", "employers", "workers", "accounts", "loans", "withdrawal_history",
            "policy_versions", "inbox", "decisions", "rejections", "conflicts", "enforcement_cases",
            "complaints", "change_feed", "station_audit", "business_kinds", "station_keys", "audit_anchors",
            "flags"} <= tables


def test_add_station_creates_a_login_role_with_a_working_password(central):
    station = central.add_station(district="东城区")
    with station.connect() as conn:
        me = conn.execute("SELECT current_user, code, district FROM central.stations").fetchall()
    with central.connect() as conn:
        stored = conn.execute("SELECT * FROM central.stations WHERE code = %s", (station.code,)).fetchone()
    assert me == [(station.role, station.code, "东城区")]
    assert station.password not in repr(stored)
    assert len(station.password) >= 24


def test_add_station_refuses_a_duplicate_code_and_bad_codes(central):
    station = central.add_station()
    with central.connect() as conn:
        with pytest.raises(CentralError) as dup:
            central_db.add_station(conn, station.code, "另一站", "D1", role="x_" + uuid.uuid4().hex[:8])
        with pytest.raises(CentralError) as bad:
            central_db.add_station(conn, "站-1!", "坏代码", "D1")
    assert dup.value.field == "code"
    assert bad.value.field == "code"


def test_wrong_password_is_refused(central):
    station = central.add_station()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(station.dsn.replace(station.password, station.password[:-1] + "!"), connect_timeout=5)


def test_station_sees_only_its_own_inbox_and_decisions(central):
    a, b = central.add_station("D1"), central.add_station("D1")
    with central.connect() as owner:
        mine = _inbox_row(owner, a.code)
        theirs = _inbox_row(owner, b.code)
        central_db.decide(owner, f"{b.code}-T1-20261123-{theirs[:8]}", "reject", "材料不全")
        central_db.decide(owner, f"{a.code}-T1-20261123-{mine[:8]}", "approve")
    with a.connect() as conn:
        inbox = [str(r[0]) for r in conn.execute("SELECT client_id FROM central.inbox").fetchall()]
        decisions = [str(r[0]) for r in conn.execute("SELECT client_id FROM central.decisions").fetchall()]
        other = conn.execute("SELECT count(*) FROM central.inbox WHERE station_code = %s", (b.code,)).fetchone()[0]
        stations = conn.execute("SELECT code FROM central.stations").fetchall()
    assert inbox == [mine]
    assert decisions == [mine]
    assert other == 0
    assert stations == [(a.code,)]


def test_forged_station_code_is_refused(central):
    a, b = central.add_station(), central.add_station()
    with a.connect() as conn:
        with pytest.raises(errors.InsufficientPrivilege):
            _inbox_row(conn, b.code)
        _inbox_row(conn, a.code)
    with central.connect() as owner:
        counts = dict(owner.execute("SELECT station_code, count(*) FROM central.inbox GROUP BY 1").fetchall())
    assert counts == {a.code: 1}


@pytest.mark.parametrize("statement", [
    "UPDATE central.inbox SET clerk = 'x'",
    "DELETE FROM central.inbox",
    "UPDATE central.workers SET name = 'x'",
    "DELETE FROM central.decisions",
    "UPDATE central.stations SET district = 'D2'",
    "INSERT INTO central.workers (id_number, name, district) VALUES ('1', 'x', 'D1')",
    "INSERT INTO central.decisions (client_id, receipt_number, station_code, decision, decided_by)"
    " VALUES (gen_random_uuid(), 'r', 's', 'approve', 'me')",
    "SELECT * FROM central.conflicts",
    "SELECT * FROM central.account_claims",
    "SELECT * FROM central.settings",
    "TRUNCATE central.change_feed",
])
def test_station_cannot_change_master_data_or_read_centre_tables(central, statement):
    station = central.add_station()
    with station.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(statement)


def test_a_station_cannot_backdate_when_the_centre_received_its_application(central):
    station = central.add_station()
    with station.connect() as conn:
        with pytest.raises(errors.InsufficientPrivilege) as refused:
            conn.execute(
                "INSERT INTO central.inbox (client_id, station_code, terminal, receipt_number, kind, subject_key,"
                " fields, clerk, created_at, received_at) VALUES (gen_random_uuid(), %s, 'T', %s, 'loan', 'x', '{}',"
                " 'c', now(), '2020-01-01')", (station.code, f"{station.code}-T-1"))
        _inbox_row(conn, station.code)  # without received_at the same station inserts fine
    assert "permission denied" in str(refused.value) and "row-level" not in str(refused.value)


def test_reference_rows_of_other_districts_are_invisible(central):
    east, west = central.add_station("东城区"), central.add_station("西城区")
    with central.connect() as owner:
        _worker(owner, "110101199003074514", "东城区")
        _worker(owner, "110102199003074510", "西城区")
        owner.execute("INSERT INTO central.policy_versions (label, effective_from, toml) VALUES ('v1', '2026-01-01', 'x')")
        owner.execute("INSERT INTO central.policy_versions (label, effective_from, district, toml)"
                      " VALUES ('v1-west', '2026-01-01', '西城区', 'y')")
    with east.connect() as conn:
        workers = conn.execute("SELECT id_number FROM central.workers").fetchall()
        policies = conn.execute("SELECT label FROM central.policy_versions ORDER BY 1").fetchall()
        feed = conn.execute("SELECT entity, key FROM central.change_feed ORDER BY seq").fetchall()
    with west.connect() as conn:
        west_workers = conn.execute("SELECT id_number FROM central.workers").fetchall()
    assert workers == [("110101199003074514",)]
    assert policies == [("v1",)]
    assert feed == [("worker", "110101199003074514"), ("policy_version", "v1")]
    assert west_workers == [("110102199003074510",)]


def test_switching_to_the_group_role_sees_nothing(central):
    station = central.add_station()
    with central.connect() as owner:
        _inbox_row(owner, station.code)
        _worker(owner, "110101199003074514", station.district)
    with station.connect() as conn:
        conn.execute(psycopg.sql.SQL("SET ROLE {}").format(psycopg.sql.Identifier(central.group)))
        assert conn.execute("SELECT count(*) FROM central.inbox").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM central.workers").fetchone()[0] == 0
        with pytest.raises(errors.InsufficientPrivilege):
            _inbox_row(conn, station.code)


def test_decide_validates_and_records_the_decision(central):
    station = central.add_station()
    with central.connect() as owner:
        cid = _inbox_row(owner, station.code)
        receipt = f"{station.code}-T1-20261123-{cid[:8]}"
        with pytest.raises(CentralError) as unknown:
            central_db.decide(owner, "NOPE-1", "approve")
        with pytest.raises(CentralError) as no_reason:
            central_db.decide(owner, receipt, "reject", "  ")
        result = central_db.decide(owner, receipt, "needs-more", "缺少租房合同", by="审批员甲")
        stored = owner.execute("SELECT decision, reason, decided_by FROM central.decisions").fetchall()
    assert unknown.value.field == "receipt_number"
    assert no_reason.value.field == "reason"
    assert result["client_id"] == cid and result["station_code"] == station.code
    assert stored == [("needs-more", "缺少租房合同", "审批员甲")]


def test_status_counts_received_applications_per_station(central):
    a, b = central.add_station(), central.add_station()
    with central.connect() as owner:
        for _ in range(3):
            _inbox_row(owner, a.code)
        status = central_db.station_status(owner)
    by_code = {s["code"]: s for s in status["stations"]}
    assert by_code[a.code]["received"] == 3
    assert by_code[b.code]["received"] == 0
    assert by_code[b.code]["last_contact"] is None
    last = datetime.fromisoformat(by_code[a.code]["last_contact"])
    assert last.tzinfo is not None and last <= datetime.now(UTC)


def test_init_upgrades_an_older_central_schema(pg_dsn, drop_roles):
    central_db.upgrade_schema(pg_dsn, "0001")
    with psycopg.connect(pg_dsn) as conn:
        before = conn.execute("SELECT version_num FROM central.alembic_version").fetchone()[0]
    group = "grp_" + uuid.uuid4().hex[:10]
    central_db.init_central(pg_dsn, group)
    with psycopg.connect(pg_dsn) as conn:
        after = conn.execute("SELECT version_num FROM central.alembic_version").fetchone()[0]
        indexes = {r[0] for r in conn.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'change_feed'").fetchall()}
    drop_roles(pg_dsn, [group])
    assert (before, after) == ("0001", HEAD)
    assert {"change_feed_by_district", "change_feed_by_station"} <= indexes


def test_the_inbox_takes_the_kinds_init_registers_from_the_business_registry(central):
    station = central.add_station()
    with central.connect() as conn:
        kinds = {r[0] for r in conn.execute("SELECT kind FROM central.business_kinds").fetchall()}
        assert set(BUSINESSES) <= kinds
        _inbox_row(conn, station.code, kind="loan")
        with pytest.raises(errors.ForeignKeyViolation) as refused:
            _inbox_row(conn, station.code, kind="post-loan")
        assert refused.value.diag.constraint_name == "inbox_kind_fkey"
    spec = replace(BUSINESSES["deferral"], kind="post-loan", title="贷后变更")
    register(spec)
    try:
        central_db.init_central(central.dsn, central.group)  # a new business: no schema change, only init
    finally:
        unregister(spec.kind)
    with central.connect() as conn:
        _inbox_row(conn, station.code, kind="post-loan")
        title = conn.execute("SELECT title FROM central.business_kinds WHERE kind = 'post-loan'").fetchone()[0]
    assert title == "贷后变更"
