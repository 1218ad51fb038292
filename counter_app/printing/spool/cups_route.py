"""Linux (UOS, Kylin, Debian): the PDF goes to CUPS as it is, through pycups (libcups).

Printer options (paper, duplex, resolutions) come from the printer's IPP attributes; the job
carries copies, ``media`` (the printer's own keyword for A4/A5) and ``sides``. CUPS_SERVER, or
``server`` here, picks the print server (a local cupsd by default).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import cups  # the module is loaded only on the CUPS route (spool.spooler checks pycups is there)

from counter_app.printing.spool.base import (
    JobOptions,
    PrinterInfo,
    SpoolError,
    SubmittedJob,
    check_options,
    find_printer,
    papers_of,
)

PRINTER_STATES = {3: "idle", 4: "printing", 5: "stopped"}
JOB_STATES = {3: "pending", 4: "held", 5: "processing", 6: "stopped", 7: "cancelled", 8: "aborted", 9: "completed"}
ATTRIBUTES = ["printer-name", "printer-info", "printer-state", "printer-is-accepting-jobs", "media-supported",
              "sides-supported", "printer-resolution-supported"]
UNREACHABLE = "无法连接打印服务（CUPS），请确认打印服务已启动，或另存为 PDF"


class CupsSpooler:
    route = "cups"

    def __init__(self, server: str | None = None) -> None:
        self.server = server
        self._local = threading.local()  # a libcups connection belongs to one thread

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                if self.server:
                    host, _, port = self.server.rpartition(":") if ":" in self.server else (self.server, "", "")
                    conn = cups.Connection(host=host, port=int(port)) if port else cups.Connection(host=host)
                else:
                    conn = cups.Connection()
            except RuntimeError:
                raise SpoolError("printer", UNREACHABLE) from None
            self._local.conn = conn
        return conn

    def _call(self, fn: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return getattr(self._conn(), fn)(*args, **kwargs)
        except cups.IPPError as exc:
            status, text = exc.args if len(exc.args) == 2 else (0, str(exc))
            if status == cups.IPP_NOT_FOUND:
                raise SpoolError("printer", "打印服务中没有这台打印机或这个任务") from None
            raise SpoolError("printer", f"打印服务拒绝了请求：{text}") from None
        except (RuntimeError, cups.HTTPError):
            self._local.conn = None  # the server went away: connect afresh next time
            raise SpoolError("printer", UNREACHABLE) from None

    def printers(self) -> list[PrinterInfo]:
        default = self._call("getDefault")
        return [self._info(name, default) for name in sorted(self._call("getPrinters"))]

    def _info(self, name: str, default: str | None) -> PrinterInfo:
        attrs = self._call("getPrinterAttributes", name, requested_attributes=ATTRIBUTES)
        return PrinterInfo(
            name=name, info=str(attrs.get("printer-info") or ""),
            state=PRINTER_STATES.get(int(attrs.get("printer-state", 3)), "idle"),
            accepting=bool(attrs.get("printer-is-accepting-jobs", True)), default=name == default,
            papers=papers_of(_as_list(attrs.get("media-supported"))),
            duplex=any(s.startswith("two-sided") for s in _as_list(attrs.get("sides-supported"))),
            resolutions=tuple(sorted({int(r[0]) for r in _as_list(attrs.get("printer-resolution-supported"))
                                      if isinstance(r, tuple)})),
        )

    def printer(self, name: str | None) -> PrinterInfo:
        """One printer (the default when ``name`` is empty), asking CUPS about that one only."""
        default = self._call("getDefault")
        wanted = name or default
        if wanted:
            try:
                return self._info(wanted, default)
            except SpoolError:
                pass  # not there: the full list says which printers there are
        return find_printer(self.printers(), name)

    def submit(self, pdf: Path, printer: str | None, options: JobOptions) -> SubmittedJob:
        target = self.printer(printer)
        check_options(target, options)
        job_options = {"copies": str(options.copies),
                       "sides": "two-sided-long-edge" if options.duplex else "one-sided"}
        if options.paper:
            job_options["media"] = target.papers.get(options.paper, options.paper)
        job_id = self._call("printFile", target.name, str(pdf), options.title, job_options)
        return SubmittedJob(target.name, int(job_id), self.route, Path(pdf).stat().st_size, Path(pdf))

    def job_state(self, job_id: int) -> str:
        attrs = self._call("getJobAttributes", job_id, requested_attributes=["job-state"])
        return JOB_STATES.get(int(attrs.get("job-state", 0)), "unknown")

    def cancel(self, job_id: int) -> None:
        self._call("cancelJob", job_id)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
