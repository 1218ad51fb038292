"""Format checks of a whole business form against its catalog spec (one rule per field kind).

Values come in as typed (strings from widgets or JSON values from scripts) and come out
normalised in their JSON form: money "1234.50", percentages "12", dates "YYYY-MM-DD", months
"YYYY-MM", booleans, term months as int, materials as a list of codes. Rules that need the store
(one person one account, balance) are the services' job; rules across fields of one form are each
business's own (``BusinessSpec.cross_checks``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from counter_app.domain import ids
from counter_app.domain.business_spec import BusinessSpec, FieldSpec
from counter_app.domain.choices import choice_code, choice_options, is_blank

__all__ = ["FormCheck", "check_field", "check_form", "choice_options", "is_blank"]
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.money import money_str, parse_money, parse_percent
from counter_app.domain.normalize import format_control_problem, normalize_text
from counter_app.domain.policy_schema import PolicyVersion

_MONTH = re.compile(r"^(\d{4})[-/.年]?(\d{1,2})月?$")
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$|^(\d{4})(\d{2})(\d{2})$")
_TRUE = {"1", "true", "yes", "y", "是", "有", "on"}
_FALSE = {"0", "false", "no", "n", "否", "无", "off", ""}
_LIST_SEPARATORS = re.compile(r"[,、;\s]+")


@dataclass
class FormCheck:
    """The outcome of checking one form."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)
    warnings: list[FieldError] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, error: FieldError) -> None:
        (self.warnings if error.severity == "warning" else self.errors).append(error)


def _month(raw: Any, key: str, label: str) -> Checked[str]:
    m = _MONTH.match(normalize_text(raw).replace(" ", ""))
    if not m or not 1 <= int(m.group(2)) <= 12 or not 1900 <= int(m.group(1)) <= 2200:
        return Checked.fail(key, f"{label}格式应为“年-月”，例如 2026-11")
    return Checked(f"{int(m.group(1)):04d}-{int(m.group(2)):02d}")


def _date(raw: Any, key: str, label: str) -> Checked[str]:
    if isinstance(raw, date):
        return Checked(raw.isoformat())
    m = _DATE.match(normalize_text(raw).replace(" ", ""))
    if m:
        y, mo, d = (g for g in m.groups() if g is not None)
        try:
            return Checked(date(int(y), int(mo), int(d)).isoformat())
        except ValueError:
            pass
    return Checked.fail(key, f"{label}不是有效日期，格式如 2026-11-23")


def _bool(raw: Any, key: str, label: str) -> Checked[bool]:
    if isinstance(raw, bool):
        return Checked(raw)
    text = normalize_text(raw).lower()
    if text in _TRUE:
        return Checked(True)
    if text in _FALSE:
        return Checked(False)
    return Checked.fail(key, f"{label}只能填“是”或“否”")


def _months(raw: Any, key: str, label: str, version: PolicyVersion) -> Checked[int]:
    text = normalize_text(raw)
    if not text.isascii() or not text.isdigit():
        return Checked.fail(key, f"{label}应为整数月数")
    if len(text) > 6:  # int() of thousands of digits is refused by Python itself
        return Checked.fail(key, f"{label}应在1至{version.loan.max_term_months}个月之间")
    months = int(text)
    limit = version.loan.max_term_months
    if not 1 <= months <= limit:
        return Checked.fail(key, f"{label}应在1至{limit}个月之间")
    return Checked(months)


def _choice(raw: Any, spec: FieldSpec, version: PolicyVersion) -> Checked[str]:
    code = choice_code(spec, raw, version)
    if code is not None:
        return Checked(code)
    options = choice_options(spec, version)
    listed = "、".join(f"{c} {lbl}" for c, lbl in options)
    return Checked.fail(spec.key, f"{spec.label}无效，可选：{listed}")


def _materials(raw: Any, key: str, version: PolicyVersion) -> Checked[list[str]]:
    if isinstance(raw, str):
        items: list[Any] = _LIST_SEPARATORS.split(normalize_text(raw))  # "id_card，lease" from an IME too
    elif isinstance(raw, (list, tuple, set)):
        items = list(raw)
    else:
        return Checked.fail(key, "已收材料应为材料代码的列表，例如 id_card,lease")
    # A ticked line of alternatives ("household_register|police_cert", as required_materials lists
    # it) is recorded as its first document; either one satisfies the requirement.
    codes = [normalize_text(c).split("|")[0] for c in items]
    codes = [c for c in codes if c]
    unknown = [c for c in codes if c not in version.materials]
    if unknown:
        return Checked.fail(key, f"未知的材料代码：{'、'.join(unknown)}")
    return Checked(list(dict.fromkeys(codes)))


def _text(raw: Any, spec: FieldSpec) -> Checked[str]:
    text = normalize_text(raw) if spec.kind != "multiline" else str(raw).strip()
    if len(text) > spec.max_length:
        return Checked.fail(spec.key, f"{spec.label}不能超过{spec.max_length}个字")
    if any(ord(c) < 32 and c not in "\n\t" for c in text):
        return Checked.fail(spec.key, f"{spec.label}含有不可见的控制字符")
    return Checked(text)


def _money(raw: Any, spec: FieldSpec) -> Checked[str]:
    checked = parse_money(raw, field=spec.key, allow_zero=spec.allow_zero, label=_bare(spec.label))
    if checked.value is None or not checked.ok:
        return Checked(None, checked.errors, checked.warnings)
    return Checked(money_str(checked.value), warnings=checked.warnings)


def _percent(raw: Any, spec: FieldSpec, version: PolicyVersion) -> Checked[str]:
    c = version.contribution
    checked = parse_percent(raw, field=spec.key, minimum=c.ratio_min, maximum=c.ratio_max, label=_bare(spec.label))
    if checked.value is None or not checked.ok:
        return Checked(None, checked.errors, checked.warnings)
    return Checked(format(checked.value.normalize(), "f"), warnings=checked.warnings)


def _bare(label: str) -> str:
    """A label without its unit suffix: 提取金额（元） → 提取金额."""
    return label.split("（")[0]


def _identifier(checker: Callable[..., Checked[str]]) -> Callable[[Any, FieldSpec], Checked[Any]]:
    return lambda raw, spec: checker(raw, field=spec.key)


_SIMPLE: dict[str, Callable[[Any, FieldSpec], Checked[Any]]] = {
    "uscc": _identifier(ids.check_uscc),
    "bank_card": _identifier(ids.check_bank_card),
    "mobile": _identifier(ids.check_mobile),
    "phone": _identifier(ids.check_phone),
    "postcode": _identifier(ids.check_postcode),
    "name": _identifier(ids.check_name),
    "text": _text,
    "multiline": _text,
    "money": _money,
    "month": lambda raw, spec: _month(raw, spec.key, spec.label),
    "date": lambda raw, spec: _date(raw, spec.key, spec.label),
    "bool": lambda raw, spec: _bool(raw, spec.key, spec.label),
}


def check_field(
    spec: FieldSpec, raw: Any, *, version: PolicyVersion, today: date, id_type: str = "01"
) -> Checked[Any]:
    """Check one present (non-blank) value of one field."""
    hidden = _hidden_format(raw, spec.label)
    if hidden:
        return Checked.fail(spec.key, hidden)
    if spec.kind == "id_number":
        if id_type != "01":
            return _text(raw, spec)
        return ids.check_resident_id(raw, field=spec.key, today=today)
    if spec.kind == "choice":
        return _choice(raw, spec, version)
    if spec.kind == "percent":
        return _percent(raw, spec, version)
    if spec.kind == "months":
        return _months(raw, spec.key, spec.label, version)
    if spec.kind == "materials":
        return _materials(raw, spec.key, version)
    return _SIMPLE[spec.kind](raw, spec)


def _hidden_format(raw: Any, label: str) -> str | None:
    """Bidi and other format characters are refused in every text a form carries (see normalize)."""
    if isinstance(raw, (list, tuple, set)):
        return next((p for p in (format_control_problem(item, label) for item in raw) if p), None)
    return format_control_problem(raw, label)


def check_form(
    business: BusinessSpec, raw: Mapping[str, Any], *, version: PolicyVersion, today: date
) -> FormCheck:
    """Check every field of a business form: required, format, and the rules across its fields."""
    result = FormCheck()
    unknown = sorted(set(raw) - set(business.keys))
    for key in unknown:
        result.errors.append(FieldError(key, f"“{key}”不是{business.title}的字段"))
    id_type = normalize_text(raw.get("id_type") or raw.get("new_id_type") or "01") or "01"
    for spec in business.fields:
        value = raw.get(spec.key)
        if is_blank(value):
            if spec.required and spec.derived_from is None:
                result.errors.append(FieldError(spec.key, f"请填写{spec.label}"))
            continue
        checked = check_field(spec, value, version=version, today=today, id_type=id_type)
        for problem in (*checked.errors, *checked.warnings):
            result.add(problem)
        if checked.ok:
            result.values[spec.key] = checked.value
            if checked.facts:
                result.facts[spec.key] = checked.facts
    _fill_derived(business, result)
    result.errors += business.cross_checks(result.values, tuple(result.errors))  # the business's own rules
    return result


def _fill_derived(business: BusinessSpec, result: FormCheck) -> None:
    """Birth date and sex come from a resident ID; a typed value that contradicts it is an error."""
    for spec in business.fields:
        if spec.derived_from is None:
            continue
        facts = result.facts.get(spec.derived_from, {})
        derived = facts.get(spec.key)
        if derived is None:
            if spec.required and spec.key not in result.values and not any(
                e.field in (spec.key, spec.derived_from) for e in result.errors
            ):
                result.errors.append(FieldError(spec.key, f"请填写{spec.label}"))
            continue
        derived = derived.isoformat() if isinstance(derived, date) else str(derived)
        typed = result.values.get(spec.key)
        if typed is not None and typed != derived:
            result.errors.append(FieldError(spec.key, f"{spec.label}与身份证号码不一致（证号显示为{_show(spec, derived)}）"))
        result.values[spec.key] = derived


def _show(spec: FieldSpec, code: str) -> str:
    if isinstance(spec.choices, tuple):
        return dict(spec.choices).get(code, code)
    return code
