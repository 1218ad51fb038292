"""Form services for screens and scripts: field checks, choices, materials, person pre-fill."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, replace
from typing import Any

from counter_app.domain import fieldcheck
from counter_app.domain.catalog import PROOF_REQUIRED_CHANGES, business
from counter_app.domain.errors import Checked
from counter_app.domain.fieldcheck import FormCheck
from counter_app.domain.materials import Material
from counter_app.domain.materials import required_materials as _required
from counter_app.domain.normalize import valid_text
from counter_app.services import audit, rules
from counter_app.services.counter import Counter


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
            found = rules.subject_problems(uow, kind, checked.value)
        if found.errors or found.warnings:
            checked = replace(checked, errors=checked.errors + tuple(found.errors),
                              warnings=checked.warnings + tuple(found.warnings))
    return checked


def check_form(counter: Counter, kind: str, form: Mapping[str, Any]) -> FormCheck:
    return fieldcheck.check_form(business(kind), form, version=counter.policy_on(), today=counter.today())


def field_choices(counter: Counter, kind: str, key: str) -> list[tuple[str, str]]:
    return list(fieldcheck.choice_options(business(kind).field(key), counter.policy_on()))


def changed_fields(form: Mapping[str, Any]) -> tuple[str, ...]:
    """The person fields an info-change form changes (``new_<field>`` filled in)."""
    return tuple(k[4:] for k, v in form.items() if k.startswith("new_") and not fieldcheck.is_blank(v))


def required_materials(counter: Counter, kind: str, form: Mapping[str, Any] | None = None) -> list[Material]:
    """What the applicant must bring for this business, given what the form says so far."""
    form = form or {}
    version = counter.policy_on()
    reason, variant = _withdrawal_case(counter, form) if kind == "withdrawal" else (None, None)
    return _required(
        kind, version, reason_code=reason, variant=variant,
        changed_fields=changed_fields(form) if kind == "info-change" else (),
    )


def _withdrawal_case(counter: Counter, form: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The form's reason and variant as policy codes; a value the policy does not know for that
    reason (half typed, a label, a variant of another reason) adds no documents instead of failing."""
    spec = business("withdrawal")
    reason = _choice_code(counter, spec.field("reason_code"), form.get("reason_code"))
    if reason is None:
        return None, None
    variant = _choice_code(counter, spec.field("variant"), form.get("variant"))
    return reason, variant if variant in counter.policy_on().withdrawal.reasons[reason].variants else None


def _choice_code(counter: Counter, spec: Any, raw: Any) -> str | None:
    if fieldcheck.is_blank(raw):
        return None
    checked = fieldcheck.check_field(spec, raw, version=counter.policy_on(), today=counter.today())
    return checked.value if checked.ok else None


def needs_proof(form: Mapping[str, Any]) -> bool:
    return any(f in PROOF_REQUIRED_CHANGES for f in changed_fields(form))


def prefill_person(counter: Counter, id_number: str) -> dict[str, Any] | None:
    """Person fields of a known worker, to pre-fill a form (None when not in the store)."""
    checked = fieldcheck.check_field(
        business("open-account").field("id_number"), id_number, version=counter.policy_on(), today=counter.today()
    )
    key = checked.value if checked.ok else valid_text(id_number).strip().upper()
    with counter.store.unit_of_work() as uow:
        worker = uow.workers.get(key)
    if worker is None:
        return None
    audit.record(counter, "lookup", audit.masked(key), {"via": "form"})
    record = asdict(worker)
    person_keys = [f.key for f in business("open-account").fields][:12]
    return {k: _jsonable(record.get(k)) for k in person_keys if record.get(k) not in (None, "")}


def _jsonable(value: Any) -> Any:
    from datetime import date

    return value.isoformat() if isinstance(value, date) else value
