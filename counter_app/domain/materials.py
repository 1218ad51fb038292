"""Required documents (要件) per business and per case (reason, changed field), for the one-time notice (一次性告知)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from counter_app.domain.business_spec import MaterialCase
from counter_app.domain.businesses import business
from counter_app.domain.policy_schema import PolicyVersion


@dataclass(frozen=True)
class Material:
    """One required document; ``any_of`` lists the codes that satisfy it (alternatives: 户口簿或派出所证明)."""

    code: str
    name: str
    any_of: tuple[str, ...]

    def satisfied_by(self, received: Iterable[str]) -> bool:
        return any(code in self.any_of for code in received)


def material(ref: str, version: PolicyVersion) -> Material:
    """The document named by a policy reference ("id_card" or "household_register|police_cert")."""
    return Material(ref, version.material_name(ref), tuple(ref.split("|")))


def required_refs(
    kind: str,
    version: PolicyVersion,
    *,
    reason_code: str | None = None,
    variant: str | None = None,
    changed_fields: Iterable[str] = (),
    held: Iterable[str] = (),
) -> list[str]:
    """Policy references of every document needed, in notice order, without repeats: the business's
    own list, then what its case adds (a withdrawal's reason and variant, an info change's fields),
    less the documents the centre already ``held``.

    ``KeyError`` for an unknown kind, reason or variant; changed fields without extra proof add nothing.
    """
    spec = business(kind)
    case = MaterialCase(reason_code, variant, tuple(changed_fields), tuple(held))
    refs = version.business_materials(kind) + list(spec.case_materials(version, case))
    return [ref for ref in dict.fromkeys(refs) if ref not in case.held]


def case_of(kind: str, form: Mapping[str, Any], version: PolicyVersion, today: date) -> MaterialCase:
    """What a form (as typed so far) says that calls for more documents."""
    spec = business(kind)
    return spec.material_case(spec, form, version, today)


def required_materials(
    kind: str,
    version: PolicyVersion,
    *,
    reason_code: str | None = None,
    variant: str | None = None,
    changed_fields: Iterable[str] = (),
    held: Iterable[str] = (),
) -> list[Material]:
    """Every document an application of ``kind`` needs under ``version`` (see :func:`required_refs`)."""
    refs = required_refs(kind, version, reason_code=reason_code, variant=variant, changed_fields=changed_fields,
                         held=held)
    return [material(ref, version) for ref in refs]


def missing_materials(required: Iterable[Material], received_codes: Iterable[str]) -> list[Material]:
    """The required documents not yet received, in the order required."""
    received = set(received_codes)
    return [m for m in required if not m.satisfied_by(received)]
