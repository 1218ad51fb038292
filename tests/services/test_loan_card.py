"""贷款卡片 through the services: the plan to date (as contracted) and ahead (from today's balance), and
the businesses that apply to the loan as it stands."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from service_world import W

from counter_app.services import search
from counter_app.services.postloan import loan_card
from counter_app.services.printing import PrintRefused


def test_a_live_loan_shows_both_halves_of_its_plan_and_its_businesses(counter) -> None:
    card = loan_card(counter, "DK0000000001")
    assert card.borrower == "赵六" and card.months_left == 187 and not card.offset_in_force
    assert len(card.rows) == 240 and sum(r.paid for r in card.rows) == 53
    assert [r.month for r in card.rows] == list(range(1, 241))
    ahead = [r for r in card.rows if not r.paid]
    assert ahead[0].due.isoformat() == "2026-12-01" and ahead[-1].due.isoformat() == "2042-06-01"
    assert sum(r.principal for r in ahead) == Decimal("310000.00")  # ahead: from today's balance
    assert card.kinds == ("loan-settle", "loan-prepay", "offset-sign", "repay-deferral")


def test_offset_and_arrears_change_what_applies(counter) -> None:
    with counter.store.unit_of_work(write=True) as uow:
        [account] = uow.accounts.for_person(W.borrower)
        uow.accounts.upsert(replace(account, offset_agreement=True))
        loan = uow.loans.get("DK0000000001")
        assert loan is not None
        uow.loans.upsert(replace(loan, status="overdue", arrears_months=2, arrears_amount=Decimal("3600.00")))
        uow.commit()
    card = loan_card(counter, "DK0000000001")
    assert card.offset_in_force and card.kinds == ("loan-settle", "offset-cancel", "repay-deferral")


def test_a_settled_loan_has_its_whole_plan_paid_and_nothing_to_do(counter) -> None:
    card = loan_card(counter, "DK0000000002")
    assert card.kinds == () and card.months_left == 0 and all(r.paid for r in card.rows) and len(card.rows) == 120


def test_an_unknown_loan_is_refused(counter) -> None:
    with pytest.raises(PrintRefused):
        loan_card(counter, "DK404")


def test_a_contract_number_typed_in_search_finds_the_borrower(counter) -> None:
    hits = search(counter, "dk0000000001")
    assert [(h.kind, h.key) for h in hits] == [("worker", W.borrower)]
    assert hits[0].matched == "loan_no"
    assert {h.key for h in search(counter, "DK00000000")} == {W.borrower, W.repaid}  # prefix: both borrowers
