"""Tests for counter_app/cli/check.py through the real entry point: exit codes, JSON shape, Chinese lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.cli import main

VALID_ID = "11010519491231002X"
BASE_KEYS = {"valid", "value", "errors", "warnings"}


def run_json(capsys, *argv: str) -> tuple[int, dict]:
    code = main(["check", *argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_valid_id_json_has_the_contract_shape_and_facts(capsys):
    code, payload = run_json(capsys, "id", "11010519491231002x")
    assert code == 0
    assert payload == {
        "valid": True,
        "value": VALID_ID,
        "errors": [],
        "warnings": [],
        "birth_date": "1949-12-31",
        "sex": "2",
        "birth_place": "北京市朝阳区",
    }


def test_full_width_id_is_checked_in_its_normalised_form(capsys):
    code, payload = run_json(capsys, "id", "１１０１０５ １９４９１２３１ ００２ｘ")
    assert code == 0
    assert payload["value"] == VALID_ID


def test_invalid_id_exits_1_with_every_reason_and_no_facts(capsys):
    code, payload = run_json(capsys, "id", "99010519491331002X")
    assert code == 1
    assert set(payload) == BASE_KEYS
    assert payload["valid"] is False
    assert payload["value"] == "99010519491331002X"
    assert len(payload["errors"]) == 3
    assert all(isinstance(m, str) and m.startswith("身份证号码") for m in payload["errors"])


def test_uscc_json(capsys):
    code, payload = run_json(capsys, "uscc", "91110000600037341l")
    assert (code, payload) == (0, {"valid": True, "value": "91110000600037341L", "errors": [], "warnings": []})
    code, payload = run_json(capsys, "uscc", "91110000600037341M")
    assert code == 1
    assert payload["errors"] == ["统一社会信用代码校验位不正确，应为L"]


def test_card_luhn_failure_is_valid_with_a_warning(capsys):
    code, payload = run_json(capsys, "card", "4111 1111 1111 1112")
    assert code == 0
    assert payload["valid"] is True and payload["errors"] == []
    assert len(payload["warnings"]) == 1 and "校验" in payload["warnings"][0]


def test_mobile_json_keeps_the_normalised_number(capsys):
    code, payload = run_json(capsys, "mobile", "+86 138-1234-5678")
    assert (code, payload["value"], payload["valid"]) == (0, "13812345678", True)
    code, payload = run_json(capsys, "mobile", "12812345678")
    assert code == 1 and payload["valid"] is False


def test_human_line_for_a_valid_id(capsys):
    assert main(["check", "id", VALID_ID]) == 0
    out = capsys.readouterr().out.strip()
    assert out == "有效：11010519491231002X（女，1949-12-31，北京市朝阳区）"


def test_human_line_for_an_invalid_id_says_why(capsys):
    assert main(["check", "id", "110105194912310021"]) == 1
    assert capsys.readouterr().out.strip() == "无效：110105194912310021：身份证号码校验位不正确，应为X"


def test_human_output_shows_warnings_as_hints(capsys):
    assert main(["check", "card", "4111111111111112"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "有效：4111111111111112"
    assert lines[1].startswith("提示：银行卡号")


@pytest.mark.parametrize("argv", [["check", "passport", "E1234567"], ["check", "id"], ["check"]])
def test_bad_usage_exits_2_with_a_chinese_message(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "参数错误" in capsys.readouterr().err


def test_installed_entry_point_in_a_subprocess():
    exe = Path(sys.executable).with_name("counter-app")
    assert exe.exists(), exe
    done = subprocess.run(
        [exe, "check", "id", "110105194912310021", "--json"], capture_output=True, text=True, encoding="utf-8"
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    payload = json.loads(done.stdout)
    assert payload["valid"] is False
    assert payload["errors"] == ["身份证号码校验位不正确，应为X"]
