"""单位住房公积金缴存登记 (单位建制): an employer's fund registration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from counter_app.domain.business_spec import THIS_MONTH, BusinessSpec, FieldSpec
from counter_app.domain.person_fields import MATERIALS

# Form field → employer record field, where the two names differ.
_RECORD_KEYS = {"employer_name": "name", "employer_address": "address"}
_SAME_KEYS = ("uscc", "legal_rep", "contact_name", "contact_mobile", "bank_name", "bank_account",
              "worker_ratio", "employer_ratio")


def employer_record(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The employer a registration brings in, from its stored fields (the employer record's keys);
    not yet registered until the centre has decided."""
    out = {key: fields[key] for key in _SAME_KEYS if fields.get(key) not in (None, "")}
    out.update({record: fields[form] for form, record in _RECORD_KEYS.items() if fields.get(form) not in (None, "")})
    return {**out, "registered": False}


SPEC = BusinessSpec(
    kind="establish-employer",
    title="单位住房公积金缴存登记（建制）",
    short="单位建制",
    subject_field="uscc",
    subject_name_field="employer_name",
    subject_lookup="employer",
    prefills_preregistration=True,  # 多证合一: the feed's record, never retyped
    form_title="住房公积金单位缴存登记表",
    fields=(
        FieldSpec("uscc", "统一社会信用代码", "uscc", section="单位信息"),
        FieldSpec("employer_name", "单位名称", "text", section="单位信息", max_length=100),
        FieldSpec("legal_rep", "法定代表人", "name", section="单位信息", max_length=40),
        FieldSpec("employer_address", "单位地址", "text", section="单位信息", max_length=120),
        FieldSpec("contact_name", "经办联系人", "name", section="联系人", max_length=40),
        FieldSpec("contact_mobile", "联系人手机", "mobile", section="联系人"),
        FieldSpec("bank_name", "缴存银行", "text", section="缴存信息", max_length=60),
        FieldSpec("bank_account", "单位银行账号", "text", section="缴存信息", max_length=40),
        FieldSpec("worker_ratio", "职工缴存比例（%）", "percent", section="缴存信息"),
        FieldSpec("employer_ratio", "单位缴存比例（%）", "percent", section="缴存信息"),
        FieldSpec("first_month", "首次缴存年月", "month", section="缴存信息", default=THIS_MONTH),
        MATERIALS,
    ),
    receipt_fields=("employer_name", "first_month"),
    registers=employer_record,
)
