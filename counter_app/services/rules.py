"""Business rules that need the station's data: one account per person, balances, limits.

Each rule takes the unit of work, the format-checked form values and the policy version, and
returns what it found: errors, warnings and details worth showing or storing (e.g. the loan limit
and its binding constraint, the before/after values of an info change).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from counter_app.domain import status
from counter_app.domain.contribution import monthly_contribution
from counter_app.domain.eligibility import LoanApplicantFacts, check_loan_eligibility
from counter_app.domain.errors import FieldError
from counter_app.domain.loan_limit import CONSTRAINT_LABELS, compute_loan_limit
from counter_app.domain.money import format_money, money_str
from counter_app.domain.policy import PolicyVersion
from counter_app.domain.retirement import RetirementRule, check_loan_term
from counter_app.domain.status import AccountStatus
from counter_app.domain.withdrawal import AccountFacts, PastWithdrawal, WithdrawalRequest, check_withdrawal
from counter_app.services.counter import Counter

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
    uow: Any
    version: PolicyVersion
    today: date
    station_code: str


def _pending_same(ctx: RuleContext, kind: str, subject: str) -> list[Any]:
    return [a for a in ctx.uow.applications.for_subject(subject) if a.kind == kind and a.status in status.OPEN]


def live_account(accounts: list[Any]) -> Any | None:
    """The account a business acts on: the normal one, else a sealed one, else whatever there is."""
    live = [a for a in accounts if a.status == ACTIVE] or [a for a in accounts if a.status == SEALED]
    return (live or accounts or [None])[0]


def _live_account(ctx: RuleContext, id_number: str, out: RuleOutcome) -> Any | None:
    account = live_account(ctx.uow.accounts.for_person(id_number))
    if account is None:
        out.error("id_number", "未找到该证件号码的住房公积金账户，请核对证件号码或先办理开户")
    return account


def open_account(ctx: RuleContext, v: dict[str, Any]) -> RuleOutcome:
    id_number = v["id_number"]
    out = subject_problems(ctx.uow, "open-account", id_number)
    if _pending_same(ctx, "open-account", id_number):
        out.error("id_number", "该职工已有一笔开户申请正在办理中，请勿重复提交")
    employer = ctx.uow.employers.get(v["employer_uscc"])
    if employer is None:
        out.warn("employer_uscc", "本站数据中没有该单位，将由中心核实")
    elif not employer.registered:
        out.error("employer_uscc", f"{employer.name}尚未办理住房公积金缴存登记，请先为单位办理建制")
    c = ctx.version.contribution
    base = Decimal(v["monthly_base"])
    if not c.base_floor <= base <= c.base_cap:
        out.error("monthly_base", f"缴存基数应在{format_money(c.base_floor)}至{format_money(c.base_cap)}元之间")
    else:
        amounts = monthly_contribution(
            base, Decimal(v["worker_ratio"]), Decimal(v["employer_ratio"]), base_floor=c.base_floor, base_cap=c.base_cap
        )
        out.details["monthly_contribution"] = {
            "worker": money_str(amounts.worker), "employer": money_str(amounts.employer), "total": money_str(amounts.total)
        }
    return out


def establish_employer(ctx: RuleContext, v: dict[str, Any]) -> RuleOutcome:
    out = subject_problems(ctx.uow, "establish-employer", v["uscc"])
    if _pending_same(ctx, "establish-employer", v["uscc"]):
        out.error("uscc", "该单位已有一笔建制申请正在办理中，请勿重复提交")
    return out


def withdrawal(ctx: RuleContext, v: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    account = _live_account(ctx, v["id_number"], out)
    if account is None:
        return out
    # Withdrawals taken here but not yet decided count against the balance and the limits,
    # so a worker cannot withdraw twice while the station is offline.
    pending = _pending_same(ctx, "withdrawal", v["id_number"])
    pending_total = sum((Decimal(p.fields["amount"]) for p in pending), Decimal("0"))
    history = [
        PastWithdrawal(reason_code=h.reason_code, amount=h.amount, day=h.day, document_no=h.document_no)
        for h in ctx.uow.withdrawals.for_person(v["id_number"])
    ] + [
        PastWithdrawal(
            reason_code=p.fields["reason_code"], amount=Decimal(p.fields["amount"]),
            day=Counter.local(p.created_at).date() if p.created_at is not None else ctx.today,
            document_no=p.fields.get("document_no") or None,
        )
        for p in pending
    ]
    facts = AccountFacts(
        status=account.status,
        balance=account.balance - pending_total,
        monthly_contribution=account.monthly_contribution,
        consecutive_months=account.consecutive_months,
        offset_agreement=account.offset_agreement,
    )
    request = WithdrawalRequest(
        reason_code=v["reason_code"], amount=Decimal(v["amount"]), document_no=v.get("document_no") or None,
        day=ctx.today,
        event_amount=Decimal(v["event_amount"]) if v.get("event_amount") else None,
        event_date=date.fromisoformat(v["event_date"]) if v.get("event_date") else None,
        variant=v.get("variant") or None,
    )
    checked = check_withdrawal(request, facts, history, ctx.version)
    out.errors += checked.errors
    out.warnings += checked.warnings
    out.details.update(
        account_no=account.account_no, balance=money_str(facts.balance), max_amount=money_str(checked.max_amount),
        closing=checked.closing,
    )
    if pending_total:
        out.warn("amount", f"该职工另有{len(pending)}笔提取正在办理（合计{format_money(pending_total)}元），已从可用余额中扣除")
    return out


def _retirement_rule(version: PolicyVersion, sex: str) -> RetirementRule:
    # Without the worker's occupation on record, women are assessed on the 55-year rule.
    group = "male" if sex == "1" else "female_cadre"
    return version.retirement_rule(group)


def loan(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    account = _live_account(ctx, v["id_number"], out)
    if account is None:
        return out
    second_home = bool(v.get("second_home", False))
    prior_loans = ctx.uow.loans.for_person(v["id_number"])
    applicant = LoanApplicantFacts(
        account_status=account.status,
        consecutive_months=account.consecutive_months,
        in_arrears=account.in_arrears,
        has_outstanding_loan=any(prior.status in status.LIVE_LOAN for prior in prior_loans),
        banned_until=account.banned_until,
        prior_fund_loans=len(prior_loans),
    )
    out.errors += check_loan_eligibility(applicant, second_home=second_home, day=ctx.today, version=ctx.version)
    area = station_area(ctx.version, ctx.station_code)
    limit = loan_limit(ctx.version, v, balance=account.balance, second_home=second_home, area=area)
    out.details["loan_limit"] = limit.as_dict()
    out.details["rate"] = str(ctx.version.loan.rate(second_home, int(v["months"])))
    if Decimal(v["amount"]) > limit.limit:
        label = CONSTRAINT_LABELS.get(limit.binding, limit.binding)
        out.error("amount", f"申请金额超过可贷额度{format_money(limit.limit)}元（受“{label}”约束）")
    id_facts = facts.get("id_number") or {}
    if id_facts.get("birth_date"):
        out.errors += check_loan_term(
            birth=id_facts["birth_date"], rule=_retirement_rule(ctx.version, id_facts["sex"]),
            application_date=ctx.today, months=int(v["months"]),
            max_term_months=ctx.version.loan.max_term_months,
            max_years_over_retirement=ctx.version.loan.max_years_over_retirement,
        )
    if _pending_same(ctx, "loan", v["id_number"]):
        out.error("id_number", "该职工已有一笔贷款申请正在受理中，请勿重复提交")
    return out


def station_area(version: PolicyVersion, station_code: str) -> str:
    """Loan caps differ for the city's districts and its counties: the station's district decides."""
    for station in version.stations:
        if station.code == station_code:
            district = version.districts.get(station.district)
            return district.area if district is not None else "district"
    return "district"


def loan_limit(version: PolicyVersion, v: dict[str, Any], *, balance: Decimal, second_home: bool, area: str):
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


def info_change(ctx: RuleContext, v: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    worker = ctx.uow.workers.get(v["id_number"])
    if worker is None:
        out.error("id_number", "未找到该证件号码的职工信息，请核对证件号码")
        return out
    if _pending_same(ctx, "info-change", v["id_number"]):
        # A second change before the first is decided would record stale "before" values.
        out.error("id_number", "该职工已有一笔信息变更正在办理中，请待中心办结后再申请")
    changes: dict[str, dict[str, Any]] = {}
    for key, new in v.items():
        if not key.startswith("new_"):
            continue
        name = key[4:]
        before = getattr(worker, name, None)
        before = before.isoformat() if isinstance(before, date) else before
        if before is not None and str(before) == str(new):
            out.error(key, "新值与原值相同，无需变更")
        changes[name] = {"before": before, "after": new}
    new_id = v.get("new_id_number")
    if new_id and new_id != v["id_number"] and ctx.uow.workers.get(new_id) is not None:
        out.error("new_id_number", "新证件号码已属于另一名职工，请核实")
    out.details["changes"] = changes
    return out


def deferral(ctx: RuleContext, v: dict[str, Any]) -> RuleOutcome:
    out = subject_problems(ctx.uow, "deferral", v["uscc"])
    if not v.get("workers_consent"):
        out.error("workers_consent", "缓缴须经本单位职工代表大会或工会讨论通过")
    y1, m1 = map(int, v["from_month"].split("-"))
    y2, m2 = map(int, v["to_month"].split("-"))
    span = (y2 - y1) * 12 + (m2 - m1) + 1
    limit = ctx.version.notices.deferral_max_months
    if span > limit:
        out.error("to_month", f"缓缴期限最长{limit}个月（本次为{span}个月）")
    if _pending_same(ctx, "deferral", v["uscc"]):
        out.error("uscc", "该单位已有一笔缓缴申请正在办理中，请勿重复提交")
    return out


def subject_problems(uow: Any, kind: str, subject: str) -> RuleOutcome:
    """What the store already says about whose business this is, shown as soon as the ID is typed."""
    out = RuleOutcome()
    if kind == "open-account":
        for account in uow.accounts.for_person(subject):
            if account.status == ACTIVE:
                employer = uow.employers.get(account.employer_uscc) if account.employer_uscc else None
                where = f"（{employer.name}）" if employer else ""
                out.error("id_number", f"该职工已有正常缴存的公积金账户 {account.account_no}{where}，一人一户，不能重复开户")
            elif account.status == SEALED:
                out.warn("id_number", f"该职工有封存账户 {account.account_no}，可办理转移接续，原账户余额将并入新账户")
                out.details["transfer_from"] = account.account_no
    elif kind in ("withdrawal", "loan"):
        if not uow.accounts.for_person(subject):
            out.error("id_number", "未找到该证件号码的住房公积金账户，请核对证件号码或先办理开户")
    elif kind == "info-change":
        if uow.workers.get(subject) is None:
            out.error("id_number", "未找到该证件号码的职工信息，请核对证件号码")
    elif kind == "establish-employer":
        employer = uow.employers.get(subject)
        if employer is not None and employer.registered:
            out.error("uscc", f"该单位已办理缴存登记（单位账号 {employer.account_no or '—'}），不能重复建制")
    elif kind == "deferral":
        employer = uow.employers.get(subject)
        if employer is None or not employer.registered:
            out.error("uscc", "该单位尚未办理缴存登记，不能申请缓缴")
    return out


RULES: dict[str, Callable[..., RuleOutcome]] = {
    "open-account": open_account,
    "establish-employer": establish_employer,
    "withdrawal": withdrawal,
    "info-change": info_change,
    "deferral": deferral,
}
