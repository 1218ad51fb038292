"""Reports (统计报表): the daily report as XLSX, the coverage figure, the dashboard's KPIs, exports.

The daily report's summary sheet is made from the same totals the daily close keeps (the frozen
record once the station's day is closed), so the workbook and the close sheet agree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from counter_app.domain.catalog import BUSINESSES
from counter_app.domain.daily_close import STATUS_NAMES, WAITING, status_name
from counter_app.domain.status import ApplicationStatus
from counter_app.services import postloan
from counter_app.services.counter import Counter
from counter_app.services.operations import complaints, coverage, daily_close, deferrals, enforcement, ratings
from counter_app.services.operations._common import day_bounds
from counter_app.services.operations.tables import Table, write_csv, write_xlsx


def kind_name(kind: str) -> str:
    spec = BUSINESSES.get(kind)
    return spec.short if spec else kind


def summary_table(totals: dict[str, Any], title: str = "日结汇总") -> Table:
    """Counts by business and status, and amounts, from a close's totals (``DayTotals.as_dict``)."""
    statuses = [s for s in STATUS_NAMES if s in totals["by_status"]] + sorted(set(totals["by_status"]) - set(STATUS_NAMES))
    header = ("业务", "笔数", *[status_name(s) for s in statuses], "金额（元）")
    rows = [(kind_name(k["kind"]), k["count"], *[k["by_status"].get(s, 0) for s in statuses], Decimal(k["amount"]))
            for k in totals["by_kind"]]
    rows.append(("合计", totals["count"], *[totals["by_status"].get(s, 0) for s in statuses], Decimal(totals["amount"])))
    gaps = [f"终端{g['terminal']}缺号：" + "、".join(f"{n:04d}" for n in g["missing"]) for g in totals["gaps"]]
    ratings_given = sum(totals.get("ratings", {}).values())
    notes = (f"打印回执 {totals['receipts_printed']} 张，补打 {totals['receipts_reprinted']} 张",
             "编号检查：" + ("；".join(gaps) if gaps else "受理编号连续，无缺号"),
             f"未上传管理中心：{len(totals['unsynced'])} 笔"
             + (f"（{'、'.join(totals['unsynced'])}）" if totals["unsynced"] else ""),
             f"服务评价：{ratings_given} 人")
    return Table(title, header, tuple(rows), notes)


def daily_tables(counter: Counter, day: date) -> list[Table]:
    """Summary, every application of the day, and one line per clerk."""
    report = daily_close.day_report(counter, day)
    begin, end = day_bounds(day)
    with counter.store.unit_of_work() as uow:
        apps = uow.closes.applications_between(begin, end)
    items = {i.receipt_number: i for i in report.items}
    detail = tuple(
        (a.receipt_number, kind_name(a.kind), a.subject_name or "", status_name(a.status), items[a.receipt_number].amount,
         a.clerk, counter.local(a.taken_at).strftime("%H:%M:%S"), "是" if items[a.receipt_number].synced else "否",
         items[a.receipt_number].rating)
        for a in apps)
    summary = summary_table(report.totals_dict())
    if report.closed:
        summary = Table(summary.title, summary.header, summary.rows,
                        (*summary.notes, f"本日已日结（{report.close.closed_by}），以上为日结时的数字"))  # type: ignore[union-attr]
    return [
        summary,
        Table("业务明细",
              ("受理编号", "业务", "申请人/单位", "状态", "金额（元）", "柜员", "受理时间", "已上传", "评价"), detail),
        _per_clerk(report.items),
    ]


def _per_clerk(items: tuple[Any, ...]) -> Table:
    by: dict[str, list[Any]] = {}
    for item in items:
        by.setdefault(item.clerk, []).append(item)
    counted = (ApplicationStatus.CANCELLED,)
    rows = tuple((clerk, len(mine), sum((i.amount for i in mine if i.amount is not None and i.status not in counted),
                                        Decimal("0.00")), sum(1 for i in mine if not i.synced))
                 for clerk, mine in sorted(by.items()))
    return Table("柜员", ("柜员", "笔数", "金额（元）", "未上传"), rows)


def write_daily_report(counter: Counter, day: date, out: str | os.PathLike[str]) -> Path:
    return write_xlsx(daily_tables(counter, day), out)


def export_table(table: Table, out: str | os.PathLike[str]) -> Path:
    """Any table to ``.xlsx`` or ``.csv`` by the file's suffix."""
    path = Path(out)
    if path.suffix.lower() == ".csv":
        return write_csv(table, path)
    return write_xlsx([table], path.with_suffix(".xlsx") if path.suffix.lower() != ".xlsx" else path)


def coverage_report(counter: Counter, day: date | None = None, township: str | None = None) -> dict[str, Any]:
    """``{"target", "opened", "ratio"}`` (the DESIGN.md contract)."""
    return coverage.coverage_progress(counter, day, township).as_dict()


@dataclass(frozen=True)
class Dashboard:
    """The station's KPIs (统计看板)."""

    coverage: coverage.CoverageStatus
    days: tuple[date, ...]
    per_day: dict[str, tuple[int, ...]]  # kind → applications per day of ``days``
    waiting: int
    open_cases: int
    overdue_cases: int
    open_complaints: int
    overdue_complaints: int
    paybacks_due: int
    ratings: dict[int, int] = field(default_factory=dict)
    overdue_loans: int = 0  # 逾期催收: loans overdue at the station
    collection_due: int = 0  # … whose borrower's promised payment date has come


def dashboard(counter: Counter, days: int = 14) -> Dashboard:
    today = counter.today()
    span = tuple(today - timedelta(days=days - 1 - i) for i in range(days))
    begin, end = day_bounds(span[0], today)
    with counter.store.unit_of_work() as uow:
        apps = uow.closes.applications_between(begin, end)
        waiting = sum(uow.applications.count(status=s) for s in WAITING)
    per_day: dict[str, list[int]] = {kind: [0] * days for kind in BUSINESSES}
    for a in apps:
        index = (counter.local(a.taken_at).date() - span[0]).days
        per_day.setdefault(a.kind, [0] * days)[index] += 1
    cases = enforcement.list_cases(counter, open_only=True)
    open_complaints = complaints.list_complaints(counter, status="open")
    return Dashboard(
        coverage=coverage.coverage_progress(counter, today), days=span,
        per_day={k: tuple(v) for k, v in per_day.items()}, waiting=waiting,
        open_cases=len(cases), overdue_cases=sum(1 for c in cases if c.overdue),
        open_complaints=len(open_complaints), overdue_complaints=sum(1 for c in open_complaints if c.overdue),
        paybacks_due=len(deferrals.payback_reminders(counter)),
        ratings=ratings.ratings_between(counter, span[0], today),
        overdue_loans=len(postloan.overdue_loans(counter)), collection_due=len(postloan.collection_reminders(counter)),
    )


def case_table(views: list[Any]) -> Table:
    """The case list as an exportable table."""
    rows = tuple((v.case.case_no, v.case.employer_name, v.case.uscc, v.state_label, v.case.clerk, v.case.opened_on,
                  v.case.deadline, "是" if v.overdue else "") for v in views)
    return Table("建制执法案件", ("案件编号", "单位名称", "统一社会信用代码", "状态", "承办人", "立案日期", "限期", "逾期"), rows)


def candidate_table(found: list[Any]) -> Table:
    rows = tuple((c.name, c.uscc, c.township, c.insured_staff, c.accounts, c.gap, c.ease_text) for c in found)
    return Table("扩面候选单位", ("单位名称", "统一社会信用代码", "乡镇", "参保人数", "已开户", "待覆盖", "难易"), rows)
