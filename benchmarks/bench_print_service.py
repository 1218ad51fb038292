"""Printing through a real print service (part of bench_printing.py): Ctrl+P and the CLI to job
accepted, receipt job size, 2,000 letters with progress and cancel, and today's 1200-dpi raster.

Run alone: ``.venv/bin/python benchmarks/bench_print_service.py [--runs N] [--letters N]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "services")]

from cupsserver import destroy_server, start_server  # noqa: E402

RECEIPT_P95_TARGET_S = 1.0
RECEIPT_SIZE_TARGET = 300_000


def _pct(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), statistics.quantiles(values, n=20)[-1]


def _station(base: Path, letters: int):  # type: ignore[no-untyped-def]
    from service_world import build_world, complete, fixed_clock, withdrawal_form

    from counter_app.services import open_counter, submit_application
    from counter_app.store.records import WorkerRecord

    data = base / "station"
    counter = open_counter(data, clock=fixed_clock)
    build_world(counter.store)
    with counter.store.unit_of_work(write=True) as uow:
        for i in range(letters):
            uow.workers.upsert(WorkerRecord(
                id_number=f"9{i:017d}", name=("张三", "买买提·艾力", "欧阳𠮷祥")[i % 3], sex="1",
                birth_date=date(1990, 1, 1), address=f"示范市南山镇幸福路{i % 300}号幸福家园{i % 20}幢{i % 900}室",
                postcode="311300", township="南山镇"))
        uow.commit()
    number = submit_application(counter, "withdrawal", complete(counter, "withdrawal", withdrawal_form())).receipt_number
    return counter, data, number


def _children_cpu() -> float:
    """User + system CPU seconds of the finished child processes (wall time waits for a shared CPU too)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _octets(server, job_id: int) -> int:  # type: ignore[no-untyped-def]
    attrs = server.connection().getJobAttributes(job_id, requested_attributes=["job-k-octets"])
    return int(attrs.get("job-k-octets", 0)) * 1024


def bench_print_service(runs: int = 50, letters: int = 2000) -> None:
    from counter_app.printing.spool import JobOptions
    from counter_app.printing.spool.qt_route import draw_pdf, ensure_gui_app
    from counter_app.services.print_jobs import send_to_printer
    from counter_app.services.printing import print_receipt
    from counter_app.services.settings import save_settings

    start = time.perf_counter()
    server = start_server()
    server.add_pdf_queue("counter-a4", "A4", default=True)
    server.add_pdf_queue("counter-receipt", "receipt", page_size="A5")
    setup = time.perf_counter() - start
    os.environ["CUPS_SERVER"] = server.server
    try:
        with tempfile.TemporaryDirectory(prefix="bench-print-") as tmp:
            counter, data, number = _station(Path(tmp), letters)
            save_settings(counter, {"printer_receipt": "counter-receipt", "paper_receipt": "A5"})
            printed = print_receipt(counter, number)
            print(f"print service: own cupsd + 2 cups-pdf queues up in {setup:.2f} s")

            # What Ctrl+P in the preview runs on the PDF it shows: settings, printer options, the
            # IPP job, the audit row (the service alone, then through the real preview below).
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                job = send_to_printer(counter, printed.path, "receipt", subject=number)
                times.append(time.perf_counter() - t)
            p50, p95 = _pct(times)
            verdict = "ok" if p95 <= RECEIPT_P95_TARGET_S else "ABOVE TARGET"
            print(f"send_to_printer to job accepted (the service under Ctrl+P, {runs} runs): p50 {p50 * 1000:.0f} ms, "
                  f"p95 {p95 * 1000:.0f} ms (target <= 1 s: {verdict})")
            gui = bench_ctrl_p(counter, printed.path, Path(tmp), runs)
            p50, p95 = _pct(gui)
            print(f"Ctrl+P in the preview window to job accepted (key press to the job number on screen, "
                  f"{runs} runs): p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms (target <= 1 s: "
                  f"{'ok' if p95 <= RECEIPT_P95_TARGET_S else 'ABOVE TARGET'})")
            server.wait_for_jobs()
            landed = server.job_pdf("counter-receipt", job.job_id)
            size_verdict = "ok" if job.bytes <= RECEIPT_SIZE_TARGET else "ABOVE TARGET"
            print(f"receipt job size: {job.bytes / 1024:.1f} KiB sent to CUPS (CUPS counts "
                  f"{_octets(server, job.job_id) // 1024} KiB; target <= 300 KB: {size_verdict}); "
                  f"cups-pdf output {landed.stat().st_size / 1024:.1f} KiB")
            counter.close()

            # The CLI, a fresh process each time: start-up, store, a reprint's PDF, the job.
            env = {**os.environ, "CUPS_SERVER": server.server}
            cli, cli_cpu = [], []
            for _ in range(min(runs, 30)):
                t, cpu = time.perf_counter(), _children_cpu()
                done = subprocess.run(
                    [sys.executable, "-m", "counter_app", "--data-dir", str(data), "print", "receipt", number,
                     "--printer", "counter-receipt", "--reprint-reason", "申请人另需一份", "--json"],
                    capture_output=True, text=True, env=env)
                cli.append(time.perf_counter() - t)
                cli_cpu.append(_children_cpu() - cpu)
                if done.returncode:
                    print("CLI failed:", done.stdout, done.stderr)
                    break
            p50, p95 = _pct(cli) if len(cli) > 1 else (cli[0], cli[0])
            print(f"`counter-app print receipt R --printer P` to job accepted ({len(cli)} runs, whole process): "
                  f"p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms (target <= 1 s: "
                  f"{'ok' if p95 <= RECEIPT_P95_TARGET_S else 'ABOVE TARGET'}); CPU time p50 "
                  f"{statistics.median(cli_cpu) * 1000:.0f} ms, max {max(cli_cpu) * 1000:.0f} ms")
            base, base_cpu = [], []
            for i in range(10):  # the same command writing the file instead: what start-up and the PDF cost
                t, cpu = time.perf_counter(), _children_cpu()
                subprocess.run([sys.executable, "-m", "counter_app", "--data-dir", str(data), "print", "receipt",
                                number, "--out", str(Path(tmp) / f"r{i}.pdf"), "--reprint-reason", "另需一份"],
                               capture_output=True, text=True, env=env, check=True)
                base.append(time.perf_counter() - t)
                base_cpu.append(_children_cpu() - cpu)
            print(f"  the same with --out FILE instead (10 runs): p50 {statistics.median(base) * 1000:.0f} ms, "
                  f"max {max(base) * 1000:.0f} ms, CPU time p50 {statistics.median(base_cpu) * 1000:.0f} ms: "
                  "process start-up, store and PDF, not the print service")

            # Today's path: QPrinter HighResolution (1200 dpi) bitmaps, to a file and to the printer.
            ensure_gui_app()
            for dpi in (1200, 300):
                out = Path(tmp) / f"raster-{dpi}.pdf"
                t = time.perf_counter()
                draw_pdf(printed.path, dpi, JobOptions(title="receipt"), output_file=out)
                seconds = time.perf_counter() - t
                before = set(server.connection().getJobs(which_jobs="all"))
                t = time.perf_counter()
                draw_pdf(printed.path, dpi, JobOptions(title="receipt"), printer_name="counter-receipt")
                to_printer = time.perf_counter() - t
                [job_id] = set(server.connection().getJobs(which_jobs="all")) - before
                print(f"QPrinter raster at {dpi} dpi ({'the old preview path' if dpi == 1200 else 'last fallback'}): "
                      f"{out.stat().st_size / 2**20:.2f} MiB PDF file in {seconds:.2f} s; to the CUPS queue "
                      f"{to_printer:.2f} s, job {_octets(server, job_id) / 2**20:.2f} MiB")
            server.wait_for_jobs(600)

            bench_letters_to_printer(server, data, letters)
    finally:
        destroy_server(server)


def bench_ctrl_p(counter, pdf: Path, tmp: Path, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    """The receipt's preview window (offscreen): Ctrl+P, then the event loop until the job is accepted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings, Qt, qInstallMessageHandler
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow

    from counter_app.gui.printing import PreviewDialog

    app = QApplication.instance() or QApplication([])
    # The offscreen platform warns on every dialog shown; the figures are what this prints.
    qInstallMessageHandler(lambda _kind, _ctx, text: None if "propagateSizeHints" in text else print(text))
    window = QMainWindow()
    window.show()
    preview = PreviewDialog(pdf, "receipt", QSettings(str(tmp / "gui.ini"), QSettings.Format.IniFormat), window,
                            counter=counter)
    preview.show()
    preview.activateWindow()
    app.processEvents()
    times = []
    for _ in range(runs):
        preview.last_job = None
        t = time.perf_counter()
        QTest.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        while preview.last_job is None:
            if time.perf_counter() - t > 30:
                raise TimeoutError(f"Ctrl+P: no job after 30 s ({preview.printer_label.text()})")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        times.append(time.perf_counter() - t)
    preview.close()
    window.close()
    return times


def bench_letters_to_printer(server, data: Path, letters: int) -> None:  # type: ignore[no-untyped-def]
    from service_world import fixed_clock

    from counter_app.services import open_counter
    from counter_app.services.print_jobs import print_letters_to_printer

    with open_counter(data, clock=fixed_clock) as counter:
        reports: list[int] = []
        t = time.perf_counter()
        sent = print_letters_to_printer(counter, "online-guide", "counter-a4", limit=letters, per_job=100,
                                        progress=lambda done, total: reports.append(done))
        accepted = time.perf_counter() - t
        server.wait_for_jobs(1800)
        printed = time.perf_counter() - t
        octets = sum(_octets(server, j.job_id) for j in sent.jobs)
        print(f"{sent.letters} letters to the printer: {len(sent.jobs)} jobs of 100 accepted in {accepted:.1f} s "
              f"({sent.letters / accepted:.0f} letters/s, {len(reports)} progress reports, {octets / 2**20:.1f} MiB "
              f"sent); cups-pdf finished the last page after {printed:.0f} s")

        conn = server.connection()
        conn.disablePrinter("counter-a4")  # a busy printer: jobs wait, so cancel can take them back
        try:
            seen: list[int] = []
            t = time.perf_counter()
            cut = letters * 2 // 5 + 37  # mid-job: the job being written must never be sent
            sent = print_letters_to_printer(counter, "online-guide", "counter-a4", limit=letters, per_job=100,
                                            progress=lambda done, total: seen.append(done),
                                            should_cancel=lambda: bool(seen) and seen[-1] >= cut)
            took = time.perf_counter() - t
            waiting = conn.getJobs(which_jobs="not-completed")
        finally:
            conn.enablePrinter("counter-a4")
        print(f"cancel at letter {seen[-1]} of {letters}: stopped {took:.1f} s after start; "
              f"{len(sent.withdrawn)} waiting jobs taken back, {len(sent.jobs)} kept, {len(waiting)} left in "
              f"the queue; no file of the job being written was sent (whole jobs of 100 only)")

        seen = []
        sent = print_letters_to_printer(counter, "online-guide", "counter-a4", limit=letters, per_job=100,
                                        progress=lambda done, total: seen.append(done),
                                        should_cancel=lambda: bool(seen) and seen[-1] >= cut)
        server.wait_for_jobs(1800)
        pages = [int(subprocess.run(["pdfinfo", str(server.job_pdf("counter-a4", j.job_id))], check=True,
                                    capture_output=True, text=True).stdout.split("Pages:")[1].split()[0])
                 for j in sent.jobs]
        print(f"cancel with the printer running: {len(sent.jobs)} jobs printed with pages {sorted(set(pages))} "
              f"each ({sum(pages)} letters = {sent.letters} reported kept), {len(sent.withdrawn)} taken back")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--letters", type=int, default=2000)
    args = parser.parse_args()
    bench_print_service(args.runs, args.letters)
