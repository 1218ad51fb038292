"""``counter-app sync [--once] [--json]``: send queued applications to the centre and fetch its answers."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from counter_app.cli._output import CliError, emit_json

CONNECT_TIMEOUT_S = 10
INTERVAL_S = 60.0
BATCH_SIZE = 500


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="与中心同步：上传待传申请，下载审批结果和参考数据")
    p.add_argument("--once", action="store_true", help="只同步一次（默认持续后台同步，Ctrl-C 结束）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--batch-size", type=int, default=BATCH_SIZE, help=f"每批上传的申请数（默认 {BATCH_SIZE}）")
    p.set_defaults(func=run)


def connection_factory(store: Any) -> Callable[[], Any]:
    """Connect with the DSN from the local settings and the password from the OS keyring."""
    import psycopg

    from counter_app.services.settings import central_password

    with store.unit_of_work() as uow:
        dsn = uow.settings.get("central_dsn", None)
    if not dsn:
        raise CliError.single("central_dsn", "尚未连接中心：请先运行 counter-app connect --dsn … --station …")
    password = central_password(dsn)
    if not password:
        raise CliError.single("password", "系统钥匙串中没有中心数据库密码：请重新运行 counter-app connect")
    return lambda: psycopg.connect(dsn, password=password, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)


def _say(report: dict[str, int], as_json: bool) -> None:
    if as_json:
        emit_json(report)
    else:
        print(f"已上传 {report['pushed']} 笔，下载 {report['pulled']} 条，"
              f"被中心拒收 {report['rejected']} 笔，冲突 {report['conflicts']} 笔", flush=True)


def _failure(exc: Exception) -> CliError:
    return CliError([{"field": "central_dsn", "message": f"同步失败（待传申请仍保留在本机）：{str(exc).strip()}"}],
                    exit_code=1)


def run(args: argparse.Namespace) -> int:
    import psycopg

    from counter_app.cli._counter import counter_for
    from counter_app.sync.engine import sync_once
    from counter_app.sync.runner import Schedule, SyncRunner

    # The station's own transfer, not a clerk's action: no sign-in (cron and the GUI's runner alike).
    with counter_for(args, login=False) as counter:
        factory = connection_factory(counter.store)

        def step() -> Any:
            return sync_once(counter.store, factory, batch_size=max(1, args.batch_size))

        if args.once:
            try:
                report = step()
            except (psycopg.Error, OSError) as exc:
                raise _failure(exc) from None
            _say(report.as_dict(), args.json)
            return 0

        def on_result(report: Any, error: BaseException | None) -> None:
            if error is not None:
                print(f"同步失败，稍后重试：{str(error).strip()}", flush=True)
            else:
                _say(report.as_dict(), args.json)

        runner = SyncRunner(step, Schedule(interval=INTERVAL_S), on_result)
        try:
            runner.run()
        except KeyboardInterrupt:
            runner.stop()
    return 0
