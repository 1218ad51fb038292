"""Shared pieces of the 站务 pages: a rows model with highlighted rows, the page frame, an input
dialog that shows the service's field errors, and exporting any table to XLSX or CSV.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.gui.forms.ui_station_page import Ui_StationPage
from counter_app.gui.i18n import _t, day, money
from counter_app.gui.lazy import LazyModule
from counter_app.gui.operations import Operation

operations: Any = LazyModule("counter_app.services.operations")  # loaded when a 站务 page first needs it

OVERDUE = QColor("#ffd6d6")  # rows that need the clerk: overdue cases, complaints, paybacks
DONE = QColor("#e8f5e9")


class RowsModel(QAbstractTableModel):
    """Rows of plain values under translated headers; each row carries its object and a colour."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = tuple(headers)  # source texts (QT_TR_NOOP), translated when shown
        self.rows: list[tuple[Any, ...]] = []
        self.objects: list[Any] = []
        self.colours: dict[int, QColor] = {}

    def set_rows(self, rows: Sequence[tuple[Any, ...]], objects: Sequence[Any] | None = None,
                 colours: dict[int, QColor] | None = None) -> None:
        self.beginResetModel()
        self.rows = [tuple(r) for r in rows]
        self.objects = list(objects) if objects is not None else list(rows)
        self.colours = dict(colours or {})
        self.endResetModel()

    def object(self, row: int) -> Any:
        return self.objects[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _t(self.headers[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return shown(self.rows[index.row()][index.column()])
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in self.colours:
            return QBrush(self.colours[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(self.rows[index.row()][index.column()], (int, Decimal)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        order_key = sorted(range(len(self.rows)), key=lambda i: _sort_key(self.rows[i][column]),
                           reverse=order == Qt.SortOrder.DescendingOrder)
        colours = {new: self.colours[old] for new, old in enumerate(order_key) if old in self.colours}
        self.rows = [self.rows[i] for i in order_key]
        self.objects = [self.objects[i] for i in order_key]
        self.colours = colours
        self.layoutChanged.emit()

    def table(self, title: str) -> Any:
        """The rows as the services' exportable ``Table`` (headers in the current language)."""
        from counter_app.services.operations.tables import Table

        return Table(title, tuple(_t(h) for h in self.headers), tuple(self.rows))


def shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, (date, datetime)):
        return day(value)
    return str(value)


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, "")
    if isinstance(value, (int, Decimal)):
        return (1, value)
    if isinstance(value, (date, datetime)):
        return (2, value.isoformat())
    return (3, str(value))


class StationPage(QWidget, Ui_StationPage):
    """A 站务 page: title and summary, a table over a details pane, buttons, table export."""

    title_text = ""
    headers: tuple[str, ...] = ()
    last_dialog: FormDialog | None = None

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.counter = counter
        self.model = RowsModel(self.headers, self)
        self.rows_view.setModel(self.model)
        self.rows_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rows_view.horizontalHeader().setStretchLastSection(True)
        self.rows_view.selectionModel().currentRowChanged.connect(lambda *_: self.show_details())
        self.page_splitter.setStretchFactor(0, 3)
        self.page_splitter.setStretchFactor(1, 1)
        self.export_rows.clicked.connect(self.ask_export)
        self.page_title.setText(_t(self.title_text))
        self.setFocusProxy(self.rows_view)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi(self)
            self.page_title.setText(_t(self.title_text))
        super().changeEvent(event)

    def add_button(self, button: QWidget) -> None:
        self.buttons_row.insertWidget(self.buttons_row.count() - 3, button)

    def button(self, name: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        """A button left of the export button (``name`` is its objectName)."""
        widget = QPushButton(text, self)
        widget.setObjectName(name)
        widget.clicked.connect(slot)
        self.add_button(widget)
        return widget

    def dialog(self, title: str, fields: Sequence[Field], submit: Callable[[dict[str, Any]], Any],
               then: Callable[[Any], None] | None = None) -> FormDialog:
        """Open a ``FormDialog``; once the service accepts, the page refreshes and ``then(result)`` runs."""
        dialog = FormDialog(self, title, fields, submit)
        dialog.done_with.connect(lambda result: (self.refresh(), then(result) if then else None))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def add_filter(self, widget: QWidget) -> None:
        self.filters_row.addWidget(widget)

    def selected(self) -> Any:
        index = self.rows_view.currentIndex()
        return self.model.object(index.row()) if index.isValid() else None

    def set_rows(self, rows: Sequence[tuple[Any, ...]], objects: Sequence[Any], colours: dict[int, QColor] | None = None) -> None:
        self.model.set_rows(rows, objects, colours)
        self.rows_count.setText(f"{len(rows)} " + _t("条"))
        if rows:
            self.rows_view.selectRow(0)
        self.show_details()

    def refresh(self) -> None:  # pages fill their rows here
        raise NotImplementedError

    def show_details(self) -> None:
        self.details.clear()

    def ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _t("导出表格"), _t(self.title_text) + ".xlsx",
                                                    "Excel (*.xlsx);;CSV (*.csv)")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> Any:
        return operations.export_table(self.model.table(_t(self.title_text)), path)

    def notify(self, text: str) -> None:
        window = self.window()
        bar = getattr(window, "statusbar", None)
        if bar is not None:
            bar.showMessage(text, 8000)


@dataclass(frozen=True)
class Field:
    """One input of a ``FormDialog``; the widget's objectName is ``key`` (the service's field key)."""

    key: str
    label: str  # QT_TR_NOOP source text
    kind: str = "text"  # text | multiline | date | choice | int
    choices: tuple[tuple[str, str], ...] = ()  # (value, QT_TR_NOOP label)
    value: Any = None


class FormDialog(QDialog):
    """Asks for ``fields``; OK runs ``submit(values)`` off the GUI thread and closes once it returns a
    result whose ``ok`` is true (``done`` carries it); otherwise shows the errors by field."""

    done_with = Signal(object)

    def __init__(self, parent: QWidget, title: str, fields: Sequence[Field], submit: Callable[[dict[str, Any]], Any]) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t(title))
        self.setObjectName("station_dialog")
        self._submit = submit
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        for f in fields:
            widget = _input(f, self)
            widget.setObjectName(f.key)
            message = QLabel(self)
            message.setProperty("severity", "error")
            message.setWordWrap(True)
            message.hide()
            box = QVBoxLayout()
            box.addWidget(widget)
            box.addWidget(message)
            form.addRow(_t(f.label), box)
            self.inputs[f.key], self.messages[f.key] = widget, message
        self.general = QLabel(self)
        self.general.setProperty("severity", "error")
        self.general.setWordWrap(True)
        layout.addWidget(self.general)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def values(self) -> dict[str, Any]:
        return {key: _value(widget) for key, widget in self.inputs.items()}

    def try_accept(self) -> None:
        self.buttons.setEnabled(False)
        values = self.values()
        Operation(lambda _p: self._submit(values), success=self._answered, failure=self._failed).run()

    def _answered(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        if getattr(result, "ok", False):
            self.done_with.emit(result)
            self.accept()
            return
        self.show_errors(getattr(result, "errors", ()))

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.general.setText(_t("操作失败：") + str(exc))

    def show_errors(self, errors: Sequence[Any]) -> None:
        for label in self.messages.values():
            label.hide()
        general = []
        for error in errors:
            label = self.messages.get(error.field)
            if label is None:
                general.append(error.message)
            else:
                label.setText(error.message)
                label.show()
        self.general.setText("；".join(general))


def _input(f: Field, parent: QWidget) -> QWidget:
    if f.kind == "multiline":
        widget: Any = QPlainTextEdit(parent)
        widget.setTabChangesFocus(True)
        widget.setMaximumHeight(90)
        widget.setPlainText(str(f.value or ""))
    elif f.kind == "date":
        widget = QDateEdit(parent)
        widget.setCalendarPopup(True)
        widget.setDisplayFormat("yyyy-MM-dd")
        chosen = f.value or date.today()
        widget.setDate(QDate(chosen.year, chosen.month, chosen.day))
    elif f.kind == "choice":
        widget = QComboBox(parent)
        for value, label in f.choices:
            widget.addItem(_t(label), value)
        if f.value is not None:
            widget.setCurrentIndex(max(widget.findData(f.value), 0))
    elif f.kind == "int":
        widget = QSpinBox(parent)
        widget.setRange(0, 10_000_000)
        widget.setValue(int(f.value or 0))
    else:
        widget = QLineEdit(parent)
        widget.setText(str(f.value or ""))
    return widget


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QDateEdit):
        return widget.date().toString("yyyy-MM-dd")
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QSpinBox):
        return widget.value()
    return widget.text()  # type: ignore[attr-defined]
