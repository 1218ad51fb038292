"""A loan application against the store: eligibility, the limit and its binding constraint, the term."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from counter_app.domain import status
from counter_app.domain.businesses.loan import SPEC
from counter_app.domain.eligibility import LoanApplicantFacts, check_loan_eligibility
from counter_app.domain.loan_limit import CONSTRAINT_LABELS
from counter_app.domain.money import format_money
from counter_app.domain.policy import PolicyVersion
from counter_app.domain.projects import admitted_in_force, loan_problem, project_key
from counter_app.domain.retirement import RetirementRule, check_loan_term
from counter_app.services.projects import project_standings
from counter_app.services.rules import (
    AmountLimit,
    RuleContext,
    RuleOutcome,
    check_rule,
    existing_account,
    has_account,
    limit_rule,
    loan_limit,
    pending_same,
    station_area,
    subject_rule,
)

KIND = SPEC.kind
subject_rule(KIND)(has_account)


def _retirement_rule(version: PolicyVersion, sex: str) -> RetirementRule:
    # Without the worker's occupation on record, women are assessed on the 55-year rule.
    group = "male" if sex == "1" else "female_cadre"
    return version.retirement_rule(group)


LIMIT_INPUTS = ("id_number", "borrower_category", "house_price", "months", "monthly_income")


@limit_rule(KIND)
def limit(ctx: RuleContext, v: dict[str, Any]) -> AmountLimit | None:
    """可贷额度 and the constraint that sets it, once the borrower, category, price, term and income are known."""
    if any(not v.get(key) for key in LIMIT_INPUTS):
        return None
    account = existing_account(ctx, v["id_number"], RuleOutcome())
    if account is None:
        return None
    second_home = bool(v.get("second_home", False))
    found = loan_limit(ctx.version, v, balance=account.balance, second_home=second_home,
                       area=station_area(ctx.version, ctx.station_code))
    label = CONSTRAINT_LABELS.get(found.binding, found.binding)
    return AmountLimit("amount", found.limit, "可贷额度", f"受“{label}”约束")


@check_rule(KIND)
def check(ctx: RuleContext, v: dict[str, Any], facts: dict[str, Any]) -> RuleOutcome:
    out = RuleOutcome()
    account = existing_account(ctx, v["id_number"], out)
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
    if pending_same(ctx, KIND, v["id_number"]):
        out.error("id_number", "该职工已有一笔贷款申请正在受理中，请勿重复提交")
    if v.get("project_name"):
        _check_project(ctx, v["project_name"], out)
    return out


def _check_project(ctx: RuleContext, name: str, out: RuleOutcome) -> None:
    """A new house's project must be admitted (楼盘准入) with its agreement in force on the day."""
    standings = project_standings(ctx.uow)
    problem = loan_problem(name, standings, ctx.today)
    if problem:
        out.error("project_name", problem)
        return
    found = next(p for p in admitted_in_force(standings, ctx.today) if project_key(p.name) == project_key(name))
    out.details["project"] = {"name": found.name, "agreement_no": found.agreement_no,
                              "valid_until": found.valid_until.isoformat() if found.valid_until else None}
