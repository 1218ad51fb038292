"""``counter-app connect --dsn DSN --station CODE``: log in to the centre once, keep the password in the OS keyring."""

from __future__ import annotations

import argparse

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from counter_app.cli._counter import counter_for
from counter_app.cli._login import approval_for, read_secret
from counter_app.console import CliError, emit_json
from counter_app.faults import KeyringUnavailable
from counter_app.services import approvals
from counter_app.services.audit import NO_KEYRING, ensure_key, keyring_usable
from counter_app.services.settings import (
    certificate_login,
    check_dsn,
    check_station_code,
    forget_central_password,
    save_central_password,
    save_settings,
    test_connection,
)
from counter_app.services.sync import accept_centre, register_chain_key

STATION_ROLE_PREFIX = "station_"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("connect", help="连接中心数据库（密码从标准输入或提示输入，只保存在系统钥匙串）")
    p.add_argument("--dsn", required=True, help="中心数据库连接串（不含密码），如 postgresql://station_cg01@中心服务器/hpf?sslmode=verify-full")
    p.add_argument("--station", required=True, help="本站服务站代码")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=run)


def _station_dsn(raw: str, station: str) -> str:
    """The DSN as stored: checked, never with a password; the user defaults to the station's role."""
    try:
        if not conninfo_to_dict(raw).get("user"):
            raw = make_conninfo(raw, user=STATION_ROLE_PREFIX + station.lower())
    except Exception:  # noqa: BLE001  psycopg's parser message is English; check_dsn below says it in Chinese
        pass
    dsn, problems = check_dsn(raw)
    if problems:
        raise CliError([{"field": "dsn", "message": p.message} for p in problems])
    return dsn


def _verify_station(dsn: str, password: str | None, station: str) -> tuple[str, str]:
    """The login must work and belong to this station (the centre maps its role to one station);
    returns the centre's name and district of the station."""
    result = test_connection(dsn, password)
    if not result.ok:
        raise CliError([{"field": "dsn", "message": result.message}], exit_code=1)
    with psycopg.connect(dsn, password=password or None, connect_timeout=10) as conn:
        rows = conn.execute("SELECT code, name, district FROM central.stations").fetchall()
    if [r[0] for r in rows] != [station]:
        raise CliError.single("station", f"该登录账号不属于服务站 {station}，请核对服务站代码和连接串中的用户名")
    return rows[0][1], rows[0][2]


def _check_station(counter, station: str) -> bool:
    """This data dir's station must be the login's: receipts already handed out carry its code.
    Returns whether the station is set here (else the centre's record sets it)."""
    with counter.store.unit_of_work() as uow:
        current = uow.settings.get("station_code", None)
        taken = uow.applications.station_codes() - {station}
    if current and current != station:
        raise CliError.single("station", f"本机已设置为服务站 {current}，不能以服务站 {station} 的身份连接中心"
                                         "（本机的回执编号都以本站代码开头）；请核对服务站代码，或使用服务站 "
                                         f"{current} 的登录账号")
    if taken:
        raise CliError.single("station", f"本机已以服务站 {'、'.join(sorted(taken))} 的名义受理业务，不能连接为服务站 {station}")
    return bool(current)


def _register_key(dsn: str, password: str | None, key) -> None:
    """The station's audit key goes to the centre (once; the same key again is a no-op)."""
    try:
        with psycopg.connect(dsn, password=password or None, connect_timeout=10, autocommit=True) as conn:
            register_chain_key(conn, key.key, key.from_seq)
    except psycopg.Error as exc:
        message = exc.diag.message_primary if getattr(exc, "diag", None) else None
        raise CliError.single("station", message or f"无法在中心登记本站的审计密钥：{exc}") from None


def run(args: argparse.Namespace) -> int:
    """Everything is checked first — the station, the login, a working keyring, the key at the centre —
    and only then saved: the password in the keyring, the connection in the settings. Any refusal
    leaves the data dir and the keyring as they were (exit 2, Chinese message)."""
    station, problems = check_station_code(args.station)
    if problems:
        raise CliError.single("station", problems[0].message)
    dsn = _station_dsn(args.dsn, station)
    # stdin lines, in order: the clerk's password, the approver's (when asked for), the centre's.
    with counter_for(args) as counter:
        approval = approval_for(counter, args, approvals.settings_request())
        configured = _check_station(counter, station)
        if not keyring_usable():
            raise CliError.single("keyring", NO_KEYRING)
        cert = certificate_login(dsn)
        password = "" if cert else read_secret("中心数据库密码：")
        if not password and not cert:
            raise CliError.single("password", "中心数据库密码不能为空")
        name, district = _verify_station(dsn, password, station)
        try:
            key = ensure_key(counter)
        except KeyringUnavailable as exc:
            raise CliError.single("keyring", exc.message) from None
        _register_key(dsn, password, key)
        changes = {"central_dsn": dsn, "station_code": station}
        if not configured:  # a new data dir takes the centre's record of its station
            changes.update(station_name=name, station_district=district)
        if password:
            try:
                save_central_password(dsn, password)
            except KeyringUnavailable as exc:
                raise CliError.single("keyring", exc.message) from None
        try:
            refused = [p for p in save_settings(counter, changes, approval=approval) if p.severity == "error"]
        except BaseException:
            forget_central_password(dsn)
            raise
        if refused:
            forget_central_password(dsn)
            raise CliError([p.as_dict() for p in refused])
        accept_centre(counter)  # the centre behind this login is the station's from now on
    if args.json:
        emit_json({"station": station, "dsn": dsn, "connected": True})
    else:
        print(f"已连接中心：服务站 {station}（{'使用客户端证书登录' if cert else '密码已保存在系统钥匙串中'}）")
    return 0
