"""Printing speed and memory: receipt render p95, letters pages/second against a bare ReportLab
canvas, peak RSS while streaming 20,000 letters against 2,000 (memory must stay flat), and
printing through a real print service (its own cupsd with cups-pdf queues, as the tests start):
Ctrl+P and ``counter-app print receipt R --printer P`` to job accepted (p50/p95), the job size of
a receipt, a 2,000-letter batch with progress and cancel, and today's 1200-dpi raster for comparison.

Run: ``.venv/bin/python benchmarks/bench_printing.py [--quick] [--no-print-service]``. Prints
figures; asserts nothing. The print-service part needs root (cups-pdf), like the suite.
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
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from counter_app.printing import letters as letters_module
from counter_app.printing.fonts import MAIN_FONT, register_fonts
from counter_app.printing.layout import PAGE_SIZES
from counter_app.printing.letters import LetterBatch, LetterRecipient, render_letters
from counter_app.printing.receipt import ReceiptData, render_receipt

RECEIPT_TARGET_MS = 150
LETTER_RATIO_TARGET = 0.6
NAMES = ("张三", "买买提·艾力𠮷", "欧阳𠮷祥", "阿依古丽·买买提", "李四", "王小明")
BATCH = LetterBatch("示范市住房公积金管理中心", "青山镇服务站", "示范市青山镇人民路1号便民服务中心",
                    "311300", "0571-12329", date(2025, 6, 10))


def recipients(n: int) -> Iterator[LetterRecipient]:
    for i in range(n):
        yield LetterRecipient(NAMES[i % len(NAMES)], f"3113{i % 100:02d}",
                              f"示范市青山镇幸福路{i % 300}号幸福家园小区{i % 20}幢{i % 5}单元{i % 900}室",
                              "青山镇", f"2010{i:09d}")


def receipt(i: int) -> ReceiptData:
    return ReceiptData(
        centre_name="示范市住房公积金管理中心", station_name="青山镇服务站",
        receipt_number=f"QS01-T1-20250603-{i:04d}", client_id=f"0190f5c2-7a1b-7cc3-8e4d-{i:012d}",
        accepted_at=datetime(2025, 6, 3, 9, 41), business="住房公积金提取",
        applicant_name=NAMES[i % len(NAMES)], id_number="11010519491231002X", account=f"2010{i:09d}",
        amount=Decimal("16409.02") + i, details=(("提取原因", "租赁住房"),),
        materials_received=("居民身份证", "房屋租赁合同", "租金支付凭证"),
        materials_missing=("本人及配偶无房证明",), expected_decision=date(2025, 6, 6), clerk="李晓梅",
        reprint=i % 5 == 0, reprint_reason="原回执遗失",
    )


def bench_receipts(count: int, tmp: Path) -> None:
    register_fonts()
    start = time.perf_counter()
    render_receipt(receipt(0), tmp / "cold.pdf")
    cold = (time.perf_counter() - start) * 1000
    wall, cpu = [], []
    for i in range(count):
        for size in ("A4", "A5"):
            start, start_cpu = time.perf_counter(), time.process_time()
            render_receipt(receipt(i), tmp / f"r{i}{size}.pdf", page_size=size)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    p95 = statistics.quantiles(wall, n=20)[-1]
    verdict = "ok" if p95 <= RECEIPT_TARGET_MS else "ABOVE TARGET"
    print(f"receipt render (data to PDF on disk, {len(wall)} renders A4+A5): wall p50 "
          f"{statistics.median(wall):.1f} ms, p95 {p95:.1f} ms (target <= {RECEIPT_TARGET_MS} ms: "
          f"{verdict}); CPU p95 {statistics.quantiles(cpu, n=20)[-1]:.1f} ms; first render in "
          f"process {cold:.0f} ms (font loading)")


def _recorded_letters(n: int) -> list[list[tuple[float, float, str, float, str]]]:
    """The exact draw_string calls the letters make, so the bare canvas draws the same text."""
    pages: list[list[tuple[float, float, str, float, str]]] = [[]]
    real = letters_module.draw_string

    def record(canv: Canvas, x: float, y: float, text: str, size: float, *, align: str = "left") -> float:
        pages[-1].append((x, y, text, size, align))
        return 0.0

    class Recorder(Canvas):
        def showPage(self) -> None:  # noqa: N802
            pages.append([])

    letters_module.draw_string = record  # type: ignore[assignment]
    try:
        page = letters_module._LetterPage(BATCH, "A4")
        canv = Recorder("/dev/null")
        for number, r in enumerate(recipients(n), start=1):
            page.draw(canv, r, number)
    finally:
        letters_module.draw_string = real
    return pages[:-1]


def _bare_canvas(pages: list[list[tuple[float, float, str, float, str]]], out: Path) -> None:
    canv = Canvas(str(out), pagesize=PAGE_SIZES["A4"], initialFontName=MAIN_FONT, pageCompression=1)
    draw = {"left": canv.drawString, "right": canv.drawRightString, "centre": canv.drawCentredString}
    for calls in pages:
        for x, y, text, size, align in calls:
            canv.setFont(MAIN_FONT, size)
            draw[align](x, y, text)
        canv.showPage()
    canv.save()


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def bench_letters(n: int, tmp: Path) -> None:
    register_fonts()
    recorded = _recorded_letters(n)
    ours, bare = [], []
    for _ in range(2):  # interleaved, best of two: the machine is shared
        ours.append(_timed(lambda: render_letters(BATCH, recipients(n), tmp / "letters.pdf", total=n)))
        bare.append(_timed(lambda: _bare_canvas(recorded, tmp / "bare.pdf")))
    (ours_wall, ours_cpu), (bare_wall, bare_cpu) = map(min, zip(*ours)), map(min, zip(*bare))
    ratio, cpu_ratio = bare_wall / ours_wall, bare_cpu / ours_cpu
    verdict = "ok" if ratio >= LETTER_RATIO_TARGET else "BELOW TARGET"
    print(f"letters ({n}): {n / ours_wall:.0f} pages/s streamed, bare ReportLab canvas drawing the "
          f"same text {n / bare_wall:.0f} pages/s; ratio {ratio:.2f} (target >= {LETTER_RATIO_TARGET}: "
          f"{verdict}); by CPU time {n / ours_cpu:.0f} vs {n / bare_cpu:.0f} pages/s, ratio {cpu_ratio:.2f}")


def rss_child(n: int) -> None:
    """Run in a fresh process: stream ``n`` letters, print peak RSS in MiB."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        result = render_letters(BATCH, recipients(n), Path(tmp) / "letters.pdf", total=n)
        seconds = time.perf_counter() - start
        size = result.files[0].stat().st_size / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{peak:.1f} {seconds:.1f} {size:.1f}")


def bench_memory(small: int, large: int) -> None:
    figures = {}
    for n in (small, large):
        out = subprocess.run([sys.executable, __file__, "--rss-child", str(n)], check=True,
                             capture_output=True, text=True).stdout.split()
        figures[n] = tuple(map(float, out))
    (rss_s, sec_s, mb_s), (rss_l, sec_l, mb_l) = figures[small], figures[large]
    print(f"peak RSS streaming letters: {small}: {rss_s:.0f} MiB ({sec_s:.0f} s, {mb_s:.1f} MiB PDF); "
          f"{large}: {rss_l:.0f} MiB ({sec_l:.0f} s, {mb_l:.1f} MiB PDF); "
          f"growth {rss_l - rss_s:+.1f} MiB for {large - small} more letters")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller runs (no 20,000-letter run)")
    parser.add_argument("--no-print-service", action="store_true", help="skip the CUPS part")
    parser.add_argument("--rss-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child(args.rss_child)
        return
    print(f"load average before start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs "
          "(wall times include waiting for a shared CPU)")
    with tempfile.TemporaryDirectory() as tmp:
        bench_receipts(20 if args.quick else 50, Path(tmp))
        bench_letters(300 if args.quick else 2000, Path(tmp))
    bench_memory(200, 2000) if args.quick else bench_memory(2000, 20000)
    if not args.no_print_service:
        from bench_print_service import bench_print_service

        bench_print_service(runs=30 if args.quick else 50, letters=2000)


if __name__ == "__main__":
    main()
