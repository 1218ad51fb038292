"""``counter-app calc schedule|loan-limit|prepay|settle``: repayment plans, loan limits and post-loan
figures (partial prepayment, early settlement) from the command line."""

from __future__ import annotations

import argparse
import unicodedata
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NoReturn

from counter_app.console import CliError, emit_json
from counter_app.domain.businesses.loan_prepay import MODE_CODES, MODE_NAMES, MODES, Mode, Prepayment, prepay
from counter_app.domain.businesses.loan_settle import Payoff, payoff
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.loan_limit import CONSTRAINT_LABELS, LoanLimit, compute_loan_limit
from counter_app.domain.money import format_money, parse_money, parse_percent, percent_str
from counter_app.domain.policy import PolicyError, default_policy
from counter_app.domain.schedule import METHOD_CODES, METHOD_NAMES, METHODS, Method, Schedule, build_schedule

if TYPE_CHECKING:
    from counter_app.domain.policy import PolicyVersion

MAX_SCHEDULE_MONTHS = 600  # a pure calculation; the policy's own maximum applies to loan-limit
AREA_NAMES = {"district": "市辖区", "county": "县"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("calc", help="贷款计算：还款计划、可贷额度、提前还款、提前结清")
    calc = p.add_subparsers(dest="calc_command", required=True, metavar="schedule|loan-limit|prepay|settle")

    s = calc.add_parser("schedule", help="还款计划（等额本息 annuity / 等额本金 linear）")
    s.add_argument("--principal", required=True, help="贷款本金（元）")
    s.add_argument("--rate", required=True, help="年利率（百分数，如 3.1）")
    s.add_argument("--months", required=True, help="期限（月）")
    s.add_argument("--method", required=True, help="annuity（等额本息，01）或 linear（等额本金，02）")
    s.add_argument("--json", action="store_true", help="输出 JSON")
    s.set_defaults(func=run_schedule)

    q = calc.add_parser("loan-limit", help="可贷额度（取四项约束的最小值）")
    q.add_argument("--category", required=True, help="借款人类别：general、talent、outside_urban")
    q.add_argument("--balance", required=True, help="公积金账户余额（元）")
    q.add_argument("--monthly-income", required=True, help="月收入（元）")
    q.add_argument("--monthly-debt", required=True, help="现有月还款额（元）")
    q.add_argument("--price", required=True, help="房屋总价（元）")
    q.add_argument("--months", required=True, help="贷款期限（月）")
    q.add_argument("--area", default="district", help="district（市辖区，默认）或 county（县）")
    q.add_argument("--second-home", action="store_true", help="第二套住房")
    q.add_argument("--date", help="申请日期 YYYY-MM-DD（默认今天；按该日生效的政策计算）")
    q.add_argument("--json", action="store_true", help="输出 JSON")
    q.set_defaults(func=run_loan_limit)

    r = calc.add_parser("prepay", help="部分提前还款：缩短期限 shorten / 减少月供 reduce")
    r.add_argument("--balance", required=True, help="上一还款日后的剩余本金（元）")
    r.add_argument("--rate", required=True, help="年利率（百分数，如 2.85）")
    r.add_argument("--months-left", required=True, help="剩余期数（月）")
    r.add_argument("--amount", required=True, help="提前还款金额（元），少于剩余本金")
    r.add_argument("--mode", required=True, help="shorten（缩短期限）或 reduce（减少月供）")
    r.add_argument("--method", required=True, help="annuity（等额本息，01）或 linear（等额本金，02）")
    r.add_argument("--json", action="store_true", help="输出 JSON")
    r.set_defaults(func=run_prepay)

    t = calc.add_parser("settle", help="提前结清：剩余本金＋上一还款日至结清日的利息")
    t.add_argument("--balance", required=True, help="上一还款日后的剩余本金（元）")
    t.add_argument("--rate", required=True, help="年利率（百分数，如 2.85）")
    t.add_argument("--last-due", required=True, help="上一还款日 YYYY-MM-DD")
    t.add_argument("--on", required=True, help="结清日 YYYY-MM-DD")
    t.add_argument("--json", action="store_true", help="输出 JSON")
    t.set_defaults(func=run_settle)


# ------------------------------------------------------------------------------------ input checks

class _Inputs:
    """Collects every bad value of one command so the user sees them all at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def take(self, checked: Checked[Any]) -> Any:
        self.errors.extend(checked.errors)
        return checked.value

    def done(self) -> None:
        if self.errors:
            self.stop()

    def stop(self) -> NoReturn:
        raise CliError([e.as_dict() for e in self.errors])


def _months(text: str, maximum: int) -> Checked[int]:
    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 6 or not 1 <= int(raw) <= maximum:
        return Checked.fail("months", f"贷款期限应为1至{maximum}个月的整数")
    return Checked(int(raw))


def _method(text: str) -> Checked[Method]:
    raw = unicodedata.normalize("NFKC", text).strip().lower()
    by_name = {name: key for key, name in METHOD_NAMES.items()}
    method = raw if raw in METHODS else METHOD_CODES.get(raw) or by_name.get(raw)
    if method is None:
        return Checked.fail("method", "还款方式应为 annuity（等额本息，01）或 linear（等额本金，02）")
    return Checked(method)


def _date(text: str | None) -> Checked[date]:
    if text is None:
        return Checked(date.today())
    try:
        return Checked(date.fromisoformat(unicodedata.normalize("NFKC", text).strip()))
    except ValueError:
        return Checked.fail("date", "申请日期应为有效日期，格式 YYYY-MM-DD")


def _rate(text: str) -> Checked[Decimal]:
    return parse_percent(text, field="rate", minimum=0, maximum=100)


# ------------------------------------------------------------------------------------------ schedule

def run_schedule(args: argparse.Namespace) -> int:
    inputs = _Inputs()
    principal = inputs.take(parse_money(args.principal, field="principal"))
    rate = inputs.take(_rate(args.rate))
    months = inputs.take(_months(args.months, MAX_SCHEDULE_MONTHS))
    method = inputs.take(_method(args.method))
    inputs.done()
    schedule = build_schedule(principal, rate, months, method)
    if args.json:
        emit_json(schedule.as_dict())
    else:
        print(_schedule_text(schedule))
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(header: list[str], rows: list[list[str]], align: str = "") -> str:
    """Columns that stay aligned with Chinese (double-width) text; ``align`` "l"/"r" per column."""
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    align = align.ljust(len(header), "r")

    def cell(text: str, i: int) -> str:
        pad = " " * (widths[i] - _width(text))
        return text + pad if align[i] == "l" else pad + text

    return "\n".join("  ".join(cell(t, i) for i, t in enumerate(row)).rstrip() for row in [header, *rows])


def _schedule_text(schedule: Schedule) -> str:
    code = next(k for k, v in METHOD_CODES.items() if v == schedule.method)
    summary = [
        f"还款方式：{METHOD_NAMES[schedule.method]}（{code}）",
        f"贷款本金：{format_money(schedule.principal)} 元　年利率：{percent_str(schedule.annual_rate)}%"
        f"　期限：{schedule.months} 个月",
        f"首月月供：{format_money(schedule.monthly_payment)} 元",
        f"利息总额：{format_money(schedule.total_interest)} 元",
        f"还款总额：{format_money(schedule.total_payment)} 元",
    ]
    rows = [
        [str(r.month), format_money(r.payment), format_money(r.principal), format_money(r.interest),
         format_money(r.remaining)]
        for r in schedule.rows
    ]
    return "\n".join(summary) + "\n\n" + _table(["期数", "月供", "本金", "利息", "剩余本金"], rows)


# ---------------------------------------------------------------------------------------- loan limit

def _policy_on(day: date | None, inputs: _Inputs) -> PolicyVersion:
    """The city policy in force on the application date (bad date or no policy: stop with errors)."""
    if day is None:
        inputs.stop()
    try:
        book = default_policy()
    except PolicyError as exc:
        inputs.errors.append(FieldError("policy", f"城市政策文件不可用：{exc}"))
        inputs.stop()
    try:
        return book.in_force(day)
    except PolicyError as exc:
        inputs.errors.append(FieldError("date", str(exc)))
        inputs.stop()


def run_loan_limit(args: argparse.Namespace) -> int:
    inputs = _Inputs()
    balance = inputs.take(parse_money(args.balance, field="balance", allow_zero=True))
    income = inputs.take(parse_money(args.monthly_income, field="monthly_income", allow_zero=True))
    debt = inputs.take(parse_money(args.monthly_debt, field="monthly_debt", allow_zero=True))
    price = inputs.take(parse_money(args.price, field="price"))
    version = _policy_on(inputs.take(_date(args.date)), inputs)
    loan = version.loan
    months = inputs.take(_months(args.months, loan.max_term_months))
    if args.category not in loan.categories:
        choices = "、".join(f"{key}（{loan.category_label(key)}）" for key in loan.categories)
        inputs.errors.append(FieldError("category", f"未知的借款人类别“{args.category}”，可选：{choices}"))
    if args.area not in AREA_NAMES:
        inputs.errors.append(FieldError("area", "地区应为 district（市辖区）或 county（县）"))
    inputs.done()
    rate = loan.rate(args.second_home, months)
    result = compute_loan_limit(
        category_cap=loan.category_cap(args.category, args.area),
        balance=balance,
        balance_multiple=loan.balance_multiple,
        monthly_income=income,
        monthly_debt=debt,
        max_repayment_ratio_pct=loan.max_repayment_ratio,
        annual_rate_pct=rate,
        months=months,
        house_price=price,
        max_ltv_pct=loan.max_ltv(args.second_home),
        round_down_to=loan.limit_round_down_to,
    )
    if args.json:
        emit_json({**result.as_dict(), "rate": percent_str(rate),
                   "policy_version": version.effective_from.isoformat()})
    else:
        print(_limit_text(result, version, args.category, args.area, args.second_home, months, rate))
    return 0


def _limit_text(result: LoanLimit, version: PolicyVersion, category: str, area: str, second_home: bool,
                months: int, rate: Decimal) -> str:
    loan = version.loan
    notes = {
        "category_cap": f"{loan.category_label(category)}，{AREA_NAMES[area]}",
        "balance_multiple": f"账户余额 × {percent_str(loan.balance_multiple)} 倍",
        "repayment_capacity": f"月收入 × {percent_str(loan.max_repayment_ratio)}% − 现有月还款额，按等额本息折算",
        "loan_to_value": f"房屋总价 × {percent_str(loan.max_ltv(second_home))}%",
    }
    rows = [
        [CONSTRAINT_LABELS[key], format_money(value), notes[key] + ("（决定额度）" if key == result.binding else "")]
        for key, value in result.constraints.items()
    ]
    summary = f"（{version.summary}）" if version.summary else ""
    lines = [
        f"政策版本：{version.effective_from.isoformat()} 起施行{summary}",
        f"贷款利率：{percent_str(rate)}%（{'第二套住房' if second_home else '首套住房'}，期限 {months} 个月）",
        f"可贷额度：{format_money(result.limit)} 元（受“{CONSTRAINT_LABELS[result.binding]}”约束，"
        f"向下取整到 {format_money(loan.limit_round_down_to)} 元）",
    ]
    return "\n".join(lines) + "\n\n" + _table(["约束", "金额（元）", "说明"], rows, align="lrl")


# ------------------------------------------------------------------------------- prepay and settle

def _mode(text: str) -> Checked[Mode]:
    raw = unicodedata.normalize("NFKC", text).strip().lower()
    by_name = {name: key for key, name in MODE_NAMES.items()}
    mode = next((m for m in MODES if m == raw), None) or MODE_CODES.get(raw) or by_name.get(raw)
    if mode is None:
        return Checked.fail("mode", "调整方式应为 shorten（缩短期限，1）或 reduce（减少月供，2）")
    return Checked(mode)


def _day(text: str, key: str, label: str) -> Checked[date]:
    try:
        return Checked(date.fromisoformat(unicodedata.normalize("NFKC", text).strip()))
    except ValueError:
        return Checked.fail(key, f"{label}应为有效日期，格式 YYYY-MM-DD")


def run_prepay(args: argparse.Namespace) -> int:
    inputs = _Inputs()
    balance = inputs.take(parse_money(args.balance, field="balance", label="剩余本金"))
    rate = inputs.take(_rate(args.rate))
    raw_months = unicodedata.normalize("NFKC", args.months_left).strip()
    months = int(raw_months) if raw_months.isdigit() and 1 <= int(raw_months) <= MAX_SCHEDULE_MONTHS else None
    if months is None:
        inputs.errors.append(FieldError("months_left", f"剩余期数应为1至{MAX_SCHEDULE_MONTHS}个月的整数"))
    amount = inputs.take(parse_money(args.amount, field="amount", label="提前还款金额"))
    mode = inputs.take(_mode(args.mode))
    method = inputs.take(_method(args.method))
    if months is not None and months < 2:
        inputs.errors.append(FieldError("months_left", "仅剩最后一期时请按提前结清计算"))
    if balance is not None and amount is not None and amount >= balance:
        inputs.errors.append(FieldError("amount", f"提前还款金额应少于剩余本金 {format_money(balance)} 元"
                                                  "（全部还清请用 calc settle）"))
    inputs.done()
    result = prepay(balance, rate, months, amount, mode, method)
    if args.json:
        emit_json(result.as_dict())
    else:
        print(_prepay_text(result))
    return 0


def _prepay_text(result: Prepayment) -> str:
    before, after = result.before, result.after
    lines = [
        f"提前还款 {format_money(result.amount)} 元，{MODE_NAMES[result.mode]}，{METHOD_NAMES[after.method]}，"
        f"年利率 {percent_str(after.annual_rate)}%",
        f"剩余本金：{format_money(before.principal)} → {format_money(after.principal)} 元",
        f"首期月供：{format_money(before.monthly_payment)} → {format_money(after.monthly_payment)} 元",
        f"剩余期数：{before.months} → {after.months} 个月",
        f"节省利息：{format_money(result.interest_saved)} 元",
    ]
    rows = [[str(r.month), format_money(r.payment), format_money(r.principal), format_money(r.interest),
             format_money(r.remaining)] for r in after.rows]
    return "\n".join(lines) + "\n\n" + _table(["期数", "月供", "本金", "利息", "剩余本金"], rows)


def run_settle(args: argparse.Namespace) -> int:
    inputs = _Inputs()
    balance = inputs.take(parse_money(args.balance, field="balance", allow_zero=True, label="剩余本金"))
    rate = inputs.take(_rate(args.rate))
    last_due = inputs.take(_day(args.last_due, "last_due", "上一还款日"))
    on = inputs.take(_day(args.on, "on", "结清日"))
    if last_due is not None and on is not None and on < last_due:
        inputs.errors.append(FieldError("on", "结清日不能早于上一还款日"))
    inputs.done()
    result = payoff(balance, rate, last_due, on)
    if args.json:
        emit_json(result.as_dict())
    else:
        print(_settle_text(result))
    return 0


def _settle_text(result: Payoff) -> str:
    return "\n".join([
        f"结清金额：{format_money(result.total)} 元",
        f"剩余本金：{format_money(result.principal)} 元",
        f"利息：{format_money(result.interest)} 元（{result.last_due.isoformat()} 至 {result.on.isoformat()}，"
        f"{result.days} 天，日利率＝年利率÷360）",
    ])
