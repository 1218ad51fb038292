"""月对冲 sign and cancel: whose account pays, what the relation adds to the documents, the printed terms."""

from __future__ import annotations

from datetime import date

import pytest

from counter_app.domain.businesses import business
from counter_app.domain.businesses.offset_sign import SPEC, cross_checks, payer_of
from counter_app.domain.materials import required_refs
from counter_app.domain.policy import default_policy

VERSION = default_policy().latest
BORROWER, SPOUSE = "110101199003074514", "110101199103074529"


@pytest.mark.parametrize(("values", "message"), [
    ({"id_number": BORROWER, "payer_relation": "1", "payer_id_number": SPOUSE}, "无需填写"),
    ({"id_number": BORROWER, "payer_relation": "2"}, "请填写借款人配偶的身份证号码"),
    ({"id_number": BORROWER, "payer_relation": "3"}, "请填写共同借款人的身份证号码"),
    ({"id_number": BORROWER, "payer_relation": "2", "payer_id_number": BORROWER}, "不能是借款人本人"),
])
def test_the_payer_must_fit_the_relation(values, message) -> None:
    for kind in ("offset-sign", "offset-cancel"):
        [error] = business(kind).cross_checks(values, [])
        assert error.field == "payer_id_number" and message in error.message


def test_a_fitting_payer_passes_and_pays() -> None:
    assert cross_checks({"id_number": BORROWER, "payer_relation": "1"}, []) == []
    assert cross_checks({"id_number": BORROWER, "payer_relation": "2", "payer_id_number": SPOUSE}, []) == []
    assert payer_of({"id_number": BORROWER}) == BORROWER
    assert payer_of({"id_number": BORROWER, "payer_id_number": SPOUSE}) == SPOUSE


def test_the_relation_adds_its_documents() -> None:
    def refs(relation: str) -> list[str]:
        case = SPEC.material_case(SPEC, {"payer_relation": relation}, VERSION, date(2026, 11, 23))
        return required_refs("offset-sign", VERSION, variant=case.variant)
    assert refs("1") == ["id_card", "loan_contract"]
    assert refs("2") == ["id_card", "loan_contract", "marriage_cert", "payer_id_card"]
    assert refs("3") == ["id_card", "loan_contract", "payer_id_card"]
    assert VERSION.material_name("payer_id_card") == "对冲账户人居民身份证原件"


def test_the_printed_terms_say_there_is_no_limit() -> None:
    [(_, table)] = SPEC.form_extras(SPEC, {}, lambda spec, value: str(value), VERSION)
    text = "".join(row[0] for row in table.rows)
    assert "不限次数" in text and "不要求保留贷款余额" in text and "不能办理部分提取" in text
    [(_, cancel)] = business("offset-cancel").form_extras(business("offset-cancel"), {}, lambda s, v: str(v), VERSION)
    assert "再次签约" in "".join(row[0] for row in cancel.rows)
