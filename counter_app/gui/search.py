"""The one search box: workers and employers as you type, off the GUI thread (综合查找).

Typing restarts a short timer; when it fires the query runs through the operation runner under
one key, so a newer query supersedes an older one and stale hits never show. Hits live in a
list model shown by a list view under the box (model/view: 50 hits or 50,000, the view is the same).
Up/Down pick a hit without leaving the box, Enter opens its card, Esc closes the list.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QWidget

from counter_app import services
from counter_app.domain.status import account_label
from counter_app.gui.i18n import _t, catalog_text
from counter_app.gui.operations import Operation

DEBOUNCE_MS = 120
LIMIT = 50
HIT_ROLE = Qt.ItemDataRole.UserRole


class SearchModel(QAbstractListModel):
    """Search hits (``SearchHit``), one line each."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Any] = []

    def set_hits(self, hits: list[Any]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == HIT_ROLE:
            return hit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return describe(hit)
        return None


def describe(hit: Any) -> str:
    """张三　110105********0012　账号 … · 单位 · 正常 (· 待中心审核（受理编号 …）)"""
    kind = _t("职工") if hit.kind == "worker" else _t("单位")
    parts = [f"[{kind}] {hit.name}", hit.masked_id_or_uscc]
    extra = []
    if hit.account_no:
        extra.append(_t("账号") + " " + hit.account_no)
    if hit.employer_name:
        extra.append(hit.employer_name)
    if hit.township:
        extra.append(hit.township)
    if hit.status and hit.kind == "worker":
        extra.append(catalog_text(account_label(hit.status)))
    if hit.pending:  # registered here, the centre not yet decided: the slip's number finds the papers
        extra.append(_t("待中心审核") + "（" + _t("受理编号") + " " + "、".join(hit.pending) + "）")
    return "　".join(parts) + ("　" + " · ".join(extra) if extra else "")


class SearchController(QObject):
    """Wires the search box to the runner and the hit list. ``opened(kind, key)`` on Enter/click."""

    opened = Signal(str, str)
    results_shown = Signal(int)  # number of hits, after each completed query (tests, benchmark)

    def __init__(self, counter: Any, box: QLineEdit, window: QWidget) -> None:
        super().__init__(window)
        self.counter, self.box, self.window = counter, box, window
        self.model = SearchModel(self)
        self.view = QListView(window)
        self.view.setObjectName("search_results")
        self.view.setAccessibleName(_t("查找结果"))
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the box
        self.view.setUniformItemSizes(True)  # constant-time layout whatever the number of hits
        self.view.hide()
        self.view.clicked.connect(self._open_index)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS, timeout=self.run_query)
        self._typed_at = 0.0
        self.last_latency_ms: float | None = None
        box.textEdited.connect(self._typed)
        box.installEventFilter(self)
        window.installEventFilter(self)
        if box.text():  # typed before the controller was there (the window's first paint)
            self._typed(box.text())

    def hide(self) -> None:
        self.view.hide()

    def focus(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def _typed(self, _text: str) -> None:
        self._typed_at = time.perf_counter()
        self._timer.start()

    def run_query(self) -> None:
        if self.counter is None:  # the store is still opening: ask again when it is there
            self._timer.start()
            return
        text = self.box.text().strip()
        if not text:
            self.model.set_hits([])
            self.view.hide()
            return
        counter = self.counter
        Operation(lambda _p: services.search(counter, text, limit=LIMIT), success=self._show,
                  failure=lambda exc: self._show([])).run(key="search")

    def _show(self, hits: list[Any]) -> None:
        self.model.set_hits(hits)
        if self._typed_at:
            self.last_latency_ms = (time.perf_counter() - self._typed_at) * 1000
        if hits and self.box.text().strip():
            self._place()
            self.view.setCurrentIndex(self.model.index(0, 0))
            self.view.show()
            self.view.raise_()
        else:
            self.view.hide()
            if self.box.text().strip():
                self.window.statusBar().showMessage(_t("没有找到匹配的职工或单位"), 4000)  # type: ignore[attr-defined]
        self.results_shown.emit(len(hits))

    def _place(self) -> None:
        origin = self.box.mapTo(self.window, QPoint(0, self.box.height()))
        rows = min(self.model.rowCount(), 12)
        height = rows * max(self.view.sizeHintForRow(0), 20) + 6
        self.view.setGeometry(origin.x(), origin.y(), self.box.width(), height)

    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is None:
            return
        self.view.hide()
        self.opened.emit(hit.kind, hit.key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Resize and self.view.isVisible():
            self._place()
        if watched is self.box and event.type() == QEvent.Type.FocusOut:
            self.view.hide()  # the list is NoFocus: clicking it keeps the focus in the box
        if watched is not self.box or event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.view.isVisible():
            row = self.view.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
            row = max(0, min(row, self.model.rowCount() - 1))
            self.view.setCurrentIndex(self.model.index(row, 0))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive():  # Enter before the pause: search now, open the best hit
                self._timer.stop()
                self.results_shown.connect(self._open_first, Qt.ConnectionType.SingleShotConnection)
                self.run_query()
            elif self.view.isVisible():
                self._open_index(self.view.currentIndex())
            return True
        if key == Qt.Key.Key_Escape and (self.view.isVisible() or self.box.text()):
            self.view.hide()
            self.box.clear()
            return True
        return False

    def _open_first(self, count: int) -> None:
        if count:
            self._open_index(self.model.index(0, 0))
