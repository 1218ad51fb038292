"""``counter-app apply`` takes every post-loan business (the CLI runs on the real clock, so the payoff
and the months are worked out for today), and refuses a bad one naming the field with exit 2."""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from service_world import RECEIPT, W, build_world, fixed_clock

from counter_app.cli import main
from counter_app.domain.businesses.loan_settle import last_due_date, payoff
from counter_app.domain.clock import china_time
from counter_app.domain.money import money_str
from counter_app.services import list_records, open_counter

D = Decimal


def today() -> date:
    return china_time(datetime.now(UTC)).date()


def forms() -> dict[str, dict[str, object]]:
    on = today()
    due = payoff(D("310000.00"), D("2.85"), last_due_date(date(2022, 6, 1), on), on)
    base = {"id_number": W.borrower, "loan_no": "DK0000000001"}
    return {
        "loan-settle": {**base, "settle_date": on.isoformat(), "amount": money_str(due.total),
                        "materials": ["id_card", "loan_contract"]},
        "loan-prepay": {**base, "amount": "50000", "mode": "1", "materials": ["id_card", "loan_contract"]},
        "offset-sign": {**base, "payer_relation": "1", "materials": ["id_card", "loan_contract"]},
        "offset-cancel": {**base, "payer_relation": "2", "payer_id_number": W.offset, "materials": ["id_card"]},
        "repay-deferral": {**base, "from_month": f"{on:%Y-%m}", "defer_months": 2, "reason": "失业",
                           "materials": ["id_card", "loan_contract", "hardship_proof"]},
    }


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "station"
    with open_counter(path, clock=fixed_clock) as counter:
        build_world(counter.store)
    return path


@pytest.mark.parametrize("kind", ["loan-settle", "loan-prepay", "offset-sign", "offset-cancel", "repay-deferral"])
def test_apply_takes_each_post_loan_business(data_dir, tmp_path, capsys, kind) -> None:
    form = tmp_path / "form.json"
    form.write_text(json.dumps(forms()[kind], ensure_ascii=False), encoding="utf-8")
    code = main(["--data-dir", str(data_dir), "apply", kind, "--json-file", str(form)])
    out = json.loads(capsys.readouterr().out)
    assert code == 0, out
    assert RECEIPT.match(out["receipt_number"]) and out["status"] == "queued"


def test_a_wrong_payoff_exits_2_naming_the_amount(data_dir, tmp_path, capsys) -> None:
    form = tmp_path / "form.json"
    form.write_text(json.dumps({**forms()["loan-settle"], "amount": "1.00"}), encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "apply", "loan-settle", "--json-file", str(form)]) == 2
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert [e["field"] for e in errors] == ["amount"] and "结清应还" in errors[0]["message"]
    with open_counter(data_dir) as counter:
        assert list_records(counter) == []  # nothing written
