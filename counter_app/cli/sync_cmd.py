"""``counter-app sync [--once] [--json]``: send queued applications to the centre and fetch its answers."""

from __future__ import annotations

import argparse
from typing import Any

import psycopg

from counter_app.cli._counter import counter_for
from counter_app.console import CliError, emit_json, whole_number
from counter_app.services import sync

INTERVAL_S = 60.0
BATCH_SIZE = 500


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="与中心同步：上传待传申请，下载审批结果和参考数据")
    p.add_argument("--once", action="store_true", help="只同步一次（默认持续后台同步，Ctrl-C 结束）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--batch-size", type=whole_number(1, 10_000, "每批条数"),
                   default=BATCH_SIZE, help=f"每批上传的申请数（默认 {BATCH_SIZE}）")
    p.set_defaults(func=run)


def _say(report: dict[str, int], as_json: bool) -> None:
    if as_json:
        emit_json(report)
    else:
        files = f"，附件 {report['files']} 个（{report['file_bytes']} 字节）" if report.get("files") else ""
        print(f"已上传 {report['pushed']} 笔，下载 {report['pulled']} 条，"
              f"被中心拒收 {report['rejected']} 笔，冲突 {report['conflicts']} 笔{files}", flush=True)


def _failure(exc: Exception) -> CliError:
    return CliError([{"field": "central_dsn", "message": f"同步失败（待传申请仍保留在本机）：{str(exc).strip()}"}],
                    exit_code=1)


def run(args: argparse.Namespace) -> int:
    # The station's own transfer, not a clerk's action: no sign-in (cron and the GUI's runner alike).
    with counter_for(args, login=False) as counter:
        try:
            sync.central_connection(counter)  # configured? say so before anything else
        except sync.SyncNotConfigured as missing:
            raise CliError.single(missing.field, missing.message) from None
        if args.once:
            try:
                report = sync.sync_now(counter, batch_size=max(1, args.batch_size))
            except sync.SyncRefused as refused:
                raise CliError.single(refused.field, refused.message) from None
            except (psycopg.Error, OSError) as exc:
                raise _failure(exc) from None
            _say(report.as_dict(), args.json)
            return 0

        def on_result(report: Any, error: BaseException | None) -> None:
            if error is not None:
                print(f"同步失败，稍后重试：{str(error).strip()}", flush=True)
            else:
                _say(report.as_dict(), args.json)

        runner = sync.background_runner(counter, on_result, interval=INTERVAL_S)
        try:
            runner.run()
        except KeyboardInterrupt:
            runner.stop()
    return 0
