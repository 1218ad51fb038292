"""住房公积金提取: documents by reason, variant and early retirement, and the supervisor's approval above the limit.

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
from counter_app.domain.retirement import WORKER_CATEGORIES, is_early_retirement, person_facts_of
from counter_app.domain.roles import WITHDRAWAL_ABOVE_LIMIT, ApprovalRequest, withdrawal_needs_approval

if TYPE_CHECKING:
    from counter_app.domain.policy_schema import PolicyVersion


def material_case(spec: BusinessSpec, form: Mapping[str, Any], version: PolicyVersion, today: date) -> MaterialCase:
    """The form's reason and variant as policy codes; a value the policy does not know for that
    reason (half typed, a label, a variant of another reason) adds no documents instead of failing.
    A retirement withdrawal before the statutory age (birth and sex from the ID number or the
    person's record, the category from the form or the record) calls for its proof."""
    reason = choice_code(spec.field("reason_code"), form.get("reason_code"), version)
    if reason is None:
        return MaterialCase()
    variant = choice_code(spec.field("variant"), form.get("variant"), version)
    category = choice_code(spec.field("worker_category"), form.get("worker_category"), version)
    person = person_facts_of({**form, "worker_category": category})
    early = is_early_retirement(version.withdrawal.reasons[reason], person, today, version)
    return MaterialCase(reason, variant if variant in version.withdrawal.reasons[reason].variants else None,
                        early_retirement=early)


def case_materials(version: PolicyVersion, case: MaterialCase) -> tuple[str, ...]:
    """``KeyError`` for a reason or variant the policy does not know."""
    if case.reason_code is None:
        return ()
    reason = version.withdrawal.reasons[case.reason_code]
    refs = tuple(reason.materials)
    if case.variant is not None:
        refs += tuple(reason.variants[case.variant].materials)
    if case.early_retirement:
        refs += tuple(reason.early_materials)
    return refs


def case_fields(version: PolicyVersion, case: MaterialCase) -> tuple[str, ...]:
    """The optional fields the reason (and the case within it) asks for: the kind of housing for a
    rent, the date and amount of a purchase, a contract number where the policy wants one."""
    reason = version.withdrawal.reasons.get(case.reason_code) if case.reason_code is not None else None
    if reason is None:
        return ()
    chosen = reason.variants.get(case.variant) if case.variant is not None else None
    document = reason.needs_document_no  # as domain.withdrawal.document_rule (which imports the registry)
    if chosen is not None and chosen.needs_document_no is not None:
        document = chosen.needs_document_no
    wanted = {"variant": bool(reason.variants), "event_amount": reason.event_amount_label is not None,
              "event_date": reason.event_date_label is not None, "document_no": bool(document)}
    return tuple(key for key, asked in wanted.items() if asked)


def case_guidance(version: PolicyVersion, case: MaterialCase) -> tuple[str, ...]:
    """A reason whose documents depend on a case not yet chosen (rent): each case with its documents."""
    if case.reason_code is None or case.variant is not None or case.reason_code not in version.withdrawal.reasons:
        return ()
    reason = version.withdrawal.reasons[case.reason_code]
    return tuple(f"{v.name}：{'、'.join(version.material_name(m) for m in v.materials)}" for v in reason.variants.values())


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
        FieldSpec("worker_category", "身份", "choice", required=False, choices=WORKER_CATEGORIES, section="提取信息",
                  hint="离休、退休提取按法定退休年龄核对：女职工原50岁、女干部原55岁"),
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
    case_guidance=case_guidance,
    case_fields=case_fields,
    approval=approval,
)
