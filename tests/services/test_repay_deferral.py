"""Hardship deferred repayment (缓期还款) through the services; the papers say no penalty, no bad credit."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from service_world import W, assert_accepted, assert_refused, good_form

from counter_app.domain.businesses.repay_deferral import cross_checks
from counter_app.services import required_materials, submit_application
from counter_app.services.printing import print_form, print_receipt

KIND = "repay-deferral"


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())


def test_a_deferral_is_queued_with_its_proof(counter) -> None:
    assert [m.name for m in required_materials(counter, KIND)] == [
        "居民身份证原件", "借款合同", "困难情况证明（失业、重大疾病、受灾等）"]
    result = submit_application(counter, KIND, good_form(counter, KIND))
    stored = assert_accepted(counter, result, KIND)
    assert stored.fields["defer_months"] == 3 and stored.fields["from_month"] == "2026-12"
    assert "hardship_proof" in stored.materials


@pytest.mark.parametrize(("changes", "key", "words"), [
    ({"defer_months": "7"}, "defer_months", ("最长6个月",)),
    ({"from_month": "2026-10"}, "from_month", ("不能早于本月",)),
    ({"loan_no": "DK9999999999"}, "loan_no", ("不属于该借款人",)),
    ({"id_number": W.repaid, "loan_no": "DK0000000002"}, "loan_no", ("已结清",)),
    ({"reason": ""}, "reason", ()),
])
def test_refusals_name_the_field(counter, changes, key, words) -> None:
    assert_refused(counter, submit_application(counter, KIND, good_form(counter, KIND, **changes)), key, *words)


def test_one_request_at_a_time_per_loan(counter) -> None:
    assert submit_application(counter, KIND, good_form(counter, KIND)).ok
    again = submit_application(counter, KIND, good_form(counter, KIND, defer_months="2"))
    assert not again.ok and "正在受理中" in again.errors[0].message


def test_the_cross_check_alone() -> None:
    assert cross_checks({"defer_months": 6}, []) == []
    assert cross_checks({"defer_months": 7}, [])[0].field == "defer_months"


def test_receipt_and_form_state_no_penalty_and_no_bad_credit_record(counter, tmp_path) -> None:
    result = submit_application(counter, KIND, good_form(counter, KIND))
    receipt = text_of(print_receipt(counter, result.receipt_number, tmp_path / "r.pdf").path)
    form = text_of(print_form(counter, result.receipt_number, tmp_path / "f.pdf").path)
    for text in (receipt, form):
        assert "不收取罚息" in text and "不作为个人不良信用记录" in text
    assert "住房公积金贷款缓期还款申请表" in form and "单位停产，本人失业" in form
    assert "2026-12" in receipt and "DK0000000001" in receipt
