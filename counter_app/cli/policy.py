"""``counter-app policy summary [--date D] [--json]``: the policy in force — demo values (演示值),
values still to be checked (待核对), the reports and rules each table follows, whether its legal
citations may be printed."""

from __future__ import annotations

import argparse
from datetime import date

from counter_app.cli._counter import counter_for
from counter_app.console import CliError, emit_json
from counter_app.domain.policy import PolicyError
from counter_app.domain.policy_summary import summarise


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("policy", help="政策摘要：演示值、待核对项目、依据")
    acts = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    summary = acts.add_parser("summary", help="某日适用的政策版本的摘要")
    summary.add_argument("--date", help="日期 YYYY-MM-DD（默认今天）")
    for parser in (p, summary):
        parser.add_argument("--json", action="store_true", help="输出 JSON")
    summary.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with counter_for(args) as counter:
        try:
            day = date.fromisoformat(args.date.strip()) if args.date else counter.today()
        except ValueError:
            raise CliError.single("date", "日期格式应为 YYYY-MM-DD，且须为真实日期") from None
        try:
            found = summarise(counter.policy, day)
        except PolicyError as exc:
            raise CliError.single("date", str(exc)) from None
    if args.json:
        emit_json(found.as_dict())
    else:
        print("\n".join(found.lines()))
    return 0
