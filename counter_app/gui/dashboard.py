"""The statistics dashboard (统计看板) with QtCharts.

KPIs: coverage progress against the target, applications waiting for the centre's decision,
overdue enforcement cases, open complaints, payback reminders; charts: coverage (target, opened)
and applications per day by business. The figures are computed off the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

from counter_app.domain.catalog import BUSINESSES
from counter_app.gui.forms.ui_dashboard_page import Ui_DashboardPage
from counter_app.gui.i18n import _t, catalog_text
from counter_app.gui.operations import Operation
from counter_app.services import operations
from counter_app.services.operations.tables import Table

DAYS = 14
# Distinct colours for up to 20 businesses (Tableau 20): Qt's theme has ten, then near-white bars.
KIND_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94",
                "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5")


class DashboardPage(QWidget, Ui_DashboardPage):
    """统计: the station's KPIs and two charts; ``loaded`` figures are kept in ``board``."""

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.counter = counter
        self.board: Any = None
        self.coverage_view = self._chart_view(self.coverage_chart_layout, "coverage_chart")
        self.daily_view = self._chart_view(self.daily_chart_layout, "daily_chart")
        self.charts_splitter.setStretchFactor(0, 2)
        self.charts_splitter.setStretchFactor(1, 3)
        self.dashboard_refresh.clicked.connect(self.refresh)
        self.dashboard_export.clicked.connect(self.ask_export)

    def _chart_view(self, layout: Any, name: str) -> Any:
        view = QChartView(self)
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(260)
        layout.addWidget(view)
        return view

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi(self)
            if self.board is not None:
                self.show_board(self.board)
        super().changeEvent(event)

    def refresh(self) -> None:
        counter = self.counter
        self.dashboard_refresh.setEnabled(False)
        Operation(lambda _p: operations.dashboard(counter, DAYS), success=self.show_board,
                  failure=lambda exc: self._failed(exc), owner=self).run(key="dashboard")

    def _failed(self, exc: BaseException) -> None:
        self.dashboard_refresh.setEnabled(True)
        self.dashboard_as_of.setText(_t("统计失败：") + str(exc))

    def show_board(self, board: Any) -> None:
        self.board = board
        self.dashboard_refresh.setEnabled(True)
        p = board.coverage.progress
        ratio = f"{p.ratio}%" if p.ratio is not None else _t("未设目标")
        self.dashboard_as_of.setText(_t("截至 {0}").format(board.days[-1].isoformat()))
        self.kpi_coverage.setText(_t("扩面完成\n{0} / {1} 人（{2}）").format(p.opened, p.target, ratio))
        self.kpi_waiting.setText(_t("待中心决定\n{0} 笔").format(board.waiting))
        self.kpi_cases.setText(_t("执法案件\n{0} 件，逾期 {1} 件").format(board.open_cases, board.overdue_cases))
        self.kpi_complaints.setText(_t("未办结投诉\n{0} 件，逾期 {1} 件").format(board.open_complaints,
                                                                         board.overdue_complaints))
        self.kpi_paybacks.setText(_t("补缴提醒\n{0} 笔").format(board.paybacks_due))
        self.kpi_collection.setText(_t("逾期贷款\n{0} 笔，承诺还款到期 {1} 笔").format(board.overdue_loans,
                                                                            board.collection_due))
        for label, alarm in ((self.kpi_cases, board.overdue_cases), (self.kpi_complaints, board.overdue_complaints),
                             (self.kpi_paybacks, board.paybacks_due), (self.kpi_collection, board.collection_due)):
            label.setStyleSheet(_tile("#ffebee" if alarm else "#f5f9fc"))
        self.coverage_view.setChart(self._coverage_chart(p))
        self.daily_view.setChart(self._daily_chart(board))

    def _coverage_chart(self, progress: Any) -> Any:
        target, opened = QBarSet(_t("目标")), QBarSet(_t("已新增"))
        target.append(progress.target)
        opened.append(progress.opened)
        series = QHorizontalBarSeries()
        series.append([target, opened])
        series.setLabelsVisible(True)
        chart = _chart(_t("扩面进度（人）"))
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([_t("本期")])
        axis_x = QValueAxis()
        axis_x.setRange(0, max(progress.target, progress.opened, 1))
        axis_x.applyNiceNumbers()  # round ticks: 0, 200, 400 …
        axis_x.setLabelFormat("%d")
        return _with_axes(chart, series, axis_x, axis_y)

    def _daily_chart(self, board: Any) -> Any:
        series = QStackedBarSeries()
        kinds = [kind for kind, counts in board.per_day.items() if any(counts)]  # the legend: what was taken
        for index, kind in enumerate(kinds):
            spec = BUSINESSES.get(kind)
            bar = QBarSet(catalog_text(spec.short) if spec else _t("其他业务"))
            bar.setColor(QColor(KIND_COLOURS[index % len(KIND_COLOURS)]))
            bar.append(list(board.per_day[kind]))
            series.append(bar)
        chart = _chart(_t("每日受理量（笔）"))
        # Each business by its full short name, one a line beside the bars: 15 names never fit below them.
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([f"{d.month}/{d.day}" for d in board.days])
        axis_x.setLabelsAngle(-90)  # upright dates need only a line's height of each bar's width: never elided
        axis_y = QValueAxis()
        top = max([sum(c[i] for c in board.per_day.values()) for i in range(len(board.days))], default=0)
        axis_y.setRange(0, max(top, 4))
        axis_y.applyNiceNumbers()
        axis_y.setLabelFormat("%d")
        return _with_axes(chart, series, axis_x, axis_y)

    def table(self) -> Any:
        """Applications per day by business, as an exportable table."""
        kinds = list(self.board.per_day)
        header = (_t("日期"), *[catalog_text(BUSINESSES[k].short) if k in BUSINESSES else k for k in kinds], _t("合计"))
        rows = tuple((d, *[self.board.per_day[k][i] for k in kinds], sum(self.board.per_day[k][i] for k in kinds))
                     for i, d in enumerate(self.board.days))
        return Table(_t("每日受理量"), header, rows)

    def ask_export(self) -> None:
        if self.board is None:
            return
        path, _f = QFileDialog.getSaveFileName(self, _t("导出表格"), _t("每日受理量") + ".xlsx",
                                               "Excel (*.xlsx);;CSV (*.csv)")
        if path:
            operations.export_table(self.table(), path)


def _tile(background: str) -> str:
    return (f"QLabel {{ border: 1px solid #b0bec5; border-radius: 6px; padding: 8px; background: {background}; "
            "font-size: 15px; }")  # not an f-string: a single closing brace


def _with_axes(chart: Any, series: Any, bottom: Any, left: Any) -> Any:
    chart.addAxis(bottom, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(bottom)
    series.attachAxis(left)
    return chart


def _chart(title: str) -> Any:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart
