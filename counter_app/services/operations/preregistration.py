"""多证合一 pre-registration (企业预缴登记): import the registration feed, list, complete, count.

New companies arrive as pre-registered employers: imported from the market-registration feed
(CSV/XLSX, read row by row, written in batches, every refused row reported with its line) or
pulled from the centre with the reference data. The station completes a company's establishment
(单位建制) from that record, without retyping what the feed already says; the report counts them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from counter_app.domain import preregistration as rules
from counter_app.domain.businesses import establish_employer
from counter_app.domain.coverage import half_year
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.ids import check_uscc
from counter_app.domain.status import ApplicationStatus
from counter_app.services import audit
from counter_app.services.applications import SubmitResult, submit_application
from counter_app.services.counter import Counter
from counter_app.services.operations._common import day_bounds
from counter_app.services.operations.tables import Table, TableError, open_table
from counter_app.store.records_operations import PreregistrationRecord

BATCH = 500  # rows per write transaction: the counter is never locked out for a whole import
NOT_ESTABLISHING = frozenset({ApplicationStatus.CANCELLED, ApplicationStatus.REJECTED})
STATUS_TEXT = {"pending": "待建制", "accepted": "已受理建制", "registered": "已建制"}
SOURCE_CENTRE = "centre"
ESTABLISH = establish_employer.SPEC.kind  # what a pre-registered company comes to the counter for


@dataclass
class ImportResult:
    """What an import did: rows read, companies stored, rows refused (each with its line)."""

    file: str
    rows: int = 0
    imported: int = 0
    refused: int = 0
    cancelled: bool = False
    problems: list[FieldError] = field(default_factory=list)  # refused rows: errors; dropped values: warnings

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "rows": self.rows, "imported": self.imported, "refused": self.refused,
                "cancelled": self.cancelled, "problems": [p.as_dict() for p in self.problems]}


@dataclass(frozen=True)
class PreregistrationView:
    """A pre-registered company and how far its establishment got."""

    record: PreregistrationRecord
    status: str  # pending | accepted | registered
    receipt_number: str = ""  # the establishment application taken for it

    @property
    def status_text(self) -> str:
        return STATUS_TEXT[self.status]

    def as_dict(self) -> dict[str, Any]:
        r = self.record
        return {
            "uscc": r.uscc, "name": r.name, "legal_rep": r.legal_rep, "address": r.address,
            "contact_name": r.contact_name, "contact_mobile": r.contact_mobile,
            "registered_on": r.registered_on.isoformat() if r.registered_on else None, "district": r.district,
            "township": r.township, "source": r.source, "status": self.status, "receipt_number": self.receipt_number,
        }


def import_preregistrations(
    counter: Counter, path: str | os.PathLike[str], *,
    progress: Callable[[int, int], None] | None = None, should_cancel: Callable[[], bool] | None = None,
    batch: int = BATCH,
) -> Checked[ImportResult]:
    """Read a registration feed (column layout in ``domain.preregistration``) into the station.

    Good rows are stored (a company already listed is updated); a refused row is reported as
    ``第N行：…`` and the rest go on. ``progress(done, total)`` after each batch; ``should_cancel``
    stops between batches, keeping what was stored (the result says so)."""
    source = Path(path)
    result = ImportResult(source.name)
    version, today = counter.policy_on(), counter.today()
    pending: list[PreregistrationRecord] = []
    seen: dict[str, int] = {}
    try:
        with open_table(source, rules.COLUMNS) as table:
            missing = rules.missing_columns(table.columns)
            if missing:
                return Checked.fail("file", "文件缺少列：" + "、".join(missing))
            for number, raw in table.rows:
                result.rows += 1
                _take(result, pending, seen, number, rules.check_row(raw, version, today), source.name)
                if len(pending) >= batch:
                    _store(counter, pending, result)
                    if progress is not None:
                        progress(result.rows, max(table.total, result.rows))
                    if should_cancel is not None and should_cancel():
                        result.cancelled = True
                        break
    except TableError as exc:
        return Checked.fail("file", str(exc))
    except UnicodeDecodeError:
        return Checked.fail("file", "无法识别文件编码（应为 UTF-8 或 GBK）")
    if not result.cancelled:
        _store(counter, pending, result)
        if progress is not None:
            progress(result.rows, result.rows)
    with counter.store.unit_of_work(write=True) as uow:
        audit.record(counter, "preregistration_import", source.name, {
            "rows": result.rows, "imported": result.imported, "refused": result.refused,
            "cancelled": result.cancelled}, uow=uow)
        uow.commit()
    return Checked(value=result)


def _take(result: ImportResult, pending: list[PreregistrationRecord], seen: dict[str, int], number: int,
          row: rules.FeedRow, source: str) -> None:
    if row.values is None:
        result.refused += 1
        result.problems.append(FieldError("file", f"第{number}行：{'；'.join(row.errors)}"))
        return
    result.problems += [FieldError("file", f"第{number}行：{note}", "warning") for note in row.notes]
    uscc = row.values["uscc"]
    if uscc in seen:  # the later row of the same company wins
        result.problems.append(FieldError("file", f"第{number}行：与第{seen[uscc]}行为同一单位，以本行为准", "warning"))
    seen[uscc] = number
    pending.append(PreregistrationRecord(**row.values, source=source))


def _store(counter: Counter, pending: list[PreregistrationRecord], result: ImportResult) -> None:
    if not pending:
        return
    now = counter.now()  # the counter's clock: what the day's report counts
    with counter.store.unit_of_work(write=True) as uow:
        result.imported += uow.preregistrations.upsert_many(replace(r, imported_at=now) for r in pending)
        uow.commit()
    pending.clear()


def list_preregistrations(counter: Counter, *, pending_only: bool = False,
                          township: str | None = None) -> list[PreregistrationView]:
    """Newest registrations first, each with its establishment status."""
    with counter.store.unit_of_work() as uow:
        records = uow.preregistrations.query(township=township)
        views = [_view(uow, r) for r in records]
    return [v for v in views if v.status == "pending"] if pending_only else views


def get_preregistration(counter: Counter, uscc: str) -> PreregistrationView | None:
    with counter.store.unit_of_work() as uow:
        record = uow.preregistrations.get(uscc)
        return _view(uow, record) if record is not None else None


def _view(uow: Any, record: PreregistrationRecord) -> PreregistrationView:
    employer = uow.employers.get(record.uscc)
    if employer is not None and employer.registered:
        return PreregistrationView(record, "registered")
    taken = [a for a in uow.applications.for_subject(record.uscc)
             if a.kind == ESTABLISH and a.status not in NOT_ESTABLISHING]
    if taken:
        return PreregistrationView(record, "accepted", taken[-1].receipt_number)
    return PreregistrationView(record, "pending")


def establishment_form(counter: Counter, uscc: Any) -> dict[str, Any] | None:
    """The establish-employer fields the pre-registration already gives (None when not pre-registered)."""
    code = check_uscc(uscc)
    if not code.ok or code.value is None:
        return None
    with counter.store.unit_of_work() as uow:
        record = uow.preregistrations.get(code.value)
    if record is None:
        return None
    return rules.establishment_values(record)


def prefill_employer(counter: Counter, uscc: str) -> dict[str, Any] | None:
    """Establishment fields a 多证合一 pre-registration already gives (None when not pre-registered)."""
    return establishment_form(counter, uscc)


def establish(counter: Counter, uscc: Any, rest: Mapping[str, Any], approval: Any = None) -> Any:
    """Submit the establishment of a pre-registered company: its record plus ``rest`` (bank, ratios,
    first month, materials); a value in ``rest`` overrides the record's."""
    known = establishment_form(counter, uscc)
    if known is None:
        return SubmitResult(ok=False, errors=[FieldError("uscc", f"{uscc} 不在本站的企业预缴登记名单中")])
    return submit_application(counter, ESTABLISH, {**known, **rest}, approval)


@dataclass(frozen=True)
class PreregistrationCounts:
    """The report's figure ("上半年共计办理*笔企业预缴登记手续") for a period, and what waits."""

    start: date
    end: date
    received: int  # pre-registrations that arrived in the period
    established: int  # establishment applications taken in the period for pre-registered companies
    pending: int  # pre-registered companies still waiting for their establishment (any arrival date)

    def as_dict(self) -> dict[str, Any]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "received": self.received,
                "established": self.established, "pending": self.pending}


def preregistration_counts(counter: Counter, start: date | None = None, end: date | None = None) -> PreregistrationCounts:
    """Counts for [start, end] (China calendar days; default: the current half year up to today)."""
    if start is None or end is None:
        first, last = half_year(counter.today())
        start, end = start or first, end or min(last, counter.today())
    begin, finish = day_bounds(start, end)
    with counter.store.unit_of_work() as uow:
        records = uow.preregistrations.query()
        listed = {r.uscc for r in records}
        apps = [a for a in uow.closes.applications_between(begin, finish, kind=ESTABLISH)
                if a.status not in NOT_ESTABLISHING and a.subject_key in listed]
        views = [_view(uow, r) for r in records]
    received = sum(1 for r in records if r.imported_at is not None and begin <= r.imported_at < finish)
    return PreregistrationCounts(start, end, received, len({a.subject_key for a in apps}),
                                 sum(1 for v in views if v.status == "pending"))


def preregistration_table(views: list[PreregistrationView]) -> Table:
    rows = tuple((v.record.name, v.record.uscc, v.record.legal_rep or "", v.record.registered_on,
                  v.record.township or "", _source_text(v.record.source), v.status_text, v.receipt_number)
                 for v in views)
    header = ("企业名称", "统一社会信用代码", "法定代表人", "成立日期", "乡镇", "来源", "状态", "建制受理编号")
    return Table("企业预缴登记", header, rows)


def _source_text(source: str) -> str:
    return "管理中心" if source == SOURCE_CENTRE else source
