"""Coverage drive (扩面): progress against a target, and which employers to visit first.

Candidates are employers with insured staff but no fund registration, or with fewer fund
accounts than insured staff. The list is ranked "big first, easy first": employers fall into size
bands by the number of workers still uncovered (the gain of a visit), biggest band first; within a
band the easiest come first — an employer already registered only needs accounts opened, an
unregistered one with a known contact can be reached by phone, one without needs a visit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from counter_app.domain.errors import FieldError

SIZE_BANDS = (100, 50, 20, 10, 1)  # lower bounds of the bands, biggest first
EASE = {
    1: "已建制，只需为职工开户",
    2: "未建制，有联系人电话",
    3: "未建制，需上门调查",
}


@dataclass(frozen=True)
class Candidate:
    """An employer that could bring new contributors."""

    uscc: str
    name: str
    insured_staff: int
    accounts: int  # normal fund accounts already opened for its staff
    registered: bool
    has_contact: bool = False
    township: str = ""

    @property
    def gap(self) -> int:
        return max(self.insured_staff - self.accounts, 0)

    @property
    def band(self) -> int:
        """0 for the biggest band; len(SIZE_BANDS) for no gap at all."""
        for index, floor in enumerate(SIZE_BANDS):
            if self.gap >= floor:
                return index
        return len(SIZE_BANDS)

    @property
    def ease(self) -> int:
        """1 easiest … 3 hardest (see ``EASE``)."""
        if self.registered:
            return 1
        return 2 if self.has_contact else 3

    @property
    def ease_text(self) -> str:
        return EASE[self.ease]


def rank(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Employers with a gap, big first, easy first; then the bigger gap, then by name and code."""
    with_gap = [c for c in candidates if c.gap > 0]
    return sorted(with_gap, key=lambda c: (c.band, c.ease, -c.gap, c.name, c.uscc))


@dataclass(frozen=True)
class Progress:
    """Coverage progress: new contributors opened against the target."""

    target: int
    opened: int

    @property
    def ratio(self) -> Decimal | None:
        """Percent of the target reached, two decimals half-up (None without a target)."""
        if self.target <= 0:
            return None
        return (Decimal(self.opened) * 100 / Decimal(self.target)).quantize(Decimal("0.01"), ROUND_HALF_UP)

    def as_dict(self) -> dict[str, object]:
        ratio = self.ratio
        return {"target": self.target, "opened": self.opened, "ratio": None if ratio is None else str(ratio)}


def check_target(target: object, start: date | None, end: date | None) -> list[FieldError]:
    """A target is a positive whole number of contributors over a period that ends after it starts."""
    problems: list[FieldError] = []
    if isinstance(target, bool) or not isinstance(target, int) or target <= 0:
        problems.append(FieldError("target", "扩面目标须为正整数（新增缴存人数）"))
    if start is None:
        problems.append(FieldError("period_start", "请填写目标期间的开始日期"))
    if end is None:
        problems.append(FieldError("period_end", "请填写目标期间的结束日期"))
    if start is not None and end is not None and end < start:
        problems.append(FieldError("period_end", "目标期间的结束日期不能早于开始日期"))
    return problems


def half_year(day: date) -> tuple[date, date]:
    """The half year holding ``day`` (targets are usually set per half year)."""
    if day.month <= 6:
        return date(day.year, 1, 1), date(day.year, 6, 30)
    return date(day.year, 7, 1), date(day.year, 12, 31)
