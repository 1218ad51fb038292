"""Developers' projects known to the station: their standing for a loan, found by name or pinyin."""

from __future__ import annotations

from counter_app.domain.businesses.project_admission import KIND
from counter_app.domain.projects import ProjectStanding, admitted_in_force, loan_problem, standing_of
from counter_app.domain.search_keys import employer_keys, pinyin_query
from counter_app.services.counter import Counter
from counter_app.store.uow import UnitOfWork

__all__ = ["ProjectStanding", "find_projects", "loan_problem", "project_standings"]


def project_standings(uow: UnitOfWork) -> list[ProjectStanding]:
    """Every project admission taken here, as it stands after the centre's decisions."""
    out = []
    for app in uow.applications.query(kind=KIND, limit=100_000):
        found = standing_of(app.fields, app.status, app.decision_reason, app.receipt_number,
                            str(app.fields.get("developer_name") or app.subject_name or ""))
        if found is not None:
            out.append(found)
    return out


def find_projects(counter: Counter, text: str, limit: int = 20) -> list[ProjectStanding]:
    """Admitted projects in force today whose name contains ``text`` or whose pinyin starts with it."""
    with counter.store.unit_of_work() as uow:
        projects = admitted_in_force(project_standings(uow), counter.today())
    query = text.strip()
    letters = pinyin_query(query)
    hits = [p for p in projects
            if query in p.name or (letters is not None and any(k.startswith(letters) for k in employer_keys(p.name)))]
    return hits[:limit]
