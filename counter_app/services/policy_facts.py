"""Facts the policy rules need about a person, gathered from the form and the store (人员信息).

Birth date and sex come from a resident ID number when there is one (it is authoritative), else
from the worker's record; the worker's category (职工/干部) from the form, else the record; the
workplace district from the form, else the worker's employer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from counter_app.domain.ids import check_resident_id
from counter_app.domain.retirement import PersonFacts, group_problem, retirement_group


def person_facts(uow: Any, values: Mapping[str, Any]) -> PersonFacts:
    """Birth, sex and category of the form's ``id_number`` (any of them None when unknown)."""
    id_number = str(values.get("id_number") or "")
    worker = uow.workers.get(id_number) if id_number and uow is not None else None
    checked = check_resident_id(id_number)
    birth = checked.facts.get("birth_date") if checked.ok else None
    sex = checked.facts.get("sex") if checked.ok else None
    return PersonFacts(
        birth_date=birth or (worker.birth_date if worker else None),
        sex=sex or (worker.sex if worker else None),
        worker_category=values.get("worker_category") or (getattr(worker, "worker_category", None) if worker else None),
    )


def retirement_group_of(uow: Any, values: Mapping[str, Any], purpose: str) -> tuple[str | None, Any]:
    """(the retirement group, or None with the problem naming the field to fill in)."""
    facts = person_facts(uow, values)
    group = retirement_group(facts.sex, facts.worker_category)
    return group, None if group else group_problem(facts.sex, facts.worker_category, purpose)


def work_district(uow: Any, values: Mapping[str, Any]) -> str | None:
    """Where the borrower works: the form's choice, else the district of the worker's employer."""
    if values.get("work_district"):
        return str(values["work_district"])
    worker = uow.workers.get(str(values.get("id_number") or "")) if uow is not None else None
    employer = uow.employers.get(worker.employer_uscc) if worker is not None and worker.employer_uscc else None
    return employer.district if employer is not None and employer.district else None
