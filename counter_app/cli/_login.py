"""Who is at the keyboard of a CLI command: ``--clerk NAME`` and ``--approver NAME``.

Passwords never come from the command line: the clerk's from ``COUNTER_APP_PASSWORD`` or stdin,
the approving supervisor's from ``COUNTER_APP_APPROVER_PASSWORD`` or stdin (a script writes one
line per password, clerk first), or a prompt without echo on a terminal. A data dir with no clerk
accounts needs no login: commands run as the built-in demo clerk.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from counter_app.console import CliError
from counter_app.domain.errors import FieldError
from counter_app.domain.roles import ApprovalRequest
from counter_app.services import Counter, approvals, clerks
from counter_app.services.approvals import Approval

PASSWORD_ENV = "COUNTER_APP_PASSWORD"
APPROVER_ENV = "COUNTER_APP_APPROVER_PASSWORD"
NEW_PASSWORD_ENV = "COUNTER_APP_NEW_PASSWORD"  # a first login's own password (replaces the one-time code)


def read_secret(prompt: str) -> str:
    """One line of stdin when it is not a terminal (scripts), else a prompt without echo."""
    stdin = sys.stdin
    if stdin is None:
        return ""
    if not stdin.isatty():
        try:
            return stdin.readline().rstrip("\r\n")
        except (OSError, ValueError, UnicodeDecodeError):
            return ""
    return getpass.getpass(prompt)


def password_from(env: str, prompt: str) -> str:
    return os.environ.get(env) or read_secret(prompt)


def sign_in(counter: Counter, args: argparse.Namespace) -> None:
    """Make ``counter`` work as the clerk of ``--clerk`` (required once the station has clerks)."""
    if not clerks.has_clerks(counter):
        return  # fresh or demo data dir: the demo clerk
    name = getattr(args, "clerk", None)
    if not name:
        raise CliError.single(
            "clerk", f"本站已设置柜员账号：请用 --clerk 登录名 指定柜员，密码由环境变量 {PASSWORD_ENV} 或标准输入提供")
    password = password_from(PASSWORD_ENV, "柜员密码：")
    if not password:
        raise CliError.single("password", f"请提供柜员密码（环境变量 {PASSWORD_ENV} 或标准输入）")
    result = clerks.login(counter, name, password)
    if isinstance(result, FieldError) and result.field == "new_password":
        # A one-time code from the centre: the clerk's own password replaces it now (the next stdin
        # line for scripts, typed twice on a terminal).
        print(result.message, file=sys.stderr)
        chosen = os.environ.get(NEW_PASSWORD_ENV) or new_password("本人新密码：")
        if not chosen:
            raise CliError.single("new_password", f"{result.message}（环境变量 {NEW_PASSWORD_ENV} 或标准输入的下一行）")
        result = clerks.login(counter, name, password, new_password=chosen)
    if isinstance(result, FieldError):
        raise CliError.single(result.field, result.message)


def approval_for(counter: Counter, args: argparse.Namespace, request: ApprovalRequest) -> Approval | None:
    """The approval of ``--approver`` for ``request``; None when no approver was named."""
    name = getattr(args, "approver", None)
    if not name:
        return None
    password = password_from(APPROVER_ENV, "复核站长密码：")
    if not password:
        raise CliError.single("approver_password", f"请提供复核站长的密码（环境变量 {APPROVER_ENV} 或标准输入）")
    result = approvals.approve(counter, name, password, request.action, request.subject)
    if isinstance(result, FieldError):
        raise CliError.single(result.field, result.message)
    return result


def new_password(prompt: str = "新密码：") -> str:
    """A new password: a line of stdin for scripts; typed twice on a terminal."""
    stdin = sys.stdin
    if stdin is not None and stdin.isatty():
        first = getpass.getpass(prompt)
        if getpass.getpass("再次输入：") != first:
            raise CliError.single("password", "两次输入的密码不一致")
        return first
    return read_secret(prompt)
