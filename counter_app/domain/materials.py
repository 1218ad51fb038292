"""Required documents (要件) per business, reason and changed field, for the one-time notice (一次性告知)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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
    early_retirement: bool = False,
) -> list[str]:
    """Policy references of every document needed, in notice order, without repeats.

    ``KeyError`` for an unknown kind, reason or variant; changed fields without extra proof add nothing.
    ``early_retirement``: a retirement withdrawal before the statutory age also needs its proof.
    """
    refs = version.business_materials(kind)
    if kind == "withdrawal" and reason_code is not None:
        reason = version.withdrawal.reasons[reason_code]
        refs += reason.materials
        if variant is not None:
            refs += reason.variants[variant].materials
        if early_retirement:
            refs += reason.early_materials
    if kind == "info-change":
        for name in changed_fields:
            refs += version.info_change_materials.get(name.removeprefix("new_"), ())  # type: ignore[call-overload]
    return list(dict.fromkeys(refs))


def required_materials(
    kind: str,
    version: PolicyVersion,
    *,
    reason_code: str | None = None,
    variant: str | None = None,
    changed_fields: Iterable[str] = (),
    early_retirement: bool = False,
) -> list[Material]:
    """Every document an application of ``kind`` needs under ``version`` (see :func:`required_refs`)."""
    refs = required_refs(kind, version, reason_code=reason_code, variant=variant, changed_fields=changed_fields,
                         early_retirement=early_retirement)
    return [material(ref, version) for ref in refs]


def variant_guidance(kind: str, version: PolicyVersion, reason_code: str | None) -> list[str]:
    """For a reason whose documents depend on the case (rent: public or commercial housing), each
    case with its own documents, from the same data as the lists: "商品住房：本人及配偶工作地的无房证明"."""
    if kind != "withdrawal" or reason_code is None or reason_code not in version.withdrawal.reasons:
        return []
    reason = version.withdrawal.reasons[reason_code]
    return [f"{v.name}：{'、'.join(version.material_name(m) for m in v.materials)}" for v in reason.variants.values()]


def missing_materials(required: Iterable[Material], received_codes: Iterable[str]) -> list[Material]:
    """The required documents not yet received, in the order required."""
    received = set(received_codes)
    return [m for m in required if not m.satisfied_by(received)]
