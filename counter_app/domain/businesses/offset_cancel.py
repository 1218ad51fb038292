"""月对冲解约: the monthly offset of a loan stopped, at any time and any number of times (the city
removed the limits); repayment goes back to the contract's way. The store's part (an agreement in
force on the payer's account) is ``services.business_rules.offset_cancel``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from counter_app.domain.business_spec import BusinessSpec, FieldSpec, FormTable
from counter_app.domain.businesses.offset_sign import RELATIONS, cross_checks, terms_table
from counter_app.domain.person_fields import MATERIALS

if TYPE_CHECKING:
    from counter_app.domain.business_spec import Show
    from counter_app.domain.policy_schema import PolicyVersion

KIND = "offset-cancel"
TERMS = (
    "解约自下一还款日起生效，当期起按借款合同约定方式还款，请保证还款账户余额充足。",
    "解约后可随时再次签约，不限次数。",
)


def form_extras(spec: BusinessSpec, fields: Mapping[str, Any], show: Show,
                version: PolicyVersion) -> tuple[tuple[int, FormTable], ...]:
    return ((-1, terms_table("解约说明", TERMS)),)


SPEC = BusinessSpec(
    kind=KIND,
    title="公积金贷款月对冲解约",
    short="对冲解约",
    subject_field="id_number",
    form_title="住房公积金贷款月对冲还款解约申请表",
    fields=(
        FieldSpec("id_number", "借款人身份证号码", "id_number", section="借款人"),
        FieldSpec("loan_no", "贷款合同编号", "text", section="贷款", max_length=20),
        FieldSpec("payer_relation", "对冲账户所属", "choice", choices=RELATIONS, section="对冲账户"),
        FieldSpec("payer_id_number", "对冲账户人身份证号码", "id_number", required=False, section="对冲账户",
                  hint="配偶或共同借款人的账户时填写"),
        FieldSpec("reason", "解约原因", "text", required=False, section="对冲账户", max_length=100),
        MATERIALS,
    ),
    receipt_fields=("loan_no", "payer_relation"),
    cross_checks=cross_checks,
    form_extras=form_extras,
)
