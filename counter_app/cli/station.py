"""``counter-app station set --code C --name N --district D`` | ``station show``: this PC's station (offline)."""

from __future__ import annotations

import argparse

from counter_app.cli._counter import counter_for
from counter_app.cli._login import approval_for
from counter_app.console import CliError, emit_json
from counter_app.services import approvals
from counter_app.services import station as svc


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("station", help="本机服务站：设置（受理业务之前）或查看")
    actions = p.add_subparsers(dest="station_action", required=True, parser_class=type(p))
    setter = actions.add_parser("set", help="设置本机服务站代码、名称和所属区县（无需联网；受理业务后代码不能再改）")
    setter.add_argument("--code", required=True, help="服务站代码，如 CG01（与中心登记的一致）")
    setter.add_argument("--name", required=True, help="服务站名称，如 城关区南山镇服务站")
    setter.add_argument("--district", required=True, help="所属区县（代码或名称）")
    actions.add_parser("show", help="查看本机服务站")
    for parser in (p, *actions.choices.values()):
        parser.add_argument("--json", action="store_true", help="输出 JSON")
        parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with counter_for(args) as counter:
        if args.station_action == "set":
            approval = approval_for(counter, args, approvals.settings_request())
            problems = svc.set_station(counter, args.code, args.name, args.district, approval=approval)
            if problems:
                raise CliError([p.as_dict() for p in problems])
        shown = svc.identity(counter)
    if args.json:
        emit_json(shown.as_dict())
    elif shown.configured:
        print(f"本机服务站：{shown.code} {shown.name}（所属区县 {shown.district or '未设置'}）")
    else:
        print("本机尚未设置服务站（受理业务前须运行 counter-app station set）")
    return 0
