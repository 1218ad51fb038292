"""``counter-app connect --dsn DSN --station CODE``: log in to the centre once, keep the password in the OS keyring."""

from __future__ import annotations

import argparse

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from counter_app.cli._counter import counter_for
from counter_app.cli._login import approval_for, read_secret
from counter_app.console import CliError, emit_json
from counter_app.services import approvals
from counter_app.services.settings import (
    central_password,
    check_dsn,
    check_station_code,
    save_central_password,
    save_settings,
    test_connection,
)

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


def _verify_station(dsn: str, password: str, station: str) -> None:
    """The login must work and belong to this station (the centre maps its role to one station)."""
    result = test_connection(dsn, password)
    if not result.ok:
        raise CliError([{"field": "dsn", "message": result.message}], exit_code=1)
    with psycopg.connect(dsn, password=password, connect_timeout=10) as conn:
        codes = [r[0] for r in conn.execute("SELECT code FROM central.stations").fetchall()]
    if codes != [station]:
        raise CliError.single("station", f"该登录账号不属于服务站 {station}，请核对服务站代码和连接串中的用户名")


def _check_outbox(store, station: str) -> None:
    """Applications waiting under another station code would all be refused by the centre."""
    with store.unit_of_work() as uow:
        current = uow.settings.get("station_code", None)
        waiting = uow.outbox.count_pending()
    if current and current != station and waiting:
        raise CliError.single(
            "station", f"本机有{waiting}笔以服务站 {current} 名义受理、尚未上传的申请，不能改为服务站 {station}")


def run(args: argparse.Namespace) -> int:
    station, problems = check_station_code(args.station)
    if problems:
        raise CliError.single("station", problems[0].message)
    dsn = _station_dsn(args.dsn, station)
    # stdin lines, in order: the clerk's password, the approver's (when asked for), the centre's.
    with counter_for(args) as counter:
        approval = approval_for(counter, args, approvals.settings_request())
        _check_outbox(counter.store, station)
        password = read_secret("中心数据库密码：")
        if not password:
            raise CliError.single("password", "中心数据库密码不能为空")
        _verify_station(dsn, password, station)
        refused = [p for p in save_settings(counter, {"central_dsn": dsn, "station_code": station}, approval=approval)
                   if p.severity == "error"]
        if refused:
            raise CliError([p.as_dict() for p in refused])
        save_central_password(dsn, password)
        if central_password(dsn) != password:
            raise CliError.single("password", "无法把密码保存到系统钥匙串（没有可用的钥匙串服务）")
    if args.json:
        emit_json({"station": station, "dsn": dsn, "connected": True})
    else:
        print(f"已连接中心：服务站 {station}（密码已保存在系统钥匙串中）")
    return 0
