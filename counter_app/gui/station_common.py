"""Shared pieces of the 站务 pages: the page frame (a table over a details pane, buttons, export to
XLSX or CSV) and the input dialog, built from ``FieldSpec`` editors like the wizards, that runs the
service off the GUI thread and shows its field errors beside the fields.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalog import FieldSpec
from counter_app.gui.fields import FieldEditor, make_editor
from counter_app.gui.forms.ui_station_page import Ui_StationPage
from counter_app.gui.i18n import _t
from counter_app.gui.operations import Operation
from counter_app.gui.rows import RowsModel, elide_columns
from counter_app.services import Counter, operations
from counter_app.services.operations.tables import Table

OVERDUE = QColor("#ffd6d6")  # rows that need the clerk: overdue cases, complaints, paybacks
DONE = QColor("#e8f5e9")
Confirm = Callable[[dict[str, Any]], "tuple[str, str] | None"]  # (question, field to go back to) or None


class StationPage(QWidget, Ui_StationPage):
    """A 站务 page: title and summary, a table over a details pane, buttons, table export."""

    title_text = ""
    headers: tuple[str, ...] = ()
    last_dialog: FormDialog | None = None

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.counter = counter
        self.model = RowsModel(self.headers, self)
        self.rows_view.setModel(self.model)
        elide_columns(self.rows_view, stretch_last=True)
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

    def dialog(self, title: str, fields: Sequence[FieldSpec], submit: Callable[[dict[str, Any]], Any],
               then: Callable[[Any], None] | None = None, values: dict[str, Any] | None = None,
               confirm: Confirm | None = None) -> FormDialog:
        """Open a ``FormDialog``; once the service accepts, the page refreshes and ``then(result)`` runs."""
        dialog = FormDialog(self, title, fields, submit, values, confirm)
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

    loading = False  # a read of the page's rows is running

    def refresh(self) -> None:
        """Read the rows off the GUI thread: ``fetch()`` (here) says what to read, its function runs on a
        worker, ``present(data)`` (here) shows it. A newer refresh supersedes one still running."""
        read = self.fetch()
        self.loading = True
        self.rows_count.setText(_t("正在读取…"))
        Operation(lambda _p: read(), success=self._fetched, failure=self._fetch_failed,
                  owner=self).run(key=f"station-page-{id(self)}")

    def fetch(self) -> Callable[[], Any]:
        """The page's read, as a function for a worker thread (the filters are read here, on the GUI thread)."""
        raise NotImplementedError

    def present(self, data: Any) -> None:
        """Show what ``fetch``'s function read (on the GUI thread)."""
        raise NotImplementedError

    def _fetched(self, data: Any) -> None:
        self.loading = False
        self.present(data)

    def _fetch_failed(self, exc: BaseException) -> None:
        self.loading = False
        self.rows_count.setText(_t("读取失败：") + (getattr(exc, "message", None) or str(exc)))

    def read_details(self, chosen: Any, read: Callable[[], Any], show: Callable[[Any], None]) -> None:
        """The details of the selected row, read off the GUI thread; shown only if it is still selected."""
        self.details.setPlainText(_t("正在读取…"))

        def shown(data: Any) -> None:
            if self.selected() is chosen:
                show(data)

        Operation(lambda _p: read(), success=shown, owner=self).run(key=f"station-details-{id(self)}")

    def show_details(self) -> None:
        self.details.clear()

    def ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _t("导出表格"), _t(self.title_text) + ".xlsx",
                                                    "Excel (*.xlsx);;CSV (*.csv)")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> Any:
        return operations.export_table(self.table(), path)

    def table(self) -> Table:
        return self.model.table(_t(self.title_text))

    def notify(self, text: str) -> None:
        window = self.window()
        bar = getattr(window, "statusbar", None)
        if bar is not None:
            bar.showMessage(text, 8000)


def field(key: str, label: str, kind: str = "text", choices: Sequence[tuple[str, str]] = (),
          required: bool = True) -> FieldSpec:
    """One input of a 站务 dialog: a ``FieldSpec`` like the wizards' (``label`` a QT_TR_NOOP source text)."""
    return FieldSpec(key, label, kind, required=required, choices=tuple(choices) or None)  # type: ignore[arg-type]


class FormDialog(QDialog):
    """Asks for ``fields``; OK runs ``submit(values)`` off the GUI thread and closes once it returns a
    result whose ``ok`` is true (``done_with`` carries it); otherwise shows the errors by field.
    ``confirm(values)`` may first ask the clerk to look again (a date printed on a legal document)."""

    done_with = Signal(object)

    def __init__(self, parent: QWidget, title: str, fields: Sequence[FieldSpec], submit: Callable[[dict[str, Any]], Any],
                 values: dict[str, Any] | None = None, confirm: Confirm | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t(title))
        self.setObjectName("station_dialog")
        self._submit, self._confirm = submit, confirm
        self.editors: dict[str, FieldEditor] = {}
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.question: QMessageBox | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        for spec in fields:
            editor = make_editor(spec, parent=self, translate=_t, show_codes=False)
            editor.label.setText(_t(spec.label))
            if values and spec.key in values:
                editor.set_value(values[spec.key])
            editor.message.setProperty("severity", "error")
            editor.message.hide()
            box = QVBoxLayout()
            box.addWidget(editor.widget)
            box.addWidget(editor.message)
            form.addRow(editor.label, box)
            self.editors[spec.key], self.inputs[spec.key], self.messages[spec.key] = editor, editor.widget, editor.message
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
        return {key: editor.value() for key, editor in self.editors.items()}

    def try_accept(self) -> None:
        values = self.values()
        asked = self._confirm(values) if self._confirm is not None else None
        if asked is None:
            self._run(values)
            return
        question, key = asked
        if self.question is not None:  # one question at a time; findChild() finds the live one
            self.question.setParent(None)
            self.question.deleteLater()
        self.question = QMessageBox(QMessageBox.Icon.Warning, _t("请核对日期"), question, parent=self)
        self.question.setObjectName("confirm_legal_date")
        sure = self.question.addButton(_t("确认无误(&Y)"), QMessageBox.ButtonRole.AcceptRole)
        back = self.question.addButton(_t("返回修改(&N)"), QMessageBox.ButtonRole.RejectRole)
        self.question.setDefaultButton(back)  # Enter does not confirm a date the clerk has not looked at
        sure.setObjectName("confirm_date_yes")
        back.setObjectName("confirm_date_no")

        def answered() -> None:
            if self.question is not None and self.question.clickedButton() is sure:
                self._run(values)
            else:
                self.inputs[key].setFocus()

        self.question.finished.connect(lambda _code: answered())
        self.question.open()

    def _run(self, values: dict[str, Any]) -> None:
        self.buttons.setEnabled(False)
        Operation(lambda _p: self._submit(values), success=self._answered, failure=self._failed, owner=self).run()

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
        for editor in self.editors.values():
            editor.show_problem("")
            editor.message.hide()
        general = []
        for error in errors:
            editor = self.editors.get(error.field)
            if editor is None:
                general.append(error.message)
            else:
                editor.show_problem(error.message)
                editor.message.show()
        self.general.setText("；".join(general))
        first = next((e for e in self.editors.values() if e.problem), None)
        if first is not None:
            first.widget.setFocus()
