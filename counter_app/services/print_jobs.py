"""Printing to a printer (送打印机): the station's printer, paper and duplex per document, the PDF
to the system's print service, and batch letters as whole jobs with progress and cancel.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counter_app.printing.letters import render_letters
from counter_app.printing.spool import (
    JobOptions,
    PrinterInfo,
    Spooler,
    SpoolError,
    SubmittedJob,
    check_options,
    find_printer,
    spooler,
)
from counter_app.services import audit
from counter_app.services.counter import Counter
from counter_app.services.printing import (
    LetterFilter,
    count_letter_recipients,
    letter_batch,
    letter_recipients,
    log_letters_sent,
)
from counter_app.services.station_config import load_settings

# Which station setting (站点设置 › 打印机) a printed document follows.
KIND_OF_DOCUMENT = {"receipt": "receipt", "form": "form", "notice": "notice", "one_time_notice": "notice",
                    "establishment_notice": "notice", "arrears_notice": "notice", "collection": "notice", "schedule": "form",
                    "certificate": "form", "letters": "letters", "archive_cover": "form"}
TITLES = {"receipt": "受理回执", "form": "申请表", "notice": "通知书", "one_time_notice": "一次性告知单",
          "establishment_notice": "责令限期办理通知书", "arrears_notice": "责令限期缴存通知书",
          "collection": "催收通知书", "schedule": "还款计划表",
          "certificate": "缴存使用证明", "letters": "批量信函", "archive_cover": "档案封面"}
LETTERS_PER_JOB = 100  # a job is whole letters only; a cancelled batch stops between jobs


@dataclass(frozen=True)
class PrinterList:
    default: str | None
    printers: list[PrinterInfo]

    def as_json(self) -> dict[str, Any]:
        return {"default": self.default, "printers": [p.as_json() for p in self.printers]}


def list_printers(spool: Spooler | None = None) -> PrinterList:
    """The printers of this PC's print service, with its default (None when it has none)."""
    printers = (spool or spooler()).printers()
    return PrinterList(next((p.name for p in printers if p.default), None), printers)


@dataclass(frozen=True)
class PrintChoice:
    """Where and how a document prints: the station's defaults, with the clerk's changes."""

    printer: str  # "" = the system's default printer
    options: JobOptions


def print_choice(counter: Counter, document: str, *, printer: str | None = None, copies: int | None = None,
                 paper: str | None = None, duplex: bool | None = None, title: str | None = None) -> PrintChoice:
    kind = KIND_OF_DOCUMENT.get(document, document)
    settings = load_settings(counter)
    return PrintChoice(
        printer if printer else settings.printer_for(kind),
        JobOptions(copies=1 if copies is None else copies, paper=paper or settings.paper_for(kind),
                   duplex=settings.duplex_for(kind) if duplex is None else duplex,
                   title=title or TITLES.get(document, document)),
    )


def check_printer(counter: Counter, document: str, *, printer: str | None = None, copies: int | None = None,
                  paper: str | None = None, duplex: bool | None = None, spool: Spooler | None = None) -> PrinterInfo:
    """The printer ``document`` would go to, checked against its options before anything is made or logged."""
    choice = print_choice(counter, document, printer=printer, copies=copies, paper=paper, duplex=duplex)
    target = find_printer((spool or spooler()).printers(), choice.printer or None)
    check_options(target, choice.options)
    return target


def send_to_printer(counter: Counter, pdf: str | os.PathLike[str], document: str, *, printer: str | None = None,
                    copies: int | None = None, paper: str | None = None, duplex: bool | None = None,
                    title: str | None = None, spool: Spooler | None = None, subject: str = "") -> SubmittedJob:
    """Send a finished PDF to the printer chosen for ``document`` (or ``printer``); returns the accepted job."""
    choice = print_choice(counter, document, printer=printer, copies=copies, paper=paper, duplex=duplex, title=title)
    job = (spool or spooler()).submit(Path(pdf), choice.printer or None, choice.options)
    _record(counter, document, subject, job, choice.options)
    return job


def _record(counter: Counter, document: str, subject: str, job: SubmittedJob, options: JobOptions) -> None:
    audit.record(counter, "print_job", subject, {
        "document": document, "printer": job.printer, "job_id": job.job_id, "route": job.route,
        "copies": options.copies, "paper": options.paper, "duplex": options.duplex})


@dataclass(frozen=True)
class LettersSent:
    """A batch of letters sent to a printer: whole jobs only."""

    printer: str
    letters: int  # letters in the jobs that stay (1…letters, in order)
    jobs: tuple[SubmittedJob, ...]
    cancelled: bool = False
    withdrawn: tuple[int, ...] = field(default=())  # jobs taken back from the queue before they started

    def as_json(self) -> dict[str, Any]:
        return {"printer": self.printer, "letters": self.letters, "cancelled": self.cancelled,
                "jobs": [j.as_json() for j in self.jobs], "withdrawn": list(self.withdrawn)}


def print_letters_to_printer(
    counter: Counter, template: str, printer: str | None = None, *, chosen: LetterFilter | None = None,
    limit: int | None = None, per_job: int = LETTERS_PER_JOB, copies: int | None = None, paper: str | None = None,
    duplex: bool | None = None, progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None, spool: Spooler | None = None,
) -> LettersSent:
    """Letters rendered ``per_job`` at a time; each file goes to the printer only once it is complete.

    On cancel the file being written is dropped (never sent) and the batch's jobs that the
    printer has not started are taken back, so no job is ever half a file.
    """
    if per_job < 1:
        raise SpoolError("per_job", "每个打印任务的信函数应大于0")
    spool = spool or spooler()
    choice = print_choice(counter, "letters", printer=printer, copies=copies, paper=paper, duplex=duplex)
    target = find_printer(spool.printers(), choice.printer or None)  # a wrong printer fails before any work
    check_options(target, choice.options)
    chosen = chosen or LetterFilter()
    batch = letter_batch(counter, template)
    total = count_letter_recipients(counter, chosen, limit)
    recipients = letter_recipients(counter, chosen, limit)
    cancelled = should_cancel or (lambda: False)
    jobs: list[SubmittedJob] = []
    counts: list[int] = []  # letters in each job
    sent = 0
    with tempfile.TemporaryDirectory(prefix="counter-letters-") as tmp:
        while sent < total or not total:
            part = Path(tmp) / f"letters-{len(jobs) + 1:04d}.pdf"
            result = render_letters(
                batch, itertools.islice(recipients, per_job), part, page_size=choice.options.paper or "A4",
                total=total, first_number=sent + 1, should_cancel=cancelled, progress=_counting_from(sent, progress),
            )
            if result.cancelled or (cancelled() and not result.pages):
                return _withdraw(spool, target.name, jobs, counts)
            if not result.pages:
                break
            title = f"{TITLES['letters']} 第{sent + 1}-{sent + result.pages}封"
            options = JobOptions(choice.options.copies, choice.options.paper, choice.options.duplex, title)
            jobs.append(spool.submit(part, target.name, options))
            counts.append(result.pages)
            part.unlink()  # the print service holds its own copy now
            sent += result.pages
            if result.pages < per_job:
                break
            if cancelled():
                return _withdraw(spool, target.name, jobs, counts)
    if jobs:
        log_letters_sent(counter, template, jobs[0].file, sent, f"打印机{target.name}，{len(jobs)}个任务")
        _record(counter, "letters", template, jobs[-1], choice.options)
    return LettersSent(target.name, sent, tuple(jobs))


def _counting_from(base: int, progress: Callable[[int, int], None] | None) -> Callable[[int, int], None] | None:
    """A job's progress reported as the batch's: its letters counted after the ``base`` already sent."""
    if progress is None:
        return None
    report = progress
    return lambda done, total: report(base + done, total)


def _withdraw(spool: Spooler, printer: str, jobs: list[SubmittedJob], counts: list[int]) -> LettersSent:
    """Cancelled: take back the jobs still waiting; those printing or printed stay whole."""
    withdrawn: list[int] = []
    kept: list[SubmittedJob] = []
    letters = 0
    for job, count in zip(jobs, counts):
        if job.job_id is not None and spool.job_state(job.job_id) in ("pending", "held"):
            try:
                spool.cancel(job.job_id)
                withdrawn.append(job.job_id)
                continue
            except SpoolError:
                pass  # it started meanwhile: it prints whole
        kept.append(job)
        letters += count
    return LettersSent(printer, letters, tuple(kept), cancelled=True, withdrawn=tuple(withdrawn))


__all__ = [
    "LETTERS_PER_JOB", "LettersSent", "PrintChoice", "PrinterList", "SpoolError", "check_printer", "list_printers",
    "print_choice", "print_letters_to_printer", "send_to_printer",
]
