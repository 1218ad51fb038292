"""异地转移接续（转入）: a worker who moved in from another city brings the fund account's balance here.

跨省通办: the station takes the application, the centre routes it to the source centre through the
national transfer platform, and the money arrives in the worker's account here. The store's part
(a live account here to receive it, one transfer at a time) is ``services.business_rules.transfer_in``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from counter_app.domain.business_spec import BusinessSpec, FieldSpec
from counter_app.domain.errors import FieldError
from counter_app.domain.person_fields import MATERIALS
from counter_app.domain.route import PLATFORM, Route

KIND = "transfer-in"


def cross_checks(values: Mapping[str, Any], errors: Sequence[FieldError]) -> list[FieldError]:
    centre = str(values.get("source_centre", ""))
    if centre and "住房公积金" not in centre:
        return [FieldError("source_centre", "请填写转出地住房公积金管理中心的全称，例如 兰州住房公积金管理中心")]
    return []


def route(fields: Mapping[str, Any]) -> Route:
    """The centre asks the source city's centre for the balance through the national platform."""
    return Route("转入", PLATFORM, str(fields.get("source_city", "")), str(fields.get("source_centre", "")),
                 str(fields.get("source_account", "")), Decimal(str(fields["amount"])) if fields.get("amount") else None)


def receipt_lines(spec: BusinessSpec, fields: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    return (
        ("转出地", f"{fields.get('source_city', '')} {fields.get('source_centre', '')}"),
        ("资金到账", "转出地中心办结后，资金经全国住房公积金异地转移接续平台划入本人在本市的账户，"
                    "一般在预计办结日期前到账，到账后以短信告知"),
    )


SPEC = BusinessSpec(
    kind=KIND,
    title="住房公积金异地转移接续（转入）",
    short="异地转入",
    subject_field="id_number",
    form_title="住房公积金异地转移接续申请表（转入）",
    amount_field="amount",
    fields=(
        FieldSpec("id_number", "身份证号码", "id_number", section="申请人"),
        FieldSpec("mobile", "手机号码", "mobile", section="申请人", hint="到账后短信告知"),
        FieldSpec("source_city", "转出地城市", "text", section="转出地", max_length=40, hint="如 甘肃省兰州市"),
        FieldSpec("source_centre", "转出地公积金中心", "text", section="转出地", max_length=60),
        FieldSpec("source_account", "转出地个人账号", "text", section="转出地", max_length=30),
        FieldSpec("amount", "转移金额（元）", "money", section="转出地", hint="转出地账户余额，以转出地中心核定为准"),
        MATERIALS,
    ),
    receipt_fields=("source_account", "mobile"),
    cross_checks=cross_checks,
    receipt_lines=receipt_lines,
)
