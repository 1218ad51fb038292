"""Sending finished PDFs to the system's print service (打印任务): printers, options, jobs.

``spooler()`` picks the route for this PC (see ``decide``): CUPS through pycups on Linux, QtPdf on
Windows, Qt raster at 300 dpi as the last fallback. Everything else talks to the ``Spooler`` API.
"""

from __future__ import annotations

import importlib.util
import os
import sys

from counter_app.printing.spool.base import (
    PAPERS,
    JobOptions,
    PrinterInfo,
    Spooler,
    SpoolError,
    SubmittedJob,
    check_options,
    find_printer,
)
from counter_app.printing.spool.decide import choose_route, render_dpi


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def spooler(server: str | None = None, route: str | None = None) -> Spooler:
    """The print route of this PC (``route`` forces one; ``server`` or CUPS_SERVER names a CUPS server).

    The route's module is imported here, when chosen: each needs what only its platform has
    (libcups, the Windows registry, Qt's printing), and a CLI print on Linux never loads Qt.
    """
    if route is None:
        shell = False
        if sys.platform == "win32" and not _has("PySide6.QtPdf"):
            from counter_app.printing.spool.windows_shell import pdf_handler_prints

            shell = pdf_handler_prints()
        route = choose_route(sys.platform, pycups=_has("cups"), qtpdf=_has("PySide6.QtPdf"), shell_printto=shell)
    if route == "cups":
        from counter_app.printing.spool.cups_route import CupsSpooler

        return CupsSpooler(server or os.environ.get("CUPS_SERVER") or None)
    if route == "windows-shell":
        from counter_app.printing.spool.windows_shell import ShellSpooler

        return ShellSpooler()
    from counter_app.printing.spool.qt_route import QtSpooler

    return QtSpooler(route)


__all__ = ["PAPERS", "JobOptions", "PrinterInfo", "SpoolError", "Spooler", "SubmittedJob", "check_options",
           "choose_route", "find_printer", "render_dpi", "spooler"]
