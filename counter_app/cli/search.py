"""``counter-app search TEXT [--json] [--limit N] [--reveal]``: find workers and employers.

ID numbers are masked in the output (110105********002X) unless ``--reveal`` is given.
"""

from __future__ import annotations

import argparse
from typing import Any

from counter_app.cli._counter import counter_for
from counter_app.console import EXIT_OK, CliError, emit_json
from counter_app.domain.status import account_label, employer_label
from counter_app.services import audit
from counter_app.services.lookup import search

KIND_NAMES = {"worker": "职工", "employer": "单位"}
PENDING = "待中心审核"
MAX_LIMIT = 500


def register(sub: Any) -> None:
    p = sub.add_parser(
        "search",
        help="按身份证号码、统一社会信用代码、账号、姓名或拼音查找职工和单位",
        description="综合查询：输入身份证号码（或前几位）、统一社会信用代码、账号、姓名、"
        "拼音全拼或首字母（如 zs、zhangsan），结果按匹配程度排列。本站受理、中心尚未审核的开户职工和"
        "建制单位也能查到，标明“待中心审核”和受理编号。",
    )
    p.add_argument("text", help="查询内容")
    p.add_argument("--limit", type=int, default=20, help="最多显示几条（默认20）")
    p.add_argument("--reveal", action="store_true", help="显示完整身份证号码（默认遮蔽中间部分）")
    p.add_argument("--json", action="store_true", help="以JSON输出结果")
    p.set_defaults(func=run)


def hit_json(hit: Any, reveal: bool) -> dict[str, Any]:
    """One hit in the contract's keys; a worker's ID number masked unless revealed."""
    item: dict[str, Any] = {"kind": hit.kind}
    if hit.kind == "worker":
        item["key"] = hit.key if reveal else hit.masked_id_or_uscc
        item["name"] = hit.name
        item["id_masked"] = hit.masked_id_or_uscc
        if reveal:
            item["id_number"] = hit.key
    else:
        item.update(key=hit.key, name=hit.name, uscc=hit.key)
    item.update(
        account_no=hit.account_no, status=hit.status, employer=hit.employer_name,
        township=hit.township, score=hit.score,
        # This station's registrations of the subject the centre has not decided (待中心审核).
        pending=bool(hit.pending), receipt_numbers=list(hit.pending),
    )
    return item


def hit_line(item: dict[str, Any]) -> str:
    worker = item["kind"] == "worker"
    label = account_label if worker else employer_label
    parts = [KIND_NAMES[item["kind"]], item["name"], item.get("id_number") or item.get("id_masked") or item["uscc"]]
    if item["account_no"]:
        status = label(item["status"] or "")
        parts.append(f"账号 {item['account_no']}（{status}）" if status else f"账号 {item['account_no']}")
    if item["employer"]:
        parts.append(f"单位：{item['employer']}")
    if item["township"]:
        parts.append(f"乡镇：{item['township']}")
    if item["pending"]:
        parts.append(f"{PENDING}（受理编号 {'、'.join(item['receipt_numbers'])}）")
    return "  ".join(parts)


def run(args: argparse.Namespace) -> int:
    if not args.text.strip():
        raise CliError.single("text", "请输入要查询的内容")
    if not 1 <= args.limit <= MAX_LIMIT:
        raise CliError.single("limit", f"显示条数应在1至{MAX_LIMIT}之间")
    with counter_for(args) as counter:
        hits = search(counter, args.text, limit=args.limit)
        if args.reveal and hits:  # full ID numbers shown: each such look is audited
            audit.record(counter, "reveal", audit.masked(args.text), {"via": "search", "field": "id_number",
                                                                     "count": len(hits)})
    items = [hit_json(h, args.reveal) for h in hits]
    if args.json:
        emit_json(items)
    elif not items:
        print("未找到匹配的职工或单位。")
    else:
        for item in items:
            print(hit_line(item))
    return EXIT_OK
