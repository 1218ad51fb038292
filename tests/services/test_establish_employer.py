"""Registering an employer (单位建制) through submit_application: happy path and each refusal."""

from __future__ import annotations

from service_world import (
    E,
    assert_accepted,
    assert_refused,
    good_form,
    receipt,
    submit_good,
    table_counts,
    uscc,
)

from counter_app.services import submit_application

KIND = "establish-employer"


def test_new_employer_is_queued_with_its_form_normalised(counter):
    result = submit_good(counter, KIND, uscc=" " + E.unknown.lower() + " ", worker_ratio="１０%", first_month="2026/12")
    stored = assert_accepted(counter, result, KIND)
    assert stored.subject_key == E.unknown
    assert stored.subject_name == "示范市南山食品有限公司"
    assert stored.fields["uscc"] == E.unknown
    assert (stored.fields["worker_ratio"], stored.fields["employer_ratio"]) == ("10", "10")
    assert stored.fields["first_month"] == "2026-12"
    assert set(stored.materials) == {"business_license", "legal_rep_id", "agent_id", "authorization",
                                     "bank_account_proof"}


def test_known_but_unregistered_employer_can_be_established(counter):
    # This is what an establishment notice (建制通知) asks the employer to do.
    result = submit_good(counter, KIND, uscc=E.unregistered, employer_name="示范市北坪商贸有限公司")
    assert_accepted(counter, result, KIND)


def test_registered_employer_refused_with_its_account_number(counter):
    result = submit_good(counter, KIND, uscc=E.registered)
    assert_refused(counter, result, "uscc", "DW000001", "不能重复建制")


def test_pending_establishment_of_the_same_employer_refused(counter):
    assert_accepted(counter, submit_good(counter, KIND), KIND)
    before = table_counts(counter)
    again = submit_good(counter, KIND, contact_name="王丽")
    assert not again.ok
    assert "正在办理" in next(e.message for e in again.errors if e.field == "uscc")
    assert table_counts(counter) == before
    other = submit_good(counter, KIND, uscc=uscc("MA000009"))
    assert other.receipt_number == receipt(counter, 2)


def test_invalid_uscc_check_character_refused(counter):
    wrong = E.unknown[:-1] + ("0" if E.unknown[-1] != "0" else "1")
    result = submit_good(counter, KIND, uscc=wrong)
    assert_refused(counter, result, "uscc", "统一社会信用代码", "校验位")


def test_ratio_outside_bounds_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, employer_ratio="13"), "employer_ratio", "12%")
    assert_refused(counter, submit_good(counter, KIND, worker_ratio="3"), "worker_ratio", "5%")


def test_contact_mobile_must_be_a_mobile_number(counter):
    assert_refused(counter, submit_good(counter, KIND, contact_mobile="12345678901"), "contact_mobile", "手机")


def test_missing_authorization_letter_refused(counter):
    form = good_form(counter, KIND)
    form["materials"].remove("authorization")
    result = submit_application(counter, KIND, form)
    assert_refused(counter, result, "materials", "单位授权委托书")


def test_refusal_then_success_gets_0001(counter):
    submit_good(counter, KIND, uscc=E.registered)
    assert submit_good(counter, KIND).receipt_number == receipt(counter, 1)
