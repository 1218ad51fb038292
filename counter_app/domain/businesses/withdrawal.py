"""住房公积金提取: documents by reason and variant, and the supervisor's approval above the limit.

The withdrawal rules themselves (limits, frequency, balance) are ``domain.withdrawal``; the store's
part (the account, pending withdrawals) is ``services.business_rules.withdrawal``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from counter_app.domain.business_spec import BusinessSpec, FieldSpec, MaterialCase
from counter_app.domain.choices import choice_code
from counter_app.domain.money import format_money
from counter_app.domain.person_fields import MATERIALS
from counter_app.domain.roles import WITHDRAWAL_ABOVE_LIMIT, ApprovalRequest, withdrawal_needs_approval

if TYPE_CHECKING:
    from counter_app.domain.policy_schema import PolicyVersion


def material_case(spec: BusinessSpec, form: Mapping[str, Any], version: PolicyVersion, today: date) -> MaterialCase:
    """The form's reason and variant as policy codes; a value the policy does not know for that
    reason (half typed, a label, a variant of another reason) adds no documents instead of failing."""
    reason = choice_code(spec.field("reason_code"), form.get("reason_code"), version)
    if reason is None:
        return MaterialCase()
    variant = choice_code(spec.field("variant"), form.get("variant"), version)
    return MaterialCase(reason, variant if variant in version.withdrawal.reasons[reason].variants else None)


def case_materials(version: PolicyVersion, case: MaterialCase) -> tuple[str, ...]:
    """``KeyError`` for a reason or variant the policy does not know."""
    if case.reason_code is None:
        return ()
    reason = version.withdrawal.reasons[case.reason_code]
    refs = tuple(reason.materials)
    if case.variant is not None:
        refs += tuple(reason.variants[case.variant].materials)
    return refs


def approval(values: Mapping[str, Any], version: PolicyVersion) -> ApprovalRequest | None:
    """A withdrawal above the policy's ``supervisor_approval_above`` (None when below)."""
    limit = version.supervisor_approval_above
    amount = values.get("amount")
    if not withdrawal_needs_approval(amount, limit):
        return None
    value = Decimal(str(amount))
    return ApprovalRequest(WITHDRAWAL_ABOVE_LIMIT, f"{values.get('id_number', '')}|{value}",
                           f"提取金额{format_money(value)}元，超过单笔{format_money(limit)}元")


SPEC = BusinessSpec(
    kind="withdrawal",
    title="住房公积金提取",
    short="提取",
    subject_field="id_number",
    form_title="住房公积金提取申请表",
    amount_field="amount",
    fields=(
        FieldSpec("id_number", "身份证号码", "id_number", section="申请人"),
        FieldSpec("reason_code", "提取原因", "choice", choices="withdrawal_reasons", section="提取信息"),
        FieldSpec("variant", "具体情形", "choice", required=False, choices="withdrawal_variants", section="提取信息",
                  hint="租房提取：公共租赁住房或商品住房，所需材料不同"),
        FieldSpec("amount", "提取金额（元）", "money", section="提取信息"),
        FieldSpec("event_amount", "实际发生金额（元）", "money", required=False, section="提取信息",
                  hint="实付款或剩余贷款本息"),
        FieldSpec("event_date", "事件日期", "date", required=False, section="提取信息",
                  hint="如发票开具、租赁起始日"),
        FieldSpec("document_no", "合同/凭证编号", "text", required=False, section="提取信息",
                  hint="购房、租赁或贷款合同号", max_length=60),
        FieldSpec("bank_card", "收款银行卡号", "bank_card", section="提取信息"),
        MATERIALS,
    ),
    receipt_fields=("reason_code", "variant", "document_no"),
    material_case=material_case,
    case_materials=case_materials,
    approval=approval,
)
