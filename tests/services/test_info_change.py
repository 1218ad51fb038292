"""Personal information change (信息变更): before/after values kept, proof for name and ID changes, refusals."""

from __future__ import annotations

from service_world import (
    STRANGER_X,
    W,
    assert_accepted,
    assert_refused,
    complete,
    good_form,
    info_change_form,
    receipt,
    submit_good,
)

from counter_app.services import required_materials, submit_application

KIND = "info-change"
PROOF = "户口簿或派出所证明"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def test_mobile_change_keeps_the_value_before(counter):
    result = submit_good(counter, KIND, new_mobile="１３９ ８７６５ ４３２１")
    stored = assert_accepted(counter, result, KIND)
    assert stored.fields["new_mobile"] == "13987654321"
    assert stored.fields["before"] == {"mobile": "13800000001"}
    assert result.details["changes"] == {"mobile": {"before": "13800000001", "after": "13987654321"}}
    assert stored.subject_key == W.active and stored.subject_name == "张三"
    assert stored.materials == ["id_card"]


def test_several_changes_keep_each_value_before_and_the_outbox_carries_them(counter):
    result = submit_good(counter, KIND, new_mobile=None, new_address="示范市北坪镇新村8号", new_marital_status="40")
    stored = assert_accepted(counter, result, KIND)
    assert stored.fields["before"] == {"address": "示范市南山镇人民路2号", "marital_status": "20"}
    assert (stored.fields["new_address"], stored.fields["new_marital_status"]) == ("示范市北坪镇新村8号", "40")
    with counter.store.unit_of_work() as uow:
        payload = uow.outbox.get(result.client_id).payload
    assert payload["fields"]["before"] == stored.fields["before"]


def test_a_field_never_recorded_before_is_kept_as_none(counter):
    stored = assert_accepted(counter, submit_good(counter, KIND, new_mobile=None, new_postcode="730000"), KIND)
    assert stored.fields["before"] == {"postcode": None}


def test_name_change_needs_household_register_or_police_certificate(counter):
    assert [m.name for m in required_materials(counter, KIND, {"new_name": "张叁"})] == ["居民身份证原件", PROOF]
    result = submit_application(counter, KIND, complete(counter, KIND, info_change_form(new_mobile=None, new_name="张叁"))
                                | {"materials": ["id_card"]})
    assert_refused(counter, result, "materials", PROOF)


def test_either_proof_document_is_enough(counter):
    form = info_change_form(new_mobile=None, new_name="张叁", materials=["id_card", "police_cert"])
    stored = assert_accepted(counter, submit_application(counter, KIND, form), KIND)
    assert stored.fields["before"] == {"name": "张三"}


def test_id_number_change_needs_proof_and_keeps_the_old_number(counter):
    form = info_change_form(new_mobile=None, new_id_number=STRANGER_X.lower())
    assert_refused(counter, submit_application(counter, KIND, {**form, "materials": ["id_card"]}), "materials", PROOF)
    stored = assert_accepted(counter, submit_application(counter, KIND, complete(counter, KIND, form)), KIND)
    assert stored.fields["new_id_number"] == STRANGER_X
    assert stored.fields["before"] == {"id_number": W.active}


def test_new_id_number_of_another_worker_refused(counter):
    result = submit_good(counter, KIND, new_mobile=None, new_id_number=W.sealed)
    assert_refused(counter, result, "new_id_number", "另一名职工")


def test_same_value_refused_after_normalisation(counter):
    result = submit_good(counter, KIND, new_mobile="13800000001".translate(FULL_WIDTH))
    assert_refused(counter, result, "new_mobile", "与原值相同")
    assert_refused(counter, submit_good(counter, KIND, new_mobile=None, new_name=" 张三 "), "new_name", "与原值相同")


def test_nothing_to_change_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, new_mobile=None), "new_name", "至少填写一项")


def test_marital_status_change_needs_the_marriage_certificate(counter):
    form = good_form(counter, KIND, new_mobile=None, new_marital_status="已婚")
    assert "marriage_cert" in form["materials"]
    form["materials"].remove("marriage_cert")
    assert_refused(counter, submit_application(counter, KIND, form), "materials", "结婚证")


def test_unknown_person_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, id_number=W.stranger), "id_number", "未找到")


def test_invalid_new_mobile_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, new_mobile="1380000000"), "new_mobile", "手机")


def test_minority_name_with_a_look_alike_dot_and_a_rare_character_kept(counter):
    stored = assert_accepted(counter, submit_good(counter, KIND, new_mobile=None, new_name="阿依古丽•𠮷买提"), KIND)
    assert stored.fields["new_name"] == "阿依古丽\u00b7𠮷买提"
    with counter.store.unit_of_work() as uow:
        assert uow.outbox.get(stored.client_id).payload["fields"]["new_name"] == "阿依古丽\u00b7𠮷买提"


def test_refusal_then_success_gets_0001(counter):
    submit_good(counter, KIND, new_mobile="13800000001")
    assert submit_good(counter, KIND).receipt_number == receipt(counter, 1)


def test_own_id_number_as_the_new_one_is_only_the_same_value(counter):
    result = submit_good(counter, KIND, new_mobile=None, new_id_number=W.active)
    assert [(e.field, e.message) for e in result.errors] == [("new_id_number", "新值与原值相同，无需变更")]


def test_a_second_change_while_the_first_is_pending_is_refused(counter):
    from service_world import complete, info_change_form

    first = submit_application(counter, "info-change", complete(counter, "info-change", info_change_form()))
    assert first.ok
    second = submit_application(
        counter, "info-change", complete(counter, "info-change", info_change_form(new_mobile="13711112222"))
    )
    assert not second.ok and [e.field for e in second.errors] == ["id_number"]
    assert "正在办理中" in second.errors[0].message
