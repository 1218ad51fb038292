"""The choices of a choice field, static or from the policy in force, and a typed answer's code."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from counter_app.domain.business_spec import POLICY_DEFAULT, THIS_MONTH, FieldSpec
from counter_app.domain.normalize import normalize_text

if TYPE_CHECKING:  # a type only: the catalog stays light for the window's first paint
    from counter_app.domain.policy_schema import PolicyVersion

# Aliases scripts use for repayment methods (DESIGN.md's calc uses annuity/linear).
METHOD_ALIASES = {"annuity": "01", "linear": "02"}


def choice_options(spec: FieldSpec, version: PolicyVersion) -> tuple[tuple[str, str], ...]:
    """The (code, label) choices of a field, resolving policy-driven sources."""
    if spec.choices is None:
        return ()
    if isinstance(spec.choices, tuple):
        return spec.choices
    if spec.choices == "withdrawal_reasons":
        return tuple((code, r.name) for code, r in sorted(version.withdrawal.reasons.items()))
    if spec.choices == "withdrawal_variants":
        variants = {k: v.name for r in version.withdrawal.reasons.values() for k, v in r.variants.items()}
        return tuple(sorted(variants.items()))
    if spec.choices == "districts":
        return tuple((code, d.name) for code, d in version.districts.items())
    if spec.choices == "borrower_categories":
        return tuple((key, version.loan.category_label(key)) for key in version.loan.categories)
    if spec.choices == "districts":
        return tuple((code, d.name) for code, d in sorted(version.districts.items()))
    raise KeyError(spec.choices)


def choice_code(spec: FieldSpec, raw: Any, version: PolicyVersion) -> str | None:
    """The code a typed answer (code or label) stands for; None when it matches no choice."""
    text = normalize_text(raw)
    for code, label in choice_options(spec, version):
        if text in (code, label):
            return code
    if spec.key == "method" and text in METHOD_ALIASES:
        return METHOD_ALIASES[text]
    return None


def is_blank(raw: Any) -> bool:
    """Nothing typed: None, an empty collection, or only white space."""
    if raw is None:
        return True
    if isinstance(raw, (list, tuple, set, dict)):
        return len(raw) == 0
    return isinstance(raw, str) and normalize_text(raw) == ""


def field_default(spec: FieldSpec, version: PolicyVersion, today: date) -> str | None:
    """What a new form shows in ``spec`` before the clerk types (``FieldSpec.default`` resolved); a
    choice's default only when it is one of the choices in force."""
    if spec.default is None:
        return None
    if spec.default == THIS_MONTH:
        return f"{today:%Y-%m}"
    value: str | None = spec.default
    if spec.default == POLICY_DEFAULT:
        value = version.loan.default_category if spec.choices == "borrower_categories" else None
    if value is not None and spec.kind == "choice" and value not in dict(choice_options(spec, version)):
        return None
    return value
