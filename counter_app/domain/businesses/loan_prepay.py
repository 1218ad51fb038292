"""公积金贷款部分提前还款: part of the principal repaid early, then 缩短期限 (keep the payment, fewer
months) or 减少月供 (same months, a lower payment). Both new schedules are worked out so the
borrower chooses with them side by side; the money comes in cash or from the fund balance
(提取还贷). The city removed the limits on early repayment: no count, no minimum amount.
The store's part (the loan, its months left, the fund balance) is ``services.business_rules.loan_prepay``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, Literal

from counter_app.domain.business_spec import BusinessSpec, FieldSpec, FormTable
from counter_app.domain.businesses.loan_settle import add_months
from counter_app.domain.errors import FieldError
from counter_app.domain.money import CENT, format_money, money_str
from counter_app.domain.person_fields import MATERIALS
from counter_app.domain.schedule import METHOD_CODES, METHOD_NAMES, Method, Schedule, annuity_payment, build_schedule

if TYPE_CHECKING:
    from datetime import date

    from counter_app.domain.business_spec import Show
    from counter_app.domain.policy_schema import PolicyVersion

KIND = "loan-prepay"
Mode = Literal["shorten", "reduce"]
MODES: tuple[Mode, ...] = ("shorten", "reduce")
MODE_NAMES: dict[Mode, str] = {"shorten": "缩短期限", "reduce": "减少月供"}
# The form's codes (a clerk picks 1 or 2 as with every code list); the CLI also takes the words.
MODE_CODES: dict[str, Mode] = {"1": "shorten", "2": "reduce"}


@dataclass(frozen=True)
class Prepayment:
    """One way to repay ``amount`` early: the schedule before, the schedule after, what it saves."""

    mode: Mode
    amount: Decimal
    before: Schedule
    after: Schedule

    @property
    def interest_saved(self) -> Decimal:
        return self.before.total_interest - self.after.total_interest

    @property
    def months_saved(self) -> int:
        return self.before.months - self.after.months

    def as_dict(self) -> dict[str, Any]:
        """The ``calc prepay --json`` shape (money as strings)."""
        return {
            "mode": self.mode, "method": self.after.method, "amount": money_str(self.amount),
            "new_balance": money_str(self.after.principal),
            "old_payment": money_str(self.before.monthly_payment), "old_months": self.before.months,
            "new_payment": money_str(self.after.monthly_payment), "new_months": self.after.months,
            "interest_saved": money_str(self.interest_saved),
            "old_total_interest": money_str(self.before.total_interest),
            "new_total_interest": money_str(self.after.total_interest),
            "rows": [row.as_dict() for row in self.after.rows],
        }


def shortened_months(balance: Decimal, new_balance: Decimal, annual_rate_pct: Decimal, months: int,
                     method: Method) -> int:
    """The fewest months that keep the payment: for 等额本息 the first term whose payment does not
    exceed the old one; for 等额本金 the old monthly principal instalment, kept."""
    if method == "linear":
        part = (balance / months).quantize(CENT, rounding=ROUND_HALF_UP)
        return max(1, min(months, int((new_balance / part).to_integral_value(rounding=ROUND_CEILING))))
    payment = annuity_payment(balance, annual_rate_pct, months)
    low, high = 1, months  # the payment falls as the term grows: the first term that fits
    while low < high:
        mid = (low + high) // 2
        if annuity_payment(new_balance, annual_rate_pct, mid) <= payment:
            high = mid
        else:
            low = mid + 1
    return low


def prepay(balance: Decimal, annual_rate_pct: Decimal, months_left: int, amount: Decimal, mode: Mode,
           method: Method) -> Prepayment:
    """Repay ``amount`` of ``balance`` (owed after the last due date, ``months_left`` instalments to go)."""
    if isinstance(balance, float) or isinstance(amount, float) or isinstance(annual_rate_pct, float):
        raise TypeError("money and rates must be Decimal, not float")
    if mode not in MODES:
        raise ValueError(f"unknown prepayment mode: {mode!r}")
    if not 0 < amount < balance:
        raise ValueError("a partial prepayment is more than nothing and less than the balance")
    before = build_schedule(balance, annual_rate_pct, months_left, method)
    new_balance = before.principal - amount
    months = months_left if mode == "reduce" else shortened_months(
        before.principal, new_balance, annual_rate_pct, months_left, method)
    return Prepayment(mode, amount, before, build_schedule(new_balance, annual_rate_pct, months, method))


def both_modes(balance: Decimal, annual_rate_pct: Decimal, months_left: int, amount: Decimal,
               method: Method) -> tuple[Prepayment, Prepayment]:
    """缩短期限 and 减少月供 of one prepayment, side by side."""
    shorten, reduce = (prepay(balance, annual_rate_pct, months_left, amount, m, method) for m in MODES)
    return shorten, reduce


def months_left(start: date, months: int, last_due: date) -> int:
    """Instalments still to pay after ``last_due`` (the start itself counts none paid)."""
    paid = (last_due.year - start.year) * 12 + last_due.month - start.month
    while paid > 0 and add_months(start, paid) > last_due:
        paid -= 1
    return max(0, months - paid)


# --- the business ---------------------------------------------------------------------------------

def cross_checks(values: Mapping[str, Any], errors: Sequence[FieldError]) -> list[FieldError]:
    if "fund_amount" in values and "amount" in values and Decimal(values["fund_amount"]) > Decimal(values["amount"]):
        return [FieldError("fund_amount", "提取公积金还款金额不能超过提前还款金额")]
    return []


def split(fields: Mapping[str, Any]) -> tuple[Decimal, Decimal]:
    """(from the fund account, in cash or by transfer) of a stored prepayment."""
    total = Decimal(fields["amount"])
    fund = Decimal(fields.get("fund_amount") or "0")
    return fund, total - fund


def stored_options(fields: Mapping[str, Any]) -> tuple[Prepayment, Prepayment] | None:
    """Both modes from the loan as the store rule saw it on the day (kept with the fields)."""
    loan = fields.get("loan")
    if not isinstance(loan, Mapping):
        return None
    method = METHOD_CODES.get(str(loan["method"]), "annuity")
    return both_modes(Decimal(loan["balance"]), Decimal(loan["rate"]), int(loan["months_left"]),
                      Decimal(fields["amount"]), method)


def receipt_lines(spec: BusinessSpec, fields: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    fund, cash = split(fields)
    lines = [("还款来源", f"提取公积金 {format_money(fund)} 元，现金（转账）{format_money(cash)} 元")]
    options = stored_options(fields)
    if options is not None:
        chosen = options[MODES.index(MODE_CODES[str(fields["mode"])])]
        lines.append(("还款后", f"月供 {format_money(chosen.after.monthly_payment)} 元，剩余 {chosen.after.months} 期，"
                               f"节省利息 {format_money(chosen.interest_saved)} 元"))
    return tuple(lines)


def comparison_table(options: Sequence[Prepayment], chosen: str | None = None) -> FormTable:
    """The schedule now and both new schedules, side by side (the chosen mode marked ✓)."""
    before = options[0].before
    rows = [("当前", format_money(before.principal), format_money(before.monthly_payment), str(before.months),
             format_money(before.total_interest), "—")]
    for option in options:
        mark = "（选定）" if option.mode == chosen else ""
        rows.append((MODE_NAMES[option.mode] + mark, format_money(option.after.principal),
                     format_money(option.after.monthly_payment), str(option.after.months),
                     format_money(option.after.total_interest), format_money(option.interest_saved)))
    return FormTable(
        "还款计划对比（单位：元）", ("方案", "剩余本金", "首期月供", "剩余期数", "剩余利息", "节省利息"), tuple(rows),
        note=f"{METHOD_NAMES[before.method]}；按受理日剩余本金、执行利率测算，提前还款不受次数和金额限制，"
             "实际以管理中心核算为准。",
        col_fractions=(0.2, 0.18, 0.15, 0.11, 0.18, 0.18),
    )


def form_extras(spec: BusinessSpec, fields: Mapping[str, Any], show: Show,
                version: PolicyVersion) -> tuple[tuple[int, FormTable], ...]:
    options = stored_options(fields)
    return () if options is None else ((-1, comparison_table(options, MODE_CODES[str(fields["mode"])])),)


SPEC = BusinessSpec(
    kind=KIND,
    title="公积金贷款部分提前还款",
    short="提前还款",
    subject_field="id_number",
    form_title="住房公积金贷款部分提前还款申请表",
    amount_field="amount",
    fields=(
        FieldSpec("id_number", "借款人身份证号码", "id_number", section="借款人"),
        FieldSpec("loan_no", "贷款合同编号", "text", section="贷款", max_length=20),
        FieldSpec("amount", "提前还款金额（元）", "money", section="提前还款", hint="少于剩余本金；全部还清请办理提前结清"),
        FieldSpec("mode", "还款后调整方式", "choice", section="提前还款",
                  choices=tuple((code, MODE_NAMES[mode]) for code, mode in MODE_CODES.items())),
        FieldSpec("fund_amount", "其中提取公积金还款（元）", "money", required=False, section="提前还款",
                  allow_zero=True),
        MATERIALS,
    ),
    receipt_fields=("loan_no", "mode"),
    side_panel="prepay",
    cross_checks=cross_checks,
    receipt_lines=receipt_lines,
    form_extras=form_extras,
)
