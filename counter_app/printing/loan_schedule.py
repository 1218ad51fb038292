"""The repayment schedule of a fund loan (还款计划表): the loan, then month by month from the next due
date — due date, payment, principal, interest, balance — with the totals (repeated headers on each page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.platypus import Flowable

from counter_app.domain.money import format_money
from counter_app.domain.schedule import METHOD_NAMES, Schedule
from counter_app.printing.blocks import data_table, field_grid
from counter_app.printing.layout import Output, PageFrame, build_document, para, styles

TITLE = "住房公积金贷款还款计划表"


@dataclass(frozen=True)
class ScheduleSheet:
    centre_name: str
    station_name: str
    loan_no: str
    borrower: str  # name and masked ID
    principal: str  # the loan as contracted, already formatted
    start_date: date
    term_months: int
    status: str
    last_due: date
    schedule: Schedule  # from the balance after ``last_due``
    due_dates: tuple[date, ...]  # one per schedule row
    clerk: str = ""
    printed_at: datetime | None = None


def render_schedule(sheet: ScheduleSheet, out: Output, *, page_size: str = "A4") -> int:
    """Write the schedule to ``out``; returns the page count."""
    st = styles(page_size)
    s = sheet.schedule
    frame = PageFrame(sheet.centre_name, sheet.station_name, TITLE, sheet.loan_no, sheet.clerk, sheet.printed_at,
                      number_label="贷款合同编号")
    summary = (
        ("借款人", sheet.borrower), ("贷款状态", sheet.status),
        ("贷款本金（元）", sheet.principal), ("放款日期", sheet.start_date.isoformat()),
        ("贷款期限", f"{sheet.term_months}个月"), ("还款方式", METHOD_NAMES[s.method]),
        ("执行年利率", f"{s.annual_rate}%"), ("上一还款日", sheet.last_due.isoformat()),
        ("剩余本金（元）", format_money(s.principal)), ("剩余期数", f"{s.months}期"),
    )
    rows = [(str(r.month), d.isoformat(), format_money(r.payment), format_money(r.principal), format_money(r.interest),
             format_money(r.remaining)) for r, d in zip(s.rows, sheet.due_dates, strict=True)]
    rows.append(("合计", "", format_money(s.total_payment), format_money(s.principal), format_money(s.total_interest),
                 ""))
    story: list[Flowable] = [
        field_grid(summary, page_size),
        para("还款计划（单位：元）", st.heading),
        data_table(("期次", "还款日", "月供", "本金", "利息", "剩余本金"), rows, page_size,
                   col_fractions=(0.09, 0.17, 0.18, 0.18, 0.18, 0.2), shade_rows=(len(rows) - 1,)),
        para("按上一还款日后的剩余本金和执行利率测算，利率调整、提前还款或逾期后以管理中心核算为准。", st.small),
    ]
    return build_document(out, frame, story, page_size=page_size)
