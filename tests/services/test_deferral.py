"""Employer deferral (缓缴) through submit_application: consent, span, order of months, registration."""

from __future__ import annotations

from service_world import (
    E,
    assert_accepted,
    assert_refused,
    good_form,
    receipt,
    submit_good,
    table_counts,
)

from counter_app.services import submit_application

KIND = "deferral"


def test_deferral_is_queued_with_months_and_consent_normalised(counter):
    result = submit_good(counter, KIND, from_month="2027年1月", to_month="2027.6", workers_consent="是")
    stored = assert_accepted(counter, result, KIND)
    assert (stored.fields["from_month"], stored.fields["to_month"]) == ("2027-01", "2027-06")
    assert stored.fields["workers_consent"] is True
    assert stored.subject_key == E.registered and stored.subject_name == "示范市南山机械有限公司"
    assert set(stored.materials) == {"business_license", "deferral_application", "workers_consent",
                                     "financial_statements"}


def test_without_workers_consent_refused(counter):
    for answer in (False, "否", "0"):
        assert_refused(counter, submit_good(counter, KIND, workers_consent=answer), "workers_consent", "职工代表大会")


def test_consent_that_is_neither_yes_nor_no_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, workers_consent="maybe"), "workers_consent", "是", "否")


def test_span_over_the_policy_maximum_refused_with_both_numbers(counter):
    assert_refused(counter, submit_good(counter, KIND, to_month="2028-01"), "to_month", "最长12个月", "13个月")


def test_span_of_exactly_the_maximum_accepted(counter):
    assert_accepted(counter, submit_good(counter, KIND, to_month="2027-12"), KIND)


def test_to_month_before_from_month_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, to_month="2026-12"), "to_month", "不能早于")


def test_single_month_deferral_accepted(counter):
    assert_accepted(counter, submit_good(counter, KIND, to_month="2027-01"), KIND)


def test_unregistered_employer_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, uscc=E.unregistered), "uscc", "缴存登记")


def test_employer_unknown_to_the_station_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, uscc=E.unknown), "uscc", "缴存登记")


def test_invalid_month_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, from_month="2027-13"), "from_month", "年-月")


def test_pending_deferral_of_the_same_employer_refused(counter):
    assert_accepted(counter, submit_good(counter, KIND), KIND)
    before = table_counts(counter)
    again = submit_good(counter, KIND, from_month="2027-07", to_month="2027-09")
    assert "正在办理" in next(e.message for e in again.errors if e.field == "uscc")
    assert table_counts(counter) == before


def test_missing_financial_statements_refused(counter):
    form = good_form(counter, KIND)
    form["materials"].remove("financial_statements")
    assert_refused(counter, submit_application(counter, KIND, form), "materials", "财务报表")


def test_refusal_then_success_gets_0001(counter):
    submit_good(counter, KIND, workers_consent=False)
    assert submit_good(counter, KIND).receipt_number == receipt(counter, 1)
