"""Reports: the daily XLSX holds the close's numbers, exports to CSV/XLSX, dashboard KPIs, ratings."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from decimal import Decimal

from openpyxl import load_workbook
from service_world import TODAY, E, submit_good

from counter_app.domain.catalog import business
from counter_app.services import operations as ops
from counter_app.services.applications import cancel_application
from counter_app.services.operations.tables import Table


def sheet_rows(path, title):
    book = load_workbook(path)
    return [list(r) for r in book[title].iter_rows(values_only=True)]


def day_of_work(counter) -> list[str]:
    numbers = [submit_good(counter, k).receipt_number for k in ("withdrawal", "loan", "open-account", "deferral")]
    cancel_application(counter, numbers[2], "重复受理")
    return numbers


def test_daily_xlsx_holds_the_same_numbers_as_the_close(counter, tmp_path) -> None:
    numbers = day_of_work(counter)
    assert ops.rate(counter, numbers[0], 5).ok and ops.rate(counter, numbers[1], 4).ok
    closed = ops.close_day(counter, station=True).value.totals
    path = ops.write_daily_report(counter, TODAY, tmp_path / "daily.xlsx")
    summary = sheet_rows(path, "日结汇总")
    header, body = summary[0], summary[1:]
    total = next(r for r in body if r[0] == "合计")
    assert total[1] == closed.count == 4
    assert Decimal(str(total[header.index("金额（元）")])) == closed.amount == Decimal("300600.00")
    for status, n in closed.by_status.items():
        column = header.index({"queued": "待上传中心", "cancelled": "已撤销"}[status])
        assert total[column] == n
    per_kind = {r[0]: r[1] for r in body[:len(closed.by_kind)]}
    assert per_kind == {business(k).short: 1 for k in ("withdrawal", "loan", "open-account", "deferral")}
    assert any("已日结" in str(r[0]) for r in body if r[0])
    detail = sheet_rows(path, "业务明细")
    assert [r[0] for r in detail[1:]] == numbers
    assert sum(Decimal(str(r[4])) for r in detail[1:] if r[4] is not None and r[3] != "已撤销") == closed.amount
    assert [r[8] for r in detail[1:3]] == [5, 4]
    clerks = sheet_rows(path, "柜员")
    assert clerks[1][:2] == [counter.clerk, 4] and Decimal(str(clerks[1][2])) == closed.amount


def test_any_table_exports_to_csv_and_xlsx(counter, tmp_path) -> None:
    table = Table("测试", ("名称", "金额（元）", "日期"), (("甲", Decimal("1234.50"), date(2026, 11, 23)), ("乙", None, None)))
    ops.export_table(table, tmp_path / "t.csv")
    with (tmp_path / "t.csv").open(encoding="utf-8-sig") as handle:
        assert list(csv.reader(handle)) == [["名称", "金额（元）", "日期"], ["甲", "1234.50", "2026-11-23"], ["乙", "", ""]]
    path = ops.export_table(table, tmp_path / "t.xlsx")
    book = load_workbook(path)
    sheet = book["测试"]
    assert sheet["B2"].value == 1234.5 and sheet["B2"].number_format == "#,##0.00"
    assert sheet["C2"].value.date() == date(2026, 11, 23)


def test_dashboard_kpis(counter, move_to) -> None:
    ops.set_target(counter, 10, "2026-07-01", "2027-06-30")
    day_of_work(counter)
    case_no = ops.open_case(counter, E.unregistered, TODAY, "调查").value.case.case_no
    ops.advance(counter, case_no, "notice_issued")
    ops.take_complaint(counter, {"complainant": "张三", "summary": "未缴存", "case_no": case_no})
    move_to(TODAY + timedelta(days=40))
    board = ops.dashboard(counter, days=45)
    assert board.days[-1] == TODAY + timedelta(days=40) and len(board.days) == 45
    index = board.days.index(TODAY)
    assert {k: v[index] for k, v in board.per_day.items() if v[index]} == {
        "withdrawal": 1, "loan": 1, "open-account": 1, "deferral": 1}
    assert sum(sum(v) for v in board.per_day.values()) == 4
    assert board.waiting == 3  # the cancelled one is not waiting
    assert (board.open_cases, board.overdue_cases) == (1, 1)
    assert (board.open_complaints, board.overdue_complaints) == (1, 1)
    assert board.coverage.progress.target == 10
    assert board.coverage.progress.opened == 0  # the only opening was cancelled


def test_ratings_once_per_application_and_counted(counter) -> None:
    number = submit_good(counter, "withdrawal").receipt_number
    assert ops.rate(counter, number, 0).errors[0].field == "score"
    assert ops.rate(counter, number, True).errors[0].field == "score"
    assert ops.rate(counter, "CG01-01-20990101-0001", 3).errors[0].field == "receipt_number"
    assert ops.rate(counter, number.lower(), 3).ok
    assert ops.rate(counter, number, 5).errors[0].field == "receipt_number"
    assert ops.rating_for(counter, number) == 3
    assert ops.ratings_between(counter, TODAY, TODAY) == {1: 0, 2: 0, 3: 1, 4: 0, 5: 0}
    assert ops.day_report(counter).totals.ratings == {3: 1}


def test_a_closed_day_takes_no_more_ratings(counter) -> None:
    number = submit_good(counter, "withdrawal").receipt_number
    assert ops.close_day(counter).ok
    refused = ops.rate(counter, number, 5)
    assert refused.errors[0].field == "day" and "已日结" in refused.errors[0].message
    assert ops.rating_for(counter, number) is None
