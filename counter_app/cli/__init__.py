"""The ``counter-app`` command line: a thin face on the services (contract in docs/CONTRACTS.md).

This is an entry point, and the one place outside the GUI launcher that imports on demand: each
command lives in its own module (``COMMANDS``), and only the module of the command asked for is
loaded, so ``counter-app check id …`` or ``--version`` never loads the store, printing or sync.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections.abc import Iterable, Sequence

from counter_app import __version__, console, crash

# Command name → its module in this package (a module may register several, e.g. backup/restore).
COMMANDS: dict[str, str] = {
    "apply": "apply", "archive": "archive", "attach": "attach", "audit": "audit", "backup": "backup",
    "restore": "backup", "calc": "calc",
    "cancel": "cancel", "case": "case", "check": "check", "clerk": "clerk", "close-day": "close_day",
    "connect": "connect", "demo-data": "demo_data", "idcard": "idcard", "policy": "policy", "preregister": "preregister",
    "print": "print_cmd", "printers": "printers", "records": "records", "report": "report", "search": "search",
    "station": "station", "sync": "sync_cmd",
}
# Global options that take a value (they may stand before the command name).
_VALUED = ("--data-dir", "--clerk", "--approver")  # see _GLOBAL_OPTIONS

EXIT_INTERNAL = 3
EXIT_BROKEN_PIPE = 141  # as a shell reports a command ended by SIGPIPE


# Global options (docs/CONTRACTS.md): written before or after the command name, as users type them.
_GLOBAL_OPTIONS: tuple[tuple[str, dict[str, str]], ...] = (
    ("--data-dir", {"metavar": "DIR", "help": "数据目录（默认为系统用户数据目录）"}),
    ("--clerk", {"metavar": "NAME", "help": "柜员登录名（密码由环境变量 COUNTER_APP_PASSWORD 或标准输入提供）"}),
    ("--approver", {"metavar": "NAME",
                    "help": "复核站长登录名（需复核的业务；密码由 COUNTER_APP_APPROVER_PASSWORD 或标准输入提供）"}),
)


def add_global_options(parser: argparse.ArgumentParser, _top: bool = True, _seen: set[int] | None = None) -> None:
    """``--data-dir``/``--clerk``/``--approver`` on the main parser and on every sub-command, so they
    may be written before or after the command name (passwords: see ``_login``). On a sub-command the
    default is SUPPRESS, so an option given only before the command is not reset by the sub-parser."""
    seen = set() if _seen is None else _seen
    if id(parser) in seen:
        return
    seen.add(id(parser))
    for flag, options in _GLOBAL_OPTIONS:
        if flag not in parser._option_string_actions:
            if _top:
                parser.add_argument(flag, **options)
            else:
                parser.add_argument(flag, default=argparse.SUPPRESS, **options)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                add_global_options(child, False, seen)


def command_in(argv: Sequence[str]) -> str | None:
    """The first word of ``argv`` that is not an option or an option's value (the command, if any)."""
    words = iter(argv)
    for word in words:
        if word in _VALUED:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(commands: Iterable[str] | None = None) -> argparse.ArgumentParser:
    """The parser with the sub-commands of ``commands`` (every command when None)."""
    parser = console.ChineseArgumentParser(
        prog="counter-app",
        description="住房公积金乡镇服务站窗口系统 (counter-app)",
    )
    parser.add_argument("--version", action="version", version=f"counter-app {__version__}")
    parser.add_argument("--demo", action="store_true", help="首次运行时生成演示数据")
    sub = parser.add_subparsers(dest="command", parser_class=console.ChineseArgumentParser)
    wanted = COMMANDS if commands is None else [c for c in commands if c in COMMANDS]
    for name in dict.fromkeys(COMMANDS[c] for c in wanted):
        try:
            module = importlib.import_module(f"{__name__}.{name}")  # the entry point's on-demand import
        except Exception as exc:  # noqa: BLE001  one broken command must not take the others down
            print(f"警告：命令模块 {name} 无法加载：{exc}", file=sys.stderr)
            continue
        module.register(sub)
    add_global_options(parser)
    return parser


def _parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """Only the command asked for; every command for help or an unknown word (so argparse lists them)."""
    name = command_in(argv)
    if name in COMMANDS:
        return build_parser([name])
    if name is None and not {"-h", "--help"} & set(argv):
        return build_parser([])  # the GUI, or --version
    return build_parser()


def main(argv: Sequence[str] | None = None) -> int:
    if sys.stdout is None:  # started with stdout closed (`counter-app … >&-`): nobody reads; run quietly
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115  lives as long as the process
    console.force_utf8_stdio()
    words = list(sys.argv[1:] if argv is None else argv)
    clock = _clock_problem()
    if clock is not None:  # before any command module: their imports would fail on it
        return console.report_error(clock, as_json="--json" in words or command_in(words) == "apply")
    args = _parser_for(words).parse_args(words)
    if getattr(args, "data_dir", None) is not None and not str(args.data_dir).strip():
        # An empty --data-dir is a slip, not "the default": the default store is someone's real data.
        error = console.CliError.single("data_dir", "数据目录不能为空：请写出目录，或不写 --data-dir 使用默认目录")
        return console.report_error(error, as_json=getattr(args, "json", False))
    if args.command is None:
        from counter_app.gui.app import run_gui  # the GUI launcher: Qt only when there is a window

        return run_gui(data_dir=args.data_dir, demo=args.demo)
    try:
        code = _run(args)
        sys.stdout.flush()  # a reader that went away shows here, not as a traceback at exit
        return code
    except BrokenPipeError:  # the reader went away (`… | head`), even while an error was reported: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _clock_problem() -> console.CliError | None:
    """A system clock past what Python can read (after 2262, e.g. 9999-12-31): ``time.time()``
    overflows, and so would the first library import that reads it (logging)."""
    try:
        time.time()
    except (OverflowError, OSError, ValueError):
        from counter_app.faults import CLOCK_UNREADABLE  # the error path of the entry point

        return console.CliError.single("clock", CLOCK_UNREADABLE)
    return None


def _run(args: argparse.Namespace) -> int:
    """The command, with bad input, a fault of the machine or a bug each turned into its exit code."""
    try:
        return int(args.func(args) or 0)
    except console.CliError as exc:
        return console.report_error(exc, as_json=getattr(args, "json", False))
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        raise
    except Exception as exc:  # noqa: BLE001  a bug, not bad input: say so in Chinese and keep a scrubbed report
        known = _known_problem(exc, args)
        if known is not None:
            return console.report_error(known, as_json=getattr(args, "json", False))
        return _unexpected(exc, args)


def _known_problem(exc: Exception, args: object) -> console.CliError | None:
    """A fault of the machine (disk full, read-only, damaged store, clock, keyring) or a broken policy
    file: exit 2 with what to do, never an internal error (see ``counter_app.faults``)."""
    from counter_app import faults  # the error path of the entry point: loaded only when something failed
    from counter_app.domain.policy import PolicyError

    if isinstance(exc, PolicyError):
        lines = [str(p) for p in exc.problems] or [str(exc)]
        return console.CliError([{"field": "policy", "message": f"政策文件有误：{line}"} for line in lines])
    fault = faults.classify(exc, getattr(args, "data_dir", None) or "")
    if fault is None:
        return None
    return console.CliError.single(fault.field, fault.message)


def _unexpected(exc: Exception, args: object) -> int:
    from counter_app.user_data import resolve_data_dir  # platformdirs: only for a report, at the entry point

    where = ""
    try:
        text = crash.report_text(type(exc), exc, exc.__traceback__)
        where = f"，错误报告已保存到 {crash.write_report(resolve_data_dir(getattr(args, 'data_dir', None)), text)}"
    except Exception:  # noqa: BLE001  the report is a courtesy; never let it hide the message
        pass
    detail = crash.scrub(str(exc)).splitlines()[0] if str(exc) else type(exc).__name__
    advice = "请将报告交给技术支持"
    if type(exc).__name__ == "DatabaseError":
        advice = "本机数据文件可能已损坏，请用 counter-app restore 从备份恢复，并将报告交给技术支持"
    print(f"程序内部错误：{detail}{where}。{advice}。", file=sys.stderr)
    return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
