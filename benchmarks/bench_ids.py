"""Resident ID validations per second on one core (target ≥ 200,000/s): ``python benchmarks/bench_ids.py``."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from counter_app.domain.areas import known_area_codes
from counter_app.domain.ids import check_resident_id, make_resident_id

TARGET = 200_000
COUNT = 20_000


def sample_ids(count: int, mistyped: float, seed: int = 7) -> list[str]:
    """IDs from real areas and birth dates 1940–2019, lower-case x; ``mistyped`` share has a wrong last char."""
    rng = random.Random(seed)
    codes = known_area_codes()
    ids = []
    for _ in range(count):
        birth = date(1940, 1, 1) + timedelta(days=rng.randrange(365 * 80))
        number = make_resident_id(rng.choice(codes), birth, rng.randrange(1000))
        if rng.random() < mistyped:
            number = number[:17] + ("0" if number[17] != "0" else "1")
        ids.append(number.lower())
    return ids


def rate(ids: list[str]) -> float:
    """Best of 7 runs, in CPU seconds of this process (the machine is shared; wall time is noisy)."""
    best = float("inf")
    for _ in range(7):
        start = time.process_time()
        for number in ids:
            check_resident_id(number)  # as the app calls it: today from the clock
        best = min(best, time.process_time() - start)
    return len(ids) / best


def main() -> None:
    check_resident_id("11010519491231002X")  # the first call loads the area table: not measured
    for label, share in (("all valid", 0.0), ("10% mistyped", 0.1), ("all mistyped", 1.0)):
        per_second = rate(sample_ids(COUNT, share))
        verdict = "met" if per_second >= TARGET else "NOT met"
        print(f"check_resident_id, {label:>12}: {per_second:>9,.0f} validations/s on one core ({verdict})")
    print(f"target {TARGET:,}/s; {COUNT:,} IDs per run, best of 7")


if __name__ == "__main__":
    main()
