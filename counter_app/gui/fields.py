"""The one form framework: an editor per field kind, with its label and message (表单字段).

Wizards and 站务 dialogs alike describe their inputs as ``FieldSpec`` and get their widgets from
``make_editor``. An editor reads and writes its value as the services take it (strings as typed,
choice codes, booleans, lists of material codes, ISO dates) and shows a problem; it never decides
whether a value is valid: the services do.

Keyboard safety: a value the clerk did not type (pre-filled from the store, or derived from the ID
number) is *guarded*. Keyboard focus arriving at it selects nothing, and typed characters are
refused (with a beep and a hint) until the clerk deliberately takes the field over: a click, F2,
Backspace, Delete or Ctrl+A (for a choice also the arrow keys). So typing that began in another
field (one Enter too many) can never overwrite such a value. Enter skips guarded fields; Tab skips
derived ones; Shift+Tab reaches everything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QStandardItem,
    QStandardItemModel,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from counter_app.domain.catalog import FieldSpec
from counter_app.gui.i18n import _t, catalog_text

CODE_ROLE = Qt.ItemDataRole.UserRole  # QComboBox.currentData() is the code
ANY_OF_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # a material row's identity (its policy reference)
_MONEY_KINDS = {"money", "percent", "months"}
DATE_FORMATS = ("yyyy-MM-dd", "yyyyMMdd", "yyyy/M/d", "yyyy.M.d", "yyyy-M-d", "yyyy年M月d日")

PREFILL, DERIVED, TYPED = "prefill", "derived", "typed"  # where an editor's value came from
# A new form's commonest answer (居民身份证, this month): not guarded — the clerk simply changes it —
# but no input of the clerk's (no draft, no question on Esc) and a draft or the store's value replaces it.
DEFAULT = "default"
_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
_TAKE_OVER = {Qt.Key.Key_F2, Qt.Key.Key_Backspace, Qt.Key.Key_Delete}
_CHOICE_TAKE_OVER = _TAKE_OVER | {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
                                  Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_F4, Qt.Key.Key_Space}


class Guard:
    """A widget's guard: set while it holds a value the clerk did not type (``PREFILL``/``DERIVED``)."""

    def __init__(self, widget: QWidget, take_over_keys: set[Qt.Key]) -> None:
        self.widget, self.keys = widget, take_over_keys
        self.reason = ""
        self.on_refused: Callable[[], None] | None = None
        self.on_taken: Callable[[], None] | None = None

    def __bool__(self) -> bool:
        return bool(self.reason)

    def take_over(self) -> None:
        if self.reason:
            self.reason = ""
            if self.on_taken is not None:
                self.on_taken()

    def refuse(self) -> None:
        QApplication.beep()
        if self.on_refused is not None:
            self.on_refused()

    def key(self, event: QKeyEvent) -> bool:
        """True when the key is refused (typing into a guarded value); a deliberate key takes it over."""
        if not self.reason:
            return False
        if event.key() in self.keys or event.matches(QKeySequence.StandardKey.SelectAll) \
                or event.matches(QKeySequence.StandardKey.Cut):
            self.take_over()
            return event.key() == Qt.Key.Key_F2  # F2 only unlocks; the others do their usual work
        text = event.text()
        pasting = event.matches(QKeySequence.StandardKey.Paste)
        if pasting or (text and text.isprintable() and not event.modifiers() & _MODIFIERS):
            self.refuse()
            return True
        return False

    def input_method(self, event: QInputMethodEvent) -> bool:
        if self.reason and event.commitString():
            self.refuse()
            return True
        return False


class LineEdit(QLineEdit):
    """A one-line input that can be guarded (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guard = Guard(self, _TAKE_OVER)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        if self.guard:  # Qt selects everything on Tab: a guarded value must not be replaced by typing
            self.deselect()
            self.end(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if not self.guard.key(event):
            super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt override
        if not self.guard.input_method(event):
            super().inputMethodEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.guard.take_over()
        super().mousePressEvent(event)


class DateLine(LineEdit):
    """A date typed as text (2026-05-03, 20260503, 2026/5/3 …), shown as ISO once left; F4 or
    Alt+Down opens a calendar. Tab always leaves it (unlike QDateEdit, whose Tab walks its sections)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_t("例：2026-05-03（F4 选日期）"))
        self.setMaxLength(20)
        self.calendar: QCalendarWidget | None = None
        self.editingFinished.connect(self.tidy)

    def date(self) -> date | None:
        """The date typed, or None when it is blank or not a date."""
        text = self.text().strip().replace(" ", "")
        for fmt in DATE_FORMATS:
            found = QDate.fromString(text, fmt)
            if found.isValid():
                return found.toPython()  # type: ignore[no-any-return]
        return None

    def set_date(self, value: date | str | None) -> None:
        self.setText(value.isoformat() if isinstance(value, date) else (value or ""))

    def tidy(self) -> None:
        """Once left, a recognisable date is shown as 2026-05-03 (what the services take)."""
        found = self.date()
        if found is not None and self.text() != found.isoformat():
            self.setText(found.isoformat())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        opens = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if opens:
            self.pick()
            return
        super().keyPressEvent(event)

    def pick(self) -> None:
        """The calendar under the field; Enter or a click takes the date."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self, Qt.WindowType.Popup)
            self.calendar.setObjectName(f"{self.objectName()}_calendar")
            self.calendar.activated.connect(self._picked)
            self.calendar.clicked.connect(self._picked)
        chosen = self.date() or date.today()
        self.calendar.setSelectedDate(QDate(chosen.year, chosen.month, chosen.day))
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.guard.take_over()
        self.setText(day.toString("yyyy-MM-dd"))
        self.textEdited.emit(self.text())
        if self.calendar is not None:
            self.calendar.hide()
        self.setFocus()


class DateEdit(QDateEdit):
    """A date picker for filters (a day to show): calendar popup, ISO display, and Tab leaves it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")

    def set_day(self, day: date) -> None:
        self.setDate(QDate(day.year, day.month, day.day))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key, modifiers = event.key(), event.modifiers()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not modifiers & (
                    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                back = key == Qt.Key.Key_Backtab or bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
                QWidget.focusNextPrevChild(self, not back)  # not QDateTimeEdit's: it walks the sections
                return True
        return super().event(event)


class ChoiceBox(QComboBox):
    """A closed list of choices that can be guarded; the wheel changes it only while it has focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.guard = Guard(self, _CHOICE_TAKE_OVER)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if not self.guard.key(event):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.guard.take_over()
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if self.hasFocus() and not self.guard:
            super().wheelEvent(event)
        else:
            event.ignore()  # scrolling the form must not change a choice on the way


class MaterialsList(QListView):
    """The materials checklist (一次性告知), made for the keyboard.

    Space ticks the current item (the cursor stays), digits 1–9 tick item N, A ticks every item
    received. The list is updated in place when the required materials change: rows are added,
    removed or renamed, ticks and the current row stay.
    """

    changed = Signal()
    KEYS_HINT = QT_TR_NOOP("空格：勾选当前项　1–9：勾选第N项　A：全部收齐")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pending: list[str] = []
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._quiet = False
        self._model.itemChanged.connect(lambda _item: None if self._quiet else self.changed.emit())
        self.setToolTip(_t(self.KEYS_HINT))

    # -- the rows ---------------------------------------------------------------------------
    def set_materials(self, materials: Sequence[Any]) -> None:
        """Show the required materials (``Material(code, name, any_of)``) without rebuilding the list."""
        ticked = set(self.codes())
        wanted = [(m.code, m.name, tuple(getattr(m, "any_of", ()) or (m.code,))) for m in materials]
        keys = [key for key, _name, _any in wanted]
        self._quiet = True  # following the form is not the clerk ticking something
        try:
            for row in reversed(range(self._model.rowCount())):
                if self._model.item(row).data(KEY_ROLE) not in keys:
                    self._model.removeRow(row)
            for row, (key, name, alternatives) in enumerate(wanted):
                item = self._model.item(row) if row < self._model.rowCount() else None
                if item is None or item.data(KEY_ROLE) != key:
                    existing = self._find(key)
                    if existing is not None:  # moved: take it out and put it where it belongs now
                        item = self._model.takeRow(existing.row())[0]
                    else:
                        item = self._new_item(key, alternatives, ticked)
                    self._model.insertRow(row, item)
                if item.text() != name:
                    item.setText(name)
        finally:
            self._quiet = False
        self._pending = [c for c in ticked if not self._listed(c)]
        if not self.currentIndex().isValid() and self._model.rowCount():
            self.setCurrentIndex(self._model.index(0, 0))
        rows = max(self._model.rowCount(), 2)
        self.setFixedHeight(rows * max(self.sizeHintForRow(0), 20) + 2 * self.frameWidth() + 4)

    def _new_item(self, key: str, alternatives: tuple[str, ...], ticked: set[str]) -> QStandardItem:
        # An alternative ("户口簿或派出所证明") is received as its first code; any of them ticks it.
        item = QStandardItem()
        item.setData(key, KEY_ROLE)
        item.setData(alternatives[0], CODE_ROLE)
        item.setData(alternatives, ANY_OF_ROLE)
        item.setCheckable(True)
        item.setEditable(False)
        hit = ticked & set(alternatives)
        item.setCheckState(Qt.CheckState.Checked if hit else Qt.CheckState.Unchecked)
        if hit:
            item.setData(sorted(hit)[0], CODE_ROLE)
        return item

    def _find(self, key: str) -> QStandardItem | None:
        for row in range(self._model.rowCount()):
            if self._model.item(row).data(KEY_ROLE) == key:
                return self._model.item(row)
        return None

    def _listed(self, code: str) -> bool:
        return any(code in self._model.item(r).data(ANY_OF_ROLE) for r in range(self._model.rowCount()))

    # -- values -----------------------------------------------------------------------------
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

    # -- ticking ----------------------------------------------------------------------------
    def toggle(self, row: int) -> None:
        item = self._model.item(row)
        if item is not None:
            ticked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)

    def tick_all(self) -> None:
        """Every listed material received: one change, one check."""
        self._quiet = True
        try:
            for row in range(self._model.rowCount()):
                self._model.item(row).setCheckState(Qt.CheckState.Checked)
        finally:
            self._quiet = False
        self.changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, plain = event.key(), not event.modifiers() & _MODIFIERS
        index = self.currentIndex()
        if key == Qt.Key.Key_Space and plain and index.isValid():
            self.toggle(index.row())  # the cursor stays where it is
            return
        if plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            row = key - Qt.Key.Key_1
            if row < self._model.rowCount():
                self.setCurrentIndex(self._model.index(row, 0))
                self.toggle(row)
            return
        if key == Qt.Key.Key_A and plain:
            self.tick_all()
            return
        super().keyPressEvent(event)


class FieldEditor(QObject):
    """A field's widget, its label and its message, with value get/set and where the value came from."""

    committed = Signal(str)  # the clerk left the field (or picked a choice): check it
    edited = Signal(str)  # any change by the clerk (for the autosave)

    def __init__(self, spec: FieldSpec, widget: QWidget, parent: QObject | None = None,
                 translate: Callable[[str], str] = catalog_text) -> None:
        super().__init__(parent)
        self.spec = spec
        self.widget = widget
        self._translate = translate
        self.label = QLabel(translate(spec.label) + ("" if not spec.required else " *"))
        self.label.setBuddy(widget)
        self.message = QLabel()
        self.message.setObjectName(f"{spec.key}_message")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.message.setMinimumWidth(160)
        widget.setObjectName(spec.key)
        widget.setAccessibleName(translate(spec.label))
        if spec.hint:
            widget.setToolTip(translate(spec.hint))
            widget.setAccessibleDescription(translate(spec.hint))
        self.origin = ""  # PREFILL, DERIVED, TYPED, or "" (empty, restored or cleared)
        self._labels: dict[str, str] = {}  # a choice's code → its label (set_choices)
        self._hinted = False  # the guard's hint is shown (kept until the clerk takes the field over)
        guard = self.guard
        if guard is not None:
            guard.on_refused = self._refused
            guard.on_taken = self._taken
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
        if isinstance(w, DateLine):
            found = w.date()  # the services take ISO dates; anything else goes as typed (and is refused)
            return found.isoformat() if found is not None else w.text()
        return w.text()  # type: ignore[attr-defined]

    def set_value(self, value: Any, origin: str = "") -> None:
        """Show ``value``; ``origin`` PREFILL or DERIVED guards it (see the module docstring)."""
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
            elif isinstance(w, DateLine):
                w.set_date(value)
            else:
                w.setText("" if value is None else str(value))  # type: ignore[attr-defined]
        finally:
            w.blockSignals(False)
        self.origin = origin if not self.is_empty() else ""
        guard = self.guard
        if guard is not None:
            guard.reason = self.origin if self.origin in (PREFILL, DERIVED) else ""
        self._mark_guarded()

    def _mark_guarded(self) -> None:
        """A value the clerk did not type is tinted (the style sheet's ``guarded`` property)."""
        if bool(self.widget.property("guarded")) != self.guarded:
            self.widget.setProperty("guarded", self.guarded)
            self.widget.style().unpolish(self.widget)
            self.widget.style().polish(self.widget)

    @property
    def guard(self) -> Guard | None:
        return getattr(self.widget, "guard", None)

    @property
    def guarded(self) -> bool:
        return bool(self.guard)

    @property
    def derived_filled(self) -> bool:
        return self.origin == DERIVED and not self.is_empty()

    @property
    def open_to_fill(self) -> bool:
        """Empty, or holding only the form's default: a draft or the store's value may fill it."""
        return self.origin == DEFAULT or self.is_empty()

    def is_empty(self) -> bool:
        value = self.value()
        return value in (None, "", False, []) or (isinstance(value, str) and not value.strip())

    def display(self, value: Any) -> str:
        """``value`` as the clerk reads it: a choice's label, never its code."""
        if isinstance(value, bool):
            yes, no = QCoreApplication.translate("FieldEditor", "是"), QCoreApplication.translate("FieldEditor", "否")
            return yes if value else no
        return self._labels.get(str(value), "" if value is None else str(value))

    def set_choices(self, choices: Sequence[tuple[str, str]], show_codes: bool = True) -> None:
        w = self.widget
        if not isinstance(w, QComboBox):
            return
        current = self.value()
        w.blockSignals(True)
        w.clear()
        self._labels = {}
        for code, label in choices:
            text = self._translate(label)
            self._labels[code] = text
            # A national numeric code ("07 租房") helps the keyboard; a word code ("commercial") is internal.
            w.addItem(f"{code} {text}" if show_codes and code.isdigit() else text)
            w.setItemData(w.count() - 1, code, CODE_ROLE)
        w.setCurrentIndex(w.findData(current, CODE_ROLE) if current is not None else -1)
        w.blockSignals(False)

    # -- problems ----------------------------------------------------------------------------
    def show_problem(self, text: str, severity: str = "error") -> None:
        """A message beside the field; ``severity`` "error" (red, blocks) or "warning" (amber)."""
        if not text and self._hinted and self.guarded:
            return  # a review with nothing to say leaves the guard's hint up
        self._hinted = False
        self.message.setText(text)
        self.message.setProperty("severity", severity if text else "")
        self.widget.setProperty("invalid", bool(text) and severity == "error")
        self.widget.setProperty("warned", bool(text) and severity == "warning")
        self.widget.setAccessibleDescription(text or self._translate(self.spec.hint))
        for w in (self.widget, self.message):
            w.style().unpolish(w)
            w.style().polish(w)

    @property
    def problem(self) -> str:
        return self.message.text() if self.message.property("severity") == "error" else ""

    def _refused(self) -> None:
        source = _t("已按库中信息填写") if self.origin == PREFILL else _t("已按证件号码填写")
        self.show_problem(source + _t("，如需修改请先按 F2、退格键或单击此项"), "warning")
        self._hinted = True

    def _taken(self) -> None:
        self.origin = TYPED
        self._mark_guarded()
        if self._hinted:
            self._hinted = False
            self.show_problem("")

    # -- signals -----------------------------------------------------------------------------
    def _wire(self) -> None:
        w = self.widget
        key = self.spec.key
        if isinstance(w, QComboBox):
            w.currentIndexChanged.connect(lambda _i: self._changed(commit=True))
        elif isinstance(w, QCheckBox):
            w.toggled.connect(lambda _b: self._changed(commit=True))
        elif isinstance(w, MaterialsList):
            w.changed.connect(lambda: (self.committed.emit(key), self.edited.emit(key)))
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(lambda: self._changed(commit=False))
            w.installEventFilter(self)  # a multi-line text is checked when left, like a line
        else:
            w.editingFinished.connect(lambda: self.committed.emit(key))  # type: ignore[attr-defined]
            w.textEdited.connect(lambda _text: self._changed(commit=False))  # type: ignore[attr-defined]

    def _changed(self, commit: bool) -> None:
        self.origin = TYPED
        guard = self.guard
        if guard is not None:
            guard.reason = ""
        self._mark_guarded()
        self.edited.emit(self.spec.key)
        if commit:
            self.committed.emit(self.spec.key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.widget and event.type() == QEvent.Type.FocusOut:
            self.committed.emit(self.spec.key)
        return False


def make_widget(spec: FieldSpec) -> QWidget:
    """The widget for a field kind."""
    if spec.kind == "choice":
        return ChoiceBox()
    if spec.kind == "bool":
        return QCheckBox(QCoreApplication.translate("FieldEditor", "是"))
    if spec.kind == "materials":
        return MaterialsList()
    if spec.kind == "multiline":
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        text.setMaximumHeight(80)
        return text
    if spec.kind == "date":
        return DateLine()
    line = LineEdit()
    line.setMaxLength(max(spec.max_length, 1) * 2)  # full-width input is longer before normalising
    if spec.hint:
        line.setPlaceholderText(catalog_text(spec.hint))
    if spec.kind in _MONEY_KINDS:
        line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return line


def make_editor(spec: FieldSpec, choices: Callable[[FieldSpec], Sequence[tuple[str, str]]] | None = None,
                parent: QObject | None = None, *, translate: Callable[[str], str] = catalog_text,
                show_codes: bool = True) -> FieldEditor:
    """The editor of ``spec``; policy-driven choices come from ``choices(spec)``."""
    editor = FieldEditor(spec, make_widget(spec), parent, translate)
    if spec.kind == "choice":
        static = spec.choices if isinstance(spec.choices, tuple) else None
        editor.set_choices(static if static is not None else (choices(spec) if choices else ()), show_codes)
    return editor
