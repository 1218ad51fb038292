"""Form services a screen calls while the clerk types: check_field, field_choices, required_materials."""

from __future__ import annotations

from datetime import UTC

import pytest
from service_world import STRANGER_X, E, W, fixed_clock

from counter_app.domain.catalog import KINDS
from counter_app.services import check_field, check_form, field_choices, open_counter, required_materials


def test_blank_required_field_asks_for_it_blank_optional_field_is_fine(counter):
    assert [e.message for e in check_field(counter, "open-account", "name", "  ").errors] == ["请填写姓名"]
    assert check_field(counter, "open-account", "phone", "").ok
    assert check_field(counter, "open-account", "sex", None).ok  # derived from the ID number


def test_field_check_normalises_and_gives_facts(counter):
    checked = check_field(counter, "withdrawal", "id_number", W.active.lower())
    assert checked.ok and checked.value == W.active
    assert checked.facts["sex"] == "1"


def test_leaving_the_id_field_tells_what_the_store_knows(counter):
    # One person, one account: said as soon as the clerk leaves the ID field, not only on submit.
    existing = check_field(counter, "open-account", "id_number", W.active)
    assert existing.value == W.active
    assert [e.field for e in existing.errors] == ["id_number"] and "一人一户" in existing.errors[0].message
    sealed = check_field(counter, "open-account", "id_number", W.sealed)
    assert sealed.ok and "转移接续" in sealed.warnings[0].message
    unknown = check_field(counter, "withdrawal", "id_number", "11010519491231002X")
    assert "未找到" in unknown.errors[0].message


def test_field_check_follows_the_id_type_of_the_form(counter):
    assert not check_field(counter, "open-account", "id_number", "E12345678").ok
    assert check_field(counter, "open-account", "id_number", "E12345678", {"id_type": "03"}).ok


def test_field_check_uses_the_policy_of_the_counters_day(data_dir):
    # Ratio bounds do not change, but the base floor did on 2025-07-01: before it 2,100 was the floor.
    from datetime import datetime

    from service_world import good_form

    from counter_app.services import submit_application

    with open_counter(data_dir, clock=lambda: datetime(2025, 6, 2, 2, 0, tzinfo=UTC)) as early:
        form = good_form(early, "open-account", monthly_base="2150", start_month="2025-07")
        assert submit_application(early, "open-account", form).ok
    with open_counter(data_dir, clock=fixed_clock) as now:
        form = good_form(now, "open-account", id_number=STRANGER_X, name="马", monthly_base="2150")
        result = submit_application(now, "open-account", form)
        assert [e.field for e in result.errors] == ["monthly_base"] and "2,200.00" in result.errors[0].message


def test_choices_of_a_field(counter):
    reasons = dict(field_choices(counter, "withdrawal", "reason_code"))
    assert reasons["07"] == "租房" and "93" in reasons  # 物业费: added by the 2026 amendment
    assert field_choices(counter, "loan", "method") == [("01", "等额本息"), ("02", "等额本金")]
    assert [c for c, _ in field_choices(counter, "loan", "borrower_category")] == ["general", "talent", "outside_urban"]
    assert field_choices(counter, "open-account", "address") == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_business_asks_for_some_documents_known_to_the_policy(counter, kind):
    materials = required_materials(counter, kind)
    assert materials
    known = counter.policy_on().materials
    assert all(code in known for m in materials for code in m.any_of)


def test_withdrawal_documents_follow_reason_and_variant(counter):
    codes = lambda form: [m.code for m in required_materials(counter, "withdrawal", form)]  # noqa: E731
    assert codes({}) == ["id_card"]
    assert codes({"reason_code": "03"}) == ["id_card", "retirement_cert", "bank_card"]
    assert codes({"reason_code": "租房", "variant": "commercial"}) == ["id_card", "lease", "bank_card", "no_house_cert"]
    # Half typed or not this reason's: no extra documents, and no failure.
    assert codes({"reason_code": "0"}) == ["id_card"]
    assert codes({"reason_code": "01", "variant": "public"}) == ["id_card", "purchase_contract", "invoice", "bank_card"]


def test_info_change_documents_follow_the_changed_fields(counter):
    names = lambda form: [m.name for m in required_materials(counter, "info-change", form)]  # noqa: E731
    assert names({"new_mobile": "13900000000"}) == ["居民身份证原件"]
    assert names({"new_name": "张叁", "new_bank_card": "1"}) == ["居民身份证原件", "户口簿或派出所证明", "本人银行卡"]
    assert names({"new_name": ""}) == ["居民身份证原件"]  # a field left blank changes nothing


def test_check_form_service_uses_the_counters_day(counter):
    result = check_form(counter, "deferral", {"uscc": E.registered, "from_month": "2027-01", "to_month": "2027-02",
                                              "reason": "困难", "workers_consent": "是"})
    assert result.ok and result.values["workers_consent"] is True
