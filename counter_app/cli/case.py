"""``counter-app case list|open|step|dossier``: establishment enforcement cases (建制执法) from scripts."""

from __future__ import annotations

import argparse

from counter_app.cli._counter import counter_for
from counter_app.console import CliError, emit_json
from counter_app.domain.enforcement import STATES, state_label
from counter_app.services import operations as ops


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("case", help="建制执法案件：列表、立案、登记环节、导出案卷")
    acts = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    listing = acts.add_parser("list", help="案件列表（逾期的标出）")
    listing.add_argument("--state", choices=list(STATES), help="只列该状态")
    listing.add_argument("--overdue", action="store_true", help="只列逾期未办理的")
    opening = acts.add_parser("open", help="立案：录入调查笔录")
    opening.add_argument("--uscc", required=True, help="单位统一社会信用代码")
    opening.add_argument("--date", help="调查日期 YYYY-MM-DD（默认今天）")
    opening.add_argument("--record", required=True, help="调查笔录摘要")
    opening.add_argument("--record-no", default="", help="笔录编号")
    step = acts.add_parser("step", help="登记下一环节（notice_issued 时打印通知书）")
    step.add_argument("case_no", help="案件编号，例如 CG01-JZ-20261123-0001")
    step.add_argument("state", choices=list(STATES), help="下一环节")
    step.add_argument("--date", help="日期 YYYY-MM-DD（默认今天）")
    step.add_argument("--note", default="", help="情况说明（结案时必填）")
    step.add_argument("--document", default="", help="文书编号或送达方式")
    step.add_argument("--fine", help="结案时决定的罚款金额（元）")
    step.add_argument("--out", help="通知书 PDF 保存到（notice_issued）")
    dossier = acts.add_parser("dossier", help="导出执法案卷 PDF")
    dossier.add_argument("case_no")
    dossier.add_argument("--out", required=True, help="输出 PDF 文件")
    for parser in (p, listing, opening, step, dossier):
        parser.add_argument("--json", action="store_true", help="输出 JSON")
    for parser in (listing, opening, step, dossier):
        parser.set_defaults(func=run)


def _checked(result):
    if not result.ok:
        raise CliError([e.as_dict() for e in result.errors])
    return result.value


def run(args: argparse.Namespace) -> int:
    with counter_for(args) as counter:
        if args.action == "list":
            views = ops.list_cases(counter, state=args.state, overdue_only=args.overdue)
            return _show([v.as_dict() for v in views], args.json, lambda d: _line(d))
        if args.action == "open":
            view = _checked(ops.open_case(counter, args.uscc, args.date, args.record, document=args.record_no))
        elif args.action == "step":
            extra = {"fine": args.fine} if args.fine else {}
            step = ops.StepInput(on=args.date, note=args.note, document=args.document, extra=extra)
            try:
                view = _checked(ops.advance(counter, args.case_no, args.state, step, out=args.out))
            except OSError as exc:
                raise CliError.single("out", f"无法写入输出文件：{exc.strerror or exc}") from None
        else:
            try:
                path = _checked(ops.export_dossier(counter, args.case_no, args.out))
            except OSError as exc:
                raise CliError.single("out", f"无法写入输出文件：{exc.strerror or exc}") from None
            return _show({"file": str(path)}, args.json, lambda d: f"已生成 {d['file']}")
        return _show(view.as_dict(), args.json, _line)


def _line(d: dict) -> str:
    late = "（逾期）" if d["overdue"] else ""
    deadline = f"，限期 {d['deadline']}" if d["deadline"] else ""
    return f"{d['case_no']}　{d['employer_name']}　{state_label(d['state'])}{deadline}{late}"


def _show(payload, as_json: bool, line) -> int:
    if as_json:
        emit_json(payload)
    else:
        for item in payload if isinstance(payload, list) else [payload]:
            print(line(item))
    return 0
