"""``counter-app printers [--json]``: this PC's printers from the system's print service, with the default."""

from __future__ import annotations

import argparse

from counter_app.console import CliError, emit_json
from counter_app.services.print_jobs import SpoolError, list_printers

STATES = {"idle": "空闲", "printing": "正在打印", "stopped": "已停止"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("printers", help="列出本机打印机（系统打印服务），标出默认打印机")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:  # the print service alone: no store is opened
        listed = list_printers()
    except SpoolError as exc:
        raise CliError.single(exc.field, exc.message) from None
    printers, default = listed.printers, listed.default
    if args.json:
        emit_json(listed.as_json())
        return 0
    if not printers:
        print("本机没有可用的打印机（请在系统中添加打印机）")
    for printer in printers:
        mark = "*" if printer.default else " "
        media = "、".join(printer.as_json()["media"]) or "未知"  # type: ignore[arg-type]
        state = STATES.get(printer.state, printer.state) + ("" if printer.accepting else "，暂停接收任务")
        duplex = "支持" if printer.duplex else "不支持"
        print(f"{mark} {printer.name}　{printer.info}　状态：{state}　纸张：{media}　双面：{duplex}")
    if printers:
        print(f"默认打印机：{default}" if default else "系统没有设置默认打印机")
    return 0
