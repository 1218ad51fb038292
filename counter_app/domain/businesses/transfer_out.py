"""异地转移接续（转出）: a worker who moved to another city takes the whole balance to that city's centre.

跨省通办: the account here closes by transfer (A.6 status 04) once the centre has sent the balance.
The store's part (a live account, no fund loan still being repaid, one transfer at a time) is
``services.business_rules.transfer_out``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from counter_app.domain.business_spec import BusinessSpec, FieldSpec
from counter_app.domain.errors import FieldError
from counter_app.domain.person_fields import MATERIALS
from counter_app.domain.route import PLATFORM, Route

KIND = "transfer-out"


def cross_checks(values: Mapping[str, Any], errors: Sequence[FieldError]) -> list[FieldError]:
    centre = str(values.get("target_centre", ""))
    if centre and "住房公积金" not in centre:
        return [FieldError("target_centre", "请填写转入地住房公积金管理中心的全称，例如 西安住房公积金管理中心")]
    return []


def route(fields: Mapping[str, Any]) -> Route:
    """The centre sends the whole balance to the target city's centre through the national platform."""
    return Route("转出", PLATFORM, str(fields.get("target_city", "")), str(fields.get("target_centre", "")),
                 str(fields.get("target_account", "")), None)


def receipt_lines(spec: BusinessSpec, fields: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    return (
        ("转入地", f"{fields.get('target_city', '')} {fields.get('target_centre', '')}"),
        ("办理结果", "本市账户余额连同利息全部转入转入地账户，转出后本市账户销户"),
    )


SPEC = BusinessSpec(
    kind=KIND,
    title="住房公积金异地转移接续（转出）",
    short="异地转出",
    subject_field="id_number",
    form_title="住房公积金异地转移接续申请表（转出）",
    fields=(
        FieldSpec("id_number", "身份证号码", "id_number", section="申请人"),
        FieldSpec("mobile", "手机号码", "mobile", section="申请人"),
        FieldSpec("target_city", "转入地城市", "text", section="转入地", max_length=40, hint="如 陕西省西安市"),
        FieldSpec("target_centre", "转入地公积金中心", "text", section="转入地", max_length=60),
        FieldSpec("target_account", "转入地个人账号", "text", section="转入地", max_length=30,
                  hint="须已在转入地开立个人账户"),
        FieldSpec("target_employer", "转入地工作单位", "text", required=False, section="转入地", max_length=100),
        MATERIALS,
    ),
    receipt_fields=("target_account",),
    cross_checks=cross_checks,
    receipt_lines=receipt_lines,
)
