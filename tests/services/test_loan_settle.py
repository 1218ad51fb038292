"""Early settlement (提前结清) through the services: the loan, the payoff to the day, the fund part,
the receipt and the form, and the outbox row the centre gets."""

from __future__ import annotations

import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from service_world import ACCOUNT_NO, W, assert_accepted, assert_refused, good_form

from counter_app.services import check_field, required_materials, settle_preview, submit_application
from counter_app.services.printing import print_form, print_receipt
from counter_app.store import LoanRecord

KIND = "loan-settle"
PAYOFF = "310539.92"  # 310,000.00 owed after 2026-11-01; 22 days at 2.85 % to 2026-11-23 = 539.92


def settle_form(counter: Any, **changes: Any) -> dict[str, Any]:
    return good_form(counter, KIND, **changes)


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())


def test_a_settlement_to_the_day_is_queued_with_its_payoff(counter) -> None:
    result = submit_application(counter, KIND, settle_form(counter))
    stored = assert_accepted(counter, result, KIND)
    assert stored.subject_name == "赵六" and stored.fields["amount"] == PAYOFF
    assert set(stored.materials) == {"id_card", "loan_contract"}
    assert result.details["payoff"] == {"payoff": PAYOFF, "principal": "310000.00", "interest": "539.92",
                                        "days": 22, "last_due": "2026-11-01", "on": "2026-11-23"}
    with counter.store.unit_of_work() as uow:
        queued = uow.outbox.get(result.client_id)
    assert queued is not None and queued.payload["kind"] == KIND
    assert queued.payload["fields"]["loan_no"] == "DK0000000001" and queued.payload["fields"]["amount"] == PAYOFF


def test_a_later_day_costs_its_extra_days_of_interest(counter) -> None:
    # 29 days from 2026-11-01: 310000 × 0.0285 ÷ 360 × 29 = 711.71 (711.708…)
    result = submit_application(counter, KIND, settle_form(counter, settle_date="2026-11-30", amount="310711.71"))
    assert_accepted(counter, result, KIND)


def test_a_wrong_amount_names_the_payoff_and_its_parts(counter) -> None:
    result = submit_application(counter, KIND, settle_form(counter, amount="310000"))
    assert_refused(counter, result, "amount", "310,539.92", "310,000.00", "22天", "539.92")


@pytest.mark.parametrize(("changes", "key", "words"), [
    ({"loan_no": "DK9999999999"}, "loan_no", ("不属于该借款人",)),
    ({"settle_date": "2026-11-22"}, "settle_date", ("30天",)),
    ({"settle_date": "2026-12-24"}, "settle_date", ("30天",)),
    ({"fund_amount": "30000.00"}, "fund_amount", ("余额不为零", "29,999.99")),
    ({"fund_amount": PAYOFF + "1"}, "fund_amount", ("最多两位小数",)),
])
def test_refusals_name_the_field(counter, changes, key, words) -> None:
    assert_refused(counter, submit_application(counter, KIND, settle_form(counter, **changes)), key, *words)


def test_a_settled_loan_and_someone_elses_loan_are_refused(counter) -> None:
    repaid = submit_application(counter, KIND, settle_form(counter, id_number=W.repaid, loan_no="DK0000000002"))
    assert_refused(counter, repaid, "loan_no", "已结清")
    other = submit_application(counter, KIND, settle_form(counter, id_number=W.repaid))
    assert_refused(counter, other, "loan_no", "不属于该借款人")


def test_the_fund_part_may_take_all_but_a_cent_and_counts_against_later_ones(counter) -> None:
    first = submit_application(counter, KIND, settle_form(counter, fund_amount="29999.99"))
    assert first.ok, first.errors
    again = submit_application(counter, KIND, settle_form(counter))
    assert not again.ok and [e.field for e in again.errors] == ["loan_no"]  # one settlement of a loan at a time
    assert "正在受理中" in again.errors[0].message


def test_an_overdue_loan_is_settled_with_a_warning(counter) -> None:
    with counter.store.unit_of_work(write=True) as uow:
        uow.loans.upsert(LoanRecord(
            loan_no="DK0000000001", id_number=W.borrower, principal=Decimal("400000.00"),
            outstanding=Decimal("310000.00"), annual_rate=Decimal("2.85"), months=240, method="01",
            start_date=date(2022, 6, 1), status="overdue",
        ))
        uow.commit()
    result = submit_application(counter, KIND, settle_form(counter))
    assert result.ok and any("逾期" in w.message and "不收取罚息" in w.message for w in result.warnings)


def test_the_borrower_field_names_the_live_loans(counter) -> None:
    checked = check_field(counter, KIND, "id_number", W.borrower)
    assert checked.ok and any("DK0000000001" in w.message and "310,000.00" in w.message for w in checked.warnings)
    none = check_field(counter, KIND, "id_number", W.active)
    assert [e.message for e in none.errors] == ["该借款人没有正在还款的公积金贷款"]
    assert [m.name for m in required_materials(counter, KIND, {})] == ["居民身份证原件", "借款合同"]


def test_receipt_and_form_show_the_payoff_and_its_sources(counter, tmp_path) -> None:
    result = submit_application(counter, KIND, settle_form(counter, fund_amount="20000"))
    assert result.ok, result.errors
    receipt = text_of(print_receipt(counter, result.receipt_number, tmp_path / "r.pdf").path)
    for words in ("公积金贷款提前结清", "赵六", ACCOUNT_NO["borrower"], "DK0000000001", "310,539.92",
                  "人民币叁拾壹万零伍佰叁拾玖元玖角贰分", "提取公积金20,000.00元", "现金（转账）290,539.92元"):
        assert words in receipt, words
    form = text_of(print_form(counter, result.receipt_number, tmp_path / "f.pdf").path)
    for words in ("住房公积金贷款提前结清申请表", "结清还款", "2026-11-23", "290,539.92", "日利率＝年利率÷360"):
        assert words in form, words


def test_the_preview_gives_the_payoff_as_the_form_fills(counter) -> None:
    assert settle_preview(counter, {}).payoff is None
    due = settle_preview(counter, {"id_number": W.borrower, "loan_no": "DK0000000001"}).payoff  # today by default
    assert due is not None and str(due.total) == PAYOFF
    later = settle_preview(counter, {"id_number": W.borrower, "loan_no": "DK0000000001", "settle_date": "2026-11-30"})
    assert later.payoff is not None and str(later.payoff.total) == "310711.71"
    other = settle_preview(counter, {"id_number": W.borrower, "loan_no": "DK0000000002"})
    assert other.payoff is None and [e.field for e in other.errors] == ["loan_no"]
