"""``counter-app archive RECEIPT_NO --out cover.pdf [--json]``: the application's archive cover sheet
(档案封面) with the index of its attached files (materials, pages, hashes)."""

from __future__ import annotations

import argparse

from counter_app.cli._counter import counter_for
from counter_app.console import CliError, emit_json
from counter_app.services.attachments import print_archive_cover


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("archive", help="打印申请的档案封面及卷内文件目录")
    p.add_argument("receipt_number", help="受理编号")
    p.add_argument("--out", metavar="FILE.pdf", help="输出 PDF 文件（默认存入数据目录的 prints/）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with counter_for(args) as counter:
        result = print_archive_cover(counter, args.receipt_number, args.out)
    if not result.ok or result.value is None:
        raise CliError([e.as_dict() for e in result.errors])
    cover = result.value
    if args.json:
        emit_json(cover.as_dict())
    else:
        print(f"档案封面已生成：{cover.file}（{cover.pages} 页；{len(cover.attachments)} 个文件，"
              f"共 {sum(a.pages for a in cover.attachments)} 页）")
    return 0
