"""Partial prepayment (部分提前还款) through the services: the loan on the day, both new schedules,
the fund part, the receipt and the form with the comparison, and the outbox row."""

from __future__ import annotations

import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from service_world import W, assert_accepted, assert_refused, good_form

from counter_app.domain.businesses.loan_prepay import both_modes
from counter_app.services import submit_application
from counter_app.services.printing import print_form, print_receipt
from counter_app.store import LoanRecord

KIND = "loan-prepay"
LOAN = {"loan_no": "DK0000000001", "balance": "310000.00", "rate": "2.85", "months_left": 187, "method": "01",
        "last_due": "2026-11-01"}


def prepay_form(counter: Any, **changes: Any) -> dict[str, Any]:
    return good_form(counter, KIND, **changes)


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())


def test_a_prepayment_is_queued_with_the_loan_as_it_stood(counter) -> None:
    result = submit_application(counter, KIND, prepay_form(counter))
    stored = assert_accepted(counter, result, KIND)
    assert stored.fields["loan"] == LOAN and stored.fields["mode"] == "1"  # 缩短期限
    shorten, reduce = both_modes(Decimal("310000.00"), Decimal("2.85"), 187, Decimal("100000.00"), "annuity")
    assert result.details["prepay"] == {"shorten": shorten.as_dict(), "reduce": reduce.as_dict()}
    assert shorten.after.months < 187 and reduce.after.months == 187
    with counter.store.unit_of_work() as uow:
        queued = uow.outbox.get(result.client_id)
    assert queued is not None and queued.payload["kind"] == KIND and queued.payload["fields"]["loan"] == LOAN


@pytest.mark.parametrize(("changes", "key", "words"), [
    ({"loan_no": "DK9999999999"}, "loan_no", ("不属于该借款人",)),
    ({"amount": "310000"}, "amount", ("310,000.00", "提前结清")),
    ({"mode": "faster"}, "mode", ()),
    ({"fund_amount": "30000"}, "fund_amount", ("29,999.99",)),
    ({"fund_amount": "100000.01"}, "fund_amount", ("不能超过",)),
])
def test_refusals_name_the_field(counter, changes, key, words) -> None:
    assert_refused(counter, submit_application(counter, KIND, prepay_form(counter, **changes)), key, *words)


def test_a_settled_loan_cannot_be_prepaid(counter) -> None:
    result = submit_application(counter, KIND, prepay_form(counter, id_number=W.repaid, loan_no="DK0000000002"))
    assert_refused(counter, result, "loan_no", "已结清")


def test_an_overdue_loan_must_first_be_brought_up_to_date(counter) -> None:
    with counter.store.unit_of_work(write=True) as uow:
        uow.loans.upsert(LoanRecord(
            loan_no="DK0000000001", id_number=W.borrower, principal=Decimal("400000.00"),
            outstanding=Decimal("310000.00"), annual_rate=Decimal("2.85"), months=240, method="01",
            start_date=date(2022, 6, 1), status="overdue",
        ))
        uow.commit()
    assert_refused(counter, submit_application(counter, KIND, prepay_form(counter)), "loan_no", "逾期", "不收取罚息")


def test_no_limit_on_how_often_but_one_at_a_time_per_loan(counter) -> None:
    first = submit_application(counter, KIND, prepay_form(counter, fund_amount="20000"))
    assert first.ok, first.errors
    second = submit_application(counter, KIND, prepay_form(counter, amount="5000"))
    assert not second.ok and [e.field for e in second.errors] == ["loan_no"]


def test_fund_parts_of_settlement_and_prepayment_share_one_balance(counter) -> None:
    settle = good_form(counter, "loan-settle", fund_amount="25000")
    assert submit_application(counter, "loan-settle", settle).ok
    result = submit_application(counter, KIND, prepay_form(counter, fund_amount="5000"))
    assert not result.ok and "4,999.99" in next(e.message for e in result.errors if e.field == "fund_amount")


def test_receipt_and_form_show_the_choice_and_both_schedules(counter, tmp_path) -> None:
    result = submit_application(counter, KIND, prepay_form(counter, mode="减少月供", fund_amount="20000"))
    assert result.ok, result.errors
    reduce = both_modes(Decimal("310000.00"), Decimal("2.85"), 187, Decimal("100000.00"), "annuity")[1]
    receipt = text_of(print_receipt(counter, result.receipt_number, tmp_path / "r.pdf").path)
    for words in ("公积金贷款部分提前还款", "赵六", "DK0000000001", "减少月供", "人民币壹拾万元整",
                  "提取公积金20,000.00元", f"月供{reduce.after.monthly_payment:,.2f}元", "剩余187期"):
        assert words in receipt, words
    form = text_of(print_form(counter, result.receipt_number, tmp_path / "f.pdf").path)
    for words in ("住房公积金贷款部分提前还款申请表", "还款计划对比", "当前", "缩短期限", "减少月供（选定）",
                  "210,000.00", f"{reduce.interest_saved:,.2f}"):
        assert words in form, words
