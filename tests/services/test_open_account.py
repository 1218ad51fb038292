"""Opening a personal account (开户) through submit_application: stored form, one person one account, refusals."""

from __future__ import annotations

from datetime import UTC, datetime

from service_world import (
    ACCOUNT_NO,
    BEFORE_ANY_APPLICATION,
    STRANGER_X,
    E,
    W,
    assert_accepted,
    assert_refused,
    codes_for,
    complete,
    good_form,
    open_account_form,
    receipt,
    submit_good,
    table_counts,
)

from counter_app.services import open_counter, submit_application


def test_happy_path_stores_the_normalised_form_with_derived_facts(counter):
    result = submit_good(counter, "open-account")
    stored = assert_accepted(counter, result, "open-account")
    assert stored.subject_key == W.stranger
    assert stored.subject_name == "吴十"
    f = stored.fields
    assert f["monthly_base"] == "6000.00"
    assert (f["worker_ratio"], f["employer_ratio"], f["start_month"]) == ("12", "12", "2026-12")
    # Birth date and sex come from the ID number (born 1995-04-04, sequence 81: odd → male).
    assert (f["birth_date"], f["sex"]) == ("1995-04-04", "1")
    assert stored.materials == codes_for(counter, "open-account", f)
    assert result.details["monthly_contribution"] == {"worker": "720.00", "employer": "720.00", "total": "1440.00"}


def test_full_width_input_and_lowercase_x_are_stored_normalised(counter):
    form = open_account_form(
        id_number=" " + STRANGER_X[:-1].translate(str.maketrans("0123456789", "０１２３４５６７８９")) + "x ",
        name=" 马 ", mobile="１３９ １２３４ ５６７８", monthly_base="６，０００元", worker_ratio="１２%",
        employer_ratio="１０", start_month="2026年12月", employer_uscc=E.registered.lower(),
    )
    result = submit_application(counter, "open-account", complete(counter, "open-account", form))
    stored = assert_accepted(counter, result, "open-account")
    f = stored.fields
    assert f["id_number"] == STRANGER_X and stored.subject_key == STRANGER_X
    assert f["mobile"] == "13912345678"
    assert (f["monthly_base"], f["worker_ratio"], f["employer_ratio"]) == ("6000.00", "12", "10")
    assert f["start_month"] == "2026-12"
    assert f["employer_uscc"] == E.registered


def test_active_account_refused_naming_the_account_and_employer(counter):
    result = submit_good(counter, "open-account", id_number=W.active, name="张三")
    assert_refused(counter, result, "id_number", ACCOUNT_NO["active"], "示范市南山机械有限公司", "一人一户")


def test_sealed_account_accepted_with_a_transfer_warning_and_details(counter):
    result = submit_good(counter, "open-account", id_number=W.sealed, name="李四")
    stored = assert_accepted(counter, result, "open-account")
    assert result.details["transfer_from"] == ACCOUNT_NO["sealed"]
    warning = [w for w in result.warnings if w.field == "id_number"]
    assert warning and warning[0].severity == "warning"
    assert ACCOUNT_NO["sealed"] in warning[0].message and "转移" in warning[0].message
    assert stored.subject_key == W.sealed


def test_pending_open_account_for_the_same_person_is_refused(counter):
    first = submit_good(counter, "open-account")
    assert_accepted(counter, first, "open-account")
    before = table_counts(counter)
    second = submit_good(counter, "open-account", mobile="13900000000")
    assert not second.ok
    assert "正在办理" in next(e.message for e in second.errors if e.field == "id_number")
    assert table_counts(counter) == before
    # The refusal consumed no number: the next other application is -0002.
    third = submit_good(counter, "open-account", id_number=STRANGER_X, name="马")
    assert third.receipt_number == receipt(counter, 2)


def test_unregistered_employer_refused_naming_it(counter):
    result = submit_good(counter, "open-account", employer_uscc=E.unregistered)
    assert_refused(counter, result, "employer_uscc", "示范市北坪商贸有限公司", "建制")


def test_employer_unknown_to_the_station_is_a_warning_only(counter):
    result = submit_good(counter, "open-account", employer_uscc=E.unknown)
    assert_accepted(counter, result, "open-account")
    assert "employer_uscc" in [w.field for w in result.warnings]


def test_base_below_the_floor_and_above_the_cap_refused(counter):
    for base in ("2199.99", "26700.01"):
        result = submit_good(counter, "open-account", monthly_base=base)
        assert_refused(counter, result, "monthly_base", "2,200.00", "26,700.00")


def test_base_at_the_floor_and_at_the_cap_accepted(counter):
    assert_accepted(counter, submit_good(counter, "open-account", monthly_base="2200"), "open-account")
    second = submit_good(counter, "open-account", id_number=STRANGER_X, name="马", monthly_base="26700")
    assert_accepted(counter, second, "open-account", seq=2)


def test_ratio_outside_5_to_12_percent_refused(counter):
    for key in ("worker_ratio", "employer_ratio"):
        for ratio in ("4.9", "12.5", "0"):
            result = submit_good(counter, "open-account", **{key: ratio})
            assert_refused(counter, result, key, "5%", "12%")


def test_missing_labour_contract_refused_on_materials(counter):
    form = good_form(counter, "open-account")
    form["materials"] = [c for c in form["materials"] if c != "labour_contract"]
    result = submit_application(counter, "open-account", form)
    assert_refused(counter, result, "materials", "劳动合同", "一次性告知")
    assert [m.code for m in result.missing_materials] == ["labour_contract"]


def test_each_missing_required_field_is_named(counter):
    required = ("id_number", "name", "mobile", "address", "employer_uscc", "monthly_base", "worker_ratio",
                "employer_ratio", "start_month")
    for key in required:
        form = good_form(counter, "open-account")
        del form[key]
        result = submit_application(counter, "open-account", form)
        assert_refused(counter, result, key, "请填写")


def test_sex_contradicting_the_id_number_refused(counter):
    result = submit_good(counter, "open-account", sex="2")
    assert_refused(counter, result, "sex", "身份证号码", "男")


def test_unknown_field_refused_by_key(counter):
    result = submit_application(counter, "open-account", {**good_form(counter, "open-account"), "salary": "1"})
    assert_refused(counter, result, "salary", "salary", "不是")


def test_receipt_date_is_the_china_calendar_day(data_dir):
    late_evening_utc = datetime(2026, 11, 23, 17, 30, tzinfo=UTC)  # 01:30 on the 24th in China
    with open_counter(data_dir, clock=lambda: late_evening_utc) as counter:
        result = submit_good(counter, "open-account")
        assert result.receipt_number == receipt(counter, 1, day="20261124")


def test_refusal_leaves_the_store_untouched_and_the_next_success_is_0001(counter):
    assert_refused(counter, submit_good(counter, "open-account", monthly_base="1"), "monthly_base")
    assert table_counts(counter) == BEFORE_ANY_APPLICATION
    assert submit_good(counter, "open-account").receipt_number == receipt(counter, 1)


def test_numbers_start_again_at_0001_on_the_next_china_day(counter, data_dir):
    assert submit_good(counter, "open-account").receipt_number == receipt(counter, 1)
    assert submit_good(counter, "establish-employer").receipt_number == receipt(counter, 2)
    next_morning = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)  # 00:00 on the 24th in China
    with open_counter(data_dir, clock=lambda: next_morning) as tomorrow:
        result = submit_good(tomorrow, "deferral")
        assert result.receipt_number == receipt(tomorrow, 1, day="20261124")
