"""月对冲签约: a borrower's loan repaid each month from a fund account — the borrower's own, the
spouse's or the co-borrower's (the city allows all three). The city removed the limits: sign and
cancel any number of times, no loan balance that must stay. The store's part (the loan, the payer's
account, an agreement already in force) is ``services.business_rules.offset_sign``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from counter_app.domain.business_spec import BusinessSpec, FieldSpec, FormTable, MaterialCase
from counter_app.domain.errors import FieldError
from counter_app.domain.person_fields import MATERIALS

if TYPE_CHECKING:
    from counter_app.domain.business_spec import Show
    from counter_app.domain.policy_schema import PolicyVersion

KIND = "offset-sign"
SELF, SPOUSE, CO_BORROWER = "1", "2", "3"
RELATIONS: tuple[tuple[str, str], ...] = ((SELF, "借款人本人"), (SPOUSE, "借款人配偶"), (CO_BORROWER, "共同借款人"))
# What the payer's relation adds to the documents (policy references).
RELATION_MATERIALS: dict[str, tuple[str, ...]] = {SPOUSE: ("marriage_cert", "payer_id_card"),
                                                  CO_BORROWER: ("payer_id_card",)}
TERMS = (
    "每月还款日从对冲账户中扣划当期应还本息，账户余额不足部分由借款人按期另行归还。",
    "签约和解约不限次数，不要求保留贷款余额；解约后恢复按合同约定方式还款。",
)


def payer_of(values: Mapping[str, Any]) -> str:
    """Whose fund account pays: the payer's ID, or the borrower's when it is the borrower's own."""
    return str(values.get("payer_id_number") or values["id_number"])


def cross_checks(values: Mapping[str, Any], errors: Sequence[FieldError]) -> list[FieldError]:
    relation, payer, borrower = values.get("payer_relation"), values.get("payer_id_number"), values.get("id_number")
    if relation == SELF and payer and payer != borrower:
        return [FieldError("payer_id_number", "对冲账户为借款人本人时，无需填写其他人的身份证号码")]
    if relation in (SPOUSE, CO_BORROWER):
        name = dict(RELATIONS)[relation]
        if not payer:
            return [FieldError("payer_id_number", f"请填写{name}的身份证号码")]
        if payer == borrower:
            return [FieldError("payer_id_number", f"{name}不能是借款人本人")]
    return []


def material_case(spec: BusinessSpec, form: Mapping[str, Any], version: PolicyVersion, today: date) -> MaterialCase:
    relation = str(form.get("payer_relation") or "").strip()
    return MaterialCase(variant=relation if relation in RELATION_MATERIALS else None)


def case_materials(version: PolicyVersion, case: MaterialCase) -> tuple[str, ...]:
    return RELATION_MATERIALS.get(case.variant or "", ())


def terms_table(title: str, rows: Sequence[str]) -> FormTable:
    return FormTable(title, ("约定事项",), tuple((text,) for text in rows), col_fractions=(1.0,))


def form_extras(spec: BusinessSpec, fields: Mapping[str, Any], show: Show,
                version: PolicyVersion) -> tuple[tuple[int, FormTable], ...]:
    extra = ("签约期间不能办理部分提取（本市规定）。",) if version.withdrawal.offset_blocks_partial else ()
    return ((-1, terms_table("月对冲协议约定", (*TERMS, *extra))),)


SPEC = BusinessSpec(
    kind=KIND,
    title="公积金贷款月对冲签约",
    short="对冲签约",
    subject_field="id_number",
    form_title="住房公积金贷款月对冲还款签约申请表",
    fields=(
        FieldSpec("id_number", "借款人身份证号码", "id_number", section="借款人"),
        FieldSpec("loan_no", "贷款合同编号", "text", section="贷款", max_length=20),
        FieldSpec("payer_relation", "对冲账户所属", "choice", choices=RELATIONS, section="对冲账户"),
        FieldSpec("payer_id_number", "对冲账户人身份证号码", "id_number", required=False, section="对冲账户",
                  hint="配偶或共同借款人的账户时填写"),
        MATERIALS,
    ),
    receipt_fields=("loan_no", "payer_relation"),
    cross_checks=cross_checks,
    material_case=material_case,
    case_materials=case_materials,
    form_extras=form_extras,
)
