"""The 站务 pages: the case list (overdue highlighted, steps through checked dialogs, export) and the
dashboard's KPIs and charts, driven like a clerk."""

from __future__ import annotations

import csv
from datetime import timedelta
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton

from counter_app.services import operations as ops
from counter_app.services.operations import StepInput

STATION_ACTIONS = ("action_station_coverage", "action_station_cases", "action_station_complaints",
                   "action_station_deferrals", "action_station_close", "action_station_dashboard")


def unregistered(counter: Any, n: int = 2) -> list[Any]:
    with counter.store.unit_of_work() as uow:
        found = uow.employers.unregistered()[:n]
    assert len(found) == n, "the demo city has unregistered employers"
    return found


def seed_cases(counter: Any) -> tuple[str, str]:
    """An overdue case (notice issued 60 days ago, delivered) and a fresh one (investigated today)."""
    old, new = unregistered(counter)
    now = counter.now()
    counter.clock = lambda: now - timedelta(days=60)
    overdue = ops.open_case(counter, old.uscc, counter.today(), "调查：未建制").value.case.case_no
    assert ops.advance(counter, overdue, "notice_issued").ok
    assert ops.advance(counter, overdue, "delivered", StepInput(document="直接送达")).ok
    counter.clock = lambda: now
    fresh = ops.open_case(counter, new.uscc, counter.today(), "调查：职工反映未缴存").value.case.case_no
    return overdue, fresh


def test_station_menu_has_every_page(window: Any) -> None:
    for name in STATION_ACTIONS:
        action = window.findChild(QAction, name)
        assert action is not None and action.isEnabled(), name
        assert action in window.business_bar.actions()
    assert [a.text() for a in window.station.menu.actions() if a.text()][:6] == [
        "扩面", "建制执法", "投诉", "缓缴跟踪", "日结", "统计"]
    for name in STATION_ACTIONS[:-1]:
        window.findChild(QAction, name).trigger()
        assert window.pages.currentWidget() is window.station.pages[name]


def test_case_list_highlights_overdue_and_filters(qtbot: Any, window: Any, counter: Any, tmp_path: Any) -> None:
    overdue, fresh = seed_cases(counter)
    window.findChild(QAction, "action_station_cases").trigger()
    page = window.station.pages["action_station_cases"]
    model = page.model
    assert sorted(model.object(r).case.case_no for r in range(model.rowCount())) == sorted([overdue, fresh])
    colours = {model.object(r).case.case_no: model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole)
               for r in range(model.rowCount())}
    assert isinstance(colours[overdue], QBrush) and colours[fresh] is None
    assert "逾期 1" in page.page_summary.text()
    page.findChild(QCheckBox, "overdue_only").setChecked(True)
    assert [model.object(r).case.case_no for r in range(model.rowCount())] == [overdue]
    page.findChild(QCheckBox, "overdue_only").setChecked(False)
    row = next(r for r in range(model.rowCount()) if model.object(r).case.case_no == overdue)
    page.rows_view.selectRow(row)
    assert "已过办理期限" in page.details.toPlainText() and "直接送达" in page.details.toPlainText()
    page.export_to(str(tmp_path / "cases.xlsx"))
    rows = list(load_workbook(tmp_path / "cases.xlsx").active.iter_rows(values_only=True))
    assert rows[0][:4] == ("案件编号", "单位名称", "统一社会信用代码", "状态")
    assert sorted(r[0] for r in rows[1:]) == sorted([overdue, fresh])


def test_next_step_through_the_dialog_prints_the_notice(qtbot: Any, window: Any, counter: Any) -> None:
    _overdue, fresh = seed_cases(counter)
    window.findChild(QAction, "action_station_cases").trigger()
    page = window.station.pages["action_station_cases"]
    row = next(r for r in range(page.model.rowCount()) if page.model.object(r).case.case_no == fresh)
    page.rows_view.selectRow(row)
    qtbot.mouseClick(page.findChild(QPushButton, "next_step"), Qt.MouseButton.LeftButton)
    dialog = page.last_dialog
    states = dialog.inputs["state"]
    assert [states.itemData(i) for i in range(states.count())] == ["notice_issued", "closed"], "no skipping offered"
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert ops.get_case(counter, fresh).case.state == "notice_issued"
    qtbot.waitUntil(lambda: window.printer.last_preview is not None and window.printer.last_preview.isVisible())
    window.printer.last_preview.close()
    assert "已发通知书" in page.model.data(page.model.index(row, 3))


def test_dialog_shows_the_service_errors_beside_the_fields(qtbot: Any, window: Any, counter: Any) -> None:
    window.findChild(QAction, "action_station_cases").trigger()
    page = window.station.pages["action_station_cases"]
    qtbot.mouseClick(page.findChild(QPushButton, "open_case"), Qt.MouseButton.LeftButton)
    dialog = page.last_dialog
    dialog.inputs["uscc"].setText("91110000ABC")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.messages["uscc"].isVisible(), timeout=5000)
    assert "统一社会信用代码" in dialog.messages["uscc"].text()
    assert dialog.isVisible() and ops.list_cases(counter) == []
    dialog.inputs["uscc"].setText(unregistered(counter, 1)[0].uscc)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.messages["note"].isVisible() and not dialog.messages["uscc"].isVisible(), timeout=5000)
    assert "调查笔录" in dialog.messages["note"].text() and dialog.isVisible()
    dialog.inputs["note"].setPlainText("现场调查，未建制")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert [v.case.state for v in ops.list_cases(counter)] == ["investigated"]
    assert page.model.rowCount() == 1


def test_dashboard_kpis_and_charts(qtbot: Any, window: Any, counter: Any, tmp_path: Any) -> None:
    seed_cases(counter)
    today = counter.today()
    ops.set_target(counter, 200, today.replace(day=1), today + timedelta(days=90))
    ops.take_complaint(counter, {"complainant": "张三", "summary": "单位未缴存"})
    window.findChild(QAction, "action_station_dashboard").trigger()
    page = window.station.pages["action_station_dashboard"]
    qtbot.waitUntil(lambda: page.board is not None, timeout=10000)
    board = ops.dashboard(counter)
    assert f"{board.coverage.progress.opened} / 200" in page.findChild(QLabel, "kpi_coverage").text()
    assert f"{board.waiting} 笔" in page.findChild(QLabel, "kpi_waiting").text()
    assert "逾期 1 件" in page.findChild(QLabel, "kpi_cases").text()
    assert "1 件" in page.findChild(QLabel, "kpi_complaints").text()
    coverage = page.coverage_view.chart()
    (series,) = coverage.series()
    assert [s.at(0) for s in series.barSets()] == [200, board.coverage.progress.opened]
    daily = page.daily_view.chart().series()[0]
    assert daily.count() == len(board.per_day)
    assert sum(sum(s.at(i) for i in range(s.count())) for s in daily.barSets()) == sum(map(sum, board.per_day.values()))
    table = page.table()
    ops.export_table(table, tmp_path / "daily.csv")
    with (tmp_path / "daily.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == len(board.days) + 1 and rows[-1][0] == today.isoformat()


def test_daily_close_page_closes_once(qtbot: Any, window: Any, counter: Any) -> None:
    window.findChild(QAction, "action_station_close").trigger()
    page = window.station.pages["action_station_close"]
    qtbot.waitUntil(lambda: "未日结" in page.page_summary.text(), timeout=10000)  # read off the GUI thread
    assert page.close_button.isEnabled()
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.confirm_dialog is not None and page.confirm_dialog.isVisible(), timeout=10000)
    assert ops.get_close(counter, counter.today(), counter.clerk) is None, "nothing closes before the confirmation"
    qtbot.mouseClick(page.confirm_dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已日结" in page.page_summary.text(), timeout=10000)
    assert not page.close_button.isEnabled() and page.reopen_button.isEnabled()
    assert ops.get_close(counter, counter.today(), counter.clerk) is not None
    qtbot.waitUntil(lambda: window.printer.last_preview is not None)
    window.printer.last_preview.close()


def test_kpi_tile_style_is_valid_qss():
    # A doubled brace made Qt reject the tile style, so overdue tiles never turned red.
    from counter_app.gui.dashboard import _tile

    style = _tile("#ffebee")
    assert style.count("{") == style.count("}") == 1 and "#ffebee" in style
