"""Faults of the machine, not of the program (磁盘满、只读、数据损坏、时钟错误、钥匙串不可用): clear Chinese words.

A ``Fault`` is something the clerk or the station's technician can fix — free disk space, make the
data folder writable, restore a backup, set the clock, install a keyring service. The command line
reports it with exit code 2 and the GUI in a message box; it is never an "internal error" with a
crash report (a full disk could not even hold one). ``classify`` turns the raw exceptions that carry
such a fault (``OSError``, SQLite errors wrapped by SQLAlchemy) into a ``Fault``; anything else is
left alone and stays a bug.
"""

from __future__ import annotations

import errno
import shutil
from typing import Any


class Fault(Exception):
    """An environment fault: ``field`` names what is wrong, ``message`` says what to do (Chinese)."""

    field = "environment"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if field is not None:
            self.field = field


class DiskFull(Fault):
    field = "disk"


class ReadOnly(Fault):
    field = "data_dir"


class StoreDamaged(Fault):
    field = "data_dir"


class ClockOutOfRange(Fault):
    field = "clock"


class KeyringUnavailable(Fault):
    field = "keyring"


DISK_FULL = "磁盘空间不足：本次操作未保存（已办理的业务不受影响）。请清理数据目录所在磁盘后重试"
READ_ONLY = "数据目录不可写入（只读或没有权限）：本次操作未保存。请检查数据目录 {where} 的权限或磁盘状态"
DAMAGED = ("本机数据文件已损坏（完整性检查未通过），为防止错误数据继续扩散，已停止办理新业务。"
           "请用 counter-app restore 从最近的备份恢复，并联系技术支持")

CLOCK_UNREADABLE = ("本机时钟超出程序能读取的范围（晚于2262年，例如9999年），不在合理范围内（2000年至2099年）："
                    "请先校准系统日期和时间，再办理业务")
IO_ERROR = "磁盘读写出错：本次操作未保存。请检查数据目录所在磁盘，必要时用 counter-app restore 从备份恢复"
_FULL_WORDS = ("database or disk is full", "no space left")
NEARLY_FULL = 4 << 20  # bytes: less than this left and a failed write is put down to the full disk
_READ_ONLY_WORDS = ("attempt to write a readonly database", "unable to open database file", "readonly database",
                    "read-only file system")
_DAMAGED_WORDS = ("database disk image is malformed", "file is not a database", "malformed database schema")


def classify(exc: BaseException, where: Any = "") -> Fault | None:
    """The fault ``exc`` (or an exception it wraps) stands for; None when it is not one."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, Fault):
            return current
        found = _one(current, where)
        if found is not None:
            return found
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return None


def _nearly_full(where: Any) -> bool:
    try:
        return shutil.disk_usage(str(where or ".")).free < NEARLY_FULL
    except OSError:
        return True  # cannot even ask: most likely the same cause


def _one(exc: BaseException, where: Any) -> Fault | None:
    if isinstance(exc, OSError) and exc.errno is not None:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return DiskFull(DISK_FULL)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ReadOnly(READ_ONLY.format(where=exc.filename or where or ""))
        return None
    if not type(exc).__module__.startswith(("sqlite3", "_sqlite3")):
        return None
    text = str(exc).lower()
    if "disk i/o error" in text:  # SQLite's word for a failed write: a full disk, or a failing one
        return DiskFull(DISK_FULL) if _nearly_full(where) else Fault(IO_ERROR, "disk")
    if any(word in text for word in _FULL_WORDS):
        return DiskFull(DISK_FULL)
    if any(word in text for word in _READ_ONLY_WORDS):
        return ReadOnly(READ_ONLY.format(where=where or ""))
    if any(word in text for word in _DAMAGED_WORDS):
        return StoreDamaged(DAMAGED)
    return None


def connection_message(error: str) -> str:
    """What a clerk or the back office can do about a failed connection to the centre (Chinese)."""
    text = error.lower()
    if "password authentication failed" in text or "no password supplied" in text:
        return "用户名或密码不正确"
    if "does not exist" in text and "database" in text:
        return "中心数据库不存在，请核对连接串中的数据库名"
    if "timeout" in text or "timed out" in text:
        return "连接中心服务器超时，请检查网络后重试，或先离线工作"
    return "无法连接到中心服务器，请检查网络和服务器地址，或先离线工作"
