"""Applications taken at this counter, as a table model and the 查询 page (受理记录)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QWidget

from counter_app import services
from counter_app.domain.catalog import BUSINESSES
from counter_app.domain.status import ApplicationStatus, application_label
from counter_app.gui.formats import moment, money
from counter_app.gui.forms.ui_records_page import Ui_RecordsPage
from counter_app.gui.i18n import _t, catalog_text
from counter_app.gui.operations import Operation
from counter_app.gui.rows import elide_columns

COLUMNS = (QT_TR_NOOP("受理编号"), QT_TR_NOOP("业务"), QT_TR_NOOP("申请人/单位"), QT_TR_NOOP("金额"),
           QT_TR_NOOP("状态"), QT_TR_NOOP("中心意见"), QT_TR_NOOP("受理时间"), QT_TR_NOOP("柜员"))


def status_text(status: str) -> str:
    return catalog_text(application_label(status))


def kind_text(kind: str) -> str:
    spec = BUSINESSES.get(kind)
    return catalog_text(spec.short) if spec else kind


class RecordsModel(QAbstractTableModel):
    """``RecordView`` rows; sorting is by the shown text (times sort as ISO text)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_records(self, records: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self.rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _t(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rows[index.row()]
        spec = BUSINESSES.get(r.kind)
        amount = r.fields.get(spec.amount_field) if spec and spec.amount_field else None
        values = (r.receipt_number, kind_text(r.kind), r.subject_name or "", money(amount), status_text(r.status),
                  r.decision_reason or "", moment(r.created_at), r.clerk)
        return values[index.column()]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        key = (lambda r: r.created_at) if column == 6 else (
            lambda r: str(self.data(self.index(self.rows.index(r), column))))
        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class RecordsPage(QWidget, Ui_RecordsPage):
    """The 查询 page: filter by business and status, reprint a receipt or a form."""

    print_requested = Signal(str, object)  # "receipt" | "form", receipt number

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.counter = counter
        self.loading = False  # a read of the records is running
        self.model = RecordsModel(self)
        self.records_view.setModel(self.model)
        elide_columns(self.records_view)
        self.kind_filter.addItem(_t("全部"), None)
        for kind, spec in BUSINESSES.items():
            self.kind_filter.addItem(catalog_text(spec.short), kind)
        self.status_filter.addItem(_t("全部"), None)
        for status in ApplicationStatus:
            self.status_filter.addItem(status_text(status), status)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.reprint_receipt.clicked.connect(lambda: self._print("receipt"))
        self.reprint_form.clicked.connect(lambda: self._print("form"))
        self.records_view.activated.connect(lambda _index: self._print("receipt"))
        self.setFocusProxy(self.records_view)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi(self)
        super().changeEvent(event)

    def refresh(self) -> None:
        """Read the records off the GUI thread; a newer filter supersedes a read still running."""
        counter, status, kind = self.counter, self.status_filter.currentData(), self.kind_filter.currentData()
        self.loading = True
        Operation(lambda _p: services.list_records(counter, status=status, kind=kind, limit=500),
                  success=self._show, failure=self._failed, owner=self).run(key=f"records-{id(self)}")

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.records_count.setText(_t("读取失败：") + str(exc))

    def _show(self, records: list[Any]) -> None:
        self.loading = False
        self.model.set_records(records)
        self.records_count.setText(f"{len(records)} " + _t("条"))
        if records:
            self.records_view.selectRow(0)

    def selected(self) -> Any:
        index = self.records_view.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _print(self, document: str) -> None:
        record = self.selected()
        if record is not None:
            self.print_requested.emit(document, record.receipt_number)
