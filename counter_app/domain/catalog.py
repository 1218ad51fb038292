"""The business catalog, as the contract names it: re-exports of ``domain.businesses``.

Each business now lives in its own module under ``counter_app/domain/businesses/``; this module
keeps the names scripts, tests and DESIGN.md's contract use (``BUSINESSES``, ``FieldSpec``,
``PERSON_FIELDS``, the per-business specs …).
"""

from __future__ import annotations

from counter_app.domain.business_spec import BusinessSpec, FieldKind, FieldSpec
from counter_app.domain.businesses import BUSINESSES, KINDS, business, kinds
from counter_app.domain.businesses.deferral import SPEC as DEFERRAL
from counter_app.domain.businesses.establish_employer import SPEC as ESTABLISH_EMPLOYER
from counter_app.domain.businesses.info_change import SPEC as INFO_CHANGE
from counter_app.domain.businesses.loan import SPEC as LOAN
from counter_app.domain.businesses.open_account import SPEC as OPEN_ACCOUNT
from counter_app.domain.businesses.withdrawal import SPEC as WITHDRAWAL
from counter_app.domain.person_fields import (
    CHANGEABLE_PERSON_FIELDS,
    ID_TYPES,
    MARITAL,
    PERSON_FIELDS,
    PROOF_REQUIRED_CHANGES,
    REPAYMENT_METHODS,
    SEXES,
)

__all__ = [
    "BUSINESSES", "CHANGEABLE_PERSON_FIELDS", "DEFERRAL", "ESTABLISH_EMPLOYER", "ID_TYPES", "INFO_CHANGE", "KINDS", "LOAN",
    "MARITAL", "OPEN_ACCOUNT", "PERSON_FIELDS", "PROOF_REQUIRED_CHANGES", "REPAYMENT_METHODS", "SEXES", "WITHDRAWAL",
    "BusinessSpec", "FieldKind", "FieldSpec", "business", "kinds",
]
