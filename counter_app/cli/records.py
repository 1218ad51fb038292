"""``counter-app records [--status S] [--json]``: the applications taken at this station."""

from __future__ import annotations

import argparse

from counter_app.cli._counter import counter_for
from counter_app.console import emit_json, whole_number
from counter_app.domain.catalog import BUSINESSES, KINDS
from counter_app.domain.status import ApplicationStatus, application_label
from counter_app.services import list_records

MAX_LIMIT = 100_000


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("records", help="列出本站受理的业务")
    p.add_argument("--status", choices=sorted(ApplicationStatus), help="只列出该状态")
    p.add_argument("--kind", choices=KINDS, help="只列出该业务类型")
    p.add_argument("--limit", type=whole_number(1, MAX_LIMIT, "条数"), default=1000, help=f"最多列出几条（1至{MAX_LIMIT}）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with counter_for(args) as counter:
        rows = list_records(counter, status=args.status, kind=args.kind, limit=args.limit)
    if args.json:
        emit_json([r.as_dict() for r in rows])
        return 0
    if not rows:
        print("没有符合条件的业务记录")
    for r in rows:
        when = counter.local(r.created_at).strftime("%Y-%m-%d %H:%M")
        reason = f"  {r.decision_reason}" if r.decision_reason else ""
        print(f"{r.receipt_number}  {BUSINESSES[r.kind].short:<6} {application_label(r.status):<8} "
              f"{r.subject_name}  {when}{reason}")
    return 0
