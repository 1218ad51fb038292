"""Clerk accounts managed at the centre: add with a one-time code, disable, enable, reset, list.

The centre keeps only the argon2id hash of the one-time code (the same parameters as the
counter's own accounts, so a station checks it like any local password); the code itself is
shown once to the administrator. Each change reaches its station through the change feed
(central revision 0009); the counter refuses a disabled clerk from the next sync on.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

import psycopg
from argon2 import PasswordHasher
from argon2.profiles import RFC_9106_LOW_MEMORY

from counter_app.domain.normalize import normalize_code, normalize_text
from counter_app.domain.roles import CLERK, ROLES
from counter_app.sync.central_db import CentralError

HASHER = PasswordHasher.from_parameters(RFC_9106_LOW_MEMORY)  # as counter_app.services.clerks
USERNAME = re.compile(r"[a-z][a-z0-9_.]{1,31}")  # as counter_app.services.clerks
RESERVED = "demo"  # the demo clerk's name (counter_app.services.counter.DEMO_CLERK)
NAME_MAX = 40
# Letters and digits a clerk reads off a slip without confusing 0/O or 1/l.
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789"


def one_time_code(length: int = 12) -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(length))


def _username(value: Any) -> str:
    name = normalize_text(value).lower()
    if not USERNAME.fullmatch(name):
        raise CentralError("username", "登录名应为2至32位小写英文字母、数字、下划线或点，以字母开头（如 zhangsan）")
    if name == RESERVED:
        raise CentralError("username", f"“{RESERVED}”是演示柜员的保留名称，请换一个登录名")
    return name


def _station(conn: psycopg.Connection, code: Any) -> str:
    station = normalize_code(code)
    if conn.execute("SELECT 1 FROM central.stations WHERE code = %s", (station,)).fetchone() is None:
        raise CentralError("station", f"中心没有登记服务站 {station}")
    return station


def add(conn: psycopg.Connection, station: Any, username: Any, display_name: Any = "", role: str = CLERK
        ) -> dict[str, Any]:
    """Create a clerk of ``station``; returns the account and its one-time code (shown once)."""
    code, name = _station(conn, station), _username(username)
    if role not in ROLES:
        raise CentralError("role", "角色须为 clerk（柜员）或 supervisor（站长）")
    shown = normalize_text(display_name) or name
    if len(shown) > NAME_MAX or any(ord(ch) < 32 for ch in shown):
        raise CentralError("name", f"姓名不能超过{NAME_MAX}个字")
    secret = one_time_code()
    hashed = HASHER.hash(secret)
    with conn.transaction():
        row = conn.execute(
            "INSERT INTO central.clerks (station_code, username, name, role, password_hash, password_set_at)"
            " VALUES (%s, %s, %s, %s, %s, now()) ON CONFLICT DO NOTHING RETURNING username",
            (code, name, shown, role, hashed)).fetchone()
    if row is None:
        raise CentralError("username", f"服务站 {code} 已有登录名为 {name} 的柜员")
    return {"station": code, "username": name, "name": shown, "role": role, "active": True, "one_time_code": secret}


def set_active(conn: psycopg.Connection, station: Any, username: Any, active: bool) -> dict[str, Any]:
    """Disable (or enable again) a clerk of ``station``; the station applies it at its next sync."""
    code, name = _station(conn, station), _username(username)
    with conn.transaction():
        row = conn.execute(
            "UPDATE central.clerks SET active = %s, updated_at = now() WHERE station_code = %s AND username = %s"
            " RETURNING name, role", (active, code, name)).fetchone()
    if row is None:
        raise CentralError("username", f"服务站 {code} 没有登录名为 {name} 的柜员")
    return {"station": code, "username": name, "name": row[0], "role": row[1], "active": active}


def reset(conn: psycopg.Connection, station: Any, username: Any) -> dict[str, Any]:
    """A new one-time code for a clerk of ``station`` (shown once); it replaces the station's password at its next sync."""
    code, name = _station(conn, station), _username(username)
    secret = one_time_code()
    hashed = HASHER.hash(secret)
    with conn.transaction():
        row = conn.execute(
            "UPDATE central.clerks SET password_hash = %s, password_set_at = now(), updated_at = now()"
            " WHERE station_code = %s AND username = %s RETURNING name, role, active", (hashed, code, name)).fetchone()
    if row is None:
        raise CentralError("username", f"服务站 {code} 没有登录名为 {name} 的柜员")
    return {"station": code, "username": name, "name": row[0], "role": row[1], "active": row[2], "one_time_code": secret}


def list_clerks(conn: psycopg.Connection, station: Any) -> list[dict[str, Any]]:
    code = _station(conn, station)
    rows = conn.execute("SELECT username, name, role, active FROM central.clerks WHERE station_code = %s"
                        " ORDER BY username", (code,)).fetchall()
    return [{"station": code, "username": r[0], "name": r[1], "role": r[2], "active": r[3]} for r in rows]
