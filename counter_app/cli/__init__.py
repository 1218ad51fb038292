"""The ``counter-app`` command line: a thin face on the services (contract in DESIGN.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from counter_app import __version__
from counter_app.cli import _output


def _command_modules() -> list[str]:
    """Every public module of this package registers its sub-commands with ``register(subparsers)``."""
    import pkgutil

    return sorted(
        f"{__name__}.{info.name}" for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_")
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _output.ChineseArgumentParser(
        prog="counter-app",
        description="住房公积金乡镇服务站窗口系统 (counter-app)",
    )
    parser.add_argument("--version", action="version", version=f"counter-app {__version__}")
    parser.add_argument("--data-dir", help="数据目录（默认为系统用户数据目录）")
    parser.add_argument("--demo", action="store_true", help="首次运行时生成演示数据")
    sub = parser.add_subparsers(dest="command", parser_class=_output.ChineseArgumentParser)
    import importlib

    for name in _command_modules():
        try:
            module = importlib.import_module(name)
        except Exception as exc:  # one broken command must not take the others down
            print(f"警告：命令模块 {name} 无法加载：{exc}", file=sys.stderr)
            continue
        module.register(sub)
    from counter_app.cli._login import add_identity_options

    add_identity_options(parser)  # --clerk / --approver, before or after the command name
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _output.force_utf8_stdio()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from counter_app.gui.app import run_gui

        return run_gui(data_dir=args.data_dir, demo=args.demo)
    try:
        return int(args.func(args) or 0)
    except _output.CliError as exc:
        return _output.report_error(exc, as_json=getattr(args, "json", False))
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`… | head`): nothing wrong, stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a bug, not bad input: say so in Chinese and keep a scrubbed report
        known = _known_problem(exc, args)
        if known is not None:
            return _output.report_error(known, as_json=getattr(args, "json", False))
        return _unexpected(exc, args)


def _known_problem(exc: Exception, args: object) -> _output.CliError | None:
    """A fault of the machine (disk full, read-only, damaged store, clock, keyring) or a broken policy
    file: exit 2 with what to do, never an internal error (see ``counter_app.faults``)."""
    from counter_app import faults
    from counter_app.domain.policy import PolicyError

    if isinstance(exc, PolicyError):
        lines = [str(p) for p in exc.problems] or [str(exc)]
        return _output.CliError([{"field": "policy", "message": f"政策文件有误：{line}"} for line in lines])
    fault = faults.classify(exc, getattr(args, "data_dir", None) or "")
    if fault is None:
        return None
    return _output.CliError.single(fault.field, fault.message)


EXIT_INTERNAL = 3
EXIT_BROKEN_PIPE = 141  # as a shell reports a command ended by SIGPIPE


def _unexpected(exc: Exception, args: object) -> int:
    from counter_app import crash
    from counter_app.paths import resolve_data_dir

    where = ""
    try:
        text = crash.report_text(type(exc), exc, exc.__traceback__)
        where = f"，错误报告已保存到 {crash.write_report(resolve_data_dir(getattr(args, 'data_dir', None)), text)}"
    except Exception:  # the report is a courtesy; never let it hide the message
        pass
    detail = crash.scrub(str(exc)).splitlines()[0] if str(exc) else type(exc).__name__
    advice = "请将报告交给技术支持"
    if type(exc).__name__ == "DatabaseError":
        advice = "本机数据文件可能已损坏，请用 counter-app restore 从备份恢复，并将报告交给技术支持"
    print(f"程序内部错误：{detail}{where}。{advice}。", file=sys.stderr)
    return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
