"""个人信息变更: ``new_<field>`` for each person field to change, its proof documents, and the
before/after table of the confirmation form. The store's part (the values before) is
``services.business_rules.info_change``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from counter_app.domain.business_spec import BusinessSpec, FieldSpec, FormTable, MaterialCase
from counter_app.domain.choices import is_blank
from counter_app.domain.errors import FieldError
from counter_app.domain.person_fields import CHANGEABLE_PERSON_FIELDS, MATERIALS, PROOF_REQUIRED_CHANGES

if TYPE_CHECKING:
    from counter_app.domain.business_spec import Show
    from counter_app.domain.policy_schema import PolicyVersion

NEW = "new_"


@dataclass(frozen=True)
class FieldChange:
    """One changed field of an info-change (信息变更): label, value before, value after."""

    label: str
    before: str
    after: str


def changed_fields(form: Mapping[str, Any]) -> tuple[str, ...]:
    """The person fields an info-change form changes (``new_<field>`` filled in)."""
    return tuple(k.removeprefix(NEW) for k, v in form.items() if k.startswith(NEW) and not is_blank(v))


def needs_proof(form: Mapping[str, Any]) -> bool:
    return any(f in PROOF_REQUIRED_CHANGES for f in changed_fields(form))


def cross_checks(values: Mapping[str, Any], errors: Sequence[FieldError]) -> list[FieldError]:
    changed = [k for k in values if k.startswith(NEW)]
    if not changed and not any(e.field.startswith(NEW) for e in errors):
        return [FieldError("new_name", "请至少填写一项要变更的信息")]
    return []


def material_case(spec: BusinessSpec, form: Mapping[str, Any], version: PolicyVersion, today: date) -> MaterialCase:
    return MaterialCase(changed_fields=changed_fields(form))


def case_materials(version: PolicyVersion, case: MaterialCase) -> tuple[str, ...]:
    """Proof for the changed fields; a change needing none adds nothing."""
    refs: tuple[str, ...] = ()
    for name in case.changed_fields:
        refs += tuple(version.info_change_materials.get(name.removeprefix(NEW), ()))
    return refs


def receipt_lines(spec: BusinessSpec, fields: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    changed = [spec.field(k).label.removeprefix("新") for k in fields if k.startswith(NEW)]
    return (("变更项目", "、".join(changed)),)


def change_section(changes: Sequence[FieldChange], title: str = "变更内容") -> FormTable:
    """The before/after table of an info-change confirmation (信息变更确认单)."""
    rows = tuple((c.label, c.before or "（空）", c.after or "（空）") for c in changes)
    return FormTable(title, ("变更项目", "变更前", "变更后"), rows)


def form_extras(spec: BusinessSpec, fields: Mapping[str, Any], show: Show,
                version: PolicyVersion) -> tuple[tuple[int, FormTable], ...]:
    """The changes, right after the person's section (the new values are not in the field grid)."""
    before = fields.get("before", {})
    changes = [
        FieldChange(f.label.removeprefix("新"), show(f, before.get(f.key.removeprefix(NEW))), show(f, fields[f.key]))
        for f in spec.fields if f.key.startswith(NEW) and f.key in fields
    ]
    return ((1, change_section(changes)),)


SPEC = BusinessSpec(
    kind="info-change",
    title="个人信息变更",
    short="信息变更",
    subject_field="id_number",
    form_title="住房公积金个人信息变更确认单",
    fields=(
        FieldSpec("id_number", "身份证号码", "id_number", section="变更人"),
        *(
            FieldSpec(
                f"{NEW}{f.key}", f"新{f.label}", f.kind, required=False, choices=f.choices,
                section="变更内容（只填要变更的项目）", max_length=f.max_length,
            )
            for f in CHANGEABLE_PERSON_FIELDS
        ),
        MATERIALS,
    ),
    form_hides_prefix=NEW,
    cross_checks=cross_checks,
    material_case=material_case,
    case_materials=case_materials,
    receipt_lines=receipt_lines,
    form_extras=form_extras,
)
