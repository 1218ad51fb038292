"""The business wizard generated from the catalog: one class for every kind (业务录入向导).

Sections of the catalog become group boxes in paper-form order; each field gets the editor of
its kind (``fields.make_editor``), named after its key. Checks, derived facts, pre-fill,
materials and the final decision all come from the services; this widget only shows them.

The GUI thread does no database work here. Leaving a field asks for one ``review_form`` of the
whole form on the operation runner; its result is applied only to the fields that still hold
what was reviewed (a field the clerk changed meanwhile keeps what was typed and waits for its own
review). Drafts are written by a ``DraftWriter``. A submit runs once on the runner, reusing the
latest review when it is of the very same form; while it runs the submit button is off and a
second Ctrl+Enter does nothing.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QWidget,
)

from counter_app import services
from counter_app.domain.catalog import BusinessSpec, FieldSpec
from counter_app.domain.money import format_money
from counter_app.faults import StoreDamaged
from counter_app.gui.approval import ask_approval
from counter_app.gui.attachments_panel import AttachmentsPanel
from counter_app.gui.autosave import DraftWriter
from counter_app.gui.card_reader import attach_card_reader
from counter_app.gui.day_closed import warn_if_closed
from counter_app.gui.employer_picker import LIMIT as EMPLOYER_LIMIT
from counter_app.gui.employer_picker import attach_pickers
from counter_app.gui.fields import (
    DEFAULT,
    DERIVED,
    PREFILL,
    TYPED,
    DateLine,
    FieldEditor,
    LineEdit,
    MaterialsList,
    make_editor,
)
from counter_app.gui.formats import moment
from counter_app.gui.forms.ui_business_form import Ui_BusinessForm
from counter_app.gui.i18n import _t, catalog_text
from counter_app.gui.operations import Operation
from counter_app.gui.project_picker import attach_project_pickers, describe
from counter_app.services.attachments import attach_groups
from counter_app.services.drafts import Draft

AUTOSAVE_MS = 800
DRAFT_FILES = "_attachments"  # the draft's key for the files waiting on the form (never a field key)
FILL_MAXIMUM = "F9"  # the amount field takes the limit shown under it
ALL_RECEIVED = "F7"  # every listed material received, from any field (the checklist's own key is A)
LABEL_WIDTH = 170
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class _KeyFlow(QObject):
    """Enter and Tab on a field move to the next field the form wants (see ``BusinessForm.move_on``)."""

    def __init__(self, form: BusinessForm) -> None:
        super().__init__(form)
        self.form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return False
        if event.modifiers() not in _PLAIN:
            return False  # Shift+Tab (Backtab) is Qt's: it reaches every field, derived ones too
        if event.key() in _ENTER:
            if isinstance(watched, QComboBox) and watched.view().isVisible():
                return False
            return self.form.move_on(watched, enter=True)
        if event.key() == Qt.Key.Key_Tab:
            return self.form.move_on(watched, enter=False)
        return False


class BusinessForm(QWidget, Ui_BusinessForm):
    """The wizard of one business kind. ``closed`` when the clerk is done or cancels."""

    submitted = Signal(object)  # SubmitResult
    closed = Signal()
    print_requested = Signal(str, object)  # document kind ("receipt", "form", "notice"), argument
    reviewed = Signal(object)  # each FormReview once shown

    def __init__(self, counter: services.Counter, spec: BusinessSpec, parent: QWidget | None = None,
                 extra: Callable[[BusinessForm], QWidget] | None = None, drafts: DraftWriter | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName(f"form_{spec.kind.replace('-', '_')}")
        self.counter, self.spec = counter, spec
        self.editors: dict[str, FieldEditor] = {}
        self.limit_labels: dict[str, QLabel] = {}  # "本次最多可提取 X 元" under the field a limit applies to
        self.chain: list[QWidget] = []  # the inputs in paper-form order
        self.touched: set[str] = set()
        self.review: services.FormReview | None = None  # the latest review shown
        self.last_result: services.SubmitResult | None = None
        self._kept: dict[str, Any] = {}  # what 同单位办理下一笔 carries over from the form just taken
        self.drafts = drafts or DraftWriter(counter, spec.kind)
        self._confirm: QMessageBox | None = None
        self._flow = _KeyFlow(self)
        self._round = 0  # reviews started; a result of an older round is not shown
        self._reviewing = False
        self._submitting = False
        self._retired = False
        self._late_submit: Callable[[services.SubmitResult], None] | None = None
        self._noted: str | None = None  # the subject whose lookup was audited
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS, timeout=self.save_draft)
        self.title_label.setText(catalog_text(spec.title))
        self.materials_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._build()
        self.extra = extra(self) if extra else None
        if self.extra is not None:  # the side panel is the extra's; materials go under the fields
            self.fields_layout.insertWidget(self.fields_layout.count() - 1, self.materials_box)
            self.side_layout.insertWidget(0, self.extra)
        if "materials" not in self.editors:
            self.materials_box.hide()
            self.attachments: AttachmentsPanel | None = None
        else:  # files per material (电子档案), attached once the application is accepted
            self.attachments = AttachmentsPanel(self.editors["materials"].widget, counter.data_dir, self)
            self.materials_layout.insertWidget(3, self.attachments)
            self.attachments.changed.connect(self.save_draft)  # a file added is kept with the draft at once
        self.pickers = attach_pickers(self)  # the employer picker on USCC fields
        self.project_pickers = attach_project_pickers(self)  # the admitted projects on a loan's project field
        self.card_reader = attach_card_reader(self)  # 读卡 (F8) on forms with an ID number
        self._apply_defaults()
        self._wire()
        self.submit.setEnabled(False)
        self.print_notice.setEnabled(False)
        self.missing_label.setText(_t("正在检查…"))
        self.day_closed = ""  # why the day is closed (日结), learnt as the form opens: submit stays off
        warn_if_closed(self)
        self.request_review()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        sections: dict[str, QGridLayout] = {}
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
            if spec.key == self.spec.amount_field:  # the limit up front, once its inputs are known
                limit = QLabel(self)
                limit.setObjectName(f"{spec.key}_limit")
                limit.setWordWrap(True)
                limit.hide()
                grid.addWidget(limit, row + 1, 1, 1, 2)
                self.limit_labels[spec.key] = limit
            editor.widget.installEventFilter(self._flow)
            self.chain.append(editor.widget)
        self.fields_layout.addStretch(1)
        if "materials" in self.editors:
            self.chain.append(self.editors["materials"].widget)
        for first, second in itertools.pairwise(self.chain):
            QWidget.setTabOrder(first, second)
        if self.chain:
            QWidget.setTabOrder(self.chain[-1], self.submit)

    def _choices(self, spec: FieldSpec) -> list[tuple[str, str]]:
        return services.field_choices(self.counter, self.spec.kind, spec.key)  # the policy, in memory

    def _wire(self) -> None:
        self.submit.clicked.connect(self.try_submit)
        self.cancel.clicked.connect(self.request_cancel)
        self.next_client.clicked.connect(self.start_over)
        self.next_same_employer.clicked.connect(self.start_over_same_employer)
        self.next_same_employer.hide()
        self.print_notice.clicked.connect(lambda: self.print_requested.emit("notice", self.values()))
        self.print_receipt.clicked.connect(lambda: self.print_requested.emit("receipt", self.receipt_number.text()))
        self.print_form.clicked.connect(lambda: self.print_requested.emit("form", self.receipt_number.text()))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.try_submit, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Esc"), self, self.request_cancel, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+N"), self, self.print_notice.click,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(FILL_MAXIMUM), self, self.fill_maximum, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(ALL_RECEIVED), self, self.all_received, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- values -----------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The form as the services take it: every field, as typed."""
        return {key: editor.value() for key, editor in self.editors.items()}

    def set_values(self, form: dict[str, Any], only_empty: bool = False) -> None:
        """Fill fields (a draft, a card's subject); ``only_empty`` keeps whatever was typed already
        (a default is not: the draft's answer replaces it)."""
        for key, value in form.items():
            editor = self.editors.get(key)
            if editor is None or (only_empty and (not editor.open_to_fill or value in (None, "", []))):
                continue
            if editor.value() != value:  # the same value keeps where it came from (a default stays one)
                editor.set_value(value)
        self.touched |= {k for k in self.editors if not self.editors[k].is_empty()}
        self.request_review()

    def has_input(self) -> bool:
        """Anything the clerk (or a draft, or a card) put in: the form's defaults are not input."""
        return (any(not editor.is_empty() and editor.origin != DEFAULT for editor in self.editors.values())
                or (self.attachments is not None and self.attachments.count() > 0))

    def _apply_defaults(self) -> None:
        """A new form's commonest answers (居民身份证, this month, 等额本息) in the fields still empty."""
        for key, value in services.form_defaults(self.counter, self.spec.kind).items():
            editor = self.editors.get(key)
            if editor is not None and editor.is_empty():
                editor.set_value(value, DEFAULT)

    def _draft_values(self) -> dict[str, Any]:
        """The form as a draft keeps it: what was put in, not the defaults a new form starts with."""
        return {key: None if editor.origin == DEFAULT else editor.value() for key, editor in self.editors.items()}

    def to_fill(self, widget: QWidget) -> bool:
        """Whether ``widget`` is a field the form still wants: a required one that is empty, or one the
        latest review (or the field's own message) says is missing or wrong — a choice of case the
        reason calls for, a document number the policy asks. Enter goes to the next of these."""
        editor = self._editor_of(widget)
        if editor is None or isinstance(widget, MaterialsList) or editor.derived_filled or editor.guarded:
            return False
        key = editor.spec.key
        if not widget.isEnabled() or not widget.isVisibleTo(self):
            return False
        if editor.is_empty() and (editor.spec.required or (self.review is not None and key in self.review.wanted)):
            return True
        if editor.problem:
            return True
        return self.review is not None and bool(self.review.problems(key)[0])

    def first_input(self) -> QWidget:
        """Where the clerk starts: the first field the form wants (a card's subject, the defaults and
        what the store knows are there already), else the first empty one."""
        for widget in self.chain:
            if self.to_fill(widget):
                return widget
        for widget in self.chain:
            editor = self._editor_of(widget)
            if editor is not None and editor.is_empty():
                return widget
        return self.chain[0] if self.chain else self.submit

    @property
    def submitting(self) -> bool:
        """A submit is running (its fields must not change under it)."""
        return self._submitting

    @property
    def settled(self) -> bool:
        """No review and no submit in flight (tests, the clerk-day benchmark)."""
        return not self._reviewing and not self._submitting

    # -- keyboard ---------------------------------------------------------------------------
    def _editor_of(self, widget: QObject) -> FieldEditor | None:
        return next((e for e in self.editors.values() if e.widget is widget), None)

    def move_on(self, widget: QObject, enter: bool) -> bool:
        """Enter or Tab in ``widget``. Tab: the next field in paper-form order, skipping fields derived
        from the ID number. Enter: the next field the form still wants (``to_fill``): optional fields,
        defaults and values already there are passed over (Tab reaches them), and so are pre-filled
        values and the checklist, where digits tick items — one Enter too many lands in the next field
        to fill, never in a filled one. True when the focus moved; after the last field Enter goes to
        the submit button if it is on, else stays."""
        if widget not in self.chain:
            return False
        for candidate in self.chain[self.chain.index(widget) + 1:]:
            editor = self._editor_of(candidate)
            if not candidate.isEnabled() or not candidate.isVisibleTo(self) or editor is None:
                continue
            if editor.derived_filled or (enter and not self.to_fill(candidate)):
                continue
            candidate.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if self.submit.isEnabled():
            self.submit.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False  # Qt's own order from here (the buttons)

    def employer_chosen(self, key: str, choice: Any) -> None:
        """An employer picked from a USCC field's list (with Enter): taken, then on to the next field
        to fill."""
        self._take_employer(key, choice)
        self.move_on(self.editors[key].widget, enter=True)

    def _take_employer(self, key: str, choice: Any) -> None:
        """An employer for a USCC field: its code in the field, its name beside it, its ratios filled
        where the form has them (the review then confirms all of it)."""
        editor = self.editors[key]
        editor.set_value(choice.uscc, TYPED)
        self._show_employer(key, choice.name)
        if key != self.spec.subject_field:
            ratios = {"worker_ratio": choice.worker_ratio, "employer_ratio": choice.employer_ratio}
            for field_key, value in ratios.items():
                target = self.editors.get(field_key)
                if target is not None and value is not None and (target.is_empty() or target.origin == PREFILL):
                    target.set_value(value, PREFILL)
                    self.touched.add(field_key)
        self.field_committed(key)

    def _employer_query(self, key: str) -> str:
        """What a USCC field with a picker holds when it may be a query for an employer (initials, a
        name, part of a code), else "": a code's length, or an establishment's own new code."""
        picker = self.pickers.get(key)
        text = " ".join(str(self.editors[key].value() or "").split())
        if picker is None or len(text) < 2 or len(text) == 18 or not picker.employers.choices:
            return ""
        if key == self.spec.subject_field and self.spec.registers is not None:
            return ""  # an establishment's code is new: never replaced, never said to match others
        return text

    def _picker_hint(self, key: str) -> str:
        """A USCC field holding a query rather than a code: what the employers say about it (several
        to choose from; none, for a name) instead of the code's length."""
        text = self._employer_query(key)
        if not text:
            return ""
        found = len(self.pickers[key].employers.find(text))
        if found > 1:
            return _t("有{n}个单位与“{text}”相符：请多输入几个字，在列表中选择").format(
                n=f"{found}+" if found >= EMPLOYER_LIMIT else found, text=text)
        if found == 0 and not text.isascii():
            return _t("没有与“{text}”相符的单位：请输入统一社会信用代码，或单位名称、拼音首字母").format(text=text)
        return ""

    def _unique_employer(self, key: str) -> Any:
        """The one employer that a USCC field's text names when the text is no code (initials, a
        name: the list closed or never waited for): an exact name, else the only match; None when
        the text is a code's length, or names none or several (the field's message stays)."""
        text = self._employer_query(key)
        if not text:
            return None
        found = self.pickers[key].employers.find(text)
        exact = [c for c in found if c.name == text]
        return exact[0] if len(exact) == 1 else found[0] if len(found) == 1 else None

    def project_chosen(self, key: str, project: Any) -> None:
        """A project picked from a project field's list: its name in the field, its developer and
        agreement beside it (the review confirms it is in force)."""
        editor = self.editors[key]
        editor.set_value(project.name, TYPED)
        self._show_employer(key, describe(project))
        self.field_committed(key)
        self.move_on(editor.widget, enter=True)

    def _show_employer(self, key: str, name: str) -> None:
        editor = self.editors[key]
        if not editor.problem:
            editor.message.setText(name)
            editor.message.setProperty("severity", "info")
            editor.message.style().polish(editor.message)

    # -- live checks ------------------------------------------------------------------------
    def field_committed(self, key: str) -> None:
        """The clerk left a field: review the whole form, keep the draft. A field left as it was (the
        form the same as last reviewed) shows that review's verdict: no second check of the same form,
        and a refusal's message stays up while the clerk moves to the field it names."""
        if self._retired:
            return
        choice = self._unique_employer(key) if key in self.pickers else None
        if choice is not None:  # left with a unique employer's initials or name: that employer
            self._take_employer(key, choice)  # (which commits the field again, with its code)
            return
        self.touched.add(key)
        review = self.review
        if (review is not None and not self._reviewing and not self._submitting
                and review.matches(self.spec.kind, self.values(), self.counter.today())):
            if key != "materials":
                self._show_field(key, review)
        else:
            self.request_review()
        self.save_draft()
        if self.extra is not None and hasattr(self.extra, "refresh"):
            self.extra.refresh()

    def request_review(self) -> None:
        """Review the form as it is now, off the GUI thread; a newer request supersedes this one.
        While a submit runs there is none: the submit checks the form itself, and a refusal asks
        for a review again if the form changed meanwhile."""
        if self._retired or self._submitting or self.form_stack.currentWidget() is self.done_page:
            return
        self._round += 1
        number, form, counter, kind = self._round, self.values(), self.counter, self.spec.kind
        self._reviewing = True
        Operation(lambda _p: services.review_form(counter, kind, form),
                  success=lambda review: self._reviewed(number, form, review),
                  failure=lambda exc: self._review_failed(number, exc),
                  owner=self).run(key=f"review-{id(self)}")

    def _review_failed(self, number: int, exc: BaseException) -> None:
        if self._retired or number != self._round:
            return
        self._reviewing = False
        self.missing_label.setText(_t("检查失败：") + str(exc))
        self.missing_label.setProperty("severity", "error")
        self.missing_label.style().polish(self.missing_label)

    def _reviewed(self, number: int, form: dict[str, Any], review: services.FormReview) -> None:
        """Show a review; fields changed since it was asked for keep what the clerk typed."""
        if self._retired or number != self._round or self._submitting:
            return
        self._reviewing = False
        self.review = review
        now = self.values()
        same = {k for k in self.editors if now.get(k) == form.get(k)}  # untouched since the request
        filled = self._fill_derived(review, same) | self._fill_subject(review, same)
        for key in sorted(self.touched & same - {"materials"}):
            self._show_field(key, review)
        if "materials" in self.editors:
            self.editors["materials"].widget.set_materials(review.materials)  # in place: ticks and cursor stay
        self._show_limit(review)
        self._show_missing(review)
        if filled:
            self.touched |= filled
            self.request_review()  # what was filled in is checked too
        self.reviewed.emit(review)

    def _show_field(self, key: str, review: services.FormReview) -> None:
        editor = self.editors[key]
        errors, warnings = review.problems(key)
        problems = errors or warnings
        hint = self._picker_hint(key) if errors else ""
        editor.show_problem(hint or "；".join(p.message for p in problems), "error" if errors else "warning")
        named = review.employers.get(key) or (review.subject if key == self.spec.subject_field == "uscc" else None)
        if not problems and named is not None and named.known:
            self._show_employer(key, named.name)
        if not problems and key in review.projects:
            self._show_employer(key, describe(review.projects[key]))
        value = review.value(key)
        shown = editor.value()
        if (isinstance(value, str) and isinstance(editor.widget, LineEdit) and not isinstance(editor.widget, DateLine)
                and value != shown and str(shown).strip() and not editor.widget.hasFocus()):
            editor.set_value(value, editor.origin)  # the normalised value: full-width → half-width, x → X

    def _fill_derived(self, review: services.FormReview, same: set[str]) -> set[str]:
        """Birth date and sex from the ID number: filled when empty or still derived, cleared with the ID.
        A value the clerk typed is left alone (the review says whether it agrees with the ID)."""
        filled: set[str] = set()
        for spec in self.spec.fields:
            source = spec.derived_from
            if source is None or source not in same or spec.key not in same:
                continue
            editor = self.editors[spec.key]
            if not (editor.is_empty() or editor.origin == DERIVED):
                continue
            derived = review.check.facts.get(source, {}).get(spec.key)
            value = derived.isoformat() if hasattr(derived, "isoformat") else derived
            if value is None:
                if editor.origin == DERIVED:  # the ID it came from is gone
                    editor.set_value(None)
                    filled.add(spec.key)
            elif editor.value() != value or editor.origin != DERIVED:
                editor.set_value(value, DERIVED)
                filled.add(spec.key)
        return filled

    def _fill_subject(self, review: services.FormReview, same: set[str]) -> set[str]:
        """Who the business is for: named in the header; a known worker's fields pre-filled (guarded).
        Fields pre-filled for an earlier subject follow the new one; typed ones are never touched."""
        key = self.spec.subject_field
        if key not in same:
            return set()
        subject = review.subject
        if subject is None:
            self.subject_label.clear()
        elif key == "uscc":
            # 多证合一: a company not yet established but pre-registered is filled from the feed's record
            self.subject_label.setText(f"· {subject.name}" if subject.known
                                       else _t("· 企业预缴登记") if subject.prefill else "")
        else:
            self.subject_label.setText(f"· {subject.name}" if subject.known else _t("· 库中无此人"))
            if subject.known and subject.code != self._noted:
                self._noted = subject.code  # the lookup is audited apart from the review (it writes)
                counter, code = self.counter, subject.code
                Operation(lambda _p: services.note_subject_lookup(counter, code)).run()
        prefill = dict(subject.prefill) if subject is not None else {}
        for employer in review.employers.values():  # the employer's ratios, for the employer's field
            prefill.update({k: v for k, v in employer.prefill.items() if k in self.editors})
        filled: set[str] = set()
        for field_key, editor in self.editors.items():
            if field_key == key or field_key not in same or self.spec.field(field_key).derived_from:
                continue
            new = prefill.get(field_key)
            if editor.origin == PREFILL:  # filled for a subject: follows the subject
                if new is None:
                    editor.set_value(None)
                    filled.add(field_key)
                elif editor.value() != new:
                    editor.set_value(new, PREFILL)
                    filled.add(field_key)
            elif new is not None and editor.open_to_fill:
                changed = editor.value() != new  # the store agreeing with a default: nothing new to check
                editor.set_value(new, PREFILL)
                if changed:
                    filled.add(field_key)
        for field_key, value in prefill.items():  # info change: the current value where the new one goes
            editor = self.editors.get(f"new_{field_key}")
            if editor is not None and hasattr(editor.widget, "setPlaceholderText"):
                editor.widget.setPlaceholderText(_t("现为：") + editor.display(value))  # a label, never a code
        return filled

    def _show_limit(self, review: services.FormReview) -> None:
        limit = review.limit
        for key, label in self.limit_labels.items():
            if limit is None or limit.field != key:
                label.hide()
                continue
            label.setText(f"{limit.label} {format_money(limit.maximum)} " + _t("元") + f"（{limit.why}）　"
                          + _t("按 F9 填入"))
            label.show()

    def all_received(self) -> None:
        """F7: every material listed is received (the checklist's A, from wherever the clerk is)."""
        editor = self.editors.get("materials")
        if editor is None or self._submitting or self.form_stack.currentWidget() is self.done_page:
            return
        editor.widget.tick_all()

    def fill_maximum(self) -> None:
        """F9: the amount field takes the limit shown (the clerk can still type less)."""
        limit = self.review.limit if self.review is not None else None
        if limit is None or limit.field not in self.editors or self._submitting:
            return
        editor = self.editors[limit.field]
        editor.set_value(str(limit.maximum), TYPED)
        editor.widget.setFocus()
        self.field_committed(limit.field)

    def problems(self) -> tuple[list[str], list[str]]:
        """(labels of fields missing or wrong, names of materials not yet received), as last reviewed."""
        if self.review is None:
            return [], []
        keys = list(dict.fromkeys(e.field for e in self.review.errors if e.field in self.editors))
        labels = [catalog_text(self.spec.field(k).label) for k in keys if k != "materials"]
        return labels, [m.name for m in self.review.missing_materials]

    def _show_missing(self, review: services.FormReview) -> None:
        labels, materials = self.problems()
        parts = [self.day_closed] if self.day_closed else []
        if labels:
            parts.append(_t("尚缺或有误：") + "、".join(labels))
        if materials:
            parts.append(_t("材料未收齐：") + "、".join(materials) + _t("（Ctrl+N 打印一次性告知单）"))
        self._say(("；".join(parts) if parts else _t("信息齐全，可以提交（Ctrl+Enter）")), "error" if parts else "ok")
        self.submit.setEnabled(review.ok and not self._submitting and not self.day_closed)
        self.print_notice.setEnabled(bool(materials))

    def _say(self, text: str, severity: str) -> None:
        self.missing_label.setText(text)
        self.missing_label.setProperty("severity", severity)
        self.missing_label.style().polish(self.missing_label)

    # -- submit / cancel --------------------------------------------------------------------
    def try_submit(self) -> None:
        """Ctrl+Enter or the button: submit once; a second press while it runs does nothing."""
        if self._submitting or self._retired or self.form_stack.currentWidget() is self.done_page:
            return
        self.touched |= set(self.editors)
        form = self.values()
        review = self.review if self.review is not None and self.review.matches(
            self.spec.kind, form, self.counter.today()) else None
        if review is not None and not review.ok:  # the review of this very form already says no
            self._show_refusal(review.errors, [m.name for m in review.missing_materials])
            return
        self._submit(form, review, None)

    def _submit(self, form: dict[str, Any], review: services.FormReview | None, approval: Any) -> None:
        """Submit on the runner; a refusal that only lacks a supervisor's approval opens the approval
        dialog, which submits again with the approval."""
        self._submitting = True
        self._round += 1  # a review still running is of no use now
        self._reviewing = False
        self.submit.setEnabled(False)
        self._say(_t("正在提交…"), "")
        counter, kind, drafts = self.counter, self.spec.kind, self.drafts
        extra = {"approval": approval} if approval is not None else {}
        token = drafts.submitting()  # a wizard of this kind opened meanwhile waits for its outcome
        files = self.attachments.snapshot() if self.attachments is not None else {}

        def op(_p: Any) -> services.SubmitResult:
            result = services.submit_application(counter, kind, form, review=review, **extra)
            if result.ok:
                drafts.discard_now()  # here, not on the GUI thread: an accepted form is never a draft again
                if files and result.receipt_number:  # read, shrunk and sealed here too, off the GUI thread
                    result.details["attached"] = attach_groups(counter, result.receipt_number, files)
            return result

        def done(result: services.SubmitResult) -> None:
            drafts.submitted(token, result.ok)
            self._submitted(form, approval, result)

        def failed(exc: BaseException) -> None:
            drafts.submitted(token, False)
            self._submit_failed(exc)

        Operation(op, success=done, failure=failed).run(key=f"submit-{id(self)}")

    def _submitted(self, form: dict[str, Any], approval: Any, result: services.SubmitResult) -> None:
        if self._retired:  # the clerk moved on meanwhile: the window says what became of it
            self._submitting = False
            if self._late_submit is not None:
                self._late_submit(result)
            return
        self.last_result = result
        if not result.ok:
            self._submitting = False
            self._show_refusal(result.errors)
            self.submit.setEnabled(True)
            if self.values() != form:  # typed while the submit ran: reviewed and kept as the draft now
                self.request_review()
                self.save_draft()
            request = result.details.get("approval_request") if approval is None else None
            if request is not None:
                ask_approval(self, self.counter, request, lambda given: self._submit(form, None, given))
            return
        self._autosave.stop()
        if self.attachments is not None:
            self.attachments.clear()
        self.receipt_number.setText(result.receipt_number or "")
        self.done_details.setText(self._done_text(result))
        name = form.get(self.spec.subject_name_field) if self.spec.subject_name_field else None
        if name:  # the header named the person as new ("库中无此人"): now the receipt is theirs
            self.subject_label.setText(f"· {name}")
        self._kept = {key: form[key] for key in self.spec.next_keeps if form.get(key)}
        self.draft_banner.hide()  # the draft it restored is taken: the next client starts afresh
        self.next_same_employer.setVisible(bool(self._kept))
        self.form_stack.setCurrentWidget(self.done_page)  # the field losing focus here is not reviewed or saved:
        self._submitting = False  # ... the submit still counts as running until the receipt page is up
        self.bottom_bar.hide()
        self.next_client.setFocus()
        self.submitted.emit(result)

    def _submit_failed(self, exc: BaseException) -> None:
        self._submitting = False
        if self._retired:
            return
        self.submit.setEnabled(True)
        if isinstance(exc, StoreDamaged):  # no retry helps and no draft can be written: the input stays on screen
            self._say(exc.message, "error")
            return
        self._say(_t("提交失败，已保存草稿，可重试：") + (getattr(exc, "message", None) or str(exc)), "error")
        self.save_draft()

    def _done_text(self, result: services.SubmitResult) -> str:
        lines = [_t("状态：已受理，等待上传管理中心")]
        attached = result.details.get("attached")
        if attached is not None:
            if attached.value:
                lines.append(_t("已存档附件 {n} 个文件，共 {pages} 页").format(
                    n=len(attached.value), pages=sum(a.pages for a in attached.value)))
            lines += [_t("附件未能存档：") + e.message for e in attached.errors]
        for w in result.warnings:
            lines.append(_t("提示：") + w.message)
        return "\n".join(lines)

    def _show_refusal(self, errors: list[Any], missing: list[str] | None = None) -> None:
        general = []
        for error in errors:
            editor = self.editors.get(error.field)
            if editor is not None:
                editor.show_problem(error.message)
            else:
                general.append(error.message)
        named = [(catalog_text(self.spec.field(e.field).label), e.message) for e in errors
                 if e.field in self.editors and e.field != "materials"]  # the field named, then what is wrong
        messages = general + [f"{label}：{message}" for label, message in named] + [
            e.message for e in errors if e.field == "materials" and e.field in self.editors]
        if missing and not any(e.field == "materials" for e in errors):
            messages.append(_t("材料未收齐：") + "、".join(missing))
        self._say(_t("未能受理：") + "；".join(messages), "error")
        self._focus_first_problem()

    def _focus_first_problem(self) -> None:
        for picker in (*self.pickers.values(), *self.project_pickers.values()):
            picker.popup().hide()  # a list left open over the submit: the focus goes elsewhere now
        for widget in self.chain:
            editor = self._editor_of(widget)
            if editor is not None and editor.problem:
                widget.setFocus()
                return

    def request_cancel(self) -> None:
        """Esc: close at once when nothing was typed, otherwise ask first (input is never lost silently).
        An open list of the focused field (the employer picker's, a choice's) is closed first: that Esc
        was meant for it — the form's shortcut sees the key before the list does."""
        popup, focus = QApplication.activePopupWidget(), QApplication.focusWidget()
        if popup is not None and focus is not None and (popup.focusProxy() is focus or popup.isAncestorOf(focus)):
            popup.close()  # the focused field's own list (a picker's, whose focus proxy is the field; a choice's)
            return
        if self._submitting:
            return
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
        self.drafts.discard()
        for editor in self.editors.values():
            editor.set_value(None)
        if self.attachments is not None:
            self.attachments.clear()
        self.closed.emit()

    def start_over(self) -> None:
        """After a receipt: a clean form for the next client in the queue."""
        for editor in self.editors.values():
            editor.set_value(None)
            editor.show_problem("")
        self._apply_defaults()
        self.touched.clear()
        self.subject_label.clear()
        self._noted = None
        self.form_stack.setCurrentWidget(self.entry_page)
        self.bottom_bar.show()
        self.submit.setEnabled(False)
        self.request_review()
        self.first_input().setFocus()

    def start_over_same_employer(self) -> None:
        """After a receipt (Alt+W): the next worker of the same employer — an employer's batch of new
        workers at the counter. A clean form with the employer kept; its name and ratios follow from it
        as from the employer's card, and the keyboard starts at the first field to fill."""
        kept = dict(self._kept)
        self.start_over()
        if kept:
            self.set_values(kept)
            self.touched |= set(kept)
            self.first_input().setFocus()

    def retire(self, late_submit: Callable[[services.SubmitResult], None] | None = None) -> None:
        """The window takes this wizard down: what was typed stays as the draft, work in flight
        finishes without touching the screen, and a submit still running reports to ``late_submit``."""
        if self._retired:
            return
        if self.form_stack.currentWidget() is not self.done_page and self.has_input():
            self.save_draft()
        self._retired = True
        self._late_submit = late_submit
        self._autosave.stop()
        self._round += 1

    # -- drafts -----------------------------------------------------------------------------
    def draft(self) -> dict[str, Any]:
        """What a draft keeps: the fields put in (not the defaults) and the files waiting for the materials."""
        form = self._draft_values()
        files = self.attachments.to_draft() if self.attachments is not None else {}
        if files:
            form[DRAFT_FILES] = files
        return form

    def save_draft(self) -> None:
        """Keep what was typed as the draft (not while a submit runs: an accepted form is no draft)."""
        if self._retired or self._submitting or self.form_stack.currentWidget() is self.done_page:
            return
        self._autosave.stop()
        self.drafts.save(self.draft())

    def save_draft_now(self) -> None:
        """The crash handler's save: written before the process goes (it waits for the store)."""
        if self.form_stack.currentWidget() is not self.done_page and self.has_input():
            self.drafts.save_now(self.draft())

    def restore_draft(self) -> None:
        """Offer back what was typed before (switching, closing, crash): read off the GUI thread, then
        filled into the fields still empty (anything typed meanwhile stays)."""
        self.drafts.load(self._draft_loaded, owner=self)

    def _draft_loaded(self, draft: Draft | None) -> None:
        if draft is None or not draft.fields or self._retired:
            return
        fields = dict(draft.fields)
        files = fields.pop(DRAFT_FILES, None)
        self.set_values(fields, only_empty=True)
        missing = self.attachments.from_draft(files) if self.attachments is not None and files else []
        gone = _t("；{n} 个附件已不在原处：{names}").format(n=len(missing), names="、".join(missing)) if missing else ""
        self.draft_banner.setText(_t("已恢复未完成的录入") + f"（{moment(draft.updated_at)}）" + gone
                                  + _t("。不需要时按 Esc 清除。"))
        self.draft_banner.show()
