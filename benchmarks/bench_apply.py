"""Apply (validate + store + outbox row, one transaction) latency on a demo city: prints p50/p95.

Usage: python benchmarks/bench_apply.py [--workers 20000] [--n 500]
Target (issue "Local store and business services"): p95 <= 10 ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date

from counter_app.demo.loader import generate_and_load
from counter_app.domain.ids import make_resident_id, make_uscc
from counter_app.services import open_counter, required_materials, submit_application


def forms(counter, n: int, employer: str):
    """Alternating account openings (new people) and employer establishments (new USCCs)."""
    for i in range(n):
        if i % 2:
            form = {"uscc": make_uscc(f"91620102B{i:07d}X"[:17]), "employer_name": f"示范市测评{i}号有限公司",
                    "legal_rep": "黄伟", "employer_address": "示范市南山镇", "contact_name": "林芳",
                    "contact_mobile": "13712345678", "bank_name": "中国建设银行", "bank_account": "62000001234567890",
                    "worker_ratio": "10", "employer_ratio": "10", "first_month": "2026-12"}
            kind = "establish-employer"
        else:
            form = {"id_type": "01", "id_number": make_resident_id("110105", date(1990, 1, 1 + i % 28), 500 + i // 28 % 499),
                    "name": "测评", "mobile": "13912345678", "address": "示范市南山镇新街3号", "employer_uscc": employer,
                    "monthly_base": "6000", "worker_ratio": "12", "employer_ratio": "12", "start_month": "2026-12"}
            kind = "open-account"
        form["materials"] = [m.code for m in required_materials(counter, kind, form)]
        yield kind, form


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=20000)
    parser.add_argument("--n", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        counter = open_counter(tmp)
        generate_and_load(counter.store, workers=args.workers, employers=args.workers // 20)
        with counter.store.unit_of_work() as uow:
            employer = next(e.uscc for e in uow.employers.query() if e.registered)
        times, accepted = [], 0
        for kind, form in forms(counter, args.n, employer):
            start = time.perf_counter()
            result = submit_application(counter, kind, form)
            times.append((time.perf_counter() - start) * 1000)
            accepted += result.ok
        counter.close()
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"apply: {len(times)} submissions on {args.workers} workers, {accepted} accepted")
    print(f"  p50 {statistics.median(times):.2f} ms, p95 {p95:.2f} ms, max {times[-1]:.2f} ms (target p95 <= 10 ms)")


if __name__ == "__main__":
    main()
