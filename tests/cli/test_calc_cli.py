"""``counter-app calc schedule|loan-limit``: exit codes, JSON shapes, Chinese errors naming the field."""

from __future__ import annotations

import json
from datetime import date
from decimal import ROUND_FLOOR, Decimal

import pytest

from counter_app.cli import main
from counter_app.domain.policy import default_policy
from counter_app.domain.schedule import annuity_payment

D = Decimal
SCHEDULE = ["calc", "schedule", "--principal", "1000000", "--rate", "3.1", "--months", "360"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    code, out, _ = run(capsys, *argv, "--json")
    return code, json.loads(out)


def command(name, defaults, option, value):
    """``calc NAME`` with every option at its default except one."""
    values = {**defaults, option: value}
    return ["calc", name, *[x for item in values.items() for x in item]]


def test_schedule_json_worked_example(capsys):
    code, data = run_json(capsys, *SCHEDULE, "--method", "annuity")
    assert code == 0
    assert list(data) == ["method", "monthly_payment", "total_interest", "total_payment", "rows"]
    assert (data["method"], data["monthly_payment"]) == ("annuity", "4270.16")
    assert len(data["rows"]) == 360
    assert set(data["rows"][0]) == {"month", "payment", "principal", "interest", "remaining"}
    assert data["rows"][-1]["remaining"] == "0.00"
    assert sum(D(r["principal"]) for r in data["rows"]) == D("1000000.00")
    assert D(data["total_payment"]) == D("1000000") + D(data["total_interest"])
    assert all(isinstance(v, str) for v in data["rows"][0].values() if not isinstance(v, int))


@pytest.mark.parametrize("method", ["linear", "02", "等额本金"])
def test_schedule_linear_aliases(capsys, method):
    code, data = run_json(capsys, "calc", "schedule", "--principal", "１２００", "--rate", "12%", "--months", "12",
                          "--method", method)
    assert code == 0 and data["method"] == "linear"
    assert data["monthly_payment"] == "112.00"  # 100 principal + 1% of 1200
    assert data["total_interest"] == "78.00"  # 12 + 11 + … + 1


def test_schedule_text_is_a_chinese_table(capsys):
    code, out, err = run(capsys, *SCHEDULE, "--method", "annuity")
    assert code == 0 and err == ""
    assert "等额本息" in out and "首月月供：4,270.16 元" in out
    assert "期数" in out and "剩余本金" in out
    table = out.split("\n\n", 1)[1].splitlines()
    assert len(table) == 1 + 360
    assert table[-1].split()[0] == "360" and table[-1].split()[-1] == "0.00"


@pytest.mark.parametrize(
    ("option", "value", "field"),
    [
        ("--principal", "abc", "principal"),
        ("--principal", "-100", "principal"),
        ("--principal", "100.001", "principal"),
        ("--rate", "x", "rate"),
        ("--rate", "101", "rate"),
        ("--months", "0", "months"),
        ("--months", "1.5", "months"),
        ("--method", "balloon", "method"),
    ],
)
def test_schedule_bad_values_exit_2_naming_the_field(capsys, option, value, field):
    defaults = {"--principal": "1000", "--rate": "3", "--months": "12", "--method": "annuity"}
    argv = command("schedule", defaults, option, value)
    code, data = run_json(capsys, *argv)
    assert code == 2
    assert [e["field"] for e in data["errors"]] == [field]
    assert all("\u4e00" <= ch <= "\u9fff" for ch in data["errors"][0]["message"][:2])  # Chinese message
    code, out, err = run(capsys, *argv)  # without --json: Chinese on stderr, no traceback
    assert code == 2 and out == "" and field in err and "Traceback" not in err


def test_schedule_reports_every_bad_field(capsys):
    code, data = run_json(capsys, "calc", "schedule", "--principal", "x", "--rate", "y", "--months", "z",
                          "--method", "w")
    assert code == 2
    assert [e["field"] for e in data["errors"]] == ["principal", "rate", "months", "method"]


def test_missing_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["calc", "schedule", "--principal", "1000"])
    assert exc.value.code == 2
    assert "参数错误" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------ loan-limit

DAY = "2025-06-01"
LIMIT = ["calc", "loan-limit", "--category", "general", "--monthly-debt", "0", "--months", "360", "--date", DAY]


def floor_to(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(rounding=ROUND_FLOOR) * step


@pytest.mark.parametrize(("area", "second_home"), [("district", False), ("county", False), ("district", True)])
def test_loan_limit_follows_the_policy_of_the_date(capsys, area, second_home):
    loan = default_policy().in_force(date.fromisoformat(DAY)).loan
    extra = ["--second-home"] if second_home else []
    code, data = run_json(capsys, *LIMIT, "--balance", "20000", "--monthly-income", "50000", "--price", "3000000",
                          "--area", area, *extra)
    assert code == 0
    assert list(data)[:3] == ["limit", "binding", "constraints"]
    assert list(data["constraints"]) == ["category_cap", "balance_multiple", "repayment_capacity", "loan_to_value"]
    c = {k: D(v) for k, v in data["constraints"].items()}
    assert c["category_cap"] == loan.category_cap("general", area)
    assert c["balance_multiple"] == D(20000) * loan.balance_multiple
    assert c["loan_to_value"] == D(3_000_000) * loan.max_ltv(second_home) / 100
    smallest = min(c.values())
    assert c[data["binding"]] == smallest
    assert D(data["limit"]) == floor_to(smallest, loan.limit_round_down_to)
    assert data["rate"] == str(loan.rate(second_home, 360).normalize())
    assert data["policy_version"] == "2025-05-08"


def test_loan_limit_repayment_capacity_binds_for_low_income(capsys):
    loan = default_policy().in_force(date.fromisoformat(DAY)).loan
    code, data = run_json(capsys, *LIMIT, "--balance", "200000", "--monthly-income", "3000", "--price", "2000000")
    assert code == 0 and data["binding"] == "repayment_capacity"
    capacity = D(data["constraints"]["repayment_capacity"])
    affordable = D(3000) * loan.max_repayment_ratio / 100
    assert annuity_payment(capacity, loan.rate(False, 360), 360) <= affordable
    assert D(data["limit"]) <= capacity


def test_rates_change_with_the_date(capsys):
    argv = [*LIMIT[:-2], "--balance", "1", "--monthly-income", "1", "--price", "1"]
    _, before = run_json(capsys, *argv, "--date", "2025-05-07")
    _, after = run_json(capsys, *argv, "--date", "2025-05-08")
    assert before["policy_version"] < after["policy_version"] == "2025-05-08"
    assert D(before["rate"]) > D(after["rate"])


def test_loan_limit_default_date_and_text(capsys):
    argv = [*LIMIT[:-2], "--balance", "50000", "--monthly-income", "10000", "--price", "1000000"]
    code, out, err = run(capsys, *argv)
    assert code == 0 and err == ""
    assert "可贷额度：" in out and "决定额度" in out and "政策版本：" in out
    for label in ("类别最高额度", "账户余额倍数", "还款能力", "房价贷款成数"):
        assert label in out


@pytest.mark.parametrize(
    ("option", "value", "field"),
    [
        ("--category", "nobody", "category"),
        ("--balance", "-1", "balance"),
        ("--monthly-income", "lots", "monthly_income"),
        ("--monthly-debt", "1.234", "monthly_debt"),
        ("--price", "0", "price"),
        ("--months", "361", "months"),
        ("--area", "town", "area"),
        ("--date", "2025-02-30", "date"),
        ("--date", "2000-01-01", "date"),  # before the first policy version
    ],
)
def test_loan_limit_bad_values_exit_2(capsys, option, value, field):
    defaults = {"--category": "general", "--balance": "50000", "--monthly-income": "10000", "--monthly-debt": "0",
                "--price": "1000000", "--months": "360", "--date": DAY}
    code, data = run_json(capsys, *command("loan-limit", defaults, option, value))
    assert code == 2
    assert [e["field"] for e in data["errors"]] == [field]
    assert data["errors"][0]["message"]
