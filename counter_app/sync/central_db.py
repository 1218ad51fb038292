"""Back-office operations on the central PostgreSQL database: schema upgrade, station roles, decisions, status.

All functions take a psycopg connection of the schema owner (or a superuser). TLS is whatever the DSN
says: ``sslmode=verify-full sslrootcert=/path/ca.pem`` is passed through to libpq unchanged.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from psycopg import sql
from sqlalchemy.pool import NullPool

from counter_app.domain.businesses import BUSINESSES
from counter_app.domain.normalize import normalize_code
from counter_app.sync import central_projects
from counter_app.sync.central_errors import CentralError

MIGRATIONS_DIR = Path(__file__).with_name("central_migrations")
DEFAULT_GROUP_ROLE = "counter_station"
DECISIONS = ("approve", "reject", "needs-more")

# What a station role may do; everything else (UPDATE, DELETE, other tables) is simply not granted,
# and row-level security narrows each grant to the station's own rows (see the 0001 migration).
_STATION_SELECT = (
    "stations", "inbox", "decisions", "rejections", "change_feed",
    "employers", "workers", "accounts", "loans", "withdrawal_history", "policy_versions", "station_audit",
    "preregistrations", "station_records", "clerks", "projects", "attachment_chunks", "attachment_files",
    "attachments",
)
# Column-level INSERT: the centre stamps received_at / rejected_at itself; a station cannot backdate.
_STATION_INSERT = {
    "inbox": ("client_id", "station_code", "terminal", "receipt_number", "kind", "subject_key", "fields",
              "materials", "clerk", "created_at", "payload_text", "payload_sha256", "payload_mac"),
    "rejections": ("station_code", "client_id", "receipt_number", "reason"),
    "station_audit": ("client_id", "station_code", "seq", "at", "row_station_code", "terminal", "clerk", "action",
                      "subject", "details", "prev_hash", "hash", "canonical"),
    "station_records": ("client_id", "station_code", "kind", "record_key", "data", "recorded_at", "payload_text",
                        "payload_sha256", "payload_mac"),
    "attachment_chunks": ("station_code", "sha256", "offset", "data"),  # central revision 0014
    "attachments": ("client_id", "station_code", "application_client_id", "receipt_number", "material", "name",
                    "media_type", "sha256", "bytes", "pages", "original_sha256", "original_bytes", "attached_at"),
}
# What a station may call (SECURITY DEFINER functions that know the station from its login).
_STATION_FUNCTIONS = ("touch_station()", "register_chain_key(bytea, bigint)", "anchor_audit_head(bigint, text)",
                      "my_audit_anchor()", "ack_feed(text, bigint)", "feed_horizon()",
                      "complete_attachment_file(text, bigint)", "receipt_key()",
                      "login_district()",  # the inbox's district default (central revision 0017)
                      "centre_identity()")  # the centre's identity (central revision 0018)
# Catalog views and functions that list roles (other stations' logins) or sessions: revoked from
# PUBLIC in the fund database. Every role can still turn an oid into a name (``oid::regrole``) —
# PostgreSQL has no way to take that away — so role names are hidden from listing, not from guessing.
_CATALOG_HIDDEN = ("pg_catalog.pg_roles", "pg_catalog.pg_user", "pg_catalog.pg_group", "pg_catalog.pg_auth_members",
                   "pg_catalog.pg_stat_activity", "pg_catalog.pg_prepared_xacts", "pg_catalog.pg_shdepend",
                   "pg_catalog.pg_database")
_CATALOG_FUNCTIONS = ("pg_catalog.pg_get_userbyid(oid)",)


@dataclass(frozen=True)
class StationCredentials:
    code: str
    role: str
    password: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "role": self.role, "password": self.password}


def connect(dsn: str, **kwargs: Any) -> psycopg.Connection:
    """Open a connection; the DSN (URL or key=value) may carry sslmode/sslrootcert for TLS."""
    kwargs.setdefault("connect_timeout", 10)
    return psycopg.connect(dsn, **kwargs)


def upgrade_schema(dsn: str, revision: str = "head") -> None:
    """Run the Alembic migrations of the central schema on ``dsn`` (idempotent)."""
    engine = sa.create_engine("postgresql+psycopg://", creator=lambda: connect(dsn), poolclass=NullPool)
    try:
        with engine.begin() as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def _role_exists(conn: psycopg.Connection, role: str) -> bool:
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is not None


def group_role(conn: psycopg.Connection) -> str:
    row = conn.execute("SELECT value FROM central.settings WHERE key = 'station_group'").fetchone()
    if row is None:
        raise CentralError("dsn", "中心数据库尚未初始化，请先运行 counter-central init")
    return row[0]


def register_kinds(conn: psycopg.Connection) -> list[str]:
    """Every business kind of the app's registry, upserted into ``central.business_kinds`` (which the
    inbox refers to); kinds registered before stay, so rows already held stay valid."""
    for spec in BUSINESSES.values():
        conn.execute(
            "INSERT INTO central.business_kinds (kind, title) VALUES (%s, %s)"
            " ON CONFLICT (kind) DO UPDATE SET title = EXCLUDED.title",
            (spec.kind, spec.title),
        )
    return list(BUSINESSES)


def init_central(dsn: str, group: str | None = None) -> str:
    """Create or upgrade the schema, register the business kinds, the station group role and its
    grants; return the group role."""
    upgrade_schema(dsn)
    with connect(dsn) as conn:
        register_kinds(conn)
        stored = conn.execute("SELECT value FROM central.settings WHERE key = 'station_group'").fetchone()
        group = group or (stored[0] if stored else DEFAULT_GROUP_ROLE)
        if not _role_exists(conn, group):
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
        ident = sql.Identifier(group)
        conn.execute(sql.SQL("REVOKE ALL ON SCHEMA central FROM PUBLIC"))
        conn.execute(sql.SQL("GRANT USAGE ON SCHEMA central TO {}").format(ident))
        for table in _STATION_SELECT:
            conn.execute(sql.SQL("GRANT SELECT ON central.{} TO {}").format(sql.Identifier(table), ident))
        for table, cols in _STATION_INSERT.items():
            conn.execute(sql.SQL("REVOKE INSERT ON central.{} FROM {}").format(sql.Identifier(table), ident))
            conn.execute(sql.SQL("GRANT INSERT ({}) ON central.{} TO {}").format(
                sql.SQL(", ").join(map(sql.Identifier, cols)), sql.Identifier(table), ident))
        for function in _STATION_FUNCTIONS:
            conn.execute(sql.SQL("GRANT EXECUTE ON FUNCTION central.{} TO {}").format(sql.SQL(function), ident))
        dbname = sql.Identifier(conn.info.dbname)
        # Only the stations and the owner may connect, and nobody may make temporary objects here.
        conn.execute(sql.SQL("REVOKE CONNECT, TEMPORARY ON DATABASE {} FROM PUBLIC").format(dbname))
        conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(dbname, ident))
        conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO CURRENT_USER").format(dbname))
        conn.execute(
            "INSERT INTO central.settings (key, value) VALUES ('station_group', %s)"
            " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            (group,),
        )
        harden_cluster(conn)
    return group


def harden_cluster(conn: psycopg.Connection) -> dict[str, list[str]]:
    """What a superuser (only) can do beyond the fund database: no connections by PUBLIC to the
    ``postgres`` and ``template1`` databases, and no role listing in the fund database. Returns what
    was done and what was not (an owner who is no superuser: an administrator must do it)."""
    done: list[str] = []
    skipped: list[str] = []
    steps = [sql.SQL("REVOKE CONNECT ON DATABASE {} FROM PUBLIC").format(sql.Identifier(db))
             for db in ("postgres", "template1") if db != conn.info.dbname]
    steps += [sql.SQL("REVOKE SELECT ON {} FROM PUBLIC").format(sql.SQL(view)) for view in _CATALOG_HIDDEN]
    steps += [sql.SQL("REVOKE EXECUTE ON FUNCTION {} FROM PUBLIC").format(sql.SQL(f)) for f in _CATALOG_FUNCTIONS]
    # The owner keeps what it reads (role checks of add-station, the SQLAlchemy dialect of upgrades).
    steps += [sql.SQL("GRANT SELECT ON {} TO CURRENT_USER").format(sql.SQL(view)) for view in _CATALOG_HIDDEN]
    steps += [sql.SQL("GRANT EXECUTE ON FUNCTION {} TO CURRENT_USER").format(sql.SQL(f)) for f in _CATALOG_FUNCTIONS]
    for step in steps:
        text = step.as_string(conn)
        try:
            with conn.transaction():
                conn.execute(step)
            done.append(text)
        except psycopg.errors.InsufficientPrivilege:
            skipped.append(text)
    return {"done": done, "skipped": skipped}


def add_station(
    conn: psycopg.Connection, code: str, name: str, district: str, role: str | None = None
) -> StationCredentials:
    """Register a station with its own LOGIN role and a fresh random password (returned once)."""
    code = normalize_code(code)
    if not code or not code.replace("_", "").isalnum() or not code.isascii():
        raise CentralError("code", "服务站代码只能由字母、数字和下划线组成")
    if not name.strip():
        raise CentralError("name", "服务站名称不能为空")
    if not district.strip():
        raise CentralError("district", "所属区县不能为空")
    role = role or f"station_{code.lower()}"
    group = group_role(conn)
    if conn.execute("SELECT 1 FROM central.stations WHERE code = %s", (code,)).fetchone():
        raise CentralError("code", f"服务站代码 {code} 已存在")
    if _role_exists(conn, role):
        raise CentralError("role", f"数据库角色 {role} 已存在")
    password = secrets.token_urlsafe(24)
    # Hash client-side (SCRAM) so the clear password never appears in server logs or statements.
    verifier = conn.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode()
    with conn.transaction():
        conn.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(role), sql.Literal(verifier), sql.Identifier(group)
            )
        )
        conn.execute(
            "INSERT INTO central.stations (code, name, district, role) VALUES (%s, %s, %s, %s)",
            (code, name.strip(), district.strip(), role),
        )
    return StationCredentials(code=code, role=role, password=password)


def allow_reload(conn: psycopg.Connection, code: str, hours: int = 24) -> dict[str, Any]:
    """Mark a station's next full reload as intended for ``hours``: its sync then replaces the
    station's reference data with the centre's even where the centre holds far fewer rows (a
    station moved to another district, a centre whose data is gone for good)."""
    if not 1 <= hours <= 24 * 14:
        raise CentralError("hours", "有效时长应为1至336小时")
    row = conn.execute(
        "UPDATE central.stations SET reload_allowed_until = now() + make_interval(hours => %s)"
        " WHERE code = %s RETURNING code, reload_allowed_until", (hours, normalize_code(code))).fetchone()
    if row is None:
        raise CentralError("station", f"中心没有登记服务站 {code}")
    return {"station": row[0], "reload_allowed_until": row[1].isoformat()}


def decide(
    conn: psycopg.Connection, receipt_number: str, decision: str, reason: str = "", by: str | None = None,
    agreement_no: str | None = None, valid_until: date | None = None,
) -> dict[str, Any]:
    """Record the back office's decision on an application; it reaches the station through the feed.
    Approving a project admission takes the cooperation agreement (``agreement_no``, ``valid_until``,
    or stated in ``reason``; a back-fill's own) and admits the project for the whole city."""
    if decision not in DECISIONS:
        raise CentralError("decision", "审批结果只能是 approve、reject 或 needs-more")
    if decision != "approve" and not reason.strip():
        raise CentralError("reason", "退回或补件时必须填写原因")
    with conn.transaction():
        row = conn.execute(
            "SELECT client_id, station_code, clerk, kind, fields, subject_key FROM central.inbox"
            " WHERE receipt_number = %s", (receipt_number.strip(),),
        ).fetchone()
        if row is None:
            raise CentralError("receipt_number", f"中心未收到回执编号为 {receipt_number} 的申请")
        today = conn.execute("SELECT current_date").fetchone()[0]
        reason, agreement = central_projects.admission_note(row[3], decision, row[4], reason.strip(), agreement_no,
                                                            valid_until, today)
        checker = by or conn.execute("SELECT current_user::text").fetchone()[0]
        if checker in _makers(conn, row[0], row[2], receipt_number.strip()):
            raise CentralError("by", f"审批人 {checker} 经办或复核过这笔申请，须由另一位审批人决定（经办与审批分离）")
        decided = conn.execute(
            "INSERT INTO central.decisions (client_id, receipt_number, station_code, decision, reason, decided_by)"
            " VALUES (%s, %s, %s, %s, %s, coalesce(%s, current_user)) RETURNING decided_at, decided_by",
            (row[0], receipt_number.strip(), row[1], decision, reason.strip(), by),
        ).fetchone()
        # Deciding on the losing application of a conflict is how a person resolves it.
        conn.execute(
            "UPDATE central.conflicts SET status = 'resolved', resolution = %s WHERE loser_client_id = %s"
            " AND status = 'open'", (f"{decision}: {reason.strip()}".strip(": "), row[0]))
        project = central_projects.record_decision(conn, decision, {
            "kind": row[3], "fields": row[4], "subject_key": row[5], "receipt_number": receipt_number.strip(),
            "station_code": row[1]}, agreement, reason.strip())
    assert decided is not None
    return {**({"project": project} if project else {}),
        "receipt_number": receipt_number.strip(),
        "client_id": str(row[0]),
        "station_code": row[1],
        "decision": decision,
        "reason": reason.strip(),
        "decided_at": decided[0].isoformat(),
        "decided_by": decided[1],
    }


def _makers(conn: psycopg.Connection, client_id: Any, clerk: str, receipt_number: str) -> set[str]:
    """Who took the application at the station and who approved it there (from its audit row)."""
    approvers = conn.execute(
        "SELECT details->>'approved_by' FROM central.station_audit WHERE action = 'submit' AND subject = %s"
        " AND details->>'client_id' = %s AND details ? 'approved_by'", (receipt_number, str(client_id))).fetchall()
    return {clerk, *(a[0] for a in approvers if a[0])}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def purge_feed(conn: psycopg.Connection, older_than_days: int) -> dict[str, Any]:
    """Remove change-feed rows older than ``older_than_days`` that every station has passed."""
    if older_than_days < 0:
        raise CentralError("older_than", "天数不能为负数")
    with conn.transaction():
        removed = conn.execute("SELECT central.purge_feed(%s)", (older_than_days,)).fetchone()[0]
        left = conn.execute("SELECT count(*) FROM central.change_feed").fetchone()[0]
        horizon = conn.execute("SELECT central.feed_horizon()").fetchone()[0]
    return {"removed": int(removed), "left": int(left), "purged_to": horizon}


def promote(conn: psycopg.Connection, wait_seconds: int = 60) -> dict[str, Any]:
    """Promote the standby ``conn`` is connected to (a superuser's connection): it stops following
    the lost primary and accepts writes; stations with a multi-host DSN and
    ``target_session_attrs=read-write`` find it at their next connection."""
    if not conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]:
        raise CentralError("dsn", "该数据库服务器不是备用服务器（已经可以写入），无需提升")
    promoted = conn.execute("SELECT pg_promote(true, %s)", (wait_seconds,)).fetchone()[0]
    if not promoted:
        raise CentralError("dsn", f"备用服务器在{wait_seconds}秒内未完成提升，请查看服务器日志")
    return {"promoted": True}


def station_status(conn: psycopg.Connection) -> dict[str, list[dict[str, Any]]]:
    """Per station: applications received, the last contact time, open flags for the back office."""
    rows = conn.execute(
        "SELECT s.code, (SELECT count(*) FROM central.inbox i WHERE i.station_code = s.code), s.last_contact,"
        " (SELECT count(*) FROM central.flags f WHERE f.station_code = s.code AND f.resolved_at IS NULL)"
        " FROM central.stations s ORDER BY s.code"
    ).fetchall()
    return {"stations": [{"code": c, "received": n, "last_contact": _iso(t), "flags": f} for c, n, t, f in rows]}
