"""月对冲 sign and cancel through the services: the loan, the payer's account, the agreement in force,
no limit on how often, one at a time per loan."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from service_world import W, assert_accepted, assert_refused, good_form

from counter_app.services import check_field, required_materials, submit_application
from counter_app.services.printing import print_form, print_receipt
from counter_app.store import AccountRecord


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())


def set_agreement(counter: Any, id_number: str, in_force: bool) -> None:
    with counter.store.unit_of_work(write=True) as uow:
        [account] = uow.accounts.for_person(id_number)
        fields = {k: getattr(account, k) for k in AccountRecord.__dataclass_fields__}
        uow.accounts.upsert(AccountRecord(**{**fields, "offset_agreement": in_force}))
        uow.commit()


def test_signing_from_the_borrowers_own_account(counter) -> None:
    result = submit_application(counter, "offset-sign", good_form(counter, "offset-sign"))
    stored = assert_accepted(counter, result, "offset-sign")
    assert stored.fields["payer_relation"] == "1" and set(stored.materials) == {"id_card", "loan_contract"}
    assert any("部分提取" in w.message for w in result.warnings)
    with counter.store.unit_of_work() as uow:
        queued = uow.outbox.get(result.client_id)
    assert queued is not None and queued.payload["kind"] == "offset-sign"


def test_signing_from_the_spouses_account_needs_the_marriage_certificate(counter) -> None:
    form = {"id_number": W.borrower, "loan_no": "DK0000000001", "payer_relation": "2", "payer_id_number": W.active}
    assert [m.name for m in required_materials(counter, "offset-sign", form)] == [
        "居民身份证原件", "借款合同", "结婚证或婚姻状况证明", "对冲账户人居民身份证原件"]
    result = submit_application(counter, "offset-sign", good_form(counter, "offset-sign", payer_relation="2",
                                                                  payer_id_number=W.active))
    assert_accepted(counter, result, "offset-sign")


@pytest.mark.parametrize(("kind", "changes", "key", "words"), [
    ("offset-sign", {"payer_relation": "2", "payer_id_number": W.offset}, "payer_id_number", ("已签订",)),
    ("offset-sign", {"payer_relation": "2", "payer_id_number": W.stranger}, "payer_id_number", ("没有住房公积金账户",)),
    ("offset-sign", {"loan_no": "DK9999999999"}, "loan_no", ("不属于该借款人",)),
    ("offset-sign", {"id_number": W.repaid, "loan_no": "DK0000000002"}, "loan_no", ("已结清",)),
    ("offset-cancel", {"payer_relation": "1", "payer_id_number": None}, "id_number", ("未签订",)),
    ("offset-cancel", {"payer_relation": "2", "payer_id_number": None}, "payer_id_number", ("请填写借款人配偶",)),
])
def test_refusals_name_the_field(counter, kind, changes, key, words) -> None:
    assert_refused(counter, submit_application(counter, kind, good_form(counter, kind, **changes)), key, *words)


def test_sign_and_cancel_any_number_of_times_one_at_a_time(counter) -> None:
    """No count limit (the city removed it): each decision applied, the next one is taken."""
    for _ in range(3):
        signed = submit_application(counter, "offset-sign", good_form(counter, "offset-sign"))
        assert signed.ok, signed.errors
        refused = submit_application(counter, "offset-cancel", good_form(counter, "offset-cancel",
                                                                         payer_relation="1", payer_id_number=None))
        assert not refused.ok and "正在受理中" in refused.errors[-1].message  # the sign is still open
        with counter.store.unit_of_work(write=True) as uow:  # the centre approves; the agreement is in force
            uow.applications.set_status(signed.client_id, "approved", by="centre", at=counter.now())
            uow.commit()
        set_agreement(counter, W.borrower, True)
        cancelled = submit_application(counter, "offset-cancel", good_form(counter, "offset-cancel",
                                                                           payer_relation="1", payer_id_number=None))
        assert cancelled.ok, cancelled.errors
        with counter.store.unit_of_work(write=True) as uow:
            uow.applications.set_status(cancelled.client_id, "approved", by="centre", at=counter.now())
            uow.commit()
        set_agreement(counter, W.borrower, False)


def test_cancelling_the_spouses_agreement_and_the_papers(counter, tmp_path) -> None:
    assert check_field(counter, "offset-cancel", "id_number", W.borrower).ok
    result = submit_application(counter, "offset-cancel", good_form(counter, "offset-cancel"))
    assert_accepted(counter, result, "offset-cancel")
    receipt = text_of(print_receipt(counter, result.receipt_number, tmp_path / "r.pdf").path)
    assert "公积金贷款月对冲解约" in receipt and "DK0000000001" in receipt and "借款人配偶" in receipt
    form = text_of(print_form(counter, result.receipt_number, tmp_path / "f.pdf").path)
    assert "住房公积金贷款月对冲还款解约申请表" in form and "改为银行卡还款" in form and "再次签约" in form
    assert W.offset not in form  # the payer's ID is masked on paper like the borrower's


def test_the_co_borrower_on_the_contract_is_the_one_who_may_pay(counter) -> None:
    with counter.store.unit_of_work(write=True) as uow:
        loan = uow.loans.get("DK0000000001")
        assert loan is not None
        uow.loans.upsert(replace(loan, co_borrower_id=W.active))
        uow.commit()
    other = submit_application(counter, "offset-sign", good_form(counter, "offset-sign", payer_relation="3",
                                                                 payer_id_number=W.history))
    assert_refused(counter, other, "payer_id_number", "不是该贷款合同的共同借款人")
    named = submit_application(counter, "offset-sign", good_form(counter, "offset-sign", payer_relation="3",
                                                                 payer_id_number=W.active))
    assert_accepted(counter, named, "offset-sign")
