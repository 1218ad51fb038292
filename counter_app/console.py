"""Console output shared by the command lines (counter-app, counter-central): Chinese argparse, JSON, errors."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from dataclasses import dataclass, field
from typing import Any, NoReturn

EXIT_OK = 0
EXIT_INVALID = 1  # a value was checked and found invalid (``check``)
EXIT_BAD_INPUT = 2  # the command could not run on this input


@dataclass
class CliError(Exception):
    """Bad input a user can fix: reported as ``{"errors": [{"field", "message"}]}``, exit 2."""

    errors: list[dict[str, str]] = field(default_factory=list)
    exit_code: int = EXIT_BAD_INPUT

    @classmethod
    def single(cls, field_key: str, message: str) -> CliError:
        return cls([{"field": field_key, "message": message}])


def force_utf8_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="backslashreplace")  # undecodable argv bytes echo, never crash


def emit_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def report_error(exc: CliError, *, as_json: bool) -> int:
    if as_json:
        emit_json({"errors": exc.errors})
    else:
        for err in exc.errors:
            print(f"错误：{err['field']}：{err['message']}", file=sys.stderr)
    return exc.exit_code


def whole_number(low: int, high: int, label: str) -> Any:
    """An argparse ``type``: an integer in [low, high]; anything else is a Chinese usage error (exit 2),
    including a number too long to read (Python refuses int() of more than 4,300 digits)."""

    def parse(text: str) -> int:
        raw = str(text).strip()
        digits = raw.lstrip("+-")
        if not digits.isascii() or not digits.isdigit() or len(digits) > 18 or not low <= int(raw) <= high:
            raise argparse.ArgumentTypeError(f"{label}应为{low}至{high}之间的整数")
        return int(raw)

    parse.__name__ = label  # argparse names the type in its message
    return parse


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with the usage error in Chinese and exit code 2 (never a traceback)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: 参数错误：{message}\n")
