"""``counter-app idcard read --reader sim:FILE|vendor[:LIB] [--date D] [--photo-out F] [--json]``: read an ID card.

Exit 0: read, and usable on the day; 1: read, but refused (expired, not yet valid, chip and number
disagree; the JSON still holds the card); 2: no card could be read (no reader, no card, a bad setting).
It reads the device and checks the domain rule itself, as ``services.idcard`` does for the GUI: the
services package loads the store and printing (seconds), and a script may call this once per card.
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from counter_app.console import EXIT_INVALID, EXIT_OK, CliError, emit_json, whole_number
from counter_app.devices.idcard import ReaderError
from counter_app.devices.readers import ENV_READER, configured_reader, open_reader
from counter_app.domain.clock import china_time
from counter_app.domain.idcard import check_card


def register(sub: Any) -> None:
    p = sub.add_parser("idcard", help="二代身份证阅读器：读卡", description="从身份证阅读器读取二代身份证。")
    actions = p.add_subparsers(dest="action", required=True, metavar="read")
    r = actions.add_parser("read", help="读卡并校验有效期限",
                           description="读取阅读器上的身份证，按办理日校验有效期限：可用退出码0，拒绝（过期等）为1，"
                                       "读不到卡为2。")
    r.add_argument("--reader", help=f"读卡器：sim:卡文件 | vendor | vendor:驱动库路径（默认取环境变量 {ENV_READER}，"
                                    "否则 vendor）")
    r.add_argument("--port", type=whole_number(1, 9999, "端口"), help="阅读器端口（USB 1001–1016，串口 1–16；默认逐个尝试）")
    r.add_argument("--date", help="办理日 YYYY-MM-DD（默认今天）")
    r.add_argument("--photo-out", metavar="FILE", help="把证件照片另存为此文件")
    r.add_argument("--with-photo", action="store_true", help="JSON 中附带照片的 base64")
    r.add_argument("--json", action="store_true", help="以JSON输出")
    r.set_defaults(func=run)


def _day(text: str | None) -> date:
    if not text:
        return china_time(datetime.now(UTC)).date()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError.single("date", f"办理日「{text}」应为 YYYY-MM-DD") from None


def run(args: argparse.Namespace) -> int:
    on = _day(args.date)
    reader = configured_reader(args.reader)
    if args.port is not None and not reader.startswith("vendor"):
        raise CliError.single("port", "只有厂商读卡器（vendor）才有端口")
    try:
        card = open_reader(reader, port=args.port).read()
    except ReaderError as exc:
        raise CliError.single("reader", exc.message) from None
    check = check_card(card.id_number, card.sex, card.birth_date, card.valid_from, card.valid_until, on)
    if args.photo_out:
        if not card.photo:
            raise CliError.single("photo_out", "读卡器没有返回照片")
        Path(args.photo_out).write_bytes(card.photo)
    if args.json:
        emit_json({**card.as_json(photo=args.with_photo), "checked_on": on.isoformat(), "valid": check.ok,
                   "errors": [e.as_dict() for e in check.errors], "warnings": [w.as_dict() for w in check.warnings]}
                  | ({"photo_file": args.photo_out} if args.photo_out else {}))
    else:
        shown = card.as_json()
        print(f"{shown['name']}　{shown['sex_label']}　{shown['ethnicity']}族　出生 {shown['birth_date']}")
        print(f"公民身份号码 {shown['id_number']}")
        print(f"住址 {shown['address']}")
        print(f"签发机关 {shown['issuer']}　有效期限 {shown['valid_from']} 至 {shown['valid_until']}")
        for problem in check.errors:
            print(f"不能受理：{problem.message}")
        for problem in check.warnings:
            print(f"提示：{problem.message}")
    return EXIT_OK if check.ok else EXIT_INVALID
