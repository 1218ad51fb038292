"""Coverage drive: "big first, easy first" ranking, progress ratio, target checks."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.coverage import SIZE_BANDS, Candidate, Progress, check_target, half_year, rank

candidates = st.builds(
    Candidate, uscc=st.text("0123456789ABCDEF", min_size=4, max_size=6), name=st.text("甲乙丙丁", min_size=1, max_size=3),
    insured_staff=st.integers(0, 400), accounts=st.integers(0, 400), registered=st.booleans(),
    has_contact=st.booleans(),
)


@given(st.lists(candidates, max_size=40))
def test_bigger_bands_come_first_and_within_a_band_easier_first(pool: list[Candidate]) -> None:
    ranked = rank(pool)
    assert all(c.gap > 0 for c in ranked)
    assert len(ranked) == sum(1 for c in pool if c.insured_staff > c.accounts)
    for a, b in itertools.pairwise(ranked):
        assert a.band <= b.band
        if a.band == b.band:
            assert a.ease <= b.ease
            if a.ease == b.ease:
                assert a.gap >= b.gap


def test_band_is_by_uncovered_workers() -> None:
    def band(staff: int, accounts: int) -> int:
        return Candidate("X", "x", staff, accounts, True).band

    assert band(150, 0) == 0 and band(150, 50) == 0 and band(150, 51) == 1
    assert band(10, 0) == SIZE_BANDS.index(10) and band(9, 0) == SIZE_BANDS.index(1)
    assert band(5, 5) == len(SIZE_BANDS)


def test_a_big_hard_employer_outranks_a_small_easy_one_but_not_a_big_easy_one() -> None:
    big_hard = Candidate("A", "大而难", 120, 0, registered=False, has_contact=False)
    big_easy = Candidate("B", "大而易", 110, 0, registered=True)
    small_easy = Candidate("C", "小而易", 30, 0, registered=True)
    done = Candidate("D", "已全部开户", 40, 40, registered=True)
    assert rank([small_easy, done, big_hard, big_easy]) == [big_easy, big_hard, small_easy]
    assert big_hard.ease_text.startswith("未建制") and big_easy.ease == 1


@given(st.integers(1, 100_000), st.integers(0, 200_000))
def test_ratio_is_a_percentage_rounded_half_up(target: int, opened: int) -> None:
    ratio = Progress(target, opened).ratio
    exact = Decimal(opened) * 100 / Decimal(target)
    assert abs(ratio - exact) <= Decimal("0.005")
    assert Progress(target, opened).as_dict() == {"target": target, "opened": opened, "ratio": str(ratio)}


def test_ratio_examples_and_no_target() -> None:
    assert Progress(5000, 1234).as_dict()["ratio"] == "24.68"
    assert Progress(3, 2).ratio == Decimal("66.67")
    assert Progress(0, 10).as_dict() == {"target": 0, "opened": 10, "ratio": None}


def test_target_checks() -> None:
    start, end = date(2026, 7, 1), date(2026, 12, 31)
    assert check_target(5000, start, end) == []
    assert [p.field for p in check_target(0, start, end)] == ["target"]
    assert [p.field for p in check_target(True, start, end)] == ["target"]
    assert [p.field for p in check_target("5000", start, end)] == ["target"]
    assert [p.field for p in check_target(10, end, start)] == ["period_end"]
    assert [p.field for p in check_target(10, None, None)] == ["period_start", "period_end"]


def test_half_year() -> None:
    assert half_year(date(2026, 11, 23)) == (date(2026, 7, 1), date(2026, 12, 31))
    assert half_year(date(2026, 6, 30)) == (date(2026, 1, 1), date(2026, 6, 30))
