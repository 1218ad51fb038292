"""Crash handling (程序异常): a scrubbed report in the data dir, a Chinese message, a restart.

The report helps a technician without exposing anyone: ID, card and phone numbers, the names and
addresses typed in the open form, passwords in connection strings and the PC user's name are
replaced before anything is written. Drafts are saved first so the restarted app resumes the work.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from counter_app import __version__

CRASH_DIR = "crash"
RESTART_ENV = "COUNTER_APP_CRASH_RESTARTS"
MAX_RESTARTS = 3  # in a row, each within STABLE_AFTER_S of starting: then stop and let a human look
STABLE_AFTER_S = 300
EXIT_CRASHED = 70
KEEP_REPORTS = 50
MESSAGE = (
    "很抱歉，程序出现意外错误。\n\n已填写的内容已保存为草稿，程序将自动重新启动，重启后可继续办理。"
    "\n\n错误报告（不含个人信息）已保存在：\n{report}"
)
MESSAGE_CLOSING = (
    "很抱歉，程序出现意外错误，需要关闭。\n\n已填写的内容已保存为草稿，重新打开后可继续办理。"
    "\n\n错误报告（不含个人信息）已保存在：\n{report}"
)
MESSAGE_NO_RESTART = (
    "很抱歉，程序多次出现意外错误，已停止自动重启。\n\n已填写的内容已保存为草稿。"
    "请将以下错误报告（不含个人信息）发给技术支持：\n{report}"
)
# Form fields whose values are personal (DESIGN.md field keys); ``new_*`` of info-change too.
PERSONAL_KEYS = frozenset({
    "id_number", "name", "birth_date", "mobile", "phone", "address", "postcode", "bank_card", "bank_account",
    "legal_rep", "contact_name", "contact_mobile", "co_borrower_id", "document_no",
})
HIDDEN = "＊"

# Plain strings: compiled (and cached by ``re``) at the first report, not at every start.
_RULES: tuple[tuple[str, str], ...] = (
    # Connection strings: key=value passwords and user:password@ in URIs.
    (r"(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", r"\1***"),
    (r"(?i)(pgpassword\s*[=:]\s*)\S+", r"\1***"),
    (r"(://[^:/@\s]*:)[^@\s]+@", r"\1***@"),
    # Resident IDs (18 with a check character, old 15-digit ones), cards, accounts, mobiles:
    # any run of 11+ digits, also written in groups with spaces or hyphens.
    (r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])", "[证件号]"),
    (r"(?<![0-9A-Za-z])\d(?:[ \-]?\d){10,}(?![0-9A-Za-z])", "[号码]"),
)


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` without personal data or secrets: patterns above, then each value of ``secrets``."""
    for value in sorted({s for s in secrets if s and len(s) >= 2}, key=len, reverse=True):
        text = text.replace(value, HIDDEN * 3)
    for pattern, replacement in _RULES:
        text = re.sub(pattern, replacement, text)
    return text


def personal_values(form: Mapping[str, Any]) -> list[str]:
    """The typed values of personal fields of a form (what ``scrub`` must also hide)."""
    values = []
    for key, value in form.items():
        if (key in PERSONAL_KEYS or key.startswith("new_")) and isinstance(value, str) and value.strip():
            values.append(value.strip())
    return values


def _without_home(text: str) -> str:
    """Paths under the PC user's home name that user: show them as ``~``."""
    home = str(Path.home())
    return text.replace(home, "~") if len(home) > 1 else text


def _versions() -> list[str]:
    # Imported here, not with the module: crash.py is installed by the GUI launcher before the first
    # paint and is loaded by the CLI's entry point; these are needed only when a report is written.
    import platform

    lines = [f"counter-app {__version__}", f"Python {platform.python_version()} ({sys.platform})",
             f"系统 {platform.platform(terse=True)}", f"打包 {'是' if getattr(sys, 'frozen', False) else '否'}"]
    qt = sys.modules.get("PySide6.QtCore")  # only a GUI process has Qt loaded: never load it for a report
    if qt is not None:
        lines.append(f"PySide6 {sys.modules['PySide6'].__version__} / Qt {qt.qVersion()}")
    return lines


def report_text(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                secrets: Iterable[str] = (), thread: str | None = None) -> str:
    body = "".join(traceback.format_exception(exc_type, exc, tb))
    lines = ["counter-app 错误报告", f"时间 {datetime.now().isoformat(timespec='seconds')}",
             f"线程 {thread or threading.current_thread().name}", *_versions(), "", body]
    return _without_home(scrub("\n".join(lines), secrets))


def write_report(data_dir: str | os.PathLike[str], text: str) -> Path:
    folder = Path(data_dir) / CRASH_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}.txt"
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    for old in sorted(folder.glob("crash-*.txt"))[:-KEEP_REPORTS]:
        old.unlink(missing_ok=True)
    return path


def restart_command() -> list[str]:
    """The command line that started this process (frozen bundle, console script or ``-m``)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *sys.argv[1:]]
    return [sys.executable, *sys.orig_argv[1:]]


def relaunch() -> None:
    """Start this program again with the same command line (after a restore); the caller then quits."""
    env = {k: v for k, v in os.environ.items() if k != RESTART_ENV}
    _spawn(restart_command(), env)


def _spawn(command: list[str], env: dict[str, str]) -> None:
    import subprocess  # only when restarting (see _versions)

    flags: dict[str, Any] = {}
    if sys.platform == "win32":
        flags["creationflags"] = subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP
    else:
        flags["start_new_session"] = True
    subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, close_fds=True, **flags)


def _show_message(text: str) -> None:
    """A Chinese dialog when a GUI is up; the console otherwise."""
    # Only a GUI process has Qt's widgets loaded; this module never loads them (the CLI uses it too).
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None and isinstance(widgets.QApplication.instance(), widgets.QApplication):
        widgets.QMessageBox.critical(None, "counter-app", text)
        return
    print(text, file=sys.stderr)


def _hard_exit(code: int) -> None:
    # Qt may be half-way through an event: leave at once (SQLite has committed or rolls back).
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


@dataclass
class CrashHandler:
    """``sys.excepthook`` of the app. ``form_values`` and ``draft_savers`` are set by the GUI."""

    data_dir: Path
    restart: bool = True
    form_values: Callable[[], Mapping[str, Any]] | None = None
    draft_savers: list[Callable[[], Any]] = field(default_factory=list)
    notify: Callable[[str], None] = _show_message
    spawn: Callable[[list[str], dict[str, str]], None] = _spawn
    exit: Callable[[int], None] = _hard_exit
    started: float = field(default_factory=time.monotonic)
    last_report: Path | None = None
    _busy: bool = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt) or self._busy:
            sys.__excepthook__(exc_type, exc, tb)
            return
        if threading.current_thread() is not threading.main_thread():
            # PySide reports a worker's exception (a QRunnable override) here, on the worker:
            # no dialog or exit off the GUI thread; the operation runner tells the clerk.
            self.record(exc_type, exc, tb)
            return
        self._busy = True
        try:
            report = self.record(exc_type, exc, tb)
            self._save_drafts()
            again = self.restart and self._restarts_in_a_row() < MAX_RESTARTS
            message = MESSAGE if again else MESSAGE_NO_RESTART if self.restart else MESSAGE_CLOSING
            self.notify(message.format(report=report))
            if again:
                self._restart()
        finally:
            self._busy = False
        self.exit(EXIT_CRASHED)

    def record(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
               thread: str | None = None) -> Path:
        text = report_text(exc_type, exc, tb, self._secrets(), thread)
        self.last_report = write_report(self.data_dir, text)
        return self.last_report

    def on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        """Unhandled in a worker thread: a report, and the app keeps running."""
        if args.exc_value is not None and not issubclass(args.exc_type, SystemExit):
            self.record(args.exc_type, args.exc_value, args.exc_traceback, getattr(args.thread, "name", None))

    def _secrets(self) -> list[str]:
        try:
            return personal_values(self.form_values()) if self.form_values else []
        except Exception:  # noqa: BLE001 - a broken form must not stop the report
            return []

    def _save_drafts(self) -> None:
        for save in self.draft_savers:
            try:
                save()
            except Exception as exc:  # noqa: BLE001 - keep going: the next saver may still work
                self.record(type(exc), exc, exc.__traceback__)

    def _restarts_in_a_row(self) -> int:
        if time.monotonic() - self.started > STABLE_AFTER_S:
            return 0  # ran long enough: this crash starts a new series
        try:
            return int(os.environ.get(RESTART_ENV, "0"))
        except ValueError:
            return 0

    def _restart(self) -> None:
        env = dict(os.environ)
        env[RESTART_ENV] = str(self._restarts_in_a_row() + 1)
        try:
            self.spawn(restart_command(), env)
        except OSError as exc:
            self.record(type(exc), exc, exc.__traceback__)


_fatal_log: IO[str] | None = None


def install(data_dir: str | os.PathLike[str], restart: bool = True) -> CrashHandler:
    """Become the process's exception hooks; native crashes (Qt, drivers) go to ``crash/fatal.log``."""
    global _fatal_log
    handler = CrashHandler(Path(data_dir), restart=restart)
    sys.excepthook = handler
    threading.excepthook = handler.on_thread_exception
    folder = Path(data_dir) / CRASH_DIR
    folder.mkdir(parents=True, exist_ok=True)
    if _fatal_log is None:
        # Python-level frames only (file and function names, no values): nothing personal.
        _fatal_log = open(folder / "fatal.log", "a", encoding="utf-8")  # noqa: SIM115 - lives with the process
        faulthandler.enable(_fatal_log)
    return handler
