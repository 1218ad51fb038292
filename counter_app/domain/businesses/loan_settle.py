"""公积金贷款提前结清: the payoff on the settlement day (remaining principal plus the interest accrued
since the last due date, day rate = annual rate ÷ 360), paid in cash or by withdrawing the fund
balance (提取还贷). The city removed every limit on early settlement: no count, no minimum term.
The store's part (the loan, the day, the fund balance) is ``services.business_rules.loan_settle``.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from counter_app.domain.business_spec import BusinessSpec, FieldSpec, FormTable
from counter_app.domain.errors import FieldError
from counter_app.domain.money import format_money, money_str, to_cents
from counter_app.domain.person_fields import MATERIALS

if TYPE_CHECKING:
    from counter_app.domain.business_spec import Show
    from counter_app.domain.policy_schema import PolicyVersion

KIND = "loan-settle"
# 人民币计息：日利率 = 年利率 ÷ 360. A 30-day stretch then costs exactly one month's interest.
DAY_BASIS = Decimal(360)
_PCT = Decimal(100)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; a day the month lacks becomes its last day (1-31 → 2-28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def last_due_date(start: date, on: date) -> date:
    """The latest monthly due date (the start date's day each month) on or before ``on``; the start
    itself before the first one. Counted from ``start`` each time so a 31st stays the 31st."""
    if on < start:
        raise ValueError("the day is before the loan started")
    months = (on.year - start.year) * 12 + on.month - start.month
    while months > 0 and add_months(start, months) > on:
        months -= 1
    return add_months(start, months)


def accrued_interest(balance: Decimal, annual_rate_pct: Decimal, since: date, on: date) -> Decimal:
    """Interest on ``balance`` from ``since`` (exclusive) to ``on`` (inclusive), half-up to cents."""
    if isinstance(balance, float) or isinstance(annual_rate_pct, float):
        raise TypeError("money and rates must be Decimal, not float")
    if balance < 0 or annual_rate_pct < 0:
        raise ValueError("balance and rate must not be negative")
    if on < since:
        raise ValueError("the settlement day is before the last due date")
    days = (on - since).days
    return to_cents(Decimal(balance) * Decimal(annual_rate_pct) * days / (_PCT * DAY_BASIS))


@dataclass(frozen=True)
class Payoff:
    """What settles a loan on one day: the whole remaining principal and the interest to the day."""

    principal: Decimal
    interest: Decimal
    last_due: date
    on: date

    @property
    def days(self) -> int:
        return (self.on - self.last_due).days

    @property
    def total(self) -> Decimal:
        return self.principal + self.interest

    def as_dict(self) -> dict[str, Any]:
        """The ``calc settle --json`` shape: money as strings, dates ISO."""
        return {
            "payoff": money_str(self.total), "principal": money_str(self.principal),
            "interest": money_str(self.interest), "days": self.days,
            "last_due": self.last_due.isoformat(), "on": self.on.isoformat(),
        }


def payoff(balance: Decimal, annual_rate_pct: Decimal, last_due: date, on: date) -> Payoff:
    """The payoff of a loan owing ``balance`` after its ``last_due`` instalment, settled ``on``."""
    principal = to_cents(balance)
    return Payoff(principal, accrued_interest(principal, annual_rate_pct, last_due, on), last_due, on)


# --- the business ---------------------------------------------------------------------------------

def cross_checks(values: Mapping[str, Any], errors: Sequence[FieldError]) -> list[FieldError]:
    if "fund_amount" in values and "amount" in values and Decimal(values["fund_amount"]) > Decimal(values["amount"]):
        return [FieldError("fund_amount", "提取公积金还款金额不能超过结清金额")]
    return []


def split(fields: Mapping[str, Any]) -> tuple[Decimal, Decimal]:
    """(from the fund account, in cash or by transfer) of a stored settlement."""
    total = Decimal(fields["amount"])
    fund = Decimal(fields.get("fund_amount") or "0")
    return fund, total - fund


def receipt_lines(spec: BusinessSpec, fields: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    fund, cash = split(fields)
    return (("还款来源", f"提取公积金 {format_money(fund)} 元，现金（转账）{format_money(cash)} 元"),)


def form_extras(spec: BusinessSpec, fields: Mapping[str, Any], show: Show,
                version: PolicyVersion) -> tuple[tuple[int, FormTable], ...]:
    fund, cash = split(fields)
    table = FormTable(
        "结清还款（单位：元）", ("贷款合同编号", "结清日期", "结清金额", "提取公积金", "现金（转账）"),
        ((str(fields["loan_no"]), str(fields["settle_date"]), format_money(Decimal(fields["amount"])),
          format_money(fund), format_money(cash)),),
        note="结清金额＝剩余本金＋上一还款日至结清日的利息（日利率＝年利率÷360），以管理中心核算为准；"
             "提前结清不受次数和已还期限限制。",
        col_fractions=(0.24, 0.16, 0.2, 0.2, 0.2),
    )
    return ((-1, table),)


SPEC = BusinessSpec(
    kind=KIND,
    title="公积金贷款提前结清",
    short="提前结清",
    subject_field="id_number",
    form_title="住房公积金贷款提前结清申请表",
    amount_field="amount",
    fields=(
        FieldSpec("id_number", "借款人身份证号码", "id_number", section="借款人"),
        FieldSpec("loan_no", "贷款合同编号", "text", section="贷款", max_length=20),
        FieldSpec("settle_date", "结清日期", "date", section="结清",
                  hint="当日至30天内；利息按日计算至结清日"),
        FieldSpec("amount", "结清金额（元）", "money", section="结清",
                  hint="剩余本金＋至结清日的利息"),
        FieldSpec("fund_amount", "其中提取公积金还款（元）", "money", required=False, section="结清",
                  allow_zero=True),
        MATERIALS,
    ),
    receipt_fields=("loan_no", "settle_date"),
    side_panel="settle",  # the payoff to the day, shown as the clerk types
    cross_checks=cross_checks,
    receipt_lines=receipt_lines,
    form_extras=form_extras,
)
