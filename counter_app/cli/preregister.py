"""``counter-app preregister import|list|establish``: 多证合一 pre-registrations (企业预缴登记).

``import FILE`` reads the market-registration feed (CSV/XLSX; columns in ``domain.preregistration``),
``list`` shows the pre-registered companies and how far their establishment got, ``establish USCC
--json-file F`` takes the establishment from the record plus what F adds (bank, ratios, materials).
"""

from __future__ import annotations

import argparse
import sys

from counter_app.cli._counter import counter_for
from counter_app.cli.apply import read_form
from counter_app.console import CliError, emit_json
from counter_app.services import operations as ops


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("preregister", help="企业预缴登记（多证合一）：导入登记信息、列表、办理建制")
    acts = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    imp = acts.add_parser("import", help="导入市场监管登记信息（CSV 或 XLSX）")
    imp.add_argument("file", help="CSV 或 XLSX 文件")
    listing = acts.add_parser("list", help="预缴登记的企业及建制办理情况")
    listing.add_argument("--pending", action="store_true", help="只列待建制的")
    est = acts.add_parser("establish", help="按预缴登记信息受理单位建制（不再重复录入）")
    est.add_argument("uscc", help="统一社会信用代码")
    est.add_argument("--json-file", required=True,
                     help="其余字段（缴存银行、比例、首次缴存年月、材料）的 JSON 文件，- 为标准输入")
    for parser in (p, imp, listing, est):
        parser.add_argument("--json", action="store_true", help="输出 JSON")
    for parser in (imp, listing, est):
        parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with counter_for(args) as counter:
        if args.action == "import":
            return _import(counter, args)
        if args.action == "list":
            views = ops.list_preregistrations(counter, pending_only=args.pending)
            if args.json:
                emit_json([v.as_dict() for v in views])
            else:
                for v in views:
                    r = v.record
                    day = r.registered_on.isoformat() if r.registered_on else "—"
                    extra = f"（{v.receipt_number}）" if v.receipt_number else ""
                    print(f"{r.uscc}　{r.name}　成立 {day}　{v.status_text}{extra}")
                print(f"共 {len(views)} 户")
            return 0
        rest = read_form(args.json_file)
        result = ops.establish(counter, args.uscc, rest)
    for warning in result.warnings:
        print(f"提示：{warning.field}：{warning.message}", file=sys.stderr)
    if not result.ok:
        raise CliError([e.as_dict() for e in result.errors])
    emit_json(result.as_dict())
    return 0


def _import(counter, args: argparse.Namespace) -> int:
    def progress(done: int, total: int) -> None:
        print(f"\r已读取 {done}/{total} 行", end="", file=sys.stderr, flush=True)

    checked = ops.import_preregistrations(counter, args.file, progress=None if args.json else progress)
    if not args.json:
        print(file=sys.stderr)
    if not checked.ok:
        raise CliError([e.as_dict() for e in checked.errors])
    result = checked.value
    if args.json:
        emit_json(result.as_dict())
    else:
        for problem in result.problems:
            print(("未导入：" if problem.severity == "error" else "提示：") + problem.message, file=sys.stderr)
        print(f"已导入 {result.imported} 户，{result.refused} 行未导入（共读取 {result.rows} 行）")
    return 0
