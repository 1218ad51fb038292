"""Post-loan figures: calc prepay/settle speed on random loans, and streaming 催收通知书 — pages per second
and peak RSS for 5,000 notices against 500 (memory must stay flat: each run in its own process).

Run: ``.venv/bin/python benchmarks/bench_postloan.py [--quick]``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from counter_app.domain.businesses.loan_prepay import prepay
from counter_app.domain.businesses.loan_settle import payoff
from counter_app.printing.collection_notice import CollectionBatch, CollectionItem, render_collection_notices

BATCH = CollectionBatch("示范市住房公积金管理中心", "城关区南山镇服务站", "12329", date(2026, 12, 6))
NAMES = ("张三", "买买提·艾力", "欧阳𠮷祥", "阿依古丽·买买提", "李四")


def items(n: int) -> Iterator[CollectionItem]:
    for i in range(n):
        yield CollectionItem(NAMES[i % len(NAMES)], "620102********1234", f"DK2024{i:07d}", date(2024, 1 + i % 12, 15),
                             1 + i % 5, f"{1811.27 * (1 + i % 5):,.2f}", date(2026, 8, 15), date(2026, 12, 15))


def notices(n: int) -> None:
    """Child process: render ``n`` notices, print seconds and peak RSS (KiB)."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        result = render_collection_notices(BATCH, items(n), Path(tmp) / "n.pdf", total=n)
        seconds = time.perf_counter() - start
        size = (Path(tmp) / "n.pdf").stat().st_size
    print(result.pages, f"{seconds:.3f}", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, size)


def calc(n: int) -> None:
    rng = random.Random(1)
    cases = []
    for _ in range(n):
        balance = Decimal(rng.randrange(100_000, 120_000_000)) / 100
        cases.append((balance, Decimal(rng.choice(("2.1", "2.6", "3.075"))), rng.randrange(2, 361),
                      (balance * rng.randrange(1, 99) / 100).quantize(Decimal("0.01")),
                      rng.choice(("shorten", "reduce")), rng.choice(("annuity", "linear"))))
    start = time.perf_counter()
    for case in cases:
        prepay(*case)
    per_prepay = (time.perf_counter() - start) / n * 1000
    start = time.perf_counter()
    for balance, rate, _m, _a, _mode, _method in cases:
        payoff(balance, rate, date(2026, 11, 1), date(2026, 11, 1) + timedelta(days=rng.randrange(31)))
    per_settle = (time.perf_counter() - start) / n * 1e6
    print(f"calc prepay: {per_prepay:.2f} ms per case (the schedule before and after, up to 360 rows each; "
          f"{n} random cases)")
    print(f"calc settle: {per_settle:.1f} µs per case")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", type=int)
    args = parser.parse_args()
    if args.child:
        notices(args.child)
        return
    calc(100 if args.quick else 500)
    for n in ((100, 1000) if args.quick else (500, 5000)):
        out = subprocess.run([sys.executable, __file__, "--child", str(n)], check=True, capture_output=True,
                             text=True).stdout.split()
        pages, seconds, rss_kib, size = int(out[0]), float(out[1]), int(out[2]), int(out[3])
        print(f"催收通知书 {pages} pages: {seconds:.2f} s ({pages / seconds:.0f} pages/s), "
              f"peak RSS {rss_kib / 1024:.0f} MiB, file {size / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
