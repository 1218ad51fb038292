"""A loan application against the store: eligibility, the limit and its binding constraint, the term."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from counter_app.domain import status
from counter_app.domain.businesses.loan import SPEC
from counter_app.domain.eligibility import LoanApplicantFacts, check_loan_eligibility
from counter_app.domain.errors import FieldError
from counter_app.domain.loan_limit import CONSTRAINT_LABELS, LoanLimit, cap_area
from counter_app.domain.money import format_money
from counter_app.domain.projects import admitted_in_force, loan_problem, project_key
from counter_app.domain.retirement import check_loan_term
from counter_app.services import policy_facts
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
    subject_rule,
)

KIND = SPEC.kind
subject_rule(KIND)(has_account)


LIMIT_INPUTS = ("id_number", "borrower_category", "house_price", "months", "monthly_income")


@limit_rule(KIND)
def limit(ctx: RuleContext, v: dict[str, Any]) -> AmountLimit | None:
    """可贷额度 and the constraint that sets it, once the borrower, category, price, term and income are known."""
    if any(not v.get(key) for key in LIMIT_INPUTS):
        return None
    account = existing_account(ctx, v["id_number"], RuleOutcome())
    if account is None:
        return None
    found, unknown_area = _limit_found(ctx, v, account.balance)
    if unknown_area:  # no cap can be told until the place of work is known; submit says why
        return None
    label = CONSTRAINT_LABELS.get(found.binding, found.binding)
    return AmountLimit("amount", found.limit, "可贷额度", f"受“{label}”约束")


def _limit_found(ctx: RuleContext, v: dict[str, Any], balance: Decimal) -> tuple[LoanLimit, FieldError | None]:
    # The category cap follows where the borrower works (the form's choice, else the employer's district).
    area, unknown_area = cap_area(ctx.version.loan, ctx.version.districts, v["borrower_category"],
                                  policy_facts.work_district(ctx.uow, v))
    second_home = bool(v.get("second_home", False))
    return loan_limit(ctx.version, v, balance=balance, second_home=second_home, area=area), unknown_area


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
    limit, unknown_area = _limit_found(ctx, v, account.balance)
    out.errors += [unknown_area] if unknown_area else []
    out.details["loan_limit"] = limit.as_dict()
    out.details["record"] = {"loan_limit": limit.as_dict()}  # the form prints the limit found at intake
    out.details["rate"] = str(ctx.version.loan.rate(second_home, int(v["months"])))
    if Decimal(v["amount"]) > limit.limit:
        label = CONSTRAINT_LABELS.get(limit.binding, limit.binding)
        out.error("amount", f"申请金额超过可贷额度{format_money(limit.limit)}元（受“{label}”约束）")
    id_facts = facts.get("id_number") or {}
    group, no_group = policy_facts.retirement_group_of(ctx.uow, v, "计算贷款期限")
    out.errors += [no_group] if no_group and id_facts.get("birth_date") else []
    if id_facts.get("birth_date") and group:
        out.errors += check_loan_term(
            birth=id_facts["birth_date"], rule=ctx.version.retirement_rule(group),
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
    # kept with the loan and printed on its form: the project as it stood on the day taken
    out.details.setdefault("record", {})["project"] = {**out.details["project"], "developer": found.developer}
