"""Developers' projects known to the station: their standing for a loan, found by name or pinyin.

The centre's projects table (pulled to every station, central revision 0013) says how each project
stands, whichever station took its admission; this station's own admissions add those the centre
has not decided yet."""

from __future__ import annotations

from counter_app.domain.businesses.project_admission import KIND
from counter_app.domain.projects import ProjectStanding, admitted_in_force, loan_problem, merged, standing_of
from counter_app.domain.search_keys import employer_keys, pinyin_query
from counter_app.services.counter import Counter
from counter_app.store.records_operations import ProjectRecord
from counter_app.store.uow import UnitOfWork

__all__ = ["ProjectStanding", "find_projects", "loan_problem", "project_choices", "project_standings"]


def _standing(rec: ProjectRecord) -> ProjectStanding:
    return ProjectStanding(rec.name, rec.developer_name, rec.standing, rec.receipt_number or "", rec.agreement_no,
                           rec.valid_until, developer_uscc=rec.developer_uscc, address=rec.address or "",
                           note=rec.note)


def project_standings(uow: UnitOfWork) -> list[ProjectStanding]:
    """Every project the station knows of, as it stands after the centre's decisions."""
    local = []
    for app in uow.applications.query(kind=KIND, limit=100_000):
        found = standing_of(app.fields, app.status, app.decision_reason, app.receipt_number,
                            str(app.fields.get("developer_name") or app.subject_name or ""))
        if found is not None:
            local.append(found)
    return merged((_standing(r) for r in uow.projects.all()), local)


def project_choices(counter: Counter) -> list[ProjectStanding]:
    """The projects a loan may name today, one per project, by name (the loan form's picker)."""
    with counter.store.unit_of_work() as uow:
        return admitted_in_force(project_standings(uow), counter.today())


def find_projects(counter: Counter, text: str, limit: int = 20) -> list[ProjectStanding]:
    """Admitted projects in force today whose name contains ``text`` or whose pinyin starts with it."""
    projects = project_choices(counter)
    query = text.strip()
    letters = pinyin_query(query)
    hits = [p for p in projects
            if query in p.name or (letters is not None and any(k.startswith(letters) for k in employer_keys(p.name)))]
    return hits[:limit]
