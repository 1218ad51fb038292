"""``counter-app clerk add|list|disable|enable|passwd``: the station's clerk accounts (柜员管理).

Passwords come from stdin (one line, for scripts) or a prompt typed twice, never from argv.
Once the station has accounts, the acting clerk signs in with ``--clerk`` (a supervisor, except
for changing one's own password); the very first account is a supervisor and needs no sign-in.
"""

from __future__ import annotations

import argparse
from typing import Any

from counter_app.cli._counter import counter_for
from counter_app.cli._login import APPROVER_ENV, new_password, password_from
from counter_app.console import CliError, emit_json
from counter_app.domain.errors import FieldError
from counter_app.services import Counter, clerks
from counter_app.services.clerks import normalize_username

ROLE_CHOICES = ("clerk", "supervisor")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("clerk", help="柜员账号：添加、列出、停用、修改密码（密码从标准输入或提示输入）")
    actions = p.add_subparsers(dest="clerk_action", required=True, parser_class=type(p))
    add = actions.add_parser("add", help="添加柜员（新密码从标准输入或提示输入）")
    add.add_argument("name", metavar="NAME", help="登录名，如 zhangsan")
    add.add_argument("--role", choices=ROLE_CHOICES, default="clerk", help="clerk 柜员 / supervisor 站长（主管）")
    add.add_argument("--display-name", help="姓名，如 张三")
    actions.add_parser("list", help="列出柜员")
    for name, text in (("disable", "停用柜员"), ("enable", "重新启用柜员"),
                       ("passwd", "修改密码（站长可重设他人密码并解除锁定）")):
        action = actions.add_parser(name, help=text)
        action.add_argument("name", metavar="NAME", help="登录名")
    unlock = actions.add_parser(
        "unlock-offline", help="站长解除离线锁定：本站超过政策天数未连中心时，允许该柜员今天登录（记入审计）")
    unlock.add_argument("name", metavar="NAME", help="被锁定柜员的登录名（可以是站长本人）")
    unlock.add_argument("--approver", required=True, help="站长登录名（密码从环境变量或标准输入提供）")
    unlock.add_argument("--reason", required=True, help="原因，如 乡镇光缆中断")
    for parser in (p, *actions.choices.values()):
        parser.add_argument("--json", action="store_true", help="输出 JSON")
        parser.set_defaults(func=run)


def _done(result: Any) -> Any:
    if not result.ok:
        raise CliError([e.as_dict() for e in result.errors])
    return result.value


def _unlock_offline(args: argparse.Namespace) -> int:
    """No clerk signs in first: the station is locked; the supervisor's password is the check."""
    with counter_for(args, login=False) as counter:
        password = password_from(APPROVER_ENV, "站长密码：")
        if not password:
            raise CliError.single("approver_password", f"请提供站长的密码（环境变量 {APPROVER_ENV} 或标准输入）")
        result = clerks.override_offline_lock(counter, args.approver, password, args.name, args.reason)
        if isinstance(result, FieldError):
            raise CliError.single(result.field, result.message)
    if args.json:
        emit_json(result.as_dict())
    else:
        print(f"已解除 {result.username} 今天的离线锁定（站长 {normalize_username(args.approver)}，已记入审计日志）")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.clerk_action == "unlock-offline":
        return _unlock_offline(args)
    with counter_for(args) as counter:
        if args.clerk_action == "list":
            listed = clerks.list_clerks(counter)
            if args.json:
                emit_json([c.as_dict() for c in listed])
            else:
                _print_list(counter, listed)
            return 0
        if args.clerk_action == "add":
            clerk = _done(clerks.add_clerk(counter, args.name, new_password("新柜员的密码："), args.role, args.display_name))
            said = f"已添加{clerk.role_label} {clerk.username}（{clerk.display_name}）"
        elif args.clerk_action == "passwd":
            clerk = _done(clerks.change_password(counter, args.name, new_password()))
            said = f"已修改 {clerk.username} 的密码"
        else:
            clerk = _done(clerks.set_active(counter, args.name, args.clerk_action == "enable"))
            said = f"已{'启用' if clerk.active else '停用'}柜员 {clerk.username}"
    if args.json:
        emit_json(clerk.as_dict())
    else:
        print(said)
    return 0


def _print_list(counter: Counter, listed: list[Any]) -> None:
    if not listed:
        print("本站尚未设置柜员账号（以演示柜员身份运行）")
    for c in listed:
        state = "在用" if c.active else "已停用"
        if c.locked_until is not None and c.locked_until > counter.now():
            state += f"，锁定至{counter.local(c.locked_until):%H:%M}"
        print(f"{c.username:<16} {c.display_name}　{c.role_label}　{state}")
