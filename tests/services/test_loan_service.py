"""Loan intake (贷款受理) through submit_application and loan_preview: limit and its binding constraint,
term against retirement, eligibility, duplicates, materials."""

from __future__ import annotations

from decimal import Decimal

import pytest
from service_world import (
    W,
    assert_accepted,
    assert_refused,
    good_form,
    loan_form,
    receipt,
    submit_good,
    table_counts,
)

from counter_app.domain.loan_limit import CONSTRAINT_KEYS, CONSTRAINT_LABELS
from counter_app.domain.schedule import build_schedule
from counter_app.services import loan_preview, submit_application

KIND = "loan"
D = Decimal


def test_loan_application_is_queued_with_limit_and_rate(counter):
    result = submit_good(counter, KIND, monthly_income="８０００元", method="annuity")
    stored = assert_accepted(counter, result, KIND)
    f = stored.fields
    assert (f["amount"], f["house_price"], f["monthly_income"], f["monthly_debt"]) == (
        "300000.00", "600000.00", "8000.00", "0.00")
    assert f["months"] == 240 and f["method"] == "01" and f["borrower_category"] == "general"
    assert stored.subject_name == "张三"
    limit = result.details["loan_limit"]
    assert limit["binding"] == "loan_to_value" and limit["limit"] == "480000.00"
    assert set(limit["constraints"]) == set(CONSTRAINT_KEYS)
    assert result.details["rate"] == "2.6"  # first home, over five years, since 2025-05-08


def test_method_by_its_chinese_name(counter):
    stored = assert_accepted(counter, submit_good(counter, KIND, method="等额本金"), KIND)
    assert stored.fields["method"] == "02"


@pytest.mark.parametrize(
    ("binding", "changes"),
    [
        ("loan_to_value", {"amount": "480001"}),
        ("balance_multiple", {"house_price": "2000000", "monthly_income": "50000", "amount": "760000"}),
        ("repayment_capacity", {"monthly_income": "3000"}),
        ("category_cap", {"id_number": W.senior, "months": "84", "house_price": "2000000",
                          "monthly_income": "50000", "amount": "900000"}),
    ],
)
def test_amount_over_the_limit_names_the_binding_constraint(counter, binding, changes):
    result = submit_good(counter, KIND, **changes)
    limit = result.details["loan_limit"]
    assert limit["binding"] == binding
    shown = f"{D(limit['limit']):,.2f}"
    assert_refused(counter, result, "amount", "可贷额度", shown, CONSTRAINT_LABELS[binding])


def test_amount_at_the_limit_is_accepted(counter):
    assert_accepted(counter, submit_good(counter, KIND, amount="480000"), KIND)


def test_term_beyond_retirement_plus_five_years_refused_with_the_longest_term(counter):
    # 周九, a man born 1968-06-01, retires in 2029 and must have repaid five years later.
    result = submit_good(counter, KIND, id_number=W.senior)
    message = assert_refused(counter, result, "months", "法定退休年龄后5年")
    longest = int(message.split("最长")[1].split("个月")[0])
    assert 0 < longest < 240
    assert_accepted(counter, submit_good(counter, KIND, id_number=W.senior, months=str(longest)), KIND)


def test_term_over_the_policy_maximum_refused_by_the_form(counter):
    assert_refused(counter, submit_good(counter, KIND, months="361"), "months", "360")


def test_too_few_months_of_contributions_refused(counter):
    result = submit_good(counter, KIND, id_number=W.newcomer, amount="10000", house_price="100000")
    assert_refused(counter, result, "id_number", "6个月", "2个月")


def test_outstanding_fund_loan_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, id_number=W.borrower), "id_number", "未结清")


def test_frozen_account_refused(counter):
    result = submit_good(counter, KIND, id_number=W.frozen, amount="100000")
    assert_refused(counter, result, "id_number", "冻结")


def test_sealed_account_refused(counter):
    result = submit_good(counter, KIND, id_number=W.sealed, amount="100000")
    assert_refused(counter, result, "id_number", "封存")


def test_a_repaid_fund_loan_makes_the_next_one_a_second_home(counter):
    result = submit_good(counter, KIND, id_number=W.repaid)
    assert_refused(counter, result, "second_home", "第二套住房")
    accepted = submit_good(counter, KIND, id_number=W.repaid, second_home="是")
    assert_accepted(counter, accepted, KIND)
    assert accepted.details["rate"] == "3.075"
    assert accepted.details["loan_limit"]["constraints"]["loan_to_value"] == "420000.00"  # 70 % of 600,000


def test_person_without_an_account_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, id_number=W.stranger), "id_number", "未找到")


def test_pending_loan_application_refused(counter):
    assert_accepted(counter, submit_good(counter, KIND), KIND)
    before = table_counts(counter)
    again = submit_good(counter, KIND, amount="200000")
    assert "正在受理" in next(e.message for e in again.errors if e.field == "id_number")
    assert table_counts(counter) == before


def test_amount_over_the_house_price_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, amount="700000"), "amount", "房屋总价")


def test_co_borrower_cannot_be_the_borrower(counter):
    assert_refused(counter, submit_good(counter, KIND, co_borrower_id=W.active.lower()), "co_borrower_id", "本人")


def test_missing_marriage_certificate_refused(counter):
    form = good_form(counter, KIND)
    form["materials"].remove("marriage_cert")
    assert_refused(counter, submit_application(counter, KIND, form), "materials", "结婚证")


def test_refusal_then_success_gets_0001(counter):
    submit_good(counter, KIND, id_number=W.borrower)
    assert submit_good(counter, KIND).receipt_number == receipt(counter, 1)


# --- loan_preview ------------------------------------------------------------------------------------


def test_preview_gives_the_limit_and_both_schedules_of_the_amount(counter):
    preview = loan_preview(counter, loan_form())
    assert preview.errors == []
    assert preview.limit.binding == "loan_to_value" and preview.limit.limit == D("480000.00")
    assert preview.rate == D("2.6")
    assert set(preview.schedules) == {"annuity", "linear"}
    for method, schedule in preview.schedules.items():
        assert schedule == build_schedule(D("300000.00"), D("2.6"), 240, method)
        assert len(schedule.rows) == 240
    assert preview.schedules["linear"].total_interest < preview.schedules["annuity"].total_interest


def test_preview_without_an_amount_schedules_the_limit(counter):
    form = loan_form()
    del form["amount"]
    preview = loan_preview(counter, form)
    assert preview.schedules["annuity"] == build_schedule(preview.limit.limit, D("2.6"), 240, "annuity")


def test_preview_of_a_half_filled_form_reports_only_what_it_needs(counter):
    preview = loan_preview(counter, {"id_number": W.active, "months": "abc"})
    assert preview.limit is None and preview.schedules == {}
    assert {e.field for e in preview.errors} == {"borrower_category", "monthly_income", "house_price", "months"}


def test_preview_for_a_person_without_an_account(counter):
    preview = loan_preview(counter, loan_form(id_number=W.stranger))
    assert preview.limit is None
    assert [e.field for e in preview.errors] == ["id_number"]


def test_preview_writes_nothing(counter):
    loan_preview(counter, loan_form())
    assert table_counts(counter)["applications"] == 0


def test_a_county_station_applies_the_county_caps(data_dir):
    from service_world import fixed_clock

    from counter_app.services import open_counter

    with open_counter(data_dir) as setup, setup.store.unit_of_work(write=True) as uow:
        uow.settings.set("station_code", "QS01")  # 青山县青山镇服务站: a county
        uow.commit()
    with open_counter(data_dir, clock=fixed_clock) as county:
        assert county.station_code == "QS01"
        rich = {"id_number": W.senior, "months": "84", "house_price": "2000000", "monthly_income": "50000"}
        preview = loan_preview(county, loan_form(**rich))
        assert preview.limit.constraints["category_cap"] == D("600000.00")
        assert (preview.limit.binding, preview.limit.limit) == ("category_cap", D("600000.00"))
        result = submit_good(county, KIND, **rich, amount="700000")
        assert not result.ok and "600,000.00" in next(e.message for e in result.errors if e.field == "amount")
        assert result.receipt_number is None
