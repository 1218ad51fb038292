"""个人住房公积金账户设立 (开户): a worker's personal fund account."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from counter_app.domain.business_spec import THIS_MONTH, BusinessSpec, FieldSpec
from counter_app.domain.person_fields import MATERIALS, PERSON_FIELDS

# The worker's record as the form gives it (the person fields and the employer), until the centre's.
_WORKER_KEYS = (*(f.key for f in PERSON_FIELDS), "employer_uscc")


def worker_record(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The worker an account opening registers, from its stored fields (the worker record's keys)."""
    return {key: fields[key] for key in _WORKER_KEYS if fields.get(key) not in (None, "")}


SPEC = BusinessSpec(
    kind="open-account",
    title="个人住房公积金账户设立",
    short="开户",
    subject_field="id_number",
    subject_name_field="name",
    form_title="住房公积金个人账户设立登记表",
    fields=(
        *PERSON_FIELDS,
        FieldSpec("employer_uscc", "所在单位统一社会信用代码", "uscc", section="缴存信息"),
        FieldSpec("monthly_base", "缴存基数（元/月）", "money", section="缴存信息", hint="上年度月平均工资"),
        FieldSpec("worker_ratio", "个人缴存比例（%）", "percent", section="缴存信息"),
        FieldSpec("employer_ratio", "单位缴存比例（%）", "percent", section="缴存信息"),
        FieldSpec("start_month", "起缴年月", "month", section="缴存信息", hint="格式：2026-11", default=THIS_MONTH),
        MATERIALS,
    ),
    receipt_fields=("employer_uscc", "monthly_base", "start_month"),
    registers=worker_record,
    next_keeps=("employer_uscc",),  # its name and ratios follow from it, as from the employer's card
)
