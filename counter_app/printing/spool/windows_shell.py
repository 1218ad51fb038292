"""Windows only, and only without QtPdf: the PDF reader registered for ``.pdf`` prints it through
its ``printto`` verb (vector, but copies are repeated jobs and paper/duplex are the printer's own
defaults). Cannot run on Linux; ``decide.choose_route`` says when it is used.
"""

from __future__ import annotations

import sys
from pathlib import Path

if sys.platform == "win32":  # Windows' own modules: this route exists only there
    import ctypes
    import winreg

from counter_app.printing.spool.base import JobOptions, SpoolError, SubmittedJob, find_printer
from counter_app.printing.spool.qt_route import qt_printers


def pdf_handler_prints() -> bool:
    """True when the ``.pdf`` file type has a ``printto`` command in the registry."""
    if sys.platform != "win32":
        return False
    try:
        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, ".pdf") as key:
            prog_id = winreg.QueryValue(key, None)
        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, rf"{prog_id}\shell\printto\command"):
            return True
    except OSError:
        return False


class ShellSpooler:
    route = "windows-shell"

    def printers(self):  # type: ignore[no-untyped-def]
        return qt_printers()

    def submit(self, pdf: Path, printer: str | None, options: JobOptions) -> SubmittedJob:
        target = find_printer(self.printers(), printer)
        for _ in range(options.copies):
            code = ctypes.windll.shell32.ShellExecuteW(None, "printto", str(pdf), f'"{target.name}"', None, 0)  # type: ignore[attr-defined]
            if code <= 32:  # ShellExecute's documented failure range
                raise SpoolError("printer", f"系统的 PDF 阅读器未能打印（错误 {code}），请另存为 PDF 后手工打印")
        return SubmittedJob(target.name, None, self.route, Path(pdf).stat().st_size, Path(pdf))

    def job_state(self, job_id: int) -> str:
        return "unknown"

    def cancel(self, job_id: int) -> None:
        raise SpoolError("printer", "此打印方式不能取消已送出的任务，请在系统的打印队列中取消")
