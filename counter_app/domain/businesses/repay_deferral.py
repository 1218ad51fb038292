"""困难借款人缓期还款: a borrower in hardship defers repayment for some months, with the reason and
its proof. The city's rule: no penalty interest, and it is not reported as a bad credit record
(逾期行为不收取罚息、不记入个人不良征信). The store's part (the loan, its months left, one request at a
time) is ``services.business_rules.repay_deferral``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from counter_app.domain.business_spec import BusinessSpec, FieldSpec, FormTable
from counter_app.domain.businesses.offset_sign import terms_table
from counter_app.domain.errors import FieldError
from counter_app.domain.person_fields import MATERIALS

if TYPE_CHECKING:
    from counter_app.domain.business_spec import Show
    from counter_app.domain.policy_schema import PolicyVersion

KIND = "repay-deferral"
MAX_MONTHS = 6  # 单次缓期还款最长月数（演示值）
CREDIT_NOTE = "缓期还款期间不收取罚息，不作为个人不良信用记录报送征信系统。"
TERMS = (
    CREDIT_NOTE,
    "缓期届满后按借款合同约定恢复还款，缓期内应还本金顺延，利息按合同利率计收，以管理中心核定为准。",
)


def cross_checks(values: Mapping[str, Any], errors: Sequence[FieldError]) -> list[FieldError]:
    if "defer_months" in values and int(values["defer_months"]) > MAX_MONTHS:
        return [FieldError("defer_months", f"缓期还款最长{MAX_MONTHS}个月")]
    return []


def receipt_lines(spec: BusinessSpec, fields: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    return (("征信与罚息", CREDIT_NOTE),)


def form_extras(spec: BusinessSpec, fields: Mapping[str, Any], show: Show,
                version: PolicyVersion) -> tuple[tuple[int, FormTable], ...]:
    return ((-1, terms_table("缓期还款说明", TERMS)),)


SPEC = BusinessSpec(
    kind=KIND,
    title="公积金贷款困难缓期还款",
    short="缓期还款",
    subject_field="id_number",
    form_title="住房公积金贷款缓期还款申请表",
    fields=(
        FieldSpec("id_number", "借款人身份证号码", "id_number", section="借款人"),
        FieldSpec("loan_no", "贷款合同编号", "text", section="贷款", max_length=20),
        FieldSpec("from_month", "缓期起始年月", "month", section="缓期还款"),
        FieldSpec("defer_months", "缓期月数", "months", section="缓期还款", hint=f"最长{MAX_MONTHS}个月"),
        FieldSpec("reason", "困难情况说明", "multiline", section="缓期还款", max_length=500,
                  hint="如失业、重大疾病、受灾等，并提供证明材料"),
        MATERIALS,
    ),
    receipt_fields=("loan_no", "from_month", "defer_months"),
    cross_checks=cross_checks,
    receipt_lines=receipt_lines,
    form_extras=form_extras,
)
