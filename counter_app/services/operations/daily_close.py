"""Daily close (日结) of a clerk's day or the station's day: totals, the printed sheet, the frozen record.

A day is closed once per scope (a clerk's own, or the whole station's, which is the supervisor's
once there are clerk accounts). The close keeps the totals as they were at closing: reading a
closed day gives that record, never a recount, and ``closed_problem`` lets the other services
refuse work that would change a closed day.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from counter_app.domain.catalog import BUSINESSES
from counter_app.domain.daily_close import DayItem, DayPrint, DayTotals, close_scope, receipt_gaps, totals
from counter_app.domain.errors import Checked, FieldError
from counter_app.faults import DAMAGED
from counter_app.printing.daily_close import DailyCloseSheet, render_daily_close
from counter_app.services import audit, station_records
from counter_app.services.counter import Counter
from counter_app.services.operations._common import day_bounds, parse_day, supervisor_problem
from counter_app.store.records import ApplicationRecord, PrintLogEntry
from counter_app.store.records_operations import DailyCloseRecord


@dataclass(frozen=True)
class DayReport:
    """One day of one scope: its totals, the applications they sum, and the close if it is closed."""

    day: date
    scope: str
    totals: DayTotals | None  # None for a closed day read back (see ``close``)
    items: tuple[DayItem, ...]
    close: DailyCloseRecord | None = None

    @property
    def closed(self) -> bool:
        return self.close is not None

    def totals_dict(self) -> dict[str, Any]:
        return self.close.totals if self.close is not None else self.totals.as_dict()  # type: ignore[union-attr]


def _amount(record: ApplicationRecord) -> Decimal | None:
    spec = BUSINESSES.get(record.kind)
    value = record.fields.get(spec.amount_field) if spec and spec.amount_field else None
    return Decimal(str(value)) if value not in (None, "") else None


def collect(counter: Counter, day: date, clerk: str | None = None) -> tuple[list[DayItem], list[DayPrint], list[Any]]:
    """The day's applications (of ``clerk``, or all), receipt prints and receipt-number gaps."""
    begin, end = day_bounds(day)
    with counter.store.unit_of_work() as uow:
        apps = uow.closes.applications_between(begin, end, clerk=clerk)
        unsent = uow.closes.unsent(a.client_id for a in apps)
        ratings = uow.ratings.for_receipts(a.receipt_number for a in apps)
        prints = uow.closes.prints_between(begin, end)
        counters = uow.closes.receipt_counters(counter.station_code, day)
        everyone = apps if clerk is None else uow.closes.applications_between(begin, end)
    items = [DayItem(a.receipt_number, a.kind, a.status, a.clerk, _amount(a), a.client_id not in unsent,
                     ratings.get(a.receipt_number)) for a in apps]
    printed = [DayPrint(p.receipt_number or "", p.clerk, p.reprint) for p in prints if clerk is None or p.clerk == clerk]
    terminals = {a.terminal for a in apps}
    used = {t: n for t, n in counters.items() if clerk is None or t in terminals}
    gaps = receipt_gaps([a.receipt_number for a in everyone if a.terminal in used or clerk is None], used)
    return items, printed, gaps


def day_report(counter: Counter, day: date | None = None, clerk: str | None = None) -> DayReport:
    """Live totals of an open day; the frozen record of a closed one (its items still listed)."""
    day = day or counter.today()
    scope = close_scope(clerk)
    items, prints, gaps = collect(counter, day, clerk)
    with counter.store.unit_of_work() as uow:
        closed = uow.closes.get(day, scope)
    return DayReport(day, scope, None if closed else totals(items, prints, gaps), tuple(items), closed)


def close_day(counter: Counter, day: Any = None, *, station: bool = False,
              out: str | os.PathLike[str] | None = None) -> Checked[DayReport]:
    """Close the counter clerk's day (or, ``station=True``, the station's) and print its sheet."""
    when, bad = parse_day(day or counter.today(), "day", "日结日期")
    if bad:
        return Checked(value=None, errors=(bad,))
    assert when is not None  # parse_day gives a day or a problem
    if when > counter.today():
        return Checked.fail("day", "不能日结今天以后的日期")
    damaged = _integrity_problem(counter)  # issue #17: the whole file is checked before a day is frozen
    if damaged:
        return Checked(value=None, errors=(damaged,))
    clerk = None if station else counter.clerk
    scope = close_scope(clerk)
    with counter.store.unit_of_work() as uow:
        refused = supervisor_problem(counter, uow, "全站日结须由站长（主管）办理") if station else None
        earlier = uow.closes.get(when, scope)
    if refused:
        return Checked(value=None, errors=(refused,))
    if earlier is not None:
        return Checked(value=None, errors=(_already(counter, earlier),))
    items, prints, gaps = collect(counter, when, clerk)
    result = totals(items, prints, gaps)
    path = Path(out) if out else counter.data_dir / "closes" / when.isoformat() / f"{scope.replace(':', '-')}.pdf"
    pages = _print_sheet(counter, when, scope, result, items, path)
    record = DailyCloseRecord(day=when, scope=scope, closed_by=counter.clerk, closed_at=counter.now(),
                              totals=result.as_dict(), sheet_path=str(path))
    try:
        with counter.store.unit_of_work(write=True) as uow:
            record = uow.closes.add(record)
            audit.record(counter, "daily_close", f"{when}:{scope}", {
                "count": result.count, "amount": result.amount, "gaps": len(result.gaps),
                "unsynced": len(result.unsynced)}, uow=uow)
            station_records.queue(counter, uow, station_records.DAILY_CLOSE, f"{when}:{scope}",
                                  station_records.as_data(record))  # totals with gaps
            uow.commit()
    except IntegrityError:  # another counter closed the same day a moment ago
        with counter.store.unit_of_work() as uow:
            winner = uow.closes.get(when, scope)
        assert winner is not None  # the row that made the insert fail
        return Checked(value=None, errors=(_already(counter, winner),))
    log_print(counter, "daily_close", path, pages, subject=f"{when}:{scope}")
    return Checked(value=DayReport(when, scope, result, tuple(items), record))


def _integrity_problem(counter: Counter) -> FieldError | None:
    """A full integrity check of the store (trust, issue #17); the close is refused on a damaged file."""
    problems = counter.store.integrity_problems()
    return FieldError("data_dir", f"{DAMAGED}（{problems[0]}）") if problems else None


def _already(counter: Counter, record: DailyCloseRecord) -> FieldError:
    at = counter.local(record.closed_at)
    return FieldError("day", f"{record.day.isoformat()}已于{at:%H:%M}由{record.closed_by}日结，不能重复日结")


def _print_sheet(counter: Counter, day: date, scope: str, result: DayTotals, items: list[DayItem], path: Path) -> int:
    version = counter.policy_on(day)
    sheet = DailyCloseSheet(
        centre_name=version.centre_name, station_name=counter.station_name, day=day,
        who="全站" if scope == "station" else scope.removeprefix("clerk:"), totals=result, items=tuple(items),
        clerk=counter.clerk, printed_at=counter.local(counter.now()),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    return render_daily_close(sheet, path)


def get_close(counter: Counter, day: date, clerk: str | None = None) -> DailyCloseRecord | None:
    with counter.store.unit_of_work() as uow:
        return uow.closes.get(day, close_scope(clerk))


def list_closes(counter: Counter, day: date | None = None) -> list[DailyCloseRecord]:
    with counter.store.unit_of_work() as uow:
        return uow.closes.query(day)


def log_print(counter: Counter, document: str, path: Path, pages: int, *, subject: str) -> None:
    """Every print goes to the print log (and the audit log), like the printing service's own."""
    with counter.store.unit_of_work(write=True) as uow:
        uow.print_log.add(PrintLogEntry(document=document, clerk=counter.clerk, subject=subject, pages=pages,
                                        path=str(path), at=counter.now()))
        audit.record(counter, "print", "", {"document": document, "pages": pages, "subject": subject}, uow=uow)
        uow.commit()
