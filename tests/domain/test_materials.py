"""Required documents per business kind, withdrawal reason and changed field; what is still missing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.business_spec import MaterialCase
from counter_app.domain.catalog import KINDS, PROOF_REQUIRED_CHANGES
from counter_app.domain.materials import Material, case_guidance, missing_materials, required_materials
from counter_app.domain.policy import default_policy

V = default_policy().in_force(date(2026, 10, 1))


def codes(materials: list[Material]) -> list[str]:
    return [m.code for m in materials]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_lists_its_documents_with_names(kind):
    required = required_materials(kind, V)
    assert codes(required) == V.business_materials(kind) and required
    for m in required:
        assert m.name == "或".join(V.materials[c] for c in m.any_of) and m.name


def test_demo_city_documents_per_kind():
    assert codes(required_materials("establish-employer", V))[:2] == ["business_license", "legal_rep_id"]
    assert "labour_contract" in codes(required_materials("open-account", V))
    assert "workers_consent" in codes(required_materials("deferral", V))


@pytest.mark.parametrize("reason", sorted(V.withdrawal.reasons))
def test_withdrawal_adds_the_reason_documents_once(reason):
    required = codes(required_materials("withdrawal", V, reason_code=reason))
    assert required[: len(V.business_materials("withdrawal"))] == V.business_materials("withdrawal")
    assert set(V.withdrawal.reasons[reason].materials) <= set(required)
    assert len(required) == len(set(required))


def test_typical_documents_of_withdrawal_reasons():
    def names(reason, variant=None):
        return [m.name for m in required_materials("withdrawal", V, reason_code=reason, variant=variant)]

    assert names("01") == ["居民身份证原件", "购房合同", "购房发票", "本人银行卡"]
    assert "退休证明" in names("03")
    assert {"死亡证明", "继承权公证书"} <= set(names("08"))
    assert names("07", "public") == ["居民身份证原件", "本人银行卡", "房屋租赁合同", "租金缴纳凭证"]
    assert names("07", "commercial") == ["居民身份证原件", "本人银行卡", "本人及配偶工作地的无房证明"]
    assert names("03") == ["居民身份证原件", "退休证明", "本人银行卡"]
    assert required_materials("withdrawal", V, reason_code="03", early_retirement=True)[-1].name == "提前退休审批表"


def test_report_rent_one_time_notice_and_materials_come_from_the_same_data():
    """报告：“公共租赁住房和保障性租赁住房，仅需提供房屋租赁合同和租金缴纳凭证；商品住房，仅需提供本人及
    配偶工作地的无房证明”. The issue: the one-time notice listed 租赁合同 for commercial housing although
    the policy's own note said otherwise. Now the rent reason itself asks for no lease, and what the
    notice says about each case is made from the cases' own lists."""
    rent = V.withdrawal.reasons["07"]
    assert "lease" not in rent.materials and "lease" not in rent.variants["commercial"].materials
    assert case_guidance("withdrawal", V, MaterialCase("07")) == [
        "公共租赁住房或保障性租赁住房：房屋租赁合同、租金缴纳凭证", "商品住房：本人及配偶工作地的无房证明"]
    for version in default_policy().versions:  # no free-text note that could contradict the lists again
        assert "租赁合同" not in version.withdrawal.reasons["07"].notes
    assert case_guidance("withdrawal", V, MaterialCase("06")) == [] and case_guidance("loan", V, MaterialCase("07")) == []
    assert case_guidance("withdrawal", V, MaterialCase("07", "commercial")) == []  # the case is chosen: its list says it


def test_unknown_kind_reason_or_variant_is_a_key_error():
    for call in (
        lambda: required_materials("loan-ish", V),
        lambda: required_materials("withdrawal", V, reason_code="98"),
        lambda: required_materials("withdrawal", V, reason_code="07", variant="castle"),
    ):
        with pytest.raises(KeyError):
            call()


def test_name_or_id_number_change_needs_household_register_or_police_certificate():
    for field in PROOF_REQUIRED_CHANGES:
        [extra] = required_materials("info-change", V, changed_fields=[field])[1:]
        assert extra.any_of == ("household_register", "police_cert") and extra.name == "户口簿或派出所证明"
    both = required_materials("info-change", V, changed_fields=["new_name", "new_id_number", "mobile"])
    assert codes(both) == ["id_card", "household_register|police_cert"]  # one proof serves both, mobile needs none


def test_other_changed_fields_bring_their_own_documents():
    assert codes(required_materials("info-change", V, changed_fields=["bank_card"])) == ["id_card", "bank_card"]
    assert codes(required_materials("info-change", V, changed_fields=["mobile", "address"])) == ["id_card"]
    assert codes(required_materials("loan", V, changed_fields=["name"])) == V.business_materials("loan")


def test_missing_materials_counts_either_alternative():
    required = required_materials("info-change", V, changed_fields=["name"])
    assert codes(missing_materials(required, [])) == ["id_card", "household_register|police_cert"]
    assert missing_materials(required, ["id_card", "police_cert"]) == []
    assert missing_materials(required, ["id_card", "household_register"]) == []
    assert codes(missing_materials(required, ["police_cert"])) == ["id_card"]


@given(st.sampled_from(sorted(V.withdrawal.reasons)), st.sets(st.sampled_from(sorted(V.materials))))
def test_missing_is_exactly_the_unsatisfied_requirements_in_order(reason, received):
    required = required_materials("withdrawal", V, reason_code=reason)
    missing = missing_materials(required, received)
    assert missing == [m for m in required if not set(m.any_of) & received]
    assert missing_materials(required, set(V.materials)) == []
