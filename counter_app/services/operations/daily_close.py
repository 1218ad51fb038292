"""Daily close (日结) of a clerk's day or the station's day: totals, the printed sheet, the frozen record.

A day is closed once per scope (a clerk's own, or the whole station's, which is the supervisor's
once there are clerk accounts); on a staffed station a supervisor signs the close off (approval).
The close keeps the totals as they were at closing: reading a closed day gives that record, never
a recount, and ``closed_problem`` lets the other services refuse work that would change a closed
day. Reprints stay allowed (logged, outside the totals). A supervisor may reopen a closed day with
a reason and an approval (audited); the next close is a revised sheet marked 第N次日结.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from counter_app.domain.catalog import BUSINESSES
from counter_app.domain.daily_close import (
    DayItem,
    DayPrint,
    DayTotals,
    close_scope,
    receipt_gaps,
    reopen_reason_problem,
    revision_mark,
    totals,
)
from counter_app.domain.errors import Checked, FieldError
from counter_app.faults import DAMAGED
from counter_app.printing.daily_close import DailyCloseSheet, Reopening, render_daily_close
from counter_app.services import approvals, audit, station_records
from counter_app.services.counter import Counter
from counter_app.services.day_lock import closed_problem
from counter_app.services.operations._common import day_bounds, parse_day, supervisor_problem
from counter_app.services.operations.coverage import CoverageStatus, coverage_progress, list_targets
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
    history: tuple[DailyCloseRecord, ...] = ()  # every close of the day, reopened ones included
    reprinted_after_close: int = 0  # receipts reprinted while the day was closed (logged, not in totals)

    @property
    def closed(self) -> bool:
        return self.close is not None

    @property
    def revision(self) -> int:
        """The close in force's revision; for an open day, the revision its next close will have."""
        if self.close is not None:
            return self.close.revision
        return (self.history[-1].revision + 1) if self.history else 1

    @property
    def reopened(self) -> DailyCloseRecord | None:
        """The last reopened close while the day is open again."""
        return self.history[-1] if self.history and self.close is None and self.history[-1].open_again else None

    def totals_dict(self) -> dict[str, Any]:
        return self.close.totals if self.close is not None else self.totals.as_dict()  # type: ignore[union-attr]


def _amount(record: ApplicationRecord) -> Decimal | None:
    spec = BUSINESSES.get(record.kind)
    value = record.fields.get(spec.amount_field) if spec and spec.amount_field else None
    return Decimal(str(value)) if value not in (None, "") else None


def collect(counter: Counter, day: date, clerk: str | None = None) -> tuple[list[DayItem], list[DayPrint], list[Any]]:
    """The day's applications (of ``clerk``, or all), receipt prints and receipt-number gaps."""
    items, printed, gaps, _late = _collect(counter, day, clerk)
    return items, printed, gaps


def _collect(counter: Counter, day: date, clerk: str | None) -> tuple[list[DayItem], list[DayPrint], list[Any], int]:
    """``collect`` plus how many receipts were reprinted while the day was closed (kept out of the
    prints counted: a reprint after the close changes no total, even on a revised sheet)."""
    begin, end = day_bounds(day)
    with counter.store.unit_of_work() as uow:
        apps = uow.closes.applications_between(begin, end, clerk=clerk)
        unsent = uow.closes.unsent(a.client_id for a in apps)
        ratings = uow.ratings.for_receipts(a.receipt_number for a in apps)
        prints = uow.closes.prints_between(begin, end)
        counters = uow.closes.receipt_counters(counter.station_code, day)
        everyone = apps if clerk is None else uow.closes.applications_between(begin, end)
        closes = uow.closes.query(day)
    closed_spans: dict[str, list[tuple[Any, Any]]] = {}
    for c in closes:
        closed_spans.setdefault(c.scope, []).append((c.closed_at, c.reopened_at))

    def while_closed(p: PrintLogEntry) -> bool:
        spans = closed_spans.get("station", []) + closed_spans.get(close_scope(p.clerk), [])
        return p.reprint and any(start <= p.at and (stop is None or p.at < stop) for start, stop in spans)

    items = [DayItem(a.receipt_number, a.kind, a.status, a.clerk, _amount(a), a.client_id not in unsent,
                     ratings.get(a.receipt_number)) for a in apps]
    mine = [p for p in prints if clerk is None or p.clerk == clerk]
    printed = [DayPrint(p.receipt_number or "", p.clerk, p.reprint) for p in mine if not while_closed(p)]
    terminals = {a.terminal for a in apps}
    used = {t: n for t, n in counters.items() if clerk is None or t in terminals}
    gaps = receipt_gaps([a.receipt_number for a in everyone if a.terminal in used or clerk is None], used)
    return items, printed, gaps, len(mine) - len(printed)


def day_report(counter: Counter, day: date | None = None, clerk: str | None = None) -> DayReport:
    """Live totals of an open day; the frozen record of a closed one (its items still listed)."""
    day = day or counter.today()
    scope = close_scope(clerk)
    items, prints, gaps, late = _collect(counter, day, clerk)
    with counter.store.unit_of_work() as uow:
        closed = uow.closes.get(day, scope)
        history = tuple(uow.closes.history(day, scope))
    return DayReport(day, scope, None if closed else totals(items, prints, gaps), tuple(items), closed,
                     history, late)


def close_date(value: Any, label: str = "日结日期") -> tuple[date | None, FieldError | None]:
    """The day a close or reopen names (a date, or "YYYY-MM-DD" with full-width digits), on field ``date``."""
    return parse_day(value, "date", label)


def close_day(counter: Counter, day: Any = None, *, station: bool = False,
              out: str | os.PathLike[str] | None = None, approval: Any = None,
              expected_count: int | None = None) -> Checked[DayReport]:
    """Close the counter clerk's day (or, ``station=True``, the station's) and print its sheet.

    On a staffed station a supervisor signs the close off (``approval`` of ``approvals.close_request``;
    without it the result fails on field ``approval``). ``expected_count`` is the number of
    applications the clerk confirmed: a close refuses when the day has changed since.
    """
    when, bad = parse_day(day or counter.today(), "day", "日结日期")
    if bad:
        return Checked(value=None, errors=(bad,))
    assert when is not None  # parse_day gives a day or a problem
    if when > counter.today():
        return Checked.fail("day", "不能日结今天以后的日期")
    clerk = None if station else counter.clerk
    scope = close_scope(clerk)
    with counter.store.unit_of_work() as uow:
        refused = supervisor_problem(counter, uow, "全站日结须由站长（主管）办理") if station else None
        earlier = uow.closes.get(when, scope)
        history = uow.closes.history(when, scope)
    if refused:
        return Checked(value=None, errors=(refused,))
    if earlier is not None:
        return Checked(value=None, errors=(_already(counter, earlier),))
    unapproved = approvals.refusal(counter, approvals.close_request(when, scope), approval)
    if unapproved:
        return Checked(value=None, errors=(unapproved,))
    damaged = _integrity_problem(counter)  # issue #17: the whole file is checked before a day is frozen
    if damaged:
        return Checked(value=None, errors=(damaged,))
    items, prints, gaps, _late = _collect(counter, when, clerk)
    result = totals(items, prints, gaps)
    if expected_count is not None and expected_count != result.count:
        return Checked.fail("day", f"核对后又有业务变动（现为{result.count}笔，核对时{expected_count}笔），请重新核对后再日结")
    revision = history[-1].revision + 1 if history else 1
    name = scope.replace(":", "-") + (f"-{revision}" if revision > 1 else "")
    path = Path(out) if out else counter.data_dir / "closes" / when.isoformat() / f"{name}.pdf"
    pages = _print_sheet(counter, when, scope, result, items, path, revision, tuple(history))
    approver = approvals.approver_of(approval)
    progress = _coverage(counter, when)  # each close sends the drive as of its day (the latest counts)
    record = DailyCloseRecord(day=when, scope=scope, closed_by=counter.clerk, closed_at=counter.now(),
                              totals=result.as_dict(), sheet_path=str(path), revision=revision)
    try:
        with counter.store.unit_of_work(write=True) as uow:
            record = uow.closes.add(record)
            audit.record(counter, "daily_close", f"{when}:{scope}", {
                "count": result.count, "amount": result.amount, "gaps": len(result.gaps),
                "unsynced": len(result.unsynced), "revision": revision,
                **({"approved_by": approver} if approver else {})}, uow=uow)
            station_records.queue(counter, uow, station_records.DAILY_CLOSE, f"{when}:{scope}",
                                  station_records.as_data(record))  # totals with gaps; a revision is a new version
            for status in progress:
                station_records.queue(
                    counter, uow, station_records.COVERAGE_PROGRESS,
                    f"{status.scope_kind}:{status.scope}:{status.period_start}:{status.period_end}",
                    station_records.as_data({"scope_kind": status.scope_kind, "scope": status.scope,
                                             "period_start": status.period_start, "period_end": status.period_end,
                                             **status.as_dict(), "as_of": when}))
            uow.commit()
    except IntegrityError:  # another counter closed the same day a moment ago
        with counter.store.unit_of_work() as uow:
            winner = uow.closes.get(when, scope)
        assert winner is not None  # the row that made the insert fail
        return Checked(value=None, errors=(_already(counter, winner),))
    log_print(counter, "daily_close", path, pages, subject=f"{when}:{scope}")
    return Checked(value=DayReport(when, scope, result, tuple(items), record, (*history, record)))


def reopen_day(counter: Counter, day: Any, reason: Any, *, station: bool = False,
               approval: Any = None) -> Checked[DayReport]:
    """Reopen a closed day (the clerk's, or ``station=True`` the station's) for more work.

    Needs a reason and, on a staffed station, a supervisor's approval (``approvals.reopen_request``;
    field ``approval`` otherwise). The close stays on record as reopened; audited. The day's next
    close prints a revised sheet (第N次日结).
    """
    when, bad = parse_day(day, "day", "重开日期")
    if bad:
        return Checked(value=None, errors=(bad,))
    assert when is not None  # parse_day gives a day or a problem
    problem = reopen_reason_problem(reason)
    if problem:
        return Checked.fail("reason", problem)
    why = str(reason).strip()
    scope = close_scope(None if station else counter.clerk)
    with counter.store.unit_of_work() as uow:
        current = uow.closes.get(when, scope)
    if current is None or current.id is None:
        return Checked.fail("day", f"{when.isoformat()}{'全站' if station else '本人'}尚未日结，无需重开")
    unapproved = approvals.refusal(counter, approvals.reopen_request(when, scope), approval)
    if unapproved:
        return Checked(value=None, errors=(unapproved,))
    approver = approvals.approver_of(approval)
    at = counter.now()
    with counter.store.unit_of_work(write=True) as uow:
        if not uow.closes.reopen(current.id, at, counter.clerk, why, approver):
            return Checked.fail("day", f"{when.isoformat()}已被重开")
        audit.record(counter, "daily_close_reopen", f"{when}:{scope}", {
            "revision": current.revision, "reason": why, "closed_by": current.closed_by,
            **({"approved_by": approver} if approver else {})}, uow=uow)
        reopened = replace(current, reopened_at=at, reopened_by=counter.clerk, reopen_reason=why,
                           reopen_approved_by=approver)
        station_records.queue(counter, uow, station_records.DAILY_CLOSE, f"{when}:{scope}",
                              station_records.as_data(reopened))  # the centre sees the day open again
        uow.commit()
    return Checked(value=day_report(counter, when, None if station else counter.clerk))


def day_closed(counter: Counter, day: date | None = None) -> FieldError | None:
    """Whether the counter clerk's work of ``day`` (default today) is closed: the business forms
    say so as they open, before the clerk types anything."""
    with counter.store.unit_of_work() as uow:
        return closed_problem(uow, day or counter.today(), counter.clerk)


def _integrity_problem(counter: Counter) -> FieldError | None:
    """A full integrity check of the store (trust, issue #17); the close is refused on a damaged file."""
    problems = counter.store.integrity_problems()
    return FieldError("data_dir", f"{DAMAGED}（{problems[0]}）") if problems else None


def _coverage(counter: Counter, when: date) -> list[CoverageStatus]:
    """The coverage drive as of the closed day, for the centre: the station's progress and that of each
    township with its own target (a station without any target sends its opened count against 0)."""
    townships = sorted({t.scope for t in list_targets(counter, when) if t.scope_kind == "township"})
    return [coverage_progress(counter, when), *(coverage_progress(counter, when, township=t) for t in townships)]


def _already(counter: Counter, record: DailyCloseRecord) -> FieldError:
    at = counter.local(record.closed_at)
    again = f"（{revision_mark(record.revision)}）" if record.revision > 1 else ""
    return FieldError("day", f"{record.day.isoformat()}已于{at:%H:%M}由{record.closed_by}日结{again}，不能重复日结；"
                             "如需补办，请站长重开")


def _print_sheet(counter: Counter, day: date, scope: str, result: DayTotals, items: list[DayItem], path: Path,
                 revision: int = 1, history: tuple[DailyCloseRecord, ...] = ()) -> int:
    version = counter.policy_on(day)
    reopenings = tuple(
        Reopening(c.revision, counter.local(c.closed_at), c.closed_by, counter.local(c.reopened_at),
                  c.reopened_by or "", c.reopen_reason or "", c.reopen_approved_by or "",
                  int(c.totals.get("count", 0)), Decimal(str(c.totals.get("amount", "0"))))
        for c in history if c.reopened_at is not None)
    sheet = DailyCloseSheet(
        centre_name=version.centre_name, station_name=counter.station_name, day=day,
        who="全站" if scope == "station" else scope.removeprefix("clerk:"), totals=result, items=tuple(items),
        clerk=counter.clerk, printed_at=counter.local(counter.now()), revision=revision,
        mark=revision_mark(revision), reopenings=reopenings,
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
