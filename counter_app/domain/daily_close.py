"""Daily close (日结): one day's totals for a clerk or the whole station, and the receipt-number check.

Pure: the services hand in the day's applications, prints and what is still waiting for the
centre; the totals are sums over exactly those records, so a close sheet always adds up.
"""

from __future__ import annotations

import re
from collections import Counter as Tally
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from counter_app.domain.status import ApplicationStatus, application_label

ZERO = Decimal("0.00")
RECEIPT_NUMBER = re.compile(r"^(?P<station>[A-Z0-9]+)-(?P<terminal>\d{2})-(?P<day>\d{8})-(?P<seq>\d{4,})$")
NOT_COUNTED = frozenset({ApplicationStatus.CANCELLED})  # withdrawn at the counter: counted, but not in the amounts
STATUS_NAMES = {str(status): status.label for status in ApplicationStatus}  # the close sheet's column order
# Taken, not yet decided by the centre.
WAITING = (ApplicationStatus.SUBMITTED, ApplicationStatus.QUEUED, ApplicationStatus.RECEIVED)
status_name = application_label


@dataclass(frozen=True)
class DayItem:
    """One application taken that day, as the close sees it."""

    receipt_number: str
    kind: str
    status: str
    clerk: str
    amount: Decimal | None = None
    synced: bool = True  # False while it still waits in the outbox (or was rejected)
    rating: int | None = None  # the worker's 1–5 satisfaction rating, if given


@dataclass(frozen=True)
class DayPrint:
    """One receipt print of that day (``reprint`` = 补打)."""

    receipt_number: str
    clerk: str
    reprint: bool


@dataclass(frozen=True)
class Gap:
    """Receipt numbers of one terminal's day that are missing from the records."""

    terminal: str
    missing: tuple[int, ...]

    def text(self) -> str:
        return f"终端{self.terminal}缺号：" + "、".join(f"{n:04d}" for n in self.missing)


@dataclass(frozen=True)
class KindTotal:
    kind: str
    count: int
    by_status: dict[str, int]
    amount: Decimal


@dataclass(frozen=True)
class DayTotals:
    """What the close sheet prints and the close record keeps."""

    count: int
    by_kind: tuple[KindTotal, ...]
    by_status: dict[str, int]
    amount: Decimal
    receipts_printed: int
    receipts_reprinted: int
    unsynced: tuple[str, ...]  # receipt numbers still waiting for the centre
    gaps: tuple[Gap, ...] = ()
    ratings: dict[int, int] = field(default_factory=dict)  # score → how many

    @property
    def rating_average(self) -> Decimal | None:
        n = sum(self.ratings.values())
        if not n:
            return None
        return (Decimal(sum(k * v for k, v in self.ratings.items())) / n).quantize(Decimal("0.01"))

    def as_dict(self) -> dict[str, object]:
        """JSON-ready (money as "0.00" strings) for the stored close and scripts."""
        return {
            "count": self.count,
            "amount": str(self.amount),
            "by_status": dict(self.by_status),
            "by_kind": [{"kind": k.kind, "count": k.count, "by_status": dict(k.by_status), "amount": str(k.amount)}
                        for k in self.by_kind],
            "receipts_printed": self.receipts_printed,
            "receipts_reprinted": self.receipts_reprinted,
            "unsynced": list(self.unsynced),
            "gaps": [{"terminal": g.terminal, "missing": list(g.missing)} for g in self.gaps],
            "ratings": {str(k): v for k, v in sorted(self.ratings.items())},
        }


def totals(items: Sequence[DayItem], prints: Iterable[DayPrint], gaps: Sequence[Gap] = ()) -> DayTotals:
    """Counts by kind and status, amounts (cancelled ones left out), prints, what is unsynced."""
    kinds: dict[str, list[DayItem]] = {}
    for item in items:
        kinds.setdefault(item.kind, []).append(item)
    by_kind = tuple(
        KindTotal(kind, len(rows), dict(sorted(Tally(r.status for r in rows).items())), _amount(rows))
        for kind, rows in sorted(kinds.items())
    )
    printed = list(prints)
    return DayTotals(
        count=len(items),
        by_kind=by_kind,
        by_status=dict(sorted(Tally(i.status for i in items).items())),
        amount=_amount(items),
        receipts_printed=sum(1 for p in printed if not p.reprint),
        receipts_reprinted=sum(1 for p in printed if p.reprint),
        unsynced=tuple(sorted(i.receipt_number for i in items if not i.synced)),
        gaps=tuple(gaps),
        ratings=dict(sorted(Tally(i.rating for i in items if i.rating is not None).items())),
    )


def _amount(items: Iterable[DayItem]) -> Decimal:
    return sum((i.amount for i in items if i.amount is not None and i.status not in NOT_COUNTED), ZERO)


def receipt_gaps(numbers: Iterable[str], last_issued: Mapping[str, int] | None = None) -> list[Gap]:
    """Per terminal, the sequence numbers between 1 and the last issued that no record holds.

    ``last_issued`` (terminal → the day's counter) also reveals numbers missing at the end.
    Numbers of other shapes (one-time notices, enforcement notices) are not receipts: ignored.
    """
    seen: dict[str, set[int]] = {}
    for number in numbers:
        match = RECEIPT_NUMBER.match(number)
        if match:
            seen.setdefault(match["terminal"], set()).add(int(match["seq"]))
    for terminal in last_issued or {}:
        seen.setdefault(terminal, set())
    gaps = []
    for terminal, seqs in sorted(seen.items()):
        top = max([*seqs, (last_issued or {}).get(terminal, 0)], default=0)
        missing = tuple(n for n in range(1, top + 1) if n not in seqs)
        if missing:
            gaps.append(Gap(terminal, missing))
    return gaps


REASON_MAX = 200


def revision_mark(revision: int) -> str:
    """第N次日结 on a revised sheet (a close after a reopen); the first close carries no mark."""
    return f"第{revision}次日结" if revision > 1 else ""


def reopen_reason_problem(reason: object) -> str | None:
    """Why a reopen reason is not acceptable; None when it is (the audit log keeps it for good)."""
    text = reason.strip() if isinstance(reason, str) else ""
    if not text:
        return "请填写重开原因（例如：漏录业务需补录）"
    if len(text) < 4:
        return "重开原因太短，请写明为何重开（至少4个字）"
    if len(text) > REASON_MAX:
        return f"重开原因不能超过{REASON_MAX}个字"
    return None


def close_scope(clerk: str | None) -> str:
    """The key a close is stored under: a clerk's own day, or the station's (all clerks)."""
    return f"clerk:{clerk}" if clerk else "station"
