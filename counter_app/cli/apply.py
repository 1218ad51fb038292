"""``counter-app apply KIND --json-file F``: take an application from a script."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from counter_app.cli._counter import counter_for
from counter_app.cli._login import approval_for
from counter_app.console import CliError, emit_json
from counter_app.domain.catalog import KINDS
from counter_app.services import submit_application


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("apply", help="受理一笔业务申请（表单为 JSON 文件）")
    p.add_argument("kind", choices=KINDS, help="业务类型")
    p.add_argument("--json-file", required=True, help="表单 JSON 文件（字段名见 DESIGN.md），- 表示标准输入")
    p.set_defaults(func=run, json=True)


def _read_form(name: str) -> dict:
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CliError.single("json_file", f"无法读取表单文件：{exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CliError.single("json_file", "表单文件不是UTF-8编码的文本（请另存为UTF-8的JSON文件）") from None
    try:
        form = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError.single("json_file", f"表单文件不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）") from None
    if isinstance(form, dict) and isinstance(form.get("fields"), dict):
        form = form["fields"]  # also accept a record as ``records --json`` prints it
    if not isinstance(form, dict):
        raise CliError.single("json_file", "表单文件应为一个 JSON 对象：{\"字段名\": 值, …}")
    return form


def run(args: argparse.Namespace) -> int:
    form = _read_form(args.json_file)
    with counter_for(args) as counter:
        result = submit_application(counter, args.kind, form)
        request = None if result.ok else result.details.get("approval_request")
        if request is not None:  # only a supervisor's approval is missing: --approver gives it
            approval = approval_for(counter, args, request)
            if approval is not None:
                result = submit_application(counter, args.kind, form, approval=approval)
    for warning in result.warnings:
        print(f"提示：{warning.field}：{warning.message}", file=sys.stderr)
    if not result.ok:
        raise CliError([e.as_dict() for e in result.errors])
    emit_json(result.as_dict())
    return 0
