"""Business rules that need the station's data: the shared parts and the registry by kind.

Each business registers two rules in its module under ``services.business_rules``:
``@check_rule(kind)`` — every store-dependent check of a submission (one account per person,
balances, limits), given the unit of work, the format-checked values and the facts the field
checks found (e.g. birth date from the ID); and ``@subject_rule(kind)`` — what the store already
says about whose business it is, shown as soon as the ID or USCC is typed. Each returns what it
found: errors, warnings and details worth showing or storing (the loan limit and its binding
constraint, the before/after values of an info change).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from counter_app.domain import status
from counter_app.domain.errors import FieldError
from counter_app.domain.loan_limit import LoanLimit, compute_loan_limit
from counter_app.domain.policy import PolicyVersion
from counter_app.domain.status import AccountStatus
from counter_app.store.records import AccountRecord, ApplicationRecord
from counter_app.store.uow import UnitOfWork

ACTIVE, SEALED = AccountStatus.NORMAL, AccountStatus.SEALED


@dataclass
class RuleOutcome:
    errors: list[FieldError] = field(default_factory=list)
    warnings: list[FieldError] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def error(self, key: str, message: str) -> None:
        self.errors.append(FieldError(key, message))

    def warn(self, key: str, message: str) -> None:
        self.warnings.append(FieldError(key, message, "warning"))


@dataclass(frozen=True)
class RuleContext:
    uow: UnitOfWork
    version: PolicyVersion
    today: date
    station_code: str


@dataclass(frozen=True)
class AmountLimit:
    """The most a form's amount field may ask for, known before the amount is typed."""

    field: str  # the field it limits ("amount")
    maximum: Decimal
    label: str  # how the form says it: "本次最多可提取", "可贷额度"
    why: str  # the binding rule, in words


CheckRule = Callable[[RuleContext, dict[str, Any], dict[str, Any]], RuleOutcome]
LimitRule = Callable[[RuleContext, dict[str, Any]], AmountLimit | None]
_LIMITS: dict[str, LimitRule] = {}


def limit_rule(kind: str) -> Callable[[LimitRule], LimitRule]:
    """Register ``kind``'s limit up front: ``rule(ctx, values) -> AmountLimit | None`` (None until the
    inputs that decide it are known and valid)."""
    def register(rule: LimitRule) -> LimitRule:
        _LIMITS[kind] = rule
        return rule
    return register


def amount_limit(ctx: RuleContext, kind: str, values: dict[str, Any]) -> AmountLimit | None:
    """The limit of ``kind``'s amount for these inputs, or None (no rule, or inputs still missing)."""
    rule = _LIMITS.get(kind)
    return rule(ctx, values) if rule is not None else None
SubjectRule = Callable[[UnitOfWork, str], RuleOutcome]
_CHECKS: dict[str, CheckRule] = {}
_SUBJECTS: dict[str, SubjectRule] = {}


def check_rule(kind: str) -> Callable[[CheckRule], CheckRule]:
    """Register ``kind``'s submission rule: ``rule(ctx, values, facts) -> RuleOutcome``."""
    def register(rule: CheckRule) -> CheckRule:
        _CHECKS[kind] = rule
        return rule
    return register


def subject_rule(kind: str) -> Callable[[SubjectRule], SubjectRule]:
    """Register ``kind``'s subject rule: ``rule(uow, subject) -> RuleOutcome``."""
    def register(rule: SubjectRule) -> SubjectRule:
        _SUBJECTS[kind] = rule
        return rule
    return register


def unregister(kind: str) -> None:
    """Drop a kind's rules (a business registered for a while, e.g. by a test)."""
    _CHECKS.pop(kind, None)
    _SUBJECTS.pop(kind, None)


def check(ctx: RuleContext, kind: str, values: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    """Every store-dependent check of a submission of ``kind`` (``KeyError`` when it has no rule)."""
    try:
        rule = _CHECKS[kind]
    except KeyError:
        raise KeyError(f"no store rule registered for business kind {kind!r}") from None
    return rule(ctx, values, facts)


def subject_problems(uow: UnitOfWork, kind: str, subject: str) -> RuleOutcome:
    """What the store already says about whose business this is (nothing for a kind without a subject rule)."""
    rule = _SUBJECTS.get(kind)
    return rule(uow, subject) if rule is not None else RuleOutcome()


# --- shared by several businesses ---------------------------------------------------------------

def pending_same(ctx: RuleContext, kind: str, subject: str) -> list[ApplicationRecord]:
    """Applications of ``kind`` for ``subject`` taken and not yet decided."""
    return [a for a in ctx.uow.applications.for_subject(subject) if a.kind == kind and a.status in status.OPEN]


def live_account(accounts: list[AccountRecord]) -> AccountRecord | None:
    """The account a business acts on: the normal one, else a sealed one, else whatever there is."""
    live = [a for a in accounts if a.status == ACTIVE] or [a for a in accounts if a.status == SEALED]
    chosen = live or accounts
    return chosen[0] if chosen else None


def existing_account(ctx: RuleContext, id_number: str, out: RuleOutcome) -> AccountRecord | None:
    """The worker's live account, or an error on ``id_number`` saying there is none."""
    account = live_account(ctx.uow.accounts.for_person(id_number))
    if account is None:
        out.error("id_number", "未找到该证件号码的住房公积金账户，请核对证件号码或先办理开户")
    return account


def has_account(uow: UnitOfWork, id_number: str) -> RuleOutcome:
    """Subject rule of the businesses on an existing account (withdrawal, loan)."""
    out = RuleOutcome()
    if not uow.accounts.for_person(id_number):
        out.error("id_number", "未找到该证件号码的住房公积金账户，请核对证件号码或先办理开户")
    return out


def loan_limit(version: PolicyVersion, v: dict[str, Any], *, balance: Decimal, second_home: bool, area: str) -> LoanLimit:
    lp = version.loan
    months = int(v["months"])
    return compute_loan_limit(
        category_cap=lp.category_cap(v["borrower_category"], area),
        balance=balance,
        balance_multiple=lp.balance_multiple,
        monthly_income=Decimal(v["monthly_income"]),
        monthly_debt=Decimal(v.get("monthly_debt") or "0"),
        max_repayment_ratio_pct=lp.max_repayment_ratio,
        annual_rate_pct=lp.rate(second_home, months),
        months=months,
        house_price=Decimal(v["house_price"]),
        max_ltv_pct=lp.max_ltv(second_home),
        round_down_to=lp.limit_round_down_to,
    )
