"""Loan wizard side panel: the limit with every constraint, and the two schedules compared (贷款试算).

The numbers come from ``services.loan_preview``; the panel shows which constraint binds and what
equal instalment (等额本息) and equal principal (等额本金) cost, month by month, in a QtCharts chart.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from counter_app import services
from counter_app.domain.loan_limit import CONSTRAINT_KEYS, CONSTRAINT_LABELS
from counter_app.gui.formats import money
from counter_app.gui.i18n import _t
from counter_app.gui.operations import Operation
from counter_app.gui.rows import RowsModel

METHODS = (("annuity", QT_TR_NOOP("等额本息")), ("linear", QT_TR_NOOP("等额本金")))
BINDING_COLOUR = QColor("#ffe0b2")


LIMIT_HEADERS = (QT_TR_NOOP("约束条件"), QT_TR_NOOP("上限"))


def show_limit(model: RowsModel, limit: Any) -> None:
    """The four constraints of the limit; the binding one is bold on an amber background."""
    if limit is None:
        model.set_rows([])
        return
    binding = {i for i, key in enumerate(CONSTRAINT_KEYS) if key == limit.binding}
    rows = [(CONSTRAINT_LABELS[key] + (_t("（起决定作用）") if i in binding else ""), limit.constraints.get(key))
            for i, key in enumerate(CONSTRAINT_KEYS)]
    model.set_rows(rows, CONSTRAINT_KEYS, {i: BINDING_COLOUR for i in binding}, binding)


def fit_height(view: QTableView) -> None:
    """As tall as its rows: no empty band, no scroll bar."""
    rows = view.model().rowCount() if view.model() else 0
    view.resizeRowsToContents()
    height = view.horizontalHeader().height() + sum(view.rowHeight(r) for r in range(rows))
    view.setFixedHeight(height + 2 * view.frameWidth())


class LoanPanel(QGroupBox):
    """Shown beside the loan wizard; ``refresh()`` after each field the clerk leaves."""

    def __init__(self, counter: Any, form: Any, parent: QWidget | None = None) -> None:
        super().__init__(_t("贷款额度与还款试算"), parent)
        self.setObjectName("loan_panel")
        self.counter, self.form = counter, form
        self.preview: Any = None
        layout = QVBoxLayout(self)
        self.limit_label = QLabel(_t("填写身份证号、类别、收入、房价和期限后显示可贷额度。"), self)
        self.limit_label.setObjectName("loan_limit")
        self.limit_label.setWordWrap(True)
        self.limit_view = QTableView(self)
        self.limit_view.setObjectName("loan_constraints")
        self.limit_view.setAccessibleName(_t("贷款额度约束条件"))
        self.limit_model = RowsModel(LIMIT_HEADERS, self)
        self.limit_view.setModel(self.limit_model)
        self.compare_view = QTableView(self)
        self.compare_view.setObjectName("loan_compare")
        self.compare_view.setAccessibleName(_t("还款方式比较"))
        for view in (self.limit_view, self.compare_view):
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_view = self._make_chart()
        for widget in (self.limit_label, self.limit_view, self.compare_view, self.chart_view):
            layout.addWidget(widget)
        self._set_figures_visible(False)

    def _set_figures_visible(self, visible: bool) -> None:
        for widget in (self.limit_view, self.compare_view, self.chart_view):
            widget.setVisible(visible)

    def _make_chart(self) -> QWidget:
        self.chart = QChart()
        self.chart.setTitle(_t("每月还款额（横轴：期数/月）"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(self.chart.margins() * 0)
        view = QChartView(self.chart, self)
        view.setObjectName("loan_chart")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(240)
        return view

    def refresh(self) -> None:
        values = self.form.values()
        counter = self.counter
        Operation(lambda _p: services.loan_preview(counter, values), success=self.show_preview,
                  failure=lambda exc: self.limit_label.setText(_t("试算失败：") + str(exc)),
                  owner=self).run(key="loan_preview")

    def show_preview(self, preview: Any) -> None:
        self.preview = preview
        show_limit(self.limit_model, preview.limit)
        self._set_figures_visible(preview.limit is not None)
        if preview.limit is None:
            problems = "；".join(e.message for e in preview.errors)
            self.limit_label.setText(problems or _t("填写身份证号、类别、收入、房价和期限后显示可贷额度。"))
        else:
            self.limit_label.setText(
                f"<b>{_t('可贷额度')}：{money(preview.limit.limit)}</b>　{_t('年利率')} {preview.rate}%")
        schedules = preview.schedules or {}
        rows = []
        for label, attr in ((_t("首月还款"), "monthly_payment"), (_t("总利息"), "total_interest"),
                            (_t("还款总额"), "total_payment")):
            rows.append([label] + [money(getattr(schedules[m], attr)) if m in schedules else "" for m, _ in METHODS])
        self.compare_view.setModel(RowsModel((QT_TR_NOOP("项目"), *(name for _, name in METHODS)), self, rows))
        for view in (self.limit_view, self.compare_view):
            fit_height(view)
        self._plot(schedules)

    def _plot(self, schedules: dict[str, Any]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        if not schedules:
            return
        top = Decimal(0)
        months = 1
        for method, name in METHODS:
            schedule = schedules.get(method)
            if schedule is None:
                continue
            series = QLineSeries()
            series.setName(_t(name))
            # Plotting needs floats; the figures shown as text stay Decimal.
            for row in schedule.rows:
                series.append(row.month, float(row.payment))
                top = max(top, row.payment)
            months = max(months, len(schedule.rows))
            self.chart.addSeries(series)
        x_axis, y_axis = QValueAxis(), QValueAxis()
        x_axis.setRange(0, months)
        x_axis.setTickCount(7 if months % 6 == 0 else 5)
        x_axis.setLabelFormat("%.0f")
        y_axis.setRange(0, float(top) * 1.1)
        y_axis.setLabelFormat("%.0f")
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in self.chart.series():
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
