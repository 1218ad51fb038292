"""The business wizard generated from the catalog: one class for every kind (业务录入向导).

Sections of the catalog become group boxes in paper-form order; each field gets the editor of
its kind (``fields.make_editor``), named after its key. Checks, derived facts, pre-fill,
materials and the final decision all come from the services; this widget only shows them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QMessageBox, QSizePolicy, QWidget

from counter_app.domain.catalog import BusinessSpec, FieldSpec
from counter_app.gui.day_closed import warn_if_closed
from counter_app.gui.fields import FieldEditor, MaterialsList, make_editor
from counter_app.gui.forms.ui_business_form import Ui_BusinessForm
from counter_app.gui.i18n import _t, catalog_text, moment
from counter_app.gui.lazy import services

AUTOSAVE_MS = 800
LABEL_WIDTH = 170



class _EnterMovesOn(QObject):
    """Enter on a one-line input, a choice or a tick box moves to the next input (paper-form order)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() == Qt.KeyboardModifier.NoModifier or event.modifiers() == Qt.KeyboardModifier.KeypadModifier:
                if isinstance(watched, QComboBox) and watched.view().isVisible():
                    return False
                watched.focusNextChild()  # type: ignore[attr-defined]
                return True
        return False


class BusinessForm(QWidget, Ui_BusinessForm):
    """The wizard of one business kind. ``closed`` when the clerk is done or cancels."""

    submitted = Signal(object)  # SubmitResult
    closed = Signal()
    print_requested = Signal(str, object)  # document kind ("receipt", "form", "notice"), argument

    def __init__(self, counter: Any, spec: BusinessSpec, parent: QWidget | None = None,
                 extra: Callable[[BusinessForm], QWidget] | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName(f"form_{spec.kind.replace('-', '_')}")
        self.counter, self.spec = counter, spec
        self.editors: dict[str, FieldEditor] = {}
        self.touched: set[str] = set()
        self.last_result: Any = None
        self._confirm: QMessageBox | None = None
        self._enter = _EnterMovesOn(self)
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS, timeout=self.save_draft)
        self.title_label.setText(catalog_text(spec.title))
        self.materials_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._build()
        self.extra = extra(self) if extra else None
        if self.extra is not None:  # the side panel is the extra's; materials go under the fields
            self.fields_layout.insertWidget(self.fields_layout.count() - 1, self.materials_box)
            self.side_layout.insertWidget(0, self.extra)
        self._wire()
        self.day_closed = ""  # why the day is closed (日结), set as the form opens: submit stays disabled
        warn_if_closed(self)
        self.refresh_materials()
        self.refresh_missing()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        sections: dict[str, QGridLayout] = {}
        chain: list[QWidget] = []
        for spec in self.spec.fields:
            editor = make_editor(spec, self._choices, self)
            self.editors[spec.key] = editor
            editor.committed.connect(self.field_committed)
            editor.edited.connect(lambda _key: self._autosave.start())
            if isinstance(editor.widget, MaterialsList):
                self.materials_layout.insertWidget(1, editor.widget)
                self.materials_layout.insertWidget(2, editor.message)
                continue
            grid = sections.get(spec.section)
            if grid is None:
                box = QGroupBox(catalog_text(spec.section) or catalog_text(self.spec.title), self.fields_host)
                grid = sections[spec.section] = QGridLayout(box)
                grid.setColumnMinimumWidth(0, LABEL_WIDTH)  # labels line up across sections
                grid.setColumnStretch(1, 3)
                grid.setColumnStretch(2, 2)
                self.fields_layout.addWidget(box)
            row = grid.rowCount()
            grid.addWidget(editor.label, row, 0)
            grid.addWidget(editor.widget, row, 1)
            grid.addWidget(editor.message, row, 2)
            editor.widget.installEventFilter(self._enter)
            chain.append(editor.widget)
        self.fields_layout.addStretch(1)
        if "materials" in self.editors:
            chain.append(self.editors["materials"].widget)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        if chain:
            QWidget.setTabOrder(chain[-1], self.submit)

    def _choices(self, spec: FieldSpec) -> list[tuple[str, str]]:
        if isinstance(spec.choices, tuple):
            return list(spec.choices)
        return services.field_choices(self.counter, self.spec.kind, spec.key)

    def _wire(self) -> None:
        self.submit.clicked.connect(self.try_submit)
        self.cancel.clicked.connect(self.request_cancel)
        self.next_client.clicked.connect(self.start_over)
        self.print_notice.clicked.connect(lambda: self.print_requested.emit("notice", self.values()))
        self.print_receipt.clicked.connect(lambda: self.print_requested.emit("receipt", self.receipt_number.text()))
        self.print_form.clicked.connect(lambda: self.print_requested.emit("form", self.receipt_number.text()))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.try_submit, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Esc"), self, self.request_cancel, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+N"), self, self.print_notice.click,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- values -----------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The form as the services take it: every field, as typed."""
        return {key: editor.value() for key, editor in self.editors.items()}

    def set_values(self, form: dict[str, Any]) -> None:
        for key, value in form.items():
            if key in self.editors:
                self.editors[key].set_value(value)
        self.refresh_materials()
        if "materials" in form and "materials" in self.editors:
            self.editors["materials"].set_value(form["materials"])
        self.touched |= {k for k in self.editors if not self.editors[k].is_empty()}
        for key in list(self.touched):
            self.check(key)
        self.refresh_missing()

    def has_input(self) -> bool:
        return any(not editor.is_empty() for editor in self.editors.values())

    def first_input(self) -> QWidget:
        return next(iter(self.editors.values())).widget

    # -- live checks ------------------------------------------------------------------------
    def field_committed(self, key: str) -> None:
        """The clerk left a field: check it, fill what it implies, refresh the lists."""
        self.touched.add(key)
        checked = self.check(key)
        if checked is not None and checked.ok:
            self._apply_facts(key, checked)
        self.refresh_materials()
        self.refresh_missing()
        self.save_draft()
        if self.extra is not None and hasattr(self.extra, "refresh"):
            self.extra.refresh()

    def check(self, key: str) -> Any:
        editor = self.editors[key]
        if key == "materials":
            return None
        checked = services.check_field(self.counter, self.spec.kind, key, editor.value(), self.values())
        problems = list(checked.errors) or list(checked.warnings)
        severity = "error" if checked.errors else "warning"
        editor.show_problem("；".join(p.message for p in problems), severity if problems else "")
        if checked.ok and isinstance(checked.value, str) and not isinstance(editor.widget, (QComboBox, QCheckBox)):
            if editor.value() != checked.value and editor.value().strip():
                editor.set_value(checked.value)  # show the normalised value: full-width → half-width, x → X
        return checked

    def _apply_facts(self, key: str, checked: Any) -> None:
        facts = dict(getattr(checked, "facts", {}) or {})
        for spec in self.spec.fields:
            if spec.derived_from == key and spec.key in facts:
                editor = self.editors[spec.key]
                if editor.is_empty() or editor.auto_filled:
                    editor.set_value(facts[spec.key])
                    editor.auto_filled = True
                    self.check(spec.key)
        if key == self.spec.subject_field:
            self._show_subject(checked.value)

    def _show_subject(self, code: Any) -> None:
        """Who the business is for: pre-fill a known person, name them in the header."""
        if not code:
            return
        if self.spec.subject_field == "uscc":
            card = services.employer_card(self.counter, code)
            self.subject_label.setText(f"· {card.employer.name}" if card else "")
            return
        person = services.prefill_person(self.counter, code)
        if not person:
            self.subject_label.setText(_t("· 库中无此人"))
            return
        self.subject_label.setText(f"· {person.get('name', '')}")
        for key, value in person.items():
            if key in self.editors and key != self.spec.subject_field:
                editor = self.editors[key]
                if editor.is_empty():
                    editor.set_value(value)
                    self.touched.add(key)
                    self.check(key)
            new_key = f"new_{key}"
            if new_key in self.editors:  # info change: show the current value where the new one goes
                widget = self.editors[new_key].widget
                if hasattr(widget, "setPlaceholderText"):
                    widget.setPlaceholderText(_t("现为：") + str(value))

    def refresh_materials(self) -> None:
        editor = self.editors.get("materials")
        if editor is None:
            self.materials_box.hide()
            return
        editor.widget.set_materials(services.required_materials(self.counter, self.spec.kind, self.values()))

    def problems(self) -> tuple[list[str], list[str]]:
        """(labels of fields missing or wrong, names of materials not yet received)."""
        check = services.check_form(self.counter, self.spec.kind, self.values())
        keys = list(dict.fromkeys(e.field for e in check.errors if e.field in self.editors))
        labels = [catalog_text(self.spec.field(k).label) for k in keys if k != "materials"]
        materials = self.editors["materials"].widget.names_missing() if "materials" in self.editors else []
        return labels, materials

    def refresh_missing(self) -> None:
        labels, materials = self.problems()
        parts = [self.day_closed] if self.day_closed else []
        if labels:
            parts.append(_t("尚缺或有误：") + "、".join(labels))
        if materials:
            parts.append(_t("材料未收齐：") + "、".join(materials) + _t("（Ctrl+N 打印一次性告知单）"))
        self.missing_label.setText("；".join(parts) if parts else _t("信息齐全，可以提交（Ctrl+Enter）"))
        self.missing_label.setProperty("severity", "error" if parts else "ok")
        self.missing_label.style().polish(self.missing_label)
        self.submit.setEnabled(not parts)
        self.print_notice.setEnabled(bool(materials))

    # -- submit / cancel --------------------------------------------------------------------
    def try_submit(self) -> None:
        if self.form_stack.currentWidget() is self.done_page:
            return
        self.touched |= set(self.editors)
        for key in self.editors:
            self.check(key)
        self.refresh_missing()
        if not self.submit.isEnabled():
            self._focus_first_problem()
            return
        self._submit(None)

    def _submit(self, approval: Any) -> None:
        """Submit; a refusal that only lacks a supervisor's approval opens the approval dialog,
        which submits again with the approval."""
        extra = {"approval": approval} if approval is not None else {}
        result = services.submit_application(self.counter, self.spec.kind, self.values(), **extra)
        self.last_result = result
        if not result.ok:
            self._show_refusal(result)
            request = result.details.get("approval_request") if approval is None else None
            if request is not None:
                from counter_app.gui.approval import ask_approval

                ask_approval(self, self.counter, request, self._submit)
            return
        services.discard_draft(self.counter, self.spec.kind)
        self._autosave.stop()
        self.receipt_number.setText(result.receipt_number)
        self.done_details.setText(self._done_text(result))
        self.form_stack.setCurrentWidget(self.done_page)
        self.bottom_bar.hide()
        self.next_client.setFocus()
        self.submitted.emit(result)

    def _done_text(self, result: Any) -> str:
        lines = [_t("状态：已受理，等待上传管理中心")]
        for w in result.warnings:
            lines.append(_t("提示：") + w.message)
        return "\n".join(lines)

    def _show_refusal(self, result: Any) -> None:
        general = []
        for error in result.errors:
            editor = self.editors.get(error.field)
            if editor is not None:
                editor.show_problem(error.message)
            else:
                general.append(error.message)
        messages = "；".join(general + [e.message for e in result.errors if e.field in self.editors])
        self.missing_label.setText(_t("未能受理：") + messages)
        self.missing_label.setProperty("severity", "error")
        self.missing_label.style().polish(self.missing_label)
        self._focus_first_problem()

    def _focus_first_problem(self) -> None:
        for editor in self.editors.values():
            if editor.problem:
                editor.widget.setFocus()
                return

    def request_cancel(self) -> None:
        """Esc: close at once when nothing was typed, otherwise ask first (input is never lost silently)."""
        if self.form_stack.currentWidget() is self.done_page or not self.has_input():
            self.closed.emit()
            return
        if self._confirm is None:  # one box per wizard, kept: findChild() always finds the live one
            self._confirm = QMessageBox(QMessageBox.Icon.Question, _t("放弃录入"),
                                        _t("放弃本次录入？已填写的内容和草稿将被清除。"),
                                        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            self._confirm.setObjectName("confirm_cancel")
            self._confirm.setDefaultButton(QMessageBox.StandardButton.No)
            self._confirm.finished.connect(
                lambda code: self._cancel_confirmed() if code == QMessageBox.StandardButton.Yes else None)
        self._confirm.open()

    def _cancel_confirmed(self) -> None:
        self._autosave.stop()
        services.discard_draft(self.counter, self.spec.kind)
        for editor in self.editors.values():
            editor.set_value(None)
        self.closed.emit()

    def start_over(self) -> None:
        """After a receipt: a clean form for the next client in the queue."""
        for editor in self.editors.values():
            editor.set_value(None)
            editor.show_problem("")
        self.touched.clear()
        self.subject_label.clear()
        self.form_stack.setCurrentWidget(self.entry_page)
        self.bottom_bar.show()
        self.refresh_materials()
        self.refresh_missing()
        self.first_input().setFocus()

    # -- drafts -----------------------------------------------------------------------------
    def save_draft(self) -> None:
        if self.form_stack.currentWidget() is self.done_page:
            return
        self._autosave.stop()
        services.save_draft(self.counter, self.spec.kind, self.values())

    def restore_draft(self) -> bool:
        """Offer back what was typed before (switching, closing, crash); True when there was some."""
        draft = services.load_draft(self.counter, self.spec.kind)
        if not draft:
            return False
        fields = getattr(draft, "fields", draft)
        self.set_values(dict(fields))
        when = getattr(draft, "updated_at", None)
        self.draft_banner.setText(_t("已恢复未完成的录入") + (f"（{moment(when)}）" if when else "")
                                  + _t("。不需要时按 Esc 清除。"))
        self.draft_banner.show()
        return True
