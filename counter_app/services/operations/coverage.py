"""Coverage drive (扩面): targets, progress (new contributors opened), staff-count import, candidates.

"Opened" counts people, once each: open-account applications this station took in the period
(not cancelled nor refused) and accounts the centre reports opened in the period for employers of
the scope's townships. A station's own applications always count for the station; a township
target counts what belongs to employers of that township.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from counter_app.domain import coverage as rules
from counter_app.domain.coverage import Candidate, Progress
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.ids import check_uscc
from counter_app.domain.status import NOT_TAKEN_UP
from counter_app.services import audit, station_records
from counter_app.services.counter import Counter
from counter_app.services.operations._common import day_bounds, hidden_problems, parse_day, supervisor_problem, text
from counter_app.services.operations.tables import TableError, read_table
from counter_app.store.records_operations import CandidateRecord, CoverageTarget

NOT_OPENED = NOT_TAKEN_UP
SOURCES = {"centre": "管理中心下达", "supervisor": "站长录入"}
COLUMNS = {  # accepted headers of an imported staff list → field
    "uscc": "uscc", "统一社会信用代码": "uscc", "name": "name", "单位名称": "name",
    "insured_staff": "insured_staff", "参保人数": "insured_staff", "township": "township", "乡镇": "township",
    "contact_name": "contact_name", "联系人": "contact_name", "contact_mobile": "contact_mobile",
    "联系电话": "contact_mobile", "address": "address", "地址": "address",
}


@dataclass(frozen=True)
class CoverageStatus:
    """Progress of one scope (the station, or a township) over its target period."""

    scope_kind: str
    scope: str
    period_start: date
    period_end: date
    progress: Progress

    def as_dict(self) -> dict[str, object]:
        """The ``report coverage --json`` contract: ``{"target", "opened", "ratio"}``."""
        return self.progress.as_dict()


def station_townships(counter: Counter, day: date | None = None) -> tuple[str, ...]:
    try:
        return tuple(counter.policy_on(day).station(counter.station_code).townships)
    except KeyError:
        return ()


def set_target(counter: Counter, target: Any, period_start: Any, period_end: Any, *,
               township: str | None = None, source: str = "supervisor") -> Checked[CoverageTarget]:
    """Enter (or replace) a target for the station or one of its townships; the supervisor's job."""
    start, e1 = parse_day(period_start, "period_start", "目标期间开始日期")
    end, e2 = parse_day(period_end, "period_end", "目标期间结束日期")
    number = _whole_number(target)
    problems = [e for e in (e1, e2) if e] + rules.check_target(number, start, end)
    place = text(township)
    if place and place not in station_townships(counter):
        problems.append(FieldError("township", f"{place}不在本站服务范围内"))
    if source not in SOURCES:
        problems.append(FieldError("source", "目标来源须为管理中心下达或站长录入"))
    if problems:
        return Checked(value=None, errors=tuple(problems))
    with counter.store.unit_of_work(write=True) as uow:
        refused = supervisor_problem(counter, uow, "扩面目标须由站长（主管）录入")
        if refused and source == "supervisor":
            return Checked(value=None, errors=(refused,))
        saved = uow.coverage.set_target(CoverageTarget(
            scope_kind="township" if place else "station", scope=place or counter.station_code,
            period_start=start, period_end=end, target=number, source=source, set_by=counter.clerk,  # type: ignore[arg-type]
            set_at=counter.now()))
        audit.record(counter, "coverage_target", saved.scope, {
            "target": number, "period_start": start, "period_end": end, "source": source}, uow=uow)
        station_records.queue(counter, uow, station_records.COVERAGE_TARGET,
                              f"{saved.scope_kind}:{saved.scope}:{saved.period_start}:{saved.period_end}",
                              station_records.as_data(saved))
        uow.commit()
    return Checked(value=saved)


def _whole_number(value: Any) -> Any:
    if isinstance(value, str) and text(value).isdigit():
        return int(text(value))
    return value


def list_targets(counter: Counter, day: date | None = None) -> list[CoverageTarget]:
    with counter.store.unit_of_work() as uow:
        return uow.coverage.targets(on=day)


def coverage_progress(counter: Counter, day: date | None = None, township: str | None = None) -> CoverageStatus:
    """The target in force on ``day`` (default today) and the people opened in its period so far.

    Without a station target the station's township targets add up; without any, the target is 0
    and the period is the current half year.
    """
    day = day or counter.today()
    scope_kind, scope = ("township", township) if township else ("station", counter.station_code)
    with counter.store.unit_of_work() as uow:
        found = [t for t in uow.coverage.targets(on=day) if (t.scope_kind, t.scope) == (scope_kind, scope)]
        if not found and scope_kind == "station":
            found = [t for t in uow.coverage.targets(on=day)
                     if t.scope_kind == "township" and t.scope in station_townships(counter, day)]
    if found:
        start, end = min(t.period_start for t in found), max(t.period_end for t in found)
    else:
        start, end = rules.half_year(day)
    places = (township,) if township else station_townships(counter, day)
    opened = opened_people(counter, start, min(end, day), places, own_station=not township)
    return CoverageStatus(scope_kind, scope, start, end, Progress(sum(t.target for t in found), len(opened)))


def opened_people(counter: Counter, start: date, end: date, townships: tuple[str, ...],
                  own_station: bool = True) -> dict[str, date]:
    """ID number → the day each newly covered person was opened in [start, end] (first seen)."""
    begin, finish = day_bounds(start, end)
    found: dict[str, date] = {}
    with counter.store.unit_of_work() as uow:
        apps = [a for a in uow.closes.applications_between(begin, finish, kind="open-account")
                if a.status not in NOT_OPENED]
        accounts = uow.coverage.accounts_opened(start, end)
        employers = uow.coverage.employers(
            [a.fields.get("employer_uscc") or "" for a in apps] + [e or "" for _, e, _ in accounts])
    wanted = set(townships)

    def in_scope(uscc: str | None) -> bool:
        row = employers.get(uscc or "")
        return row is not None and row.township in wanted

    for a in apps:
        if own_station or in_scope(a.fields.get("employer_uscc")):
            day = counter.local(a.created_at).date()  # type: ignore[arg-type]
            found[a.subject_key] = min(day, found.get(a.subject_key, day))
    for id_number, uscc, opened_on in accounts:
        if in_scope(uscc):
            found[id_number] = min(opened_on, found.get(id_number, opened_on))
    return found


def openings_per_day(counter: Counter, start: date, end: date) -> list[tuple[date, int]]:
    """New people opened per day (chart of the dashboard), every day of the range listed."""
    by_day: dict[date, int] = {}
    for day in opened_people(counter, start, end, station_townships(counter)).values():
        by_day[day] = by_day.get(day, 0) + 1
    days = (end - start).days + 1
    return [(start + timedelta(days=i), by_day.get(start + timedelta(days=i), 0)) for i in range(days)]


def import_staff_counts(counter: Counter, path: str | os.PathLike[str]) -> Checked[int]:
    """Read a social-insurance staff list (CSV or XLSX) into the candidates; bad rows are warnings."""
    try:
        rows = read_table(Path(path), COLUMNS)
    except TableError as exc:
        return Checked.fail("file", str(exc))
    missing = {"uscc", "name", "insured_staff"} - set(rows.columns)
    if missing:
        names = {"uscc": "统一社会信用代码", "name": "单位名称", "insured_staff": "参保人数"}
        return Checked.fail("file", "文件缺少列：" + "、".join(names[m] for m in sorted(missing)))
    good, warnings = [], []
    for number, row in rows.rows:
        record, problem = _candidate(row, Path(path).name)
        if problem:
            warnings.append(FieldError("file", f"第{number}行：{problem}", severity="warning"))
        else:
            good.append(record)
    with counter.store.unit_of_work(write=True) as uow:
        count = uow.coverage.import_candidates(good)
        audit.record(counter, "coverage_import", Path(path).name, {"rows": count, "refused": len(warnings)}, uow=uow)
        uow.commit()
    return Checked(value=count, warnings=tuple(warnings))


def _candidate(row: dict[str, Any], source: str) -> tuple[Any, str | None]:
    code = check_uscc(row.get("uscc"))
    if not code.ok:
        return None, code.errors[0].message
    hidden = hidden_problems({}, {k: v for k, v in row.items() if isinstance(v, str)})
    if hidden:
        return None, hidden[0].message
    name = text(row.get("name"))
    if not name:
        return None, "单位名称为空"
    staff = _whole_number(text(row.get("insured_staff")).removesuffix(".0"))
    if not isinstance(staff, int) or staff < 0:
        return None, "参保人数须为非负整数"
    return CandidateRecord(
        uscc=code.value, name=name, insured_staff=staff, source=source,  # type: ignore[arg-type]
        township=text(row.get("township")) or None, contact_name=text(row.get("contact_name")) or None,
        contact_mobile=text(row.get("contact_mobile")) or None, address=text(row.get("address")) or None,
    ), None


def coverage_candidates(counter: Counter, township: str | None = None, limit: int | None = None) -> list[Candidate]:
    """Employers to visit, big first, easy first: staff counts from the centre's data and imported
    lists (an imported count replaces the centre's), with fewer normal accounts than insured staff."""
    places = {township} if township else set(station_townships(counter))
    with counter.store.unit_of_work() as uow:
        imported = uow.coverage.candidates()
        reference = uow.employers.query()
        known = uow.coverage.employers([c.uscc for c in imported])
        accounts = uow.coverage.normal_accounts_by_employer()
    pool: dict[str, Candidate] = {}
    for e in reference:  # the centre's head counts: unregistered employers, and registered ones short of accounts
        if e.insured_staff and (e.township in places or not places):
            pool[e.uscc] = Candidate(e.uscc, e.name, e.insured_staff, accounts.get(e.uscc, 0), e.registered,
                                     bool(e.contact_mobile), e.township or "")
    for c in imported:
        ref = known.get(c.uscc)
        place = c.township or (ref.township if ref else "") or ""
        if places and place not in places:
            continue
        pool[c.uscc] = Candidate(
            c.uscc, ref.name if ref else c.name, c.insured_staff, accounts.get(c.uscc, 0),
            bool(ref.registered) if ref else False, bool(c.contact_mobile or (ref and ref.contact_mobile)), place)
    ranked = rules.rank(pool.values())
    return ranked[:limit] if limit else ranked
