"""Form services for screens and scripts: field checks, choices, materials, person pre-fill."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from counter_app.domain import fieldcheck, materials
from counter_app.domain.businesses import business
from counter_app.domain.choices import field_default
from counter_app.domain.errors import Checked
from counter_app.domain.fieldcheck import FormCheck
from counter_app.domain.materials import Material
from counter_app.domain.normalize import valid_text
from counter_app.domain.person_fields import PERSON_FIELDS
from counter_app.services import audit, business_rules, policy_facts
from counter_app.services.counter import Counter

ID_NUMBER = next(f for f in PERSON_FIELDS if f.key == "id_number")


def check_field(counter: Counter, kind: str, key: str, raw: Any, form: Mapping[str, Any] | None = None) -> Checked[Any]:
    """Check one field as the clerk leaves it (blank required fields say so)."""
    spec = business(kind).field(key)
    if fieldcheck.is_blank(raw):
        if spec.required and spec.derived_from is None:
            return Checked.fail(key, f"请填写{spec.label}")
        return Checked(None)
    id_type = str((form or {}).get("id_type") or "01")
    checked = fieldcheck.check_field(spec, raw, version=counter.policy_on(), today=counter.today(), id_type=id_type)
    if checked.ok and key == business(kind).subject_field:
        with counter.store.unit_of_work() as uow:
            found = business_rules.subject_problems(uow, kind, str(checked.value))
        if found.errors or found.warnings:
            checked = replace(checked, errors=checked.errors + tuple(found.errors),
                              warnings=checked.warnings + tuple(found.warnings))
    return checked


def check_form(counter: Counter, kind: str, form: Mapping[str, Any]) -> FormCheck:
    return fieldcheck.check_form(business(kind), form, version=counter.policy_on(), today=counter.today())


def field_choices(counter: Counter, kind: str, key: str) -> list[tuple[str, str]]:
    return list(fieldcheck.choice_options(business(kind).field(key), counter.policy_on()))


def form_defaults(counter: Counter, kind: str) -> dict[str, str]:
    """What a new form of ``kind`` shows before the clerk types (the commonest answers: 居民身份证,
    this month, the usual repayment method); the policy in force, the counter's day, no database."""
    version, today = counter.policy_on(), counter.today()
    found = {spec.key: field_default(spec, version, today) for spec in business(kind).fields}
    return {key: value for key, value in found.items() if value is not None}


def required_materials(counter: Counter, kind: str, form: Mapping[str, Any] | None = None) -> list[Material]:
    """What the applicant must bring for this business, given what the form says so far."""
    version = counter.policy_on()
    case = materials.case_of(kind, _with_person_facts(counter, form or {}), version, counter.today())
    return materials.required_materials(
        kind, version, reason_code=case.reason_code, variant=case.variant, changed_fields=case.changed_fields,
        held=case.held, early_retirement=case.early_retirement)


def undecided_cases(counter: Counter, kind: str, form: Mapping[str, Any]) -> list[str]:
    """While the form leaves a case open whose documents differ (rent: public or commercial housing),
    each case with its documents, from the same policy data as the lists."""
    version = counter.policy_on()
    return materials.case_guidance(kind, version, materials.case_of(kind, form, version, counter.today()))


def _with_person_facts(counter: Counter, form: Mapping[str, Any]) -> dict[str, Any]:
    """The form plus what the store knows of its person (birth, sex, category) where the form is silent:
    a retirement withdrawal before the statutory age needs its proof listed."""
    if not form.get("id_number"):
        return dict(form)
    with counter.store.unit_of_work() as uow:
        facts = policy_facts.person_facts(uow, form)
    known = {"birth_date": facts.birth_date, "sex": facts.sex, "worker_category": facts.worker_category}
    return {**{k: v for k, v in known.items() if v is not None}, **{k: v for k, v in form.items() if v not in (None, "")}}


def prefill_person(counter: Counter, id_number: str) -> dict[str, Any] | None:
    """Person fields of a known worker, to pre-fill a form (None when not in the store)."""
    checked = fieldcheck.check_field(ID_NUMBER, id_number, version=counter.policy_on(), today=counter.today())
    key = str(checked.value) if checked.ok else valid_text(id_number).strip().upper()
    with counter.store.unit_of_work() as uow:
        worker = uow.workers.get(key)
    if worker is None:
        return None
    audit.record(counter, "lookup", audit.masked(key), {"via": "form"}, about=key)
    record = asdict(worker)
    if worker.employer_uscc:  # where they work: the loan's category cap depends on it
        with counter.store.unit_of_work() as uow:
            employer = uow.employers.get(worker.employer_uscc)
        record["work_district"] = employer.district if employer is not None else None
    person_keys = [f.key for f in PERSON_FIELDS] + ["work_district"]
    return {k: _jsonable(record.get(k)) for k in person_keys if record.get(k) not in (None, "")}


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
