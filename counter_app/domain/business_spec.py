"""What a counter business is made of: its fields, titles, and the hooks its own module fills in.

A ``BusinessSpec`` is declarative (fields in paper-form order, titles, which fields the receipt
shows) plus a few pure functions that only that business knows: checks across its fields, extra
documents a form's answers call for, extra receipt lines and printed-form tables, an approval it
needs. Services, printing and the GUI call these hooks and never ask which business it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # types only: the window's first paint reads the catalog, so it stays light
    from collections.abc import Callable, Mapping, Sequence
    from datetime import date

    from counter_app.domain.errors import FieldError
    from counter_app.domain.policy_schema import PolicyVersion
    from counter_app.domain.roles import ApprovalRequest

    # A stored form value as printed (choice labels, 是/否, money with separators); services supply it.
    Show = Callable[["FieldSpec", Any], str]
    # Pure checks across one form's format-checked values (and the errors found so far).
    CrossCheck = Callable[[Mapping[str, Any], Sequence[FieldError]], list[FieldError]]
    # A raw form (as typed) → the material case; lenient: half-typed values add nothing.
    CaseReader = Callable[["BusinessSpec", Mapping[str, Any], "PolicyVersion", date], "MaterialCase"]
    # Policy references of the documents a case adds.
    CaseMaterials = Callable[["PolicyVersion", "MaterialCase"], tuple[str, ...]]
    # Lines for the one-time notice while the form leaves a case open: each case with its documents.
    CaseGuidance = Callable[["PolicyVersion", "MaterialCase"], tuple[str, ...]]
    # Optional fields the case at hand asks for (rent: the kind of housing; a purchase: its date).
    CaseFields = Callable[["PolicyVersion", "MaterialCase"], tuple[str, ...]]
    # Extra receipt lines from the stored fields.
    ReceiptLines = Callable[["BusinessSpec", Mapping[str, Any]], tuple[tuple[str, str], ...]]
    # Tables the printed form adds, each with its position among the field sections (0 first, -1 before the last).
    FormExtras = Callable[["BusinessSpec", Mapping[str, Any], Show, "PolicyVersion"], tuple[tuple[int, "FormTable"], ...]]
    # A supervisor's approval a submission needs (None when it needs none).
    ApprovalNeed = Callable[[Mapping[str, Any], "PolicyVersion"], "ApprovalRequest | None"]
    # The stored fields of a registration → the subject's record fields (worker or employer keys).
    SubjectRecord = Callable[[Mapping[str, Any]], dict[str, Any]]

FieldKind = Literal[
    "text", "name", "id_number", "uscc", "bank_card", "mobile", "phone", "postcode", "money",
    "percent", "month", "date", "choice", "bool", "months", "materials", "multiline",
]
# Defaults resolved when a form opens: the counter's current month; the policy's default choice
# (the borrower category the raised ones are compared with).
THIS_MONTH = "this-month"
POLICY_DEFAULT = "policy-default"
# Where a business's subject (whose business it is) is looked up for its display name.
SubjectLookup = Literal["worker", "employer"]


@dataclass(frozen=True)
class FieldSpec:
    """One input of a business form."""

    key: str
    label: str
    kind: FieldKind = "text"
    required: bool = True
    # Static choices as (code, label) pairs, or the name of a policy-driven source.
    choices: tuple[tuple[str, str], ...] | str | None = None
    section: str = ""
    hint: str = ""
    # Filled from another field (birth date and sex from the ID number); editable but pre-set.
    derived_from: str | None = None
    max_length: int = 100
    allow_zero: bool = False  # money fields: 0.00 is a valid answer (e.g. no existing debt)
    # What a new form shows before the clerk types: the commonest answer (a code, or ``THIS_MONTH``),
    # the clerk's to change. Only the form starts with it: a submitted form without the field is refused.
    default: str | None = None
    # Reference data the value is picked from and checked against as the clerk leaves the field
    # ("project": the city's admitted projects, 楼盘准入).
    lookup: Literal["project"] | None = None


@dataclass(frozen=True)
class MaterialCase:
    """What on a form calls for documents beyond the business's own list: a withdrawal's reason and
    variant (as policy codes), the person fields an info change changes, a retirement before the
    statutory age (its proof is then needed); and documents the centre already holds, not asked for
    again (an old project's file)."""

    reason_code: str | None = None
    variant: str | None = None
    changed_fields: tuple[str, ...] = ()
    held: tuple[str, ...] = ()
    early_retirement: bool = False


@dataclass(frozen=True)
class FormTable:
    """A titled table on a printed form (before/after changes, repayment comparison …)."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""
    col_fractions: tuple[float, ...] = ()  # share of the width per column; default: first wider


def _no_cross_checks(values: Mapping[str, Any], errors: Sequence[FieldError]) -> list[FieldError]:
    return []


def _no_case(spec: BusinessSpec, form: Mapping[str, Any], version: PolicyVersion, today: date) -> MaterialCase:
    return MaterialCase()


def _no_materials(version: PolicyVersion, case: MaterialCase) -> tuple[str, ...]:
    return ()


def _no_guidance(version: PolicyVersion, case: MaterialCase) -> tuple[str, ...]:
    return ()


def _no_fields(version: PolicyVersion, case: MaterialCase) -> tuple[str, ...]:
    return ()


def _no_lines(spec: BusinessSpec, fields: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    return ()


def _no_tables(spec: BusinessSpec, fields: Mapping[str, Any], show: Show,
               version: PolicyVersion) -> tuple[tuple[int, FormTable], ...]:
    return ()


def _no_approval(values: Mapping[str, Any], version: PolicyVersion) -> ApprovalRequest | None:
    return None


@dataclass(frozen=True)
class BusinessSpec:
    """One counter business: what the clerk fills in, what gets printed, and its own pure rules."""

    kind: str  # contract key: "open-account", "withdrawal", …
    title: str  # 个人账户设立
    short: str  # the menu word: 开户
    subject_field: str  # whose business it is: "id_number" or "uscc"
    fields: tuple[FieldSpec, ...]
    form_title: str  # the printed application form
    amount_field: str | None = None  # printed in figures and capitals on the receipt
    # The subject's display name: a field of the form that holds it, else a lookup of the subject.
    subject_name_field: str | None = None
    subject_lookup: SubjectLookup = "worker"
    receipt_fields: tuple[str, ...] = ()  # shown on the receipt when filled in, in this order
    form_hides_prefix: str | None = None  # fields the printed form leaves out of its field grid
    side_panel: str | None = None  # name of the GUI side panel beside the form ("loan")
    # Fields the next client of the same employer keeps (同单位办理下一笔: an employer's batch of new
    # workers); the rest of the form starts over.
    next_keeps: tuple[str, ...] = ()
    # The form is filled from a 多证合一 pre-registration of its subject (USCC), when there is one.
    prefills_preregistration: bool = False
    cross_checks: CrossCheck = dc_field(default=_no_cross_checks, compare=False)
    material_case: CaseReader = dc_field(default=_no_case, compare=False)
    case_materials: CaseMaterials = dc_field(default=_no_materials, compare=False)
    case_guidance: CaseGuidance = dc_field(default=_no_guidance, compare=False)
    case_fields: CaseFields = dc_field(default=_no_fields, compare=False)
    receipt_lines: ReceiptLines = dc_field(default=_no_lines, compare=False)
    form_extras: FormExtras = dc_field(default=_no_tables, compare=False)
    approval: ApprovalNeed = dc_field(default=_no_approval, compare=False)
    # A registration (开户, 单位建制) brings its subject into being: until the centre's record of it
    # arrives, the station finds the subject by this application (待中心审核). None: not a registration.
    registers: SubjectRecord | None = dc_field(default=None, compare=False)

    @property
    def action_name(self) -> str:
        return "action_" + self.kind.replace("-", "_")

    def field(self, key: str) -> FieldSpec:
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def module_name(self) -> str:
        """The business's module under ``counter_app.domain.businesses`` (kind with underscores)."""
        return self.kind.replace("-", "_")
