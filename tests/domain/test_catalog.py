"""The business catalog: the field keys of DESIGN.md, action names, kinds, choices, lookups."""

from __future__ import annotations

import typing

import pytest

from counter_app.domain import catalog
from counter_app.domain.catalog import (
    BUSINESSES,
    CHANGEABLE_PERSON_FIELDS,
    KINDS,
    PERSON_FIELDS,
    PROOF_REQUIRED_CHANGES,
    business,
)
from counter_app.domain.fieldcheck import check_field
from counter_app.domain.policy import default_policy

# The contract table of DESIGN.md ("Field keys"), extended by issue #18 with ``worker_category``
# (职工/干部: a woman's statutory retirement age) and the loan's ``work_district``.
PERSON_KEYS = ("id_type", "id_number", "name", "sex", "birth_date", "worker_category", "mobile", "phone", "address",
               "postcode", "marital_status", "bank_name", "bank_card")
DESIGN_KEYS = {
    "open-account": set(PERSON_KEYS) | {"employer_uscc", "monthly_base", "worker_ratio", "employer_ratio",
                                        "start_month"},
    "establish-employer": {"uscc", "employer_name", "legal_rep", "contact_name", "contact_mobile",
                           "employer_address", "bank_name", "bank_account", "worker_ratio", "employer_ratio",
                           "first_month"},
    "withdrawal": {"id_number", "reason_code", "amount", "bank_card", "document_no", "materials", "worker_category"},
    "loan": {"id_number", "borrower_category", "house_price", "amount", "months", "method", "second_home",
             "monthly_income", "monthly_debt", "co_borrower_id", "materials", "worker_category", "work_district"},
    "deferral": {"uscc", "from_month", "to_month", "reason", "workers_consent"},
}
VERSION = default_policy().latest


def test_the_six_kinds_of_the_contract_in_order():
    # The contract's six come first (Ctrl+1…6); the next wave's businesses follow them.
    assert KINDS[:6] == ("open-account", "establish-employer", "withdrawal", "loan", "info-change", "deferral")


@pytest.mark.parametrize("kind", sorted(DESIGN_KEYS))
def test_every_design_key_is_a_field(kind):
    assert DESIGN_KEYS[kind] <= set(business(kind).keys)


def test_person_fields_in_paper_form_order():
    assert tuple(f.key for f in PERSON_FIELDS) == PERSON_KEYS
    assert business("open-account").keys[: len(PERSON_KEYS)] == PERSON_KEYS


def test_info_change_offers_new_field_for_each_changeable_person_field():
    keys = business("info-change").keys
    assert keys[0] == "id_number" and keys[-1] == "materials"
    assert set(keys[1:-1]) == {f"new_{k}" for k in PERSON_KEYS if k != "birth_date"}
    assert all(not business("info-change").field(k).required for k in keys[1:])


def test_new_fields_check_like_the_person_fields_they_change():
    change = business("info-change")
    for person in CHANGEABLE_PERSON_FIELDS:
        new = change.field(f"new_{person.key}")
        assert (new.kind, new.choices, new.max_length) == (person.kind, person.choices, person.max_length)


def test_proof_is_required_only_for_identity_changes():
    assert set(PROOF_REQUIRED_CHANGES) == {"name", "id_type", "id_number"}
    assert set(PROOF_REQUIRED_CHANGES) <= {f.key for f in CHANGEABLE_PERSON_FIELDS}


@pytest.mark.parametrize("kind", KINDS)
def test_each_business_is_well_formed(kind):
    spec = BUSINESSES[kind]
    assert spec.kind == kind
    assert spec.action_name == "action_" + kind.replace("-", "_")
    assert len(set(spec.keys)) == len(spec.keys)
    assert spec.field(spec.subject_field).required
    assert spec.field(spec.subject_field).kind in ("id_number", "uscc")
    if spec.amount_field is not None:
        assert spec.field(spec.amount_field).kind == "money"
    assert spec.title and spec.short and spec.form_title
    assert all(f.label for f in spec.fields)
    # 同单位办理下一笔 keeps an employer's fields, never the person's own
    assert all(spec.field(key).kind == "uscc" and key != spec.subject_field for key in spec.next_keeps)


def test_action_names_of_the_gui_contract():
    assert [BUSINESSES[k].action_name for k in KINDS[:6]] == [
        "action_open_account", "action_establish_employer", "action_withdrawal", "action_loan",
        "action_info_change", "action_deferral",
    ]
    assert all(BUSINESSES[k].action_name == "action_" + k.replace("-", "_") for k in KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_kind_is_known_and_has_a_check(kind):
    known = set(typing.get_args(catalog.FieldKind))
    for spec in BUSINESSES[kind].fields:
        assert spec.kind in known
        # A check exists for every kind: a junk value gives a result, never a KeyError.
        result = check_field(spec, "？", version=VERSION, today=VERSION.effective_from)
        assert result.ok or all(e.field == spec.key for e in result.errors)


@pytest.mark.parametrize("kind", KINDS)
def test_choice_fields_have_choices_with_unique_codes(kind):
    for spec in BUSINESSES[kind].fields:
        if spec.kind == "choice":
            assert spec.choices
            if isinstance(spec.choices, tuple):
                codes = [code for code, _ in spec.choices]
                assert len(set(codes)) == len(codes)


def test_derived_fields_come_from_the_id_number():
    derived = {f.key: f.derived_from for f in PERSON_FIELDS if f.derived_from}
    assert derived == {"sex": "id_number", "birth_date": "id_number"}


def test_unknown_kind_names_the_valid_ones_in_chinese():
    with pytest.raises(KeyError) as caught:
        business("mortgage")
    message = str(caught.value)
    assert "未知业务类型" in message and all(k in message for k in KINDS)


def test_unknown_field_key_raises():
    with pytest.raises(KeyError):
        business("loan").field("salary")
