"""``counter-app cancel RECEIPT_NO --reason R``: withdraw an application not yet sent to the centre (撤销).

Once the station has clerk accounts this needs a supervisor: ``--approver NAME`` with the password
in ``COUNTER_APP_APPROVER_PASSWORD`` or on stdin.
"""

from __future__ import annotations

import argparse

from counter_app.cli._counter import counter_for
from counter_app.cli._login import approval_for
from counter_app.console import CliError, emit_json
from counter_app.services import approvals, cancel_application


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cancel", help="撤销尚未上传管理中心的申请（须站长复核）")
    p.add_argument("receipt_number", help="受理编号，例如 CG01-01-20261123-0001")
    p.add_argument("--reason", required=True, help="撤销原因")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with counter_for(args) as counter:
        result = cancel_application(counter, args.receipt_number, args.reason)
        if any(e.field == "approval" for e in result.errors):
            approval = approval_for(counter, args, approvals.cancel_request(args.receipt_number.strip().upper()))
            if approval is not None:
                result = cancel_application(counter, args.receipt_number, args.reason, approval)
    if not result.ok:
        raise CliError([e.as_dict() for e in result.errors])
    record = result.value
    if args.json:
        emit_json(record.as_dict())
    else:
        print(f"已撤销 {record.receipt_number}（原因：{record.decision_reason}）")
    return 0
