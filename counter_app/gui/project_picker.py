"""The project picker on a loan's project field (楼盘项目): pinyin initials or part of the name complete
to an admitted project in force, as the employer picker does for USCC fields.

The projects a loan may name today are read off the GUI thread as the wizard opens (the city's list
pulled from the centre plus this station's own admissions: a few hundred at most), then filtered in
memory as the clerk types. Choosing a row puts the project's name into the field; the wizard's review
then shows its developer and agreement beside the field, or why a loan cannot name it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from counter_app.domain.search_keys import employer_keys
from counter_app.gui.choices import CHOICE_ROLE, ChoicesModel
from counter_app.gui.i18n import _t
from counter_app.gui.operations import Operation
from counter_app.services.projects import ProjectStanding, project_choices

VISIBLE_ROWS = 8
LIMIT = 50


def match_text(project: ProjectStanding) -> str:
    """What a project is matched against: its name's pinyin keys, its name and its developer's, lower case."""
    return f" {' '.join(employer_keys(project.name))} {project.name} {project.developer}".lower()


def describe(project: ProjectStanding) -> str:
    """One line about a project: developer, agreement and its end ("合作协议 HZ2026-031，有效期至 …")."""
    parts = [project.developer] if project.developer else []
    if project.agreement_no:
        parts.append(_t("合作协议 {no}").format(no=project.agreement_no))
    if project.valid_until:
        parts.append(_t("有效期至 {day}").format(day=project.valid_until.isoformat()))
    return "，".join(parts)


class ProjectList(ChoicesModel):
    """Every project a loan may name, and those the query matched, one line each."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(lambda project: f"{project.name}　{describe(project)}", parent)
        self.projects: list[ProjectStanding] = []
        self._match: list[str] = []

    def set_projects(self, projects: list[ProjectStanding]) -> None:
        self.projects = list(projects)
        self._match = [match_text(p) for p in self.projects]

    def find(self, text: str) -> list[ProjectStanding]:
        """Projects with a word starting with ``text`` first (pinyin initials, name), then containing it."""
        query = " ".join(text.split()).lower()
        if not query:
            return []
        first = [i for i, m in enumerate(self._match) if " " + query in m]
        first += [i for i, m in enumerate(self._match) if query in m and i not in first]
        return [self.projects[i] for i in first[:LIMIT]]


class ProjectCompleter(QCompleter):
    """The list under a project field: Down/Up to pick, Enter to choose; ``chosen`` carries the project."""

    chosen = Signal(object)  # ProjectStanding

    def __init__(self, line: QLineEdit) -> None:
        self.matches = ProjectList()
        super().__init__(self.matches, line)
        self.matches.setParent(self)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setMaxVisibleItems(VISIBLE_ROWS)
        self.setWidget(line)  # the field's text is ours to set, to the name chosen
        popup = self.popup()
        popup.setObjectName(f"{line.objectName()}_picker")
        popup.setMinimumWidth(600)  # name, developer, agreement and its end on one line
        popup.setUniformItemSizes(True)
        self.activated[QModelIndex].connect(self._activated)
        line.textEdited.connect(self.refilter)

    def refilter(self, text: str) -> None:
        rows = self.matches.find(text)
        self.matches.set_rows(rows)
        if rows:
            self.complete()
            self.popup().setCurrentIndex(self.matches.index(0, 0))  # Enter takes the best match
        else:
            self.popup().hide()

    def _activated(self, index: QModelIndex) -> None:
        project = index.data(CHOICE_ROLE)
        if project is not None:
            self.chosen.emit(project)


def attach_project_pickers(form: Any) -> dict[str, ProjectCompleter]:
    """A project picker on each project field of a business wizard (read as the wizard opens);
    choosing calls ``form.project_chosen(key, project)``."""
    pickers: dict[str, ProjectCompleter] = {}
    for key, editor in form.editors.items():
        if editor.spec.lookup == "project" and isinstance(editor.widget, QLineEdit):
            completer = ProjectCompleter(editor.widget)
            completer.chosen.connect(lambda project, k=key: form.project_chosen(k, project))
            pickers[key] = completer
    if pickers:
        counter = form.counter

        def loaded(found: list[ProjectStanding]) -> None:
            for picker in pickers.values():
                picker.matches.set_projects(found)

        Operation(lambda _p: project_choices(counter), success=loaded, owner=form).run(key=f"projects-{id(form)}")
    return pickers
