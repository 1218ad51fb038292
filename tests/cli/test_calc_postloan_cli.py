"""``counter-app calc prepay|settle``: the JSON shapes of the contract, worked examples, field-named errors."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from counter_app.cli import main

D = Decimal
PREPAY = {"--balance": "310000", "--rate": "2.85", "--months-left": "187", "--amount": "100000",
          "--mode": "shorten", "--method": "annuity"}
SETTLE = {"--balance": "310000", "--rate": "2.85", "--last-due": "2026-11-01", "--on": "2026-11-23"}


def argv(name: str, options: dict[str, str], **changes: str) -> list[str]:
    values = {**options, **{f"--{k.replace('_', '-')}": v for k, v in changes.items()}}
    return ["calc", name, *[x for item in values.items() for x in item]]


def run_json(capsys, args: list[str]) -> tuple[int, dict]:
    code = main([*args, "--json"])
    out, _ = capsys.readouterr()
    return code, json.loads(out)


@pytest.mark.parametrize("mode", ["shorten", "reduce"])
@pytest.mark.parametrize("method", ["annuity", "linear"])
def test_prepay_json_gives_the_new_payment_months_savings_and_rows(capsys, mode, method) -> None:
    code, data = run_json(capsys, argv("prepay", PREPAY, mode=mode, method=method))
    assert code == 0
    assert {"new_payment", "new_months", "interest_saved", "rows"} <= set(data)
    assert data["mode"] == mode and data["method"] == method and data["new_balance"] == "210000.00"
    assert len(data["rows"]) == data["new_months"]
    assert sum(D(r["principal"]) for r in data["rows"]) == D("210000.00") and data["rows"][-1]["remaining"] == "0.00"
    assert data["rows"][0]["payment"] == data["new_payment"]
    assert D(data["interest_saved"]) == D(data["old_total_interest"]) - D(data["new_total_interest"]) > 0
    if mode == "reduce":
        assert data["new_months"] == 187 and D(data["new_payment"]) < D(data["old_payment"])
    else:
        assert data["new_months"] < 187


def test_prepay_worked_example_and_chinese_aliases(capsys) -> None:
    code, data = run_json(capsys, argv("prepay", PREPAY, mode="缩短期限", method="01"))
    assert run_json(capsys, argv("prepay", PREPAY, mode="1"))[1] == data
    assert code == 0
    assert (data["old_payment"], data["new_payment"], data["new_months"], data["interest_saved"]) == (
        "2054.97", "2042.77", 118, "43233.97")


def test_settle_json_worked_example(capsys) -> None:
    code, data = run_json(capsys, argv("settle", SETTLE))
    assert code == 0
    assert data == {"payoff": "310539.92", "principal": "310000.00", "interest": "539.92", "days": 22,
                    "last_due": "2026-11-01", "on": "2026-11-23"}


def test_text_output_is_chinese(capsys) -> None:
    assert main(argv("settle", SETTLE)) == 0
    out, _ = capsys.readouterr()
    assert "结清金额：310,539.92 元" in out and "22 天" in out
    assert main(argv("prepay", PREPAY)) == 0
    out, _ = capsys.readouterr()
    assert "剩余期数：187 → 118 个月" in out and "节省利息：43,233.97 元" in out


@pytest.mark.parametrize(("name", "options", "changes", "field"), [
    ("prepay", PREPAY, {"amount": "310000"}, "amount"),
    ("prepay", PREPAY, {"amount": "0"}, "amount"),
    ("prepay", PREPAY, {"mode": "faster"}, "mode"),
    ("prepay", PREPAY, {"months_left": "1"}, "months_left"),
    ("prepay", PREPAY, {"months_left": "abc"}, "months_left"),
    ("prepay", PREPAY, {"method": "x"}, "method"),
    ("settle", SETTLE, {"on": "2026-10-31"}, "on"),
    ("settle", SETTLE, {"last_due": "2026-02-30"}, "last_due"),
    ("settle", SETTLE, {"rate": "abc"}, "rate"),
])
def test_bad_input_exits_2_naming_the_field(capsys, name, options, changes, field) -> None:
    code, data = run_json(capsys, argv(name, options, **changes))
    assert code == 2
    assert field in [e["field"] for e in data["errors"]]
