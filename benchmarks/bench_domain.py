"""Domain speed: one 360-month schedule per method (target ≤ 1 ms), plus the ID check rate if benched.

Run ``python benchmarks/bench_domain.py``.
"""

from __future__ import annotations

import importlib.util
import time
import timeit
from decimal import Decimal

from counter_app.domain.loan_limit import compute_loan_limit
from counter_app.domain.money import parse_capitals, to_capitals
from counter_app.domain.schedule import build_schedule

TARGET_MS = 1.0


def best_ms(func, number: int = 200, repeat: int = 5, timer=time.perf_counter) -> float:
    """Best of ``repeat`` runs: the figure least disturbed by other work on the machine."""
    return min(timeit.repeat(func, number=number, repeat=repeat, timer=timer)) / number * 1000


def bench_schedules() -> None:
    principal, rate = Decimal("1000000"), Decimal("3.1")
    for method in ("annuity", "linear"):
        ms = best_ms(lambda method=method: build_schedule(principal, rate, 360, method))
        # CPU time of this process: what the code costs when other programs share the cores
        cpu = best_ms(lambda method=method: build_schedule(principal, rate, 360, method), timer=time.process_time)
        verdict = "met" if ms <= TARGET_MS else "NOT met"
        print(f"build_schedule({method}, 360 months): {ms:.3f} ms wall, {cpu:.3f} ms CPU; "
              f"target ≤ {TARGET_MS} ms wall: {verdict}")


def bench_others() -> None:
    ms = best_ms(lambda: compute_loan_limit(
        category_cap=Decimal(800_000), balance=Decimal(50_000), balance_multiple=Decimal(15),
        monthly_income=Decimal(10_000), monthly_debt=Decimal(0), max_repayment_ratio_pct=Decimal(50),
        annual_rate_pct=Decimal("2.6"), months=360, house_price=Decimal(1_000_000), max_ltv_pct=Decimal(80),
        round_down_to=Decimal(1000),
    ), number=2000)
    print(f"compute_loan_limit: {ms * 1000:.1f} µs")
    amount = Decimal("987654321.09")
    ms = best_ms(lambda: parse_capitals(to_capitals(amount)), number=2000)
    print(f"to_capitals + parse_capitals: {ms * 1000:.1f} µs")


def main() -> None:
    bench_schedules()
    bench_others()
    if importlib.util.find_spec("bench_ids") is not None:  # the ids engineer's benchmark, next to this one
        import bench_ids

        bench_ids.main()


if __name__ == "__main__":
    main()
