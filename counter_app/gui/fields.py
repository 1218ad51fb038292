"""One editor per catalog field kind, with its message beside it (表单字段).

An editor knows how to read and write its value as the services take it (strings as typed,
choice codes, booleans, lists of material codes) and how to show a problem. It never decides
whether a value is valid: the services do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from counter_app.domain.catalog import FieldSpec
from counter_app.gui.i18n import catalog_text

CODE_ROLE = Qt.ItemDataRole.UserRole  # QComboBox.currentData() is the code
ANY_OF_ROLE = Qt.ItemDataRole.UserRole + 1
_MONEY_KINDS = {"money", "percent", "months"}


class MaterialsList(QListView):
    """The materials checklist (一次性告知): tick what was received; codes in and out."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pending: list[str] = []
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._quiet = False
        self._model.itemChanged.connect(lambda _item: None if self._quiet else self.changed.emit())

    def set_materials(self, materials: Sequence[Any]) -> None:
        """Show the required materials (``Material(code, name)``), keeping what was ticked."""
        ticked = set(self.codes())
        self._quiet = True  # rebuilding the list is not the clerk ticking something
        try:
            self._model.clear()
            for m in materials:
                # An alternative ("户口簿或派出所证明") is received as its first code; any of them ticks it.
                alternatives = tuple(getattr(m, "any_of", ()) or (m.code,))
                item = QStandardItem(m.name)
                item.setData(alternatives[0], CODE_ROLE)
                item.setData(alternatives, ANY_OF_ROLE)
                item.setCheckable(True)
                item.setEditable(False)
                item.setCheckState(Qt.CheckState.Checked if ticked & set(alternatives) else Qt.CheckState.Unchecked)
                self._model.appendRow(item)
        finally:
            self._quiet = False
        self._pending = [c for c in ticked if not self._listed(c)]
        rows = max(self._model.rowCount(), 2)
        self.setFixedHeight(rows * max(self.sizeHintForRow(0), 20) + 2 * self.frameWidth() + 4)

    def _listed(self, code: str) -> bool:
        return any(code in self._model.item(r).data(ANY_OF_ROLE) for r in range(self._model.rowCount()))

    def codes(self) -> list[str]:
        """Codes of the ticked materials (and ticked ones not listed right now, kept for later)."""
        items = [self._model.item(r) for r in range(self._model.rowCount())]
        ticked = [i.data(CODE_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]
        return ticked + [c for c in self._pending if c not in ticked]

    def set_codes(self, codes: Sequence[str]) -> None:
        wanted = set(codes)
        self._quiet = True
        try:
            for r in range(self._model.rowCount()):
                item = self._model.item(r)
                hit = wanted & set(item.data(ANY_OF_ROLE))
                item.setCheckState(Qt.CheckState.Checked if hit else Qt.CheckState.Unchecked)
                if hit:
                    item.setData(sorted(hit)[0], CODE_ROLE)
        finally:
            self._quiet = False
        self._pending = [c for c in wanted if not self._listed(c)]

    def names_missing(self) -> list[str]:
        items = [self._model.item(r) for r in range(self._model.rowCount())]
        return [i.text() for i in items if i.checkState() != Qt.CheckState.Checked]

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        # Space ticks the current material; Qt's list view needs the mouse otherwise.
        index = self.currentIndex()
        if event.key() == Qt.Key.Key_Space and index.isValid():
            item = self._model.itemFromIndex(index)
            item.setCheckState(
                Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked else Qt.CheckState.Checked)
            return
        super().keyPressEvent(event)


class FieldEditor(QObject):
    """A catalog field's widget, its label and its message, with value get/set."""

    committed = Signal(str)  # the clerk left the field (or picked a choice): check it
    edited = Signal(str)  # any change (for the autosave)

    def __init__(self, spec: FieldSpec, widget: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.widget = widget
        self.label = QLabel(catalog_text(spec.label) + ("" if not spec.required else " *"))
        self.label.setBuddy(widget)
        self.message = QLabel()
        self.message.setObjectName(f"{spec.key}_message")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.message.setMinimumWidth(160)
        widget.setObjectName(spec.key)
        widget.setAccessibleName(catalog_text(spec.label))
        if spec.hint:
            widget.setToolTip(catalog_text(spec.hint))
            widget.setAccessibleDescription(catalog_text(spec.hint))
        self.auto_filled = False  # set when a derived value was filled in, cleared when the clerk types
        self._wire()

    # -- values ------------------------------------------------------------------------------
    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QComboBox):
            return w.currentData(CODE_ROLE) if w.currentIndex() >= 0 else None
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, MaterialsList):
            return w.codes()
        return w.text()

    def set_value(self, value: Any) -> None:
        w = self.widget
        w.blockSignals(True)
        try:
            if isinstance(w, QComboBox):
                w.setCurrentIndex(w.findData(None if value in (None, "") else str(value), CODE_ROLE))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText("" if value is None else str(value))
            elif isinstance(w, MaterialsList):
                w.set_codes(list(value or []))
            else:
                w.setText("" if value is None else str(value))
        finally:
            w.blockSignals(False)

    def is_empty(self) -> bool:
        value = self.value()
        return value in (None, "", False, []) or (isinstance(value, str) and not value.strip())

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        w = self.widget
        if not isinstance(w, QComboBox):
            return
        current = self.value()
        w.blockSignals(True)
        w.clear()
        for code, label in choices:
            w.addItem(f"{code} {catalog_text(label)}")
            w.setItemData(w.count() - 1, code, CODE_ROLE)
        w.setCurrentIndex(w.findData(current, CODE_ROLE) if current is not None else -1)
        w.blockSignals(False)

    # -- problems ----------------------------------------------------------------------------
    def show_problem(self, text: str, severity: str = "error") -> None:
        """A message beside the field; ``severity`` "error" (red, blocks) or "warning" (amber)."""
        self.message.setText(text)
        self.message.setProperty("severity", severity if text else "")
        self.widget.setProperty("invalid", bool(text) and severity == "error")
        self.widget.setProperty("warned", bool(text) and severity == "warning")
        self.widget.setAccessibleDescription(text or catalog_text(self.spec.hint))
        for w in (self.widget, self.message):
            w.style().unpolish(w)
            w.style().polish(w)

    @property
    def problem(self) -> str:
        return self.message.text() if self.message.property("severity") == "error" else ""

    # -- signals -----------------------------------------------------------------------------
    def _wire(self) -> None:
        w = self.widget
        key = self.spec.key
        if isinstance(w, QComboBox):
            w.currentIndexChanged.connect(lambda _i: (self.committed.emit(key), self.edited.emit(key)))
        elif isinstance(w, QCheckBox):
            w.toggled.connect(lambda _b: (self.committed.emit(key), self.edited.emit(key)))
        elif isinstance(w, MaterialsList):
            w.changed.connect(lambda: (self.committed.emit(key), self.edited.emit(key)))
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(lambda: self.edited.emit(key))
        else:
            w.editingFinished.connect(lambda: self.committed.emit(key))
            w.textEdited.connect(self._typed)

    def _typed(self, _text: str) -> None:
        self.auto_filled = False
        self.edited.emit(self.spec.key)


def make_widget(spec: FieldSpec) -> QWidget:
    """The widget for a catalog field kind."""
    if spec.kind == "choice":
        combo = QComboBox()
        combo.setEditable(False)
        return combo
    if spec.kind == "bool":
        return QCheckBox(QCoreApplication.translate("FieldEditor", "是"))
    if spec.kind == "materials":
        return MaterialsList()
    if spec.kind == "multiline":
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        text.setMaximumHeight(80)
        return text
    line = QLineEdit()
    line.setMaxLength(max(spec.max_length, 1) * 2)  # full-width input is longer before normalising
    if spec.hint:
        line.setPlaceholderText(catalog_text(spec.hint))
    if spec.kind in _MONEY_KINDS:
        line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return line


def make_editor(spec: FieldSpec, choices: Callable[[FieldSpec], Sequence[tuple[str, str]]],
                parent: QObject | None = None) -> FieldEditor:
    editor = FieldEditor(spec, make_widget(spec), parent)
    if spec.kind == "choice":
        editor.set_choices(choices(spec))
    return editor
