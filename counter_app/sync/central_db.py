"""Back-office operations on the central PostgreSQL database: schema upgrade, station roles, decisions, status.

All functions take a psycopg connection of the schema owner (or a superuser). TLS is whatever the DSN
says: ``sslmode=verify-full sslrootcert=/path/ca.pem`` is passed through to libpq unchanged.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
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

MIGRATIONS_DIR = Path(__file__).with_name("central_migrations")
DEFAULT_GROUP_ROLE = "counter_station"
DECISIONS = ("approve", "reject", "needs-more")

# What a station role may do; everything else (UPDATE, DELETE, other tables) is simply not granted,
# and row-level security narrows each grant to the station's own rows (see the 0001 migration).
_STATION_SELECT = (
    "stations", "inbox", "decisions", "rejections", "change_feed",
    "employers", "workers", "accounts", "loans", "withdrawal_history", "policy_versions", "station_audit",
)
# Column-level INSERT: the centre stamps received_at / rejected_at itself; a station cannot backdate.
_STATION_INSERT = {
    "inbox": ("client_id", "station_code", "terminal", "receipt_number", "kind", "subject_key", "fields",
              "materials", "clerk", "created_at"),
    "rejections": ("station_code", "client_id", "receipt_number", "reason"),
    "station_audit": ("client_id", "station_code", "seq", "at", "row_station_code", "terminal", "clerk", "action",
                      "subject", "details", "prev_hash", "hash"),
}


class CentralError(Exception):
    """A back-office request that cannot be carried out; ``field`` names the offending input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


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
        conn.execute(sql.SQL("GRANT EXECUTE ON FUNCTION central.touch_station() TO {}").format(ident))
        dbname = conn.info.dbname
        conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(dbname), ident))
        conn.execute(
            "INSERT INTO central.settings (key, value) VALUES ('station_group', %s)"
            " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            (group,),
        )
    return group


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


def decide(
    conn: psycopg.Connection, receipt_number: str, decision: str, reason: str = "", by: str | None = None
) -> dict[str, str]:
    """Record the back office's decision on an application; it reaches the station through the feed."""
    if decision not in DECISIONS:
        raise CentralError("decision", "审批结果只能是 approve、reject 或 needs-more")
    if decision != "approve" and not reason.strip():
        raise CentralError("reason", "退回或补件时必须填写原因")
    with conn.transaction():
        row = conn.execute(
            "SELECT client_id, station_code FROM central.inbox WHERE receipt_number = %s",
            (receipt_number.strip(),),
        ).fetchone()
        if row is None:
            raise CentralError("receipt_number", f"中心未收到回执编号为 {receipt_number} 的申请")
        decided = conn.execute(
            "INSERT INTO central.decisions (client_id, receipt_number, station_code, decision, reason, decided_by)"
            " VALUES (%s, %s, %s, %s, %s, coalesce(%s, current_user)) RETURNING decided_at, decided_by",
            (row[0], receipt_number.strip(), row[1], decision, reason.strip(), by),
        ).fetchone()
        # Deciding on the losing application of a conflict is how a person resolves it.
        conn.execute(
            "UPDATE central.conflicts SET status = 'resolved', resolution = %s WHERE loser_client_id = %s"
            " AND status = 'open'", (f"{decision}: {reason.strip()}".strip(": "), row[0]))
    assert decided is not None
    return {
        "receipt_number": receipt_number.strip(),
        "client_id": str(row[0]),
        "station_code": row[1],
        "decision": decision,
        "reason": reason.strip(),
        "decided_at": decided[0].isoformat(),
        "decided_by": decided[1],
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def station_status(conn: psycopg.Connection) -> dict[str, list[dict[str, Any]]]:
    """Per station: applications received and the last contact time."""
    rows = conn.execute(
        "SELECT s.code, count(i.client_id), s.last_contact FROM central.stations s"
        " LEFT JOIN central.inbox i ON i.station_code = s.code GROUP BY s.code, s.last_contact ORDER BY s.code"
    ).fetchall()
    return {"stations": [{"code": c, "received": n, "last_contact": _iso(t)} for c, n, t in rows]}
