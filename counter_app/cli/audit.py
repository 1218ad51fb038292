"""``counter-app audit verify|list``: check the hash-chained audit log, read its latest rows (审计).

``verify`` exits 0 when the chain is intact and 1 naming the first edited, deleted or inserted
row; it needs no sign-in (it shows nothing personal). ``list`` is for a station supervisor.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from counter_app.cli._counter import counter_for
from counter_app.console import EXIT_INVALID, CliError, emit_json
from counter_app.domain.roles import may_do
from counter_app.services import audit, clerks, sync
from counter_app.services.audit import verify_chain

MAX_LIMIT = 10_000


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="审计日志：校验哈希链（verify）或查看记录（list）")
    actions = p.add_subparsers(dest="audit_action", required=True, parser_class=type(p))
    verify = actions.add_parser("verify", help="校验审计日志是否被改动（完整返回0，否则返回1并指出第一条问题记录）")
    verify.add_argument("--offline", action="store_true", help="不与中心锚定的审计链头比对（默认已连接中心时比对）")
    listing = actions.add_parser("list", help="查看最近的审计记录（站长）")
    listing.add_argument("--limit", type=int, default=50, help="条数（默认50）")
    listing.add_argument("--action", help="只看该类操作，如 login、lookup、reprint")
    listing.add_argument("--by", metavar="NAME", help="只看该柜员的操作")
    for parser in (p, *actions.choices.values()):
        parser.add_argument("--json", action="store_true", help="输出 JSON")
        parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return _verify(args) if args.audit_action == "verify" else _list(args)


def _verify(args: argparse.Namespace) -> int:
    with counter_for(args, login=False) as counter:
        anchored, note = (None, None) if args.offline else sync.centre_anchor(counter)
        verdict = verify_chain(counter, anchored)
    if args.json:
        emit_json({**verdict.as_dict(), **({"note": note} if note else {})})
    elif verdict.ok:
        anchor = f"，{verdict.anchor['message']}" if verdict.anchor else ""
        print(f"审计日志完整：共{verdict.rows}条记录，哈希链无断裂{anchor}" + (f"（{note}）" if note else ""))
    else:
        print(f"审计日志已被改动：{verdict.message}")
    return 0 if verdict.ok else EXIT_INVALID


def _list(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= MAX_LIMIT:
        raise CliError.single("limit", f"条数应在1至{MAX_LIMIT}之间")
    with counter_for(args) as counter:
        if clerks.has_clerks(counter) and not may_do(clerks.role_of(counter), "audit_list"):
            raise CliError.single("clerk", "只有站长（主管）可以查看审计日志")
        rows = audit.list_entries(counter, limit=args.limit, action=args.action, clerk=args.by)
        lines = [f"{r.seq:>6}  {counter.local(_when(r.at)):%Y-%m-%d %H:%M:%S}  {r.terminal}  {r.clerk:<12} "
                 f"{audit.action_label(r.action)}  {r.subject}" for r in rows]
    if args.json:
        emit_json([{k: v for k, v in r.as_dict().items()} for r in rows])
    else:
        print("\n".join(lines) if lines else "没有审计记录")
    return 0


def _when(text: str):
    return datetime.fromisoformat(text)
