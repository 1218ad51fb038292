"""Withdrawals (提取) through submit_application: balance, closing reasons, account states, pending
local withdrawals, documents counted against the amount paid, the city's report (no limit on count
or amount; rent documents), the statutory retirement age, materials."""

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
    # "不限提取次数和金额": only the balance bounds it (a partial withdrawal keeps 0.01).
    assert result.details == {"account_no": ACCOUNT_NO["active"], "balance": "50000.00",
                              "max_amount": "49999.99", "closing": False}


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


def test_report_no_limit_on_amount_rent_of_thirty_thousand_is_accepted(counter):
    """报告：“支持……租房……提取，在公积金账户余额不为零的前提下，不限提取次数和金额”: no monthly or
    yearly cap, no share of the contribution (the demo policy capped rent at 600 a month)."""
    result = submit_good(counter, KIND, amount="30000.00")
    assert_accepted(counter, result, KIND)
    assert result.details["max_amount"] == "49999.99"


def test_report_no_limit_on_count_rent_again_six_weeks_after_the_last(counter):
    """“不限提取次数”: 钱七 withdrew rent on 2026-10-10; again on 2026-11-23 with the same lease."""
    from service_world import RENT_LEASE

    result = submit_good(counter, KIND, id_number=W.history, document_no=RENT_LEASE, amount="1200")
    assert_accepted(counter, result, KIND)


def test_report_no_limit_on_count_a_second_local_rent_withdrawal_the_same_day(counter):
    assert_accepted(counter, submit_good(counter, KIND, amount="1000"), KIND)
    assert_accepted(counter, submit_good(counter, KIND, amount="1000"), KIND, seq=2)


def test_report_commercial_rent_needs_no_lease_and_no_lease_number(counter):
    """“商品住房，仅需提供本人及配偶工作地的无房证明”."""
    form = good_form(counter, KIND, variant="commercial", document_no=None)
    assert sorted(form["materials"]) == ["bank_card", "id_card", "no_house_cert"]
    assert_accepted(counter, submit_application(counter, KIND, form), KIND)


def test_rent_without_its_case_is_refused_because_the_documents_depend_on_it(counter):
    result = submit_good(counter, KIND, variant=None)
    assert_refused(counter, result, "variant", "公共租赁住房或保障性租赁住房", "商品住房")


def test_a_purchase_contract_already_used_counts_against_the_price_paid(counter):
    """钱七 took 5,000.00 on her purchase contract on 2026-03-01: of a 5,500.00 price, 500.00 are left."""
    result = submit_good(counter, KIND, id_number=W.history,
                         **purchase(document_no=PURCHASE_CONTRACT.lower(), event_amount="5500", amount="500.01"))
    assert_refused(counter, result, "amount", "已提取5,000.00元", "实际支付的购房款")
    again = submit_good(counter, KIND, id_number=W.history,
                        **purchase(document_no=PURCHASE_CONTRACT.lower(), event_amount="5500", amount="500.00"))
    assert_accepted(counter, again, KIND)


def test_a_pending_local_withdrawal_on_the_same_contract_counts_against_the_price(counter):
    assert_accepted(counter, submit_good(counter, KIND, **purchase(amount="1000", event_amount="1500")), KIND)
    before = table_counts(counter)
    again = submit_good(counter, KIND, **purchase(amount="1000", event_amount="1500"))
    assert not again.ok
    assert "已提取1,000.00元" in next(e.message for e in again.errors if e.field == "amount")
    assert table_counts(counter) == before
    assert submit_good(counter, KIND, **purchase(amount="500", event_amount="1500")).ok


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
    assert_refused(counter, result, "materials", "租金缴纳凭证")


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
        bad = evaluate(counter, KIND, good_form(counter, KIND, amount="50000.00"), uow)
    assert good.ok and good.values["amount"] == "600.00" and good.details["max_amount"] == "49999.99"
    assert good.receipt_number is None
    assert not bad.ok and [e.field for e in bad.errors] == ["amount"]
    assert submit_good(counter, KIND).receipt_number == receipt(counter, 1)


def test_a_pending_withdrawal_counts_on_its_china_calendar_day(data_dir):
    """Taken at 00:30 on New Year's Day in China (still 2026 in UTC): the next serious-illness
    withdrawal (once a year, a demo value) may come a year after 1 January, not after 31 December."""
    from datetime import datetime

    from counter_app.services import open_counter

    def illness(day: str) -> dict:
        return {"reason_code": "09", "variant": None, "document_no": None, "event_date": day, "event_amount": "8000"}

    new_year = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)
    with open_counter(data_dir, clock=lambda: new_year) as counter:
        assert submit_good(counter, KIND, **illness("2026-12-20")).ok
    a_year_less_a_day = datetime(2027, 12, 30, 16, 30, tzinfo=UTC)  # 2027-12-31 in China
    with open_counter(data_dir, clock=lambda: a_year_less_a_day) as counter:
        result = submit_good(counter, KIND, **illness("2027-12-01"))
        assert not result.ok
        message = next(e.message for e in result.errors if e.field == "reason_code")
        assert "2027-01-01" in message and "2028-01-01" in message


# --- 离休、退休: the statutory retirement age --------------------------------------------------------

def _born_2000(counter) -> str:
    """A worker born in 2000 with a normal account (the issue's case)."""
    from datetime import date

    from service_world import E, resident_id

    from counter_app.store import AccountRecord, WorkerRecord

    id_number = resident_id(date(2000, 3, 3), 15)
    with counter.store.unit_of_work(write=True) as uow:
        uow.workers.upsert(WorkerRecord(id_number=id_number, name="韩十三", sex="1", birth_date=date(2000, 3, 3),
                                        employer_uscc=E.registered, worker_category="worker"))
        uow.accounts.upsert(AccountRecord(account_no="CG0100000013", id_number=id_number, employer_uscc=E.registered,
                                          balance=Decimal("9000.00"), consecutive_months=40))
        uow.commit()
    return id_number


def test_retirement_withdrawal_of_a_worker_born_in_2000_needs_the_early_retirement_approval(counter):
    """The issue: “Retirement withdrawal (离休、退休) does not check age. One was queued for a worker
    born in 2000.” Now it is refused until the 提前退休审批表 is received, and then taken."""
    young = _born_2000(counter)
    from service_world import VALID_CARD

    form = closing("03", id_number=young, amount="9000.00", bank_card=VALID_CARD,
                   materials=["id_card", "retirement_cert", "bank_card"])
    result = submit_application(counter, KIND, form)
    message = assert_refused(counter, result, "materials", "提前退休审批表")
    assert any("未到法定退休年龄" in w.message and "2063-03-03" in w.message and "63周岁" in w.message for w in result.warnings)
    assert message
    accepted = submit_application(counter, KIND, {**form, "materials": [*form["materials"], "early_retirement_approval"]})
    assert_accepted(counter, accepted, KIND)


def test_retirement_documents_on_the_one_time_notice_follow_the_age(counter):
    young = _born_2000(counter)
    from counter_app.services import required_materials

    names = [m.name for m in required_materials(counter, KIND, {"id_number": young, "reason_code": "03"})]
    assert names[-1] == "提前退休审批表"


def test_retirement_withdrawal_of_a_woman_without_her_category_asks_for_it(counter):
    """郑十一 (female, 1987) has no category on record: 50 or 55 cannot be told."""
    result = submit_good(counter, KIND, id_number=W.offset, **closing("03", amount="40000.00"))
    assert_refused(counter, result, "worker_category", "职工", "干部")
    given = submit_good(counter, KIND, id_number=W.offset, worker_category="worker", **closing("03", amount="40000.00"))
    assert given.ok  # the early-retirement proof is among the completed materials
