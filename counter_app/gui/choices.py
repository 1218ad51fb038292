"""The list under a picker field (employers, projects): the rows a query matched, one line each,
with the chosen object itself under ``CHOICE_ROLE``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

CHOICE_ROLE = Qt.ItemDataRole.UserRole + 11


class ChoicesModel(QAbstractListModel):
    """Rows shown as ``label(row)`` (also read out by a screen reader)."""

    def __init__(self, label: Callable[[Any], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.label(row)
        if role == CHOICE_ROLE:
            return row
        return None
