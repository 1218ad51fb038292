"""异地购房提取: a worker who bought a home in another city withdraws, with that city's documents.

The report: 放宽提取政策，支持……异地购房……提取. The limits are those of a purchase (reason 01 of the
policy in force: within the years of the purchase, up to the price actually paid, the balance);
the documents are the purchase's plus that city's filing proof (policy data). The store's part is
``services.business_rules.offsite_purchase_withdrawal``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from counter_app.domain.business_spec import BusinessSpec, FieldSpec
from counter_app.domain.businesses.withdrawal import approval
from counter_app.domain.person_fields import MATERIALS
from counter_app.domain.route import Route

KIND = "offsite-purchase-withdrawal"
PURCHASE_REASON = "01"  # the policy's purchase reason sets the limits


def route(fields: Mapping[str, Any]) -> Route:
    """The centre asks the city of the house to confirm the purchase (异地购房协查) before it pays."""
    return Route("异地购房提取", "购房地住房公积金中心协查", str(fields.get("house_city", "")), "",
                 str(fields.get("document_no", "")), Decimal(str(fields["amount"])) if fields.get("amount") else None)


def receipt_lines(spec: BusinessSpec, fields: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    return (("购房所在地", str(fields.get("house_city", ""))), ("房屋坐落", str(fields.get("house_address", ""))))


SPEC = BusinessSpec(
    kind=KIND,
    title="异地购房提取住房公积金",
    short="异地购房提取",
    subject_field="id_number",
    form_title="住房公积金提取申请表（异地购房）",
    amount_field="amount",
    fields=(
        FieldSpec("id_number", "身份证号码", "id_number", section="申请人"),
        FieldSpec("house_city", "购房所在城市", "text", section="异地购房", max_length=40, hint="如 陕西省西安市"),
        FieldSpec("house_address", "房屋坐落", "text", section="异地购房", max_length=120),
        FieldSpec("document_no", "购房合同编号", "text", section="异地购房", max_length=60,
                  hint="购房地网签备案的合同编号"),
        FieldSpec("event_date", "购房发票开具日期", "date", section="异地购房"),
        FieldSpec("event_amount", "实际支付的购房款（元）", "money", section="异地购房"),
        FieldSpec("amount", "提取金额（元）", "money", section="提取信息"),
        FieldSpec("bank_card", "收款银行卡号", "bank_card", section="提取信息"),
        MATERIALS,
    ),
    receipt_fields=("document_no", "event_amount"),
    receipt_lines=receipt_lines,
    approval=approval,
)
