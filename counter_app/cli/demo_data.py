"""``counter-app demo-data [--workers N] [--employers M] [--seed S] [--replace] [--json]``: a demo city."""

from __future__ import annotations

import argparse
import time
from datetime import date
from typing import Any

from counter_app.cli._counter import counter_for
from counter_app.console import EXIT_OK, CliError, emit_json
from counter_app.demo import generate_and_load
from counter_app.demo.loader import has_reference_data

MAX_WORKERS = 1_000_000
MAX_EMPLOYERS = 100_000


def register(sub: Any) -> None:
    p = sub.add_parser(
        "demo-data",
        help="生成演示城市数据（单位、职工、账户、贷款、提取记录）并装入本机数据库",
        description="生成一套可重复的演示数据（示范市）并装入数据目录中的本地数据库。",
    )
    p.add_argument("--workers", type=int, default=2000, help="职工人数（默认2000）")
    p.add_argument("--employers", type=int, default=200, help="单位数（默认200，其中约12%%未办理缴存登记）")
    p.add_argument("--seed", type=int, default=0, help="随机种子：同一种子生成同样的数据（默认0）")
    p.add_argument("--replace", action="store_true", help="数据库中已有单位和职工数据时，先删除再装入")
    p.add_argument("--json", action="store_true", help="以JSON输出摘要")
    p.set_defaults(func=run)


def _check_counts(args: argparse.Namespace) -> None:
    errors = []
    if not 0 <= args.workers <= MAX_WORKERS:
        errors.append({"field": "workers", "message": f"职工人数应在0至{MAX_WORKERS:,}之间"})
    if not 1 <= args.employers <= MAX_EMPLOYERS:
        errors.append({"field": "employers", "message": f"单位数应在1至{MAX_EMPLOYERS:,}之间"})
    if errors:
        raise CliError(errors)


def summary_line(summary: dict[str, Any]) -> str:
    return (
        f"已生成演示数据（种子 {summary['seed']}）：单位 {summary['employers']:,} 家"
        f"（其中未办理缴存登记 {summary['unregistered_employers']:,} 家），"
        f"职工 {summary['workers']:,} 人，个人账户 {summary['accounts']:,} 个，"
        f"贷款 {summary['loans']:,} 笔，提取记录 {summary['withdrawals']:,} 条，"
        f"开发企业楼盘 {summary.get('projects', 0):,} 个；"
        f"用时 {summary['seconds']} 秒。"
    )


def run(args: argparse.Namespace) -> int:
    _check_counts(args)
    with counter_for(args) as counter:
        if has_reference_data(counter.store) and not args.replace:
            raise CliError.single("replace", "数据库中已有单位和职工数据；如要替换为演示数据，请加 --replace")
        started, as_of = time.perf_counter(), date.today()
        counts = generate_and_load(counter.store, workers=args.workers, employers=args.employers,
                                   seed=args.seed, as_of=as_of, replace=args.replace)
        from counter_app.services.station import configure_demo

        configure_demo(counter)  # the demo city's first station, unless one is set already
        summary = {
            "seed": args.seed,
            "as_of": as_of.isoformat(),
            **counts,
            "seconds": round(time.perf_counter() - started, 1),
            "data_dir": str(counter.data_dir),
        }
    if args.json:
        emit_json(summary)
    else:
        print(summary_line(summary))
        print(f"数据目录：{summary['data_dir']}")
    return EXIT_OK
