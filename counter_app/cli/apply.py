"""``counter-app apply KIND --json-file F``: take an application from a script."""

from __future__ import annotations

import argparse
import json
import sys

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


MAX_FORM_BYTES = 1 << 20  # a form is a few hundred bytes; a megabyte is no form
MAX_DEPTH = 4  # {"materials": ["id_card"]} is depth 2; nothing a form holds goes deeper


def _depth(value: object, limit: int) -> int:
    """Nesting depth of a JSON value, stopping once past ``limit`` (iterative: no recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, level)
            if deepest > limit:
                return deepest
            stack.extend((v, level + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def _read_form(name: str) -> dict:
    try:
        if name == "-":
            text = sys.stdin.read(MAX_FORM_BYTES + 1)
        else:
            with open(name, encoding="utf-8-sig") as handle:
                text = handle.read(MAX_FORM_BYTES + 1)
    except OSError as exc:
        raise CliError.single("json_file", f"无法读取表单文件：{exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CliError.single("json_file", "表单文件不是UTF-8编码的文本（请另存为UTF-8的JSON文件）") from None
    if len(text) > MAX_FORM_BYTES:
        raise CliError.single("json_file", "表单文件过大（超过1MB），请检查是否选错了文件")
    try:
        form = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError.single("json_file", f"表单文件不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）") from None
    except RecursionError:
        raise CliError.single("json_file", f"表单文件嵌套层数过多（表单最多{MAX_DEPTH}层）") from None
    except ValueError:  # an integer of more than 4,300 digits
        raise CliError.single("json_file", "表单文件中有位数过多的数字") from None
    if _depth(form, MAX_DEPTH) > MAX_DEPTH:
        raise CliError.single("json_file", f"表单文件嵌套层数过多（表单最多{MAX_DEPTH}层）")
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
