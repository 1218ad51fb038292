"""The business registry (业务目录): one module per counter business, each with its ``SPEC``.

``BUSINESSES`` maps each kind to its spec in menu order (Ctrl+1…); ``business(kind)`` finds one.
A new business is a new module here (its ``SPEC``) added to ``_MODULES``, plus its store rule in
``services.business_rules`` — see docs/ARCHITECTURE.md, "How to add a business".
"""

from __future__ import annotations

from counter_app.domain.business_spec import BusinessSpec, FieldKind, FieldSpec, FormTable, MaterialCase
from counter_app.domain.businesses import (
    deferral,
    establish_employer,
    info_change,
    loan,
    loan_prepay,
    loan_settle,
    offset_cancel,
    offset_sign,
    offsite_purchase_withdrawal,
    open_account,
    project_admission,
    repay_deferral,
    transfer_in,
    transfer_out,
    withdrawal,
)

_MODULES = (
    open_account, establish_employer, withdrawal, loan, info_change, deferral,
    loan_settle, loan_prepay, offset_sign, offset_cancel, repay_deferral,  # post-loan (贷后)
    project_admission,  # 楼盘准入
    transfer_in, transfer_out, offsite_purchase_withdrawal,  # 跨省通办
)

BUSINESSES: dict[str, BusinessSpec] = {module.SPEC.kind: module.SPEC for module in _MODULES}
KINDS: tuple[str, ...] = tuple(BUSINESSES)  # the built-in kinds, in menu order


def business(kind: str) -> BusinessSpec:
    """The spec of a business kind; ``KeyError`` names the valid kinds."""
    try:
        return BUSINESSES[kind]
    except KeyError:
        raise KeyError(f"未知业务类型：{kind}（可选：{'、'.join(BUSINESSES)}）") from None


def kinds() -> tuple[str, ...]:
    """Every kind registered now (``KINDS`` plus any registered later, e.g. by a test)."""
    return tuple(BUSINESSES)


def register(spec: BusinessSpec) -> BusinessSpec:
    """Add a business at run time (a kind must be new); returns the spec."""
    if spec.kind in BUSINESSES:
        raise ValueError(f"business kind already registered: {spec.kind}")
    BUSINESSES[spec.kind] = spec
    return spec


def unregister(kind: str) -> None:
    """Remove a business added with ``register`` (the built-in ones stay)."""
    if kind in KINDS:
        raise ValueError(f"a built-in business cannot be removed: {kind}")
    BUSINESSES.pop(kind, None)


__all__ = [
    "BUSINESSES", "KINDS", "BusinessSpec", "FieldKind", "FieldSpec", "FormTable", "MaterialCase", "business", "kinds",
    "register", "unregister",
]
