"""``counter-app check id|uscc|card|mobile VALUE [--json]``: exit 0 when valid, 1 when not."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from counter_app.console import EXIT_INVALID, EXIT_OK, emit_json
from counter_app.domain.errors import Checked
from counter_app.domain.ids import CHECKERS

_SEX_NAMES = {"1": "男", "2": "女"}


def register(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        help="校验身份证号码、统一社会信用代码、银行卡号或手机号码",
        description="校验一个号码：有效退出码为0，无效为1，原因以中文说明。",
    )
    kinds = "id=身份证号码 uscc=统一社会信用代码 card=银行卡号 mobile=手机号码"
    p.add_argument("kind", choices=list(CHECKERS), help=kinds)
    p.add_argument("value", help="要校验的号码（全角、空格、小写x均可）")
    p.add_argument("--json", action="store_true", help="以JSON输出结果")
    p.set_defaults(func=run)


def as_json(result: Checked[str]) -> dict[str, Any]:
    """The contract shape: valid, value, errors, warnings, then the derived facts (dates as YYYY-MM-DD)."""
    payload: dict[str, Any] = {
        "valid": result.ok,
        "value": result.value,
        "errors": [e.message for e in result.errors],
        "warnings": [w.message for w in result.warnings],
    }
    for key, fact in result.facts.items():
        payload[key] = fact.isoformat() if isinstance(fact, date) else fact
    return payload


def human_line(result: Checked[str]) -> str:
    """``有效：11010519491231002X（女，1949-12-31，北京市朝阳区）`` or ``无效：…：reasons``."""
    if not result.ok:
        return "无效：" + (f"{result.value}：" if result.value else "") + "；".join(e.message for e in result.errors)
    facts = result.facts
    details = [_SEX_NAMES.get(facts.get("sex", ""), ""), facts.get("birth_date", ""), facts.get("birth_place", "")]
    shown = "，".join(str(d) for d in details if d)
    return f"有效：{result.value}" + (f"（{shown}）" if shown else "")


def run(args: argparse.Namespace) -> int:
    result = CHECKERS[args.kind](args.value)
    if args.json:
        emit_json(as_json(result))
    else:
        print(human_line(result))
        for warning in result.warnings:
            print(f"提示：{warning.message}")
    return EXIT_OK if result.ok else EXIT_INVALID
