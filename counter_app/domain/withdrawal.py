"""Withdrawal rules (提取): may this worker take this amount for this reason on this day, and at most how much.

Windows: a monthly cap is allowed once for every calendar month covered since the last withdrawal
for the same reason (at most the last 12 months, never before the event, e.g. the lease start); a
yearly cap counts the calendar year of the application; frequencies count whole months from the
last withdrawal for the same reason. An amount paid once (a purchase price, an elevator share)
bounds every withdrawal made with the same document together. A retirement withdrawal needs the
statutory retirement age (by sex and the worker's category, with the 2024 gradual raise) or an
approved early retirement, shown by its document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from counter_app.domain.eligibility import account_status_problem, ban_problem
from counter_app.domain.errors import FieldError
from counter_app.domain.materials import required_refs
from counter_app.domain.money import CENT, floor_cents, format_money
from counter_app.domain.normalize import normalize_code
from counter_app.domain.policy_schema import PolicyVersion, WithdrawalReason
from counter_app.domain.retirement import PersonFacts, add_months, retirement_age_check

ZERO = Decimal("0.00")
# Names of the constraints that can set ``max_amount`` (``WithdrawalCheck.rule``), for display.
LIMIT_LABELS: dict[str, str] = {
    "balance": "账户余额",
    "event_amount": "实际发生金额",
    "monthly_cap": "按月限额",
    "yearly_cap": "年度限额",
}


@dataclass(frozen=True)
class AccountFacts:
    """The worker's account as the station knows it."""

    status: str  # personal account status, A.6 code
    balance: Decimal
    monthly_contribution: Decimal = ZERO  # worker + employer share
    consecutive_months: int = 0
    offset_agreement: bool = False  # a monthly-offset (月对冲) repayment agreement is in force
    banned_until: date | None = None  # barred from withdrawing after cheating (2026 amendment)


@dataclass(frozen=True)
class PastWithdrawal:
    reason_code: str
    amount: Decimal
    day: date
    document_no: str | None = None


@dataclass(frozen=True)
class WithdrawalRequest:
    reason_code: str
    amount: Decimal
    document_no: str | None
    day: date  # the application date: windows and the policy version are taken from it
    event_amount: Decimal | None = None  # amount actually paid / loan still owed, per the reason
    event_date: date | None = None  # purchase, completion, lease start, …, per the reason
    variant: str | None = None  # a case within the reason that needs its own documents


@dataclass(frozen=True)
class WithdrawalCheck:
    """``rule`` names the constraint that sets ``max_amount`` (a key of ``limits``)."""

    errors: list[FieldError]
    warnings: list[FieldError]
    max_amount: Decimal
    closing: bool
    materials: list[str]
    rule: str | None
    limits: dict[str, Decimal] = field(default_factory=dict)
    why: str = ""  # the binding constraint in words ("每月不超过1,500.00元，可计3个月")

    @property
    def ok(self) -> bool:
        return not self.errors


def check_withdrawal(
    request: WithdrawalRequest,
    account: AccountFacts,
    history: Iterable[PastWithdrawal],
    version: PolicyVersion,
    person: PersonFacts | None = None,
) -> WithdrawalCheck:
    """Every rule of the reason in force on the application day; errors name the field to fix."""
    reason = version.withdrawal.reasons.get(request.reason_code)
    if reason is None:
        message = f"提取原因“{request.reason_code}”在{request.day.isoformat()}适用的政策中不存在"
        return WithdrawalCheck([FieldError("reason_code", message)], [], ZERO, False, [], None)
    past = sorted((h for h in history if h.reason_code == reason.code and h.day <= request.day), key=lambda h: h.day)
    variant, variant_errors = _variant(reason, request.variant)
    age_errors, age_warnings, early = retirement_age_check(reason, person or PersonFacts(), request.day, version)
    errors = (
        variant_errors
        + age_errors
        + _account_errors(reason, account, request.day, version)
        + _event_errors(reason, request)
        + _frequency_errors(reason, past, request.day)
        + _document_errors(reason, variant, past, request.document_no)
    )
    limits = _limits(reason, account, past, request, version.withdrawal.min_remaining)
    rule = min(limits, key=lambda k: limits[k][0])
    max_amount = max(ZERO, limits[rule][0]).quantize(CENT)
    errors += [FieldError("amount", m)
               for m in _amount_errors(reason, request.amount, account.balance, max_amount, limits[rule][1])]
    warnings: list[FieldError] = list(age_warnings)
    if request.amount > version.supervisor_approval_above:
        warnings.append(
            FieldError("amount", f"提取金额超过{format_money(version.supervisor_approval_above)}元，须经主管复核", "warning")
        )
    materials = required_refs("withdrawal", version, reason_code=reason.code, variant=variant, early_retirement=early)
    amounts = {key: value.quantize(CENT) for key, (value, _words) in limits.items()}
    return WithdrawalCheck(errors, warnings, max_amount, reason.closing, materials, rule, amounts,
                           f"{reason.name}提取{limits[rule][1]}")


def _variant(reason: WithdrawalReason, chosen: str | None) -> tuple[str | None, list[FieldError]]:
    """The case within the reason; where the reason has cases, the documents depend on it."""
    kinds = "、".join(v.name for v in reason.variants.values())
    if chosen is not None and chosen not in reason.variants:
        known = kinds or "无细分情形"
        return None, [FieldError("variant", f"{reason.name}提取没有所选的具体情形（可选：{known}）")]
    if chosen is None and reason.variants:
        return None, [FieldError("variant", f"请选择{reason.name}提取的具体情形（{kinds}），所需材料不同")]
    return chosen, []


def _account_errors(reason: WithdrawalReason, account: AccountFacts, day: date, version: PolicyVersion) -> list[FieldError]:
    wp = version.withdrawal
    problems = [
        account_status_problem(account.status, "提取", sealed_ok=reason.sealed_ok),
        ban_problem(account.banned_until, day, wp.fraud_ban_years, "提取住房公积金", "提取"),
    ]
    if account.offset_agreement and wp.offset_blocks_partial and not reason.closing:
        problems.append("已签订月对冲还贷协议，协议期间不能办理部分提取，须先解除协议")
    needed = reason.min_contribution_months
    if needed is not None and account.consecutive_months < needed:
        problems.append(f"{reason.name}提取须连续足额缴存{needed}个月以上，目前连续缴存{account.consecutive_months}个月")
    return [FieldError("id_number", p) for p in problems if p]


def _event_errors(reason: WithdrawalReason, request: WithdrawalRequest) -> list[FieldError]:
    out: list[FieldError] = []
    if reason.event_amount_label is not None:
        if request.event_amount is None:
            out.append(FieldError("event_amount", f"请填写{reason.event_amount_label}（提取金额不能超过该金额）"))
        elif request.event_amount <= 0:
            out.append(FieldError("event_amount", f"{reason.event_amount_label}应大于0"))
    label, when = reason.event_date_label, request.event_date
    if label is None:
        return out
    if when is None:
        out.append(FieldError("event_date", f"请填写{label}"))
    elif when > request.day:
        out.append(FieldError("event_date", f"{label}不能晚于申请日期"))
    elif reason.within_years_of_event is not None:
        years = reason.within_years_of_event
        deadline = add_months(when, 12 * years)
        if request.day > deadline:
            out.append(
                FieldError("event_date", f"{reason.name}提取须在{label}后{years}年内办理，已于{deadline.isoformat()}到期")
            )
    return out


def _frequency_errors(reason: WithdrawalReason, past: list[PastWithdrawal], day: date) -> list[FieldError]:
    if not past:
        return []
    last = past[-1].day
    if reason.once_only:
        return [FieldError("reason_code", f"{reason.name}提取每人限办理一次，已于{last.isoformat()}办理")]
    n = reason.min_months_between
    if n is not None and day < add_months(last, n):
        again = add_months(last, n).isoformat()
        return [FieldError("reason_code", f"{reason.name}提取每{n}个月限办理一次，上次为{last.isoformat()}，{again}起可再次办理")]
    return []


def document_rule(reason: WithdrawalReason, variant: str | None) -> tuple[bool, str]:
    """(a document number is required, its label) for the reason and the case within it."""
    chosen = reason.variants.get(variant) if variant is not None else None
    needed = reason.needs_document_no
    label = reason.document_label
    if chosen is not None and chosen.needs_document_no is not None:
        needed = chosen.needs_document_no
    if chosen is not None and chosen.document_label is not None:
        label = chosen.document_label
    return needed, label


def _document_errors(
    reason: WithdrawalReason, variant: str | None, past: list[PastWithdrawal], document_no: str | None
) -> list[FieldError]:
    needed, label = document_rule(reason, variant)
    number = normalize_code(document_no)
    if not number:
        return [FieldError("document_no", f"请填写{label}")] if needed else []
    if reason.unique_document and any(normalize_code(h.document_no) == number for h in past):
        return [FieldError("document_no", f"该{label}已办理过{reason.name}提取，不能重复提取")]
    return []


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def covered_months(day: date, past: list[PastWithdrawal], event_date: date | None) -> int:
    """Calendar months a monthly cap covers: since the last such withdrawal, the event, a year back."""
    end = _month_index(day)
    start = end - 11
    if event_date is not None:
        start = max(start, _month_index(event_date))
    if past:
        start = max(start, max(_month_index(h.day) for h in past) + 1)
    return max(0, end - start + 1)


def monthly_cap(reason: WithdrawalReason, monthly_contribution: Decimal) -> Decimal | None:
    """The per-month allowance: the fixed cap and the share of the monthly contribution, whichever is lower."""
    caps = []
    if reason.max_amount_per_month is not None:
        caps.append(reason.max_amount_per_month)
    if reason.max_pct_of_monthly_contribution is not None:
        caps.append(floor_cents(monthly_contribution * reason.max_pct_of_monthly_contribution / 100))
    return min(caps) if caps else None


def _limits(
    reason: WithdrawalReason, account: AccountFacts, past: list[PastWithdrawal], request: WithdrawalRequest,
    min_remaining: Decimal,
) -> dict[str, tuple[Decimal, str]]:
    """Each constraint on the amount, with the words that explain it to the clerk."""
    if reason.closing:
        return {"balance": (account.balance, "须提取全部余额")}
    keep = format_money(min_remaining)
    limits = {"balance": (account.balance - min_remaining, f"后账户至少保留{keep}元（提取全部余额须按销户类原因办理）")}
    if reason.event_amount_label is not None and request.event_amount is not None:
        limits["event_amount"] = _event_limit(reason, past, request)
    per_month = monthly_cap(reason, account.monthly_contribution)
    if per_month is not None:
        months = covered_months(request.day, past, request.event_date)
        limits["monthly_cap"] = (per_month * months, f"每月不超过{format_money(per_month)}元，可计{months}个月")
    if reason.max_amount_per_year is not None:
        used = sum((h.amount for h in past if h.day.year == request.day.year), ZERO)
        words = f"每年不超过{format_money(reason.max_amount_per_year)}元，本年度已提取{format_money(used)}元"
        limits["yearly_cap"] = (reason.max_amount_per_year - used, words)
    return limits


def _event_limit(reason: WithdrawalReason, past: list[PastWithdrawal], request: WithdrawalRequest) -> tuple[Decimal, str]:
    """The amount paid or owed; an amount paid once is shared by every withdrawal with its document."""
    paid = request.event_amount or ZERO
    label = reason.event_amount_label
    number = normalize_code(request.document_no)
    if not reason.event_amount_cumulative or not number:
        return paid, f"不能超过{label}"
    used = sum((h.amount for h in past if normalize_code(h.document_no) == number), ZERO)
    if not used:
        return paid, f"不能超过{label}"
    return paid - used, f"累计不能超过{label}{format_money(paid)}元（该凭证已提取{format_money(used)}元）"


def _amount_errors(reason: WithdrawalReason, amount: Decimal, balance: Decimal, max_amount: Decimal, why: str) -> list[str]:
    if amount <= 0:
        return ["提取金额应大于0"]
    if amount != amount.quantize(CENT):
        return ["提取金额最多保留两位小数（到分）"]
    if amount > balance:
        return [f"提取金额超过账户余额{format_money(balance)}元"]
    if reason.closing and amount != balance:
        return [f"{reason.name}属于销户提取，须提取全部余额{format_money(balance)}元"]
    if amount > max_amount:
        return [f"{reason.name}提取{why}，本次最多可提取{format_money(max_amount)}元"]
    return []
