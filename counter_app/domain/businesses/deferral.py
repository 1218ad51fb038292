"""单位缓缴住房公积金申请: an employer's deferral for a span of months. The store's part (registered,
the span limit, workers' consent) is ``services.business_rules.deferral``; the deferral's later life
(approval, payback plan) is ``services.operations.deferrals``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from counter_app.domain.business_spec import BusinessSpec, FieldSpec
from counter_app.domain.errors import FieldError
from counter_app.domain.person_fields import MATERIALS

KIND = "deferral"


def cross_checks(values: Mapping[str, Any], errors: Sequence[FieldError]) -> list[FieldError]:
    if "from_month" in values and "to_month" in values and values["to_month"] < values["from_month"]:
        return [FieldError("to_month", "缓缴截止年月不能早于起始年月")]
    return []


SPEC = BusinessSpec(
    kind=KIND,
    title="单位缓缴住房公积金申请",
    short="缓缴",
    subject_field="uscc",
    subject_lookup="employer",
    form_title="住房公积金缓缴申请表",
    fields=(
        FieldSpec("uscc", "单位统一社会信用代码", "uscc", section="单位"),
        FieldSpec("from_month", "缓缴起始年月", "month", section="缓缴期间"),
        FieldSpec("to_month", "缓缴截止年月", "month", section="缓缴期间"),
        FieldSpec("reason", "缓缴原因", "multiline", section="缓缴原因", max_length=500),
        FieldSpec("workers_consent", "已经职工代表大会或工会讨论通过", "bool", section="缓缴原因"),
        MATERIALS,
    ),
    receipt_fields=("from_month", "to_month"),
    cross_checks=cross_checks,
)
