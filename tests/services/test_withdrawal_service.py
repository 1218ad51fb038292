"""Withdrawals (提取) through submit_application: balance, closing reasons, account states, pending
local withdrawals, duplicate documents, rent caps and frequency, materials."""

from __future__ import annotations

from datetime import UTC
from decimal import Decimal

import pytest
from service_world import (
    ACCOUNT_NO,
    PURCHASE_CONTRACT,
    W,
    assert_accepted,
    assert_refused,
    good_form,
    receipt,
    submit_good,
    table_counts,
)

from counter_app.services import submit_application

KIND = "withdrawal"
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９ｘ")


def purchase(**changes):
    """Reason 01 (buying a home) for 张三, who has 50,000.00: a contract and a 600,000 price."""
    base = {"reason_code": "01", "variant": None, "amount": "10000", "event_amount": "600000",
            "event_date": "2026-10-01", "document_no": "GF-2026-0555"}
    return {**base, **changes}


def closing(code: str, **changes):
    return {"reason_code": code, "variant": None, "document_no": None, "event_date": None, **changes}


def test_rent_withdrawal_is_queued_with_the_account_facts(counter):
    result = submit_good(counter, KIND, amount="６００")
    stored = assert_accepted(counter, result, KIND)
    assert stored.subject_key == W.active and stored.subject_name == "张三"
    assert stored.fields["amount"] == "600.00"
    assert stored.fields["reason_code"] == "07" and stored.fields["variant"] == "public"
    assert set(stored.materials) == {"id_card", "lease", "bank_card", "rent_receipts"}
    # Lease from June: six months (June–November) at 600.00 each.
    assert result.details == {"account_no": ACCOUNT_NO["active"], "balance": "50000.00",
                              "max_amount": "3600.00", "closing": False}


def test_full_width_id_number_and_reason_by_its_chinese_name(counter):
    result = submit_good(counter, KIND, id_number=W.active.translate(FULL_WIDTH), reason_code="租房")
    stored = assert_accepted(counter, result, KIND)
    assert stored.fields["id_number"] == W.active and stored.fields["reason_code"] == "07"


def test_amount_over_the_balance_refused(counter):
    result = submit_good(counter, KIND, **purchase(amount="50000.01"))
    assert_refused(counter, result, "amount", "账户余额", "50,000.00")


def test_partial_withdrawal_must_leave_a_cent(counter):
    result = submit_good(counter, KIND, **purchase(amount="50000.00"))
    assert_refused(counter, result, "amount", "0.01", "49,999.99")


def test_partial_withdrawal_leaving_exactly_a_cent_is_accepted(counter):
    assert_accepted(counter, submit_good(counter, KIND, **purchase(amount="49999.99")), KIND)


@pytest.mark.parametrize("code", ["03", "04", "05", "08"])
def test_closing_reasons_must_take_the_whole_balance(counter, code):
    result = submit_good(counter, KIND, **closing(code, amount="49999.99"))
    assert_refused(counter, result, "amount", "销户", "全部余额", "50,000.00")


def test_closing_withdrawal_of_the_whole_balance_is_accepted(counter):
    result = submit_good(counter, KIND, **closing("03", amount="50000.00"))
    assert_accepted(counter, result, KIND)
    assert result.details["closing"] is True and result.details["max_amount"] == "50000.00"


def test_frozen_account_cannot_withdraw(counter):
    assert_refused(counter, submit_good(counter, KIND, id_number=W.frozen), "id_number", "冻结")


def test_sealed_account_cannot_withdraw_for_rent(counter):
    assert_refused(counter, submit_good(counter, KIND, id_number=W.sealed), "id_number", "封存")


def test_person_without_an_account_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, id_number=W.stranger), "id_number", "未找到")


def test_monthly_offset_agreement_blocks_a_partial_withdrawal(counter):
    assert_refused(counter, submit_good(counter, KIND, id_number=W.offset), "id_number", "月对冲")


def test_rent_needs_three_months_of_contributions(counter):
    result = submit_good(counter, KIND, id_number=W.newcomer)
    assert_refused(counter, result, "id_number", "3个月", "2个月")


def test_rent_monthly_cap_over_the_months_since_the_lease_start(counter):
    result = submit_good(counter, KIND, amount="3600.01")
    assert_refused(counter, result, "amount", "600.00", "3,600.00")
    assert_accepted(counter, submit_good(counter, KIND, amount="3600.00"), KIND)


def test_rent_cap_counts_only_months_since_a_later_lease_start(counter):
    result = submit_good(counter, KIND, event_date="2026-10-15", amount="1200.01")
    assert_refused(counter, result, "amount", "可计2个月", "1,200.00")


def test_rent_frequency_counts_the_last_rent_withdrawal(counter):
    result = submit_good(counter, KIND, id_number=W.history, document_no="ZL-2026-0099")
    assert_refused(counter, result, "reason_code", "每3个月", "2026-10-10", "2027-01-10")


def test_document_already_used_for_a_paid_withdrawal_refused(counter):
    result = submit_good(counter, KIND, id_number=W.history, **purchase(document_no=PURCHASE_CONTRACT.lower()))
    assert_refused(counter, result, "document_no", "购房合同编号", "不能重复提取")


def test_document_of_a_pending_local_withdrawal_refused(counter):
    assert_accepted(counter, submit_good(counter, KIND, **purchase(amount="1000")), KIND)
    before = table_counts(counter)
    again = submit_good(counter, KIND, **purchase(amount="1000"))
    assert not again.ok
    assert "不能重复提取" in next(e.message for e in again.errors if e.field == "document_no")
    assert table_counts(counter) == before


def test_pending_local_withdrawals_reduce_the_available_balance(counter):
    """Offline, two withdrawals taken at the counter can never add up to more than the balance."""
    first = submit_good(counter, KIND, **purchase(amount="30000", document_no="GF-A"))
    assert_accepted(counter, first, KIND)
    before = table_counts(counter)
    second = submit_good(counter, KIND, **purchase(amount="30000", document_no="GF-B"))
    assert not second.ok
    assert "20,000.00" in next(e.message for e in second.errors if e.field == "amount")
    assert any("另有1笔提取正在办理" in w.message for w in second.warnings)
    assert table_counts(counter) == before
    third = submit_good(counter, KIND, **purchase(amount="19999.99", document_no="GF-B"))
    assert third.ok and third.receipt_number == receipt(counter, 2)
    assert third.details["balance"] == "20000.00"
    fourth = submit_good(counter, KIND, **purchase(amount="0.01", document_no="GF-C"))
    assert not fourth.ok
    assert "amount" in [e.field for e in fourth.errors]


def test_missing_reason_material_refused_by_name(counter):
    form = good_form(counter, KIND)
    form["materials"].remove("rent_receipts")
    result = submit_application(counter, KIND, form)
    assert_refused(counter, result, "materials", "租金发票或收据")


def test_commercial_rent_asks_for_the_no_house_certificate(counter):
    form = good_form(counter, KIND, variant="commercial")
    assert "no_house_cert" in form["materials"] and "rent_receipts" not in form["materials"]
    form["materials"].remove("no_house_cert")
    assert_refused(counter, submit_application(counter, KIND, form), "materials", "无房证明")


def test_bank_card_failing_luhn_warns_but_is_accepted(counter):
    result = submit_good(counter, KIND, bank_card="6222020000000000001")
    assert_accepted(counter, result, KIND)
    assert "bank_card" in [w.field for w in result.warnings]


def test_amount_with_three_decimals_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, amount="100.001"), "amount", "两位小数")


def test_refusal_then_success_gets_0001(counter):
    submit_good(counter, KIND, id_number=W.frozen)
    assert submit_good(counter, KIND).receipt_number == receipt(counter, 1)


def test_amount_stays_decimal_text_in_the_outbox(counter):
    result = submit_good(counter, KIND, amount="599.5")
    with counter.store.unit_of_work() as uow:
        payload = uow.outbox.get(result.client_id).payload
    assert payload["fields"]["amount"] == "599.50"
    assert Decimal(payload["fields"]["amount"]) == Decimal("599.50")


def test_variant_of_another_reason_is_a_field_error_not_a_crash(counter):
    form = good_form(counter, KIND, **purchase(variant="public"))
    result = submit_application(counter, KIND, form)
    assert_refused(counter, result, "variant", "购买自住住房", "情形")


def test_evaluate_gives_the_verdict_without_writing(counter):
    from counter_app.services.applications import evaluate

    with counter.store.unit_of_work() as uow:
        good = evaluate(counter, KIND, good_form(counter, KIND), uow)
        bad = evaluate(counter, KIND, good_form(counter, KIND, amount="3600.01"), uow)
    assert good.ok and good.values["amount"] == "600.00" and good.details["max_amount"] == "3600.00"
    assert good.receipt_number is None
    assert not bad.ok and [e.field for e in bad.errors] == ["amount"]
    assert submit_good(counter, KIND).receipt_number == receipt(counter, 1)


def test_a_pending_withdrawal_counts_on_its_china_calendar_day(data_dir):
    """Taken at 00:30 on New Year's Day in China (still 2026 in UTC): the next rent withdrawal may
    come three months after 1 January, not after 31 December."""
    from datetime import datetime

    from counter_app.services import open_counter

    new_year = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)
    with open_counter(data_dir, clock=lambda: new_year) as counter:
        assert submit_good(counter, KIND, document_no="ZL-2027-0001").ok
    three_months_less_a_day = datetime(2027, 3, 30, 16, 30, tzinfo=UTC)  # 2027-03-31 in China
    with open_counter(data_dir, clock=lambda: three_months_less_a_day) as counter:
        result = submit_good(counter, KIND, document_no="ZL-2027-0002")
        assert not result.ok
        message = next(e.message for e in result.errors if e.field == "reason_code")
        assert "2027-01-01" in message and "2027-04-01" in message
