"""The daily close sheet (日结单): one day's totals by business and status, receipts printed and
reprinted, the receipt-number check, what still waits for the centre, every application listed.
A close after a reopen is a revised sheet: 第N次日结 in the title, the earlier closes and why each
was reopened listed first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether

from counter_app.domain.catalog import BUSINESSES
from counter_app.domain.daily_close import DayItem, DayTotals, status_name
from counter_app.domain.money import format_money
from counter_app.printing.blocks import data_table, field_grid, signature_lines, spacer
from counter_app.printing.layout import Output, PageFrame, build_document, para, styles

TITLE = "住房公积金业务日结单"


@dataclass(frozen=True)
class Reopening:
    """An earlier close of the same day that a supervisor reopened."""

    revision: int
    closed_at: datetime
    closed_by: str
    reopened_at: datetime
    reopened_by: str
    reason: str
    approved_by: str
    count: int
    amount: Decimal


@dataclass(frozen=True)
class DailyCloseSheet:
    centre_name: str
    station_name: str
    day: date
    who: str  # 全站, or the clerk's name
    totals: DayTotals
    items: tuple[DayItem, ...]
    clerk: str = ""
    printed_at: datetime | None = None
    revision: int = 1
    mark: str = ""  # 第N次日结 on a revised sheet
    reopenings: tuple[Reopening, ...] = ()


def kind_name(kind: str) -> str:
    spec = BUSINESSES.get(kind)
    return spec.short if spec else kind


def render_daily_close(sheet: DailyCloseSheet, out: Output, *, page_size: str = "A4") -> int:
    """Write the sheet to ``out``; returns the page count."""
    st = styles(page_size)
    t = sheet.totals
    title = f"{TITLE}（{sheet.mark}）" if sheet.mark else TITLE
    frame = PageFrame(sheet.centre_name, sheet.station_name, title, sheet.day.isoformat(), sheet.clerk,
                      sheet.printed_at, number_label="日结日期")
    checks = [g.text() for g in t.gaps] or ["受理编号连续，无缺号"]
    summary = (
        ("日结范围", sheet.who), ("业务笔数", str(t.count)), ("涉及金额（元）", format_money(t.amount)),
        ("打印回执", f"{t.receipts_printed}张"), ("补打回执", f"{t.receipts_reprinted}张"),
        ("未上传中心", f"{len(t.unsynced)}笔"),
        ("服务评价", f"{sum(t.ratings.values())}人评价，平均{t.rating_average}分" if t.ratings else "无"),
        ("编号检查", "；".join(checks)),
    )
    story: list[Flowable] = []
    if sheet.reopenings:
        story += [para(f"本单为修订日结单（{sheet.mark}），取代此前的日结单", st.heading),
                  _reopenings(sheet.reopenings, page_size), spacer(page_size, 0.5)]
    story += [field_grid(summary, page_size), para("分业务统计", st.heading), _by_kind(t, page_size)]
    if t.unsynced:
        story += [para("尚未上传管理中心的业务", st.heading), para("、".join(t.unsynced), st.body)]
    story += [para("业务明细", st.heading), _items(sheet, page_size), spacer(page_size, 1),
              KeepTogether([signature_lines(("经办人（签字）：", "复核人（签字）："), page_size)])]
    return build_document(out, frame, story, page_size=page_size)


def _by_kind(t: DayTotals, page_size: str) -> Flowable:
    rows = [(kind_name(k.kind), str(k.count), "、".join(f"{status_name(s)}{n}" for s, n in k.by_status.items()),
             format_money(k.amount)) for k in t.by_kind]
    rows.append(("合计", str(t.count), "、".join(f"{status_name(s)}{n}" for s, n in t.by_status.items()),
                 format_money(t.amount)))
    return data_table(("业务", "笔数", "状态", "金额（元）"), rows, page_size, col_fractions=(0.16, 0.12, 0.5, 0.22))


def _items(sheet: DailyCloseSheet, page_size: str) -> Flowable:
    unsynced = set(sheet.totals.unsynced)
    rows = [(i.receipt_number, kind_name(i.kind), status_name(i.status), i.clerk,
             format_money(i.amount) if i.amount is not None else "", "否" if i.receipt_number in unsynced else "是")
            for i in sheet.items]
    shaded = [n for n, i in enumerate(sheet.items) if i.receipt_number in unsynced]
    if not rows:
        rows = [("当日无业务", "", "", "", "", "")]
    return data_table(("受理编号", "业务", "状态", "柜员", "金额（元）", "已上传"), rows, page_size,
                      col_fractions=(0.3, 0.12, 0.16, 0.14, 0.16, 0.12), shade_rows=shaded)


def _reopenings(reopenings: tuple[Reopening, ...], page_size: str) -> Flowable:
    rows = [(f"第{r.revision}次", f"{r.closed_at:%H:%M} {r.closed_by}", f"{r.count}笔 {format_money(r.amount)}元",
             f"{r.reopened_at:%H:%M} {r.reopened_by}" + (f"（{r.approved_by}复核）" if r.approved_by else ""), r.reason)
            for r in reopenings]
    return data_table(("日结", "日结时间/人", "当时笔数/金额", "重开时间/人", "重开原因"), rows, page_size,
                      col_fractions=(0.1, 0.18, 0.2, 0.24, 0.28))
