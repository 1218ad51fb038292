"""Whether a resident ID card read at the counter may be used on the day of the application.

A card is usable from its validity start through its validity end, both days included (有效期限
2016.05.03-2026.05.03 is good on 2026-05-03 and expired from the 4th); a long-term card (长期) has no end.
The chip's number must be a valid resident ID whose birth date and sex agree with the chip's own.
"""

from __future__ import annotations

from datetime import date, timedelta

from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.ids import check_resident_id

FIELD = "id_number"
EXPIRY_NOTICE_DAYS = 30  # a card this close to its end gets a reminder to renew


def validity_errors(valid_from: date, valid_until: date | None, on: date, field: str = FIELD) -> list[FieldError]:
    """Errors (and the renewal reminder, a warning) of the validity period on the day ``on``."""
    if valid_until is not None and valid_until < valid_from:
        return [FieldError(field, f"身份证有效期限有误（{valid_from.isoformat()}至{valid_until.isoformat()}），请重新读卡")]
    if on < valid_from:
        return [FieldError(field, f"该身份证自{valid_from.isoformat()}起有效，办理日{on.isoformat()}尚未生效，"
                                  "请申请人持有效身份证办理")]
    if valid_until is None:
        return []
    if valid_until < on:
        return [FieldError(field, f"身份证已于{valid_until.isoformat()}到期（有效期限{valid_from.isoformat()}至"
                                  f"{valid_until.isoformat()}），请申请人持有效身份证或临时身份证办理")]
    if valid_until - on < timedelta(days=EXPIRY_NOTICE_DAYS):
        left = (valid_until - on).days
        when = "今日到期" if left == 0 else f"还有{left}天到期"
        return [FieldError(field, f"身份证有效期至{valid_until.isoformat()}，{when}，请提醒申请人及时换领", "warning")]
    return []


def check_card(id_number: str, sex: str, birth_date: date, valid_from: date, valid_until: date | None,
               on: date) -> Checked[str]:
    """The card as read, on the day ``on``: the number's own check, the chip's facts against it, the validity."""
    checked = check_resident_id(id_number, today=on, field=FIELD)
    errors = list(checked.errors)
    warnings = list(checked.warnings)
    facts = checked.facts
    if checked.ok:
        if facts.get("birth_date") != birth_date:
            errors.append(FieldError(FIELD, f"卡内出生日期{birth_date.isoformat()}与证件号码不符，请核验证件"))
        if facts.get("sex") != sex:
            errors.append(FieldError(FIELD, "卡内性别与证件号码不符，请核验证件"))
    for problem in validity_errors(valid_from, valid_until, on):
        (warnings if problem.severity == "warning" else errors).append(problem)
    return Checked(checked.value, tuple(errors), tuple(warnings), dict(facts))
