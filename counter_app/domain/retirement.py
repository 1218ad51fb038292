"""Statutory retirement dates (法定退休年龄) under the gradual reform, and the loan-term age check.

Source: 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13) and the
attached 国务院关于渐进式延迟法定退休年龄的办法, in force from 2025-01-01. Men (60) and women
whose age was 55 retire one month later for every 4 months of birth from January 1965 / January
1970, up to 63 / 58; women whose age was 50 one month later for every 2 months of birth from January
1975, up to 55. Example: a man born in March 1965 retires at 60 years 1 month.
These are defaults: a city passes its own :class:`RetirementRule` when policy changes.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from counter_app.domain.errors import FieldError
from counter_app.domain.ids import check_resident_id

if TYPE_CHECKING:  # types only: the policy schema builds its rules from this module
    from counter_app.domain.policy_schema import PolicyVersion, WithdrawalReason


@dataclass(frozen=True)
class RetirementRule:
    """Base age for ``group``; births from ``reform_first_birth``'s month on retire later."""

    group: str
    base_age_years: int
    reform_first_birth: date
    months_per_step: int
    max_delay_months: int


DEFAULT_RULES: dict[str, RetirementRule] = {
    "male": RetirementRule("male", 60, date(1965, 1, 1), 4, 36),
    "female_cadre": RetirementRule("female_cadre", 55, date(1970, 1, 1), 4, 36),
    "female_worker": RetirementRule("female_worker", 50, date(1975, 1, 1), 2, 60),
}


# The worker's category (身份) decides a woman's retirement group: 职工 retired at 50, 干部 at 55
# before the 2024 decision ("原法定退休年龄为五十周岁/五十五周岁的女职工"). Men: one group.
WORKER_CATEGORIES: tuple[tuple[str, str], ...] = (("worker", "职工（女50岁）"), ("cadre", "干部（女55岁）"))
GROUP_LABELS = {"male": "男职工", "female_cadre": "女干部", "female_worker": "女职工"}


def retirement_group(sex: str | None, category: str | None) -> str | None:
    """The group of the 2024 decision for sex "1"/"2" and category; None while a woman's category
    (or anyone's sex) is unknown: guessing the 55 rule gives the 50-rule women 5 years too many."""
    if sex == "1":
        return "male"
    if sex == "2":
        return {"cadre": "female_cadre", "worker": "female_worker"}.get(category or "")
    return None


def group_problem(sex: str | None, category: str | None, purpose: str) -> FieldError | None:
    """Why no retirement group can be chosen, naming the field the clerk must fill in."""
    if retirement_group(sex, category) is not None:
        return None
    if sex not in ("1", "2"):
        return FieldError("id_number", f"无法确定性别，不能按法定退休年龄{purpose}，请核对证件号码或职工信息")
    return FieldError("worker_category", f"女性须选择身份（职工原50岁退休／干部原55岁退休），以按法定退休年龄{purpose}")


def statutory_age_text(birth: date, rule: RetirementRule) -> str:
    """The statutory age as people say it: 60周岁, 50周岁6个月."""
    months = rule.base_age_years * 12 + delay_months(birth, rule)
    years, rest = divmod(months, 12)
    return f"{years}周岁" + (f"{rest}个月" if rest else "")


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months; a day missing in the target month becomes its last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def delay_months(birth: date, rule: RetirementRule) -> int:
    """How many months the reform adds for someone born on ``birth``."""
    start = rule.reform_first_birth
    since = (birth.year - start.year) * 12 + birth.month - start.month
    if since < 0:
        return 0
    return min(since // rule.months_per_step + 1, rule.max_delay_months)


def retirement_date(birth: date, rule: RetirementRule) -> date:
    """The day the person reaches the statutory retirement age."""
    return add_months(birth, rule.base_age_years * 12 + delay_months(birth, rule))


def whole_months_between(start: date, end: date) -> int:
    """The most whole months m with ``add_months(start, m) <= end`` (negative if end is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    while add_months(start, months) > end:
        months -= 1
    while add_months(start, months + 1) <= end:
        months += 1
    return months


def check_loan_term(
    *,
    birth: date,
    rule: RetirementRule,
    application_date: date,
    months: int,
    max_term_months: int,
    max_years_over_retirement: int,
) -> list[FieldError]:
    """The term must fit the policy maximum and end by retirement + N years; errors say the maximum."""
    if months < 1:
        return [FieldError("months", "贷款期限至少为1个月")]
    latest_end = add_months(retirement_date(birth, rule), max_years_over_retirement * 12)
    by_age = max(0, whole_months_between(application_date, latest_end))
    if by_age == 0:
        return [
            FieldError(
                "months",
                f"借款人已超过法定退休年龄后{max_years_over_retirement}年（{latest_end:%Y-%m-%d}），"
                "可贷期限为0个月，不能申请贷款",
            )
        ]
    if by_age < max_term_months and months > by_age:
        return [
            FieldError(
                "months",
                f"按借款人年龄，贷款期限最长{by_age}个月"
                f"（到期不得晚于法定退休年龄后{max_years_over_retirement}年，即{latest_end:%Y-%m-%d}）",
            )
        ]
    if months > max_term_months:
        return [FieldError("months", f"贷款期限最长{max_term_months}个月")]
    return []


@dataclass(frozen=True)
class PersonFacts:
    """Who it is about: birth date and sex (from the ID or the record), the worker's category."""

    birth_date: date | None = None
    sex: str | None = None  # "1" male, "2" female
    worker_category: str | None = None  # "worker" (职工) / "cadre" (干部): women retire at 50 / 55


def person_facts_of(form: Mapping[str, Any]) -> PersonFacts:
    """A form's person: birth and sex from a resident ID number (authoritative), else the form's own
    ``birth_date`` (a date or ISO text) and ``sex``; unreadable values are simply unknown."""
    checked = check_resident_id(str(form.get("id_number") or ""))
    birth = checked.facts.get("birth_date") if checked.ok else None
    sex = checked.facts.get("sex") if checked.ok else None
    raw_birth = form.get("birth_date")
    if birth is None and isinstance(raw_birth, date):
        birth = raw_birth
    elif birth is None and isinstance(raw_birth, str):
        try:
            birth = date.fromisoformat(raw_birth.strip())
        except ValueError:
            birth = None
    category = form.get("worker_category")
    return PersonFacts(birth, sex or (str(form["sex"]) if form.get("sex") else None),
                       str(category) if category else None)


def retirement_age_check(
    reason: WithdrawalReason, person: PersonFacts, day: date, version: PolicyVersion
) -> tuple[list[FieldError], list[FieldError], bool]:
    """(errors, warnings, early) of a withdrawal reason that needs the statutory retirement age:
    before the age it is an early retirement, which needs its proof (or is refused without one)."""
    if not reason.statutory_age:
        return [], [], False
    if person.birth_date is None:
        return [FieldError("id_number", "无法确定出生日期，不能核对法定退休年龄，请核对证件号码或职工信息")], [], False
    problem = group_problem(person.sex, person.worker_category, "核对离休、退休提取")
    group = retirement_group(person.sex, person.worker_category)
    if problem is not None or group is None:
        return [problem] if problem else [], [], False
    rule = version.retirement_rule(group)
    due = retirement_date(person.birth_date, rule)
    if day >= due:
        return [], [], False
    age = f"{GROUP_LABELS[group]}{statutory_age_text(person.birth_date, rule)}"
    proofs = "、".join(version.material_name(m) for m in reason.early_materials)
    if not proofs:
        return [FieldError("reason_code", f"未到法定退休年龄：{age}，{due.isoformat()}达到")], [], False
    words = f"未到法定退休年龄（{age}，{due.isoformat()}达到），按提前退休办理，须提供{proofs}"
    return [], [FieldError("reason_code", words, "warning")], True


def is_early_retirement(reason: WithdrawalReason, person: PersonFacts, day: date, version: PolicyVersion) -> bool:
    """A retirement withdrawal before the statutory age (so its early-retirement proof is needed);
    False while the age cannot be told (the missing facts are errors of their own)."""
    return retirement_age_check(reason, person, day, version)[2]
