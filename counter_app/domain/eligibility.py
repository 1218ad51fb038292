"""Loan eligibility (贷款申请条件): who may apply for a housing provident fund loan on a given day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from counter_app.domain.errors import FieldError
from counter_app.domain.policy_schema import PolicyVersion
from counter_app.domain.status import ACCOUNT_LABELS, CLOSED_ACCOUNT, AccountStatus

NORMAL, SEALED, FROZEN = AccountStatus.NORMAL, AccountStatus.SEALED, AccountStatus.FROZEN


def account_status_problem(status: str, action: str, *, sealed_ok: bool) -> str | None:
    """Why an account in ``status`` cannot ``action`` (e.g. "提取"), or None when it can."""
    if status == NORMAL or (status == SEALED and sealed_ok):
        return None
    if status not in ACCOUNT_LABELS:
        return f"账户状态代码“{status}”无效，不能{action}，请到管理中心核实"
    name = AccountStatus(status).label
    if status in CLOSED_ACCOUNT:
        return f"账户已销户（{name}），不能{action}"
    if status == FROZEN:
        return f"账户已冻结，解冻前不能{action}"
    if status == SEALED:
        return f"账户已封存，须恢复正常缴存后才能{action}"
    return f"账户状态为“{name}”，不能{action}，请到管理中心核实"


def ban_problem(banned_until: date | None, day: date, years: int | None, cheated: str, action: str) -> str | None:
    """The 2026 amendment (art. 41) bars those who cheated; applies only where policy has the ban."""
    if years is None or banned_until is None or day >= banned_until:
        return None
    return f"曾以欺骗手段{cheated}，{banned_until.isoformat()}前不得{action}"


@dataclass(frozen=True)
class LoanApplicantFacts:
    """What the store knows about a would-be borrower."""

    account_status: str
    consecutive_months: int
    in_arrears: bool = False
    has_outstanding_loan: bool = False
    banned_until: date | None = None
    prior_fund_loans: int = 0  # fund loans already taken, settled or not


def check_loan_eligibility(
    facts: LoanApplicantFacts, *, second_home: bool, day: date, version: PolicyVersion
) -> list[FieldError]:
    """Every reason the applicant may not apply on ``day``; an empty list means eligible."""
    lp = version.loan
    errors: list[str] = []
    status = account_status_problem(facts.account_status, "申请贷款", sealed_ok=False)
    if status:
        errors.append(status)
    if facts.consecutive_months < lp.min_contribution_months:
        errors.append(
            f"申请贷款须连续足额缴存{lp.min_contribution_months}个月以上，目前连续缴存{facts.consecutive_months}个月"
        )
    if facts.in_arrears:
        errors.append("账户存在欠缴，须补缴后才能申请贷款")
    ban = ban_problem(facts.banned_until, day, lp.fraud_ban_years, "取得住房公积金贷款", "申请贷款")
    if ban:
        errors.append(ban)
    loans_taken = max(facts.prior_fund_loans, int(facts.has_outstanding_loan))
    if loans_taken >= lp.max_fund_loans:
        errors.append(f"已使用过{loans_taken}次住房公积金贷款，不能再次申请")
    out = [FieldError("id_number", message) for message in errors]
    if facts.has_outstanding_loan and not (second_home and lp.second_home_with_outstanding_loan):
        if lp.second_home_with_outstanding_loan:
            out.append(FieldError("second_home", "尚有未结清的住房公积金贷款，只能按第二套住房申请"))
        else:
            out.append(FieldError("id_number", "尚有未结清的住房公积金贷款，结清后才能再次申请"))
    elif loans_taken and lp.prior_loan_is_second_home and not second_home:
        out.append(FieldError("second_home", "曾使用住房公积金贷款，应按第二套住房申请（适用第二套住房利率和成数）"))
    return out
