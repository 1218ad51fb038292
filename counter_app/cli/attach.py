"""``counter-app attach RECEIPT_NO FILE… [--material CODE]``: attach scans, photos or PDFs to an
application (电子档案). Photos are shrunk to an archive copy; the originals are kept as well."""

from __future__ import annotations

import argparse

from counter_app.cli._counter import counter_for
from counter_app.console import CliError, emit_json
from counter_app.services.attachments import attach_files, size_text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("attach", help="为申请附加材料的扫描件、照片或 PDF（电子档案）")
    p.add_argument("receipt_number", help="受理编号，例如 CG01-01-20261123-0001")
    p.add_argument("files", nargs="+", metavar="FILE", help="JPEG、PNG、TIFF 图片或 PDF 文件")
    p.add_argument("--material", metavar="CODE", help="材料代码（如 id_card），不填则为“未归类”")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with counter_for(args) as counter:
        result = attach_files(counter, args.receipt_number, args.files, args.material)
    if not result.ok or result.value is None:
        raise CliError([e.as_dict() for e in result.errors])
    views = result.value
    if args.json:
        emit_json({"receipt_number": views[0].receipt_number, "attachments": [v.as_dict() for v in views]})
        return 0
    for v in views:
        shrunk = f"（原件 {size_text(v.original_bytes)} 已保留）" if v.original_bytes else ""
        print(f"{v.name} → {v.material_name}，{v.pages} 页，{size_text(v.bytes)}{shrunk}  SHA-256 {v.sha256}")
    print(f"已为 {views[0].receipt_number} 附加 {len(views)} 个文件")
    return 0
