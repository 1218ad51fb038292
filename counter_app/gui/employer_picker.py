"""The employer picker on USCC fields: pinyin initials, name or code complete to an employer (选择单位).

Every employer of the local store is read off the GUI thread into one list shared by all the
wizards of a window; as the clerk types, a plain in-memory scan picks the best 50 and a
``QCompleter`` popup shows them (no database query per keystroke, offline alike). Choosing a row
puts its USCC into the field; the wizard then shows the employer's name beside the field and fills
the employer's ratios.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from counter_app.gui.choices import CHOICE_ROLE, ChoicesModel
from counter_app.gui.operations import Operation
from counter_app.services.counter import Counter
from counter_app.services.lookup import EmployerChoice, employer_choices

VISIBLE_ROWS = 8
LIMIT = 50  # rows offered at most: a query narrows further
MIN_CHARS = 2
RELOAD_S = 60.0


class EmployerModel(QObject):
    """Every employer the picker knows, with the text a query is matched against (keys, name, USCC)."""

    loaded = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices: list[EmployerChoice] = []
        self._match: list[str] = []
        self.read_at = -RELOAD_S  # time.monotonic() of the last read asked for

    def set_choices(self, choices: list[EmployerChoice], match: list[str] | None = None) -> None:
        self.choices = list(choices)
        self._match = match if match is not None else match_texts(self.choices)
        self.loaded.emit()

    def find(self, text: str, limit: int = LIMIT) -> list[EmployerChoice]:
        """Employers matching ``text``: a word starting with it first (initials, name, code), then
        containing it; by name within each. A plain scan of prepared strings: about 2 ms at 20,000."""
        query = " ".join(text.split()).lower()
        if not query:
            return []
        starts = " " + query
        first = [i for i, m in enumerate(self._match) if starts in m]
        if len(first) < limit:
            seen = set(first)
            first += [i for i, m in enumerate(self._match) if query in m and i not in seen][: limit - len(first)]
        return [self.choices[i] for i in first[:limit]]


def match_texts(choices: list[EmployerChoice]) -> list[str]:
    """What each employer is matched against: its pinyin keys, name and USCC, lower case."""
    return [f" {c.keys} {c.name} {c.uscc}".lower() for c in choices]


class EmployerCompleter(QCompleter):
    """The list under a USCC field: filtered by ``EmployerModel.find`` as the clerk types (keys or an
    input method's commit), Down/Up to pick, Enter to choose; ``chosen`` carries the employer."""

    chosen = Signal(object)  # EmployerChoice

    def __init__(self, employers: EmployerModel, line: QLineEdit) -> None:
        self.employers = employers
        self.matches = ChoicesModel(lambda choice: f"{choice.name}　{choice.uscc}")
        super().__init__(self.matches, line)
        self.matches.setParent(self)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setMaxVisibleItems(VISIBLE_ROWS)
        self.setWidget(line)  # not setCompleter(): the field's text is ours to set, to the USCC chosen
        popup = self.popup()
        popup.setObjectName(f"{line.objectName()}_picker")
        popup.setMinimumWidth(420)
        popup.setUniformItemSizes(True)
        self.activated[QModelIndex].connect(self._activated)
        line.textEdited.connect(self.refilter)

    def refilter(self, text: str) -> None:
        rows = self.employers.find(text) if len(text.strip()) >= MIN_CHARS else []
        self.matches.set_rows(rows)
        if rows:
            self.complete()
            self.popup().setCurrentIndex(self.matches.index(0, 0))  # Enter takes the best match
        else:
            self.popup().hide()

    def _activated(self, index: QModelIndex) -> None:
        choice = index.data(CHOICE_ROLE)
        if choice is not None:
            self.chosen.emit(choice)


def employer_model(counter: Counter, owner: QWidget) -> EmployerModel:
    """The window's employer list (one for all its wizards), read and prepared off the GUI thread on
    first use, and again when a wizard opens more than ``RELOAD_S`` after the last read (employers
    synced or established since then appear)."""
    window = owner.window()
    model = getattr(window, "_employer_model", None)
    if model is None:
        model = EmployerModel(window)
        window._employer_model = model  # type: ignore[attr-defined]
    if time.monotonic() - model.read_at >= RELOAD_S:
        model.read_at = time.monotonic()

        def read(_p: Any) -> tuple[list[EmployerChoice], list[str]]:
            choices = employer_choices(counter)
            return choices, match_texts(choices)

        Operation(read, success=lambda found: model.set_choices(*found), owner=model).run(key=f"employers-{id(model)}")
    return model


def attach_pickers(form: Any) -> dict[str, EmployerCompleter]:
    """An employer picker on each USCC field of a business wizard; choosing calls
    ``form.employer_chosen(key, choice)``."""
    pickers: dict[str, EmployerCompleter] = {}
    for key, editor in form.editors.items():
        if editor.spec.kind == "uscc" and isinstance(editor.widget, QLineEdit):
            completer = EmployerCompleter(employer_model(form.counter, form), editor.widget)
            completer.chosen.connect(lambda choice, k=key: form.employer_chosen(k, choice))
            pickers[key] = completer
    return pickers
