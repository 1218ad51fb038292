"""``counter-app report daily|coverage``: the day's report as XLSX, coverage progress (统计报表)."""

from __future__ import annotations

import argparse
from datetime import date

from counter_app.cli._counter import counter_for
from counter_app.console import CliError, emit_json
from counter_app.services.operations import coverage, reports


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="统计报表：日报（XLSX）、扩面进度")
    kinds = p.add_subparsers(dest="report", required=True, parser_class=type(p))
    daily = kinds.add_parser("daily", help="某日业务日报（XLSX：汇总、明细、柜员）")
    daily.add_argument("--date", help="日期 YYYY-MM-DD（默认今天）")
    daily.add_argument("--out", required=True, help="输出 XLSX 文件")
    daily.set_defaults(func=run)
    cover = kinds.add_parser("coverage", help="扩面目标完成情况")
    cover.add_argument("--date", help="按该日所在目标期间统计（默认今天）")
    cover.add_argument("--township", help="只统计该乡镇")
    cover.set_defaults(func=run)
    for parser in (p, daily, cover):
        parser.add_argument("--json", action="store_true", help="输出 JSON")


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CliError.single("date", "日期格式应为 YYYY-MM-DD，且须为真实日期") from None


def run(args: argparse.Namespace) -> int:
    day = _day(args.date)
    with counter_for(args) as counter:
        if args.report == "coverage":
            return _coverage(counter, args, day)
        return _daily(counter, args, day or counter.today())


def _coverage(counter, args: argparse.Namespace, day: date | None) -> int:
    if args.township and args.township not in coverage.station_townships(counter, day):
        raise CliError.single("township", f"{args.township}不在本站服务范围内")
    status = coverage.coverage_progress(counter, day, args.township)
    result = status.as_dict()
    if args.json:
        emit_json(result)
    elif not status.progress.target:
        print(f"{status.period_start}至{status.period_end}未设扩面目标，已新增缴存职工 {result['opened']} 人")
    else:
        print(f"{status.period_start}至{status.period_end}扩面目标 {result['target']} 人，"
              f"已新增 {result['opened']} 人，完成 {result['ratio']}%")
    return 0


def _daily(counter, args: argparse.Namespace, day: date) -> int:
    if day > counter.today():
        raise CliError.single("date", "不能统计今天以后的日期")
    if not args.out.lower().endswith(".xlsx"):
        raise CliError.single("out", "日报须保存为 .xlsx 文件")
    try:
        path = reports.write_daily_report(counter, day, args.out)
    except OSError as exc:
        raise CliError.single("out", f"无法写入输出文件：{exc.strerror or exc}") from None
    totals = reports.daily_close.day_report(counter, day).totals_dict()
    if args.json:
        emit_json({"file": str(path), "date": day.isoformat(), "count": totals["count"], "amount": totals["amount"],
                   "closed": reports.daily_close.get_close(counter, day) is not None})
    else:
        print(f"已生成 {path}（{day.isoformat()}：{totals['count']} 笔，金额 {totals['amount']} 元）")
    return 0
