"""The one table model of the GUI: 站务 pages, records and recent applications, cards, the loan panels.

Rows of plain values (text, numbers, Decimal money, dates, times, ``Translated`` labels) under
headers given as source texts (translated when shown, so a language change needs no new rows); each
row may carry its object, a background colour and bold type; sorting is by value, and the rows
export as the services' ``Table`` (XLSX/CSV).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from counter_app.gui.formats import day, moment, money
from counter_app.gui.i18n import _t
from counter_app.services.operations.tables import Table


class Translated(NamedTuple):
    """A label kept as its source text, shown in the current language (``context`` "catalog" for the
    business and status labels, "" for the GUI's own ``_t`` texts)."""

    source: str
    context: str = ""

    def __str__(self) -> str:
        return QCoreApplication.translate(self.context, self.source) if self.source else ""


class RowsModel(QAbstractTableModel):
    """Rows of plain values under translated headers; each row carries its object and a colour."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None,
                 rows: Sequence[Sequence[Any]] = ()) -> None:
        super().__init__(parent)
        self.headers = tuple(headers)  # source texts (QT_TR_NOOP), translated when shown
        self.rows: list[tuple[Any, ...]] = [tuple(r) for r in rows]
        self.objects: list[Any] = list(self.rows)
        self.colours: dict[int, QColor] = {}
        self.bold: set[int] = set()

    def set_rows(self, rows: Sequence[Sequence[Any]], objects: Sequence[Any] | None = None,
                 colours: dict[int, QColor] | None = None, bold: set[int] | None = None) -> None:
        self.beginResetModel()
        self.rows = [tuple(r) for r in rows]
        self.objects = list(objects) if objects is not None else list(self.rows)
        self.colours = dict(colours or {})
        self.bold = set(bold or ())
        self.endResetModel()

    def retranslate(self) -> None:
        """The language changed: headers and ``Translated`` cells are shown anew."""
        if self.headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.headers) - 1))

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
        value = self.rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return shown(value)
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in self.colours:
            return QBrush(self.colours[index.row()])
        if role == Qt.ItemDataRole.FontRole and index.row() in self.bold:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, Decimal)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        order_key = sorted(range(len(self.rows)), key=lambda i: _sort_key(self.rows[i][column]),
                           reverse=order == Qt.SortOrder.DescendingOrder)
        colours = {new: self.colours[old] for new, old in enumerate(order_key) if old in self.colours}
        self.bold = {new for new, old in enumerate(order_key) if old in self.bold}
        self.rows = [self.rows[i] for i in order_key]
        self.objects = [self.objects[i] for i in order_key]
        self.colours = colours
        self.layoutChanged.emit()

    def table(self, title: str) -> Table:
        """The rows as the services' exportable ``Table`` (headers in the current language)."""
        return Table(title, tuple(_t(h) for h in self.headers),
                     tuple(tuple(str(v) if isinstance(v, Translated) else v for v in row) for row in self.rows))


def shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, datetime):
        return moment(value)
    if isinstance(value, date):
        return day(value)
    return str(value)


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, "")
    if isinstance(value, (int, Decimal)):
        return (1, value)
    if isinstance(value, (date, datetime)):
        return (2, value.isoformat())
    return (3, str(value))  # a Translated label sorts by what the clerk reads
