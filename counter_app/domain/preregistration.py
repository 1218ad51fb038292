"""多证合一 pre-registration (企业预缴登记): one row of the market-registration feed, checked.

The report: "开展好新办企业“多证合一”工作，确保住房公积金缴存登记与企业登记同步进行……上半年共计
办理*笔企业预缴登记手续". A newly registered company arrives with its registration data; the station
completes its fund establishment from that record. A row needs a valid USCC and the company's
name; a bad optional value (a mobile number, a date) is dropped with a note and the row kept, so
one typo never loses a company.

Feed columns (header names, Chinese or English, in any order; others are ignored):

==================  =================  ========================================================
统一社会信用代码      uscc               required; GB 32100 with the GB 11714 organisation code
企业名称 / 单位名称   name               required; at most 100 characters
法定代表人           legal_rep          a personal name
住所 / 地址          address            at most 120 characters
联系人               contact_name       a personal name
联系电话 / 手机号码   contact_mobile     a mainland mobile number
成立日期 / 登记日期   registered_on      YYYY-MM-DD (an XLSX date cell is fine)
区县代码             district           a district code of the policy (01, 21 …)
乡镇                 township           a township of the policy; gives the district when missing
==================  =================  ========================================================
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from counter_app.domain.ids import check_mobile, check_name, check_uscc
from counter_app.domain.normalize import normalize_text
from counter_app.domain.policy_schema import PolicyVersion

COLUMNS: dict[str, str] = {
    "uscc": "uscc", "统一社会信用代码": "uscc",
    "name": "name", "企业名称": "name", "单位名称": "name",
    "legal_rep": "legal_rep", "法定代表人": "legal_rep",
    "address": "address", "住所": "address", "地址": "address",
    "contact_name": "contact_name", "联系人": "contact_name",
    "contact_mobile": "contact_mobile", "联系电话": "contact_mobile", "手机号码": "contact_mobile",
    "registered_on": "registered_on", "成立日期": "registered_on", "登记日期": "registered_on",
    "district": "district", "区县代码": "district",
    "township": "township", "乡镇": "township",
}
REQUIRED = {"uscc": "统一社会信用代码", "name": "企业名称"}
NAME_MAX, ADDRESS_MAX = 100, 120
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$|^(\d{4})(\d{2})(\d{2})$")


@dataclass(frozen=True)
class FeedRow:
    """A checked row: the company's fields (None where absent or dropped) and what was said about it."""

    values: dict[str, Any] | None  # None: the row is refused
    errors: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)  # optional values dropped


def missing_columns(columns: list[str]) -> list[str]:
    """The Chinese names of required columns the file's header lacks."""
    return [label for key, label in REQUIRED.items() if key not in columns]


def check_row(raw: Mapping[str, Any], version: PolicyVersion, today: date) -> FeedRow:
    """One feed row against the rules above (``raw`` keyed by field, as read through ``COLUMNS``)."""
    errors: list[str] = []
    notes: list[str] = []
    code = check_uscc(raw.get("uscc"))
    if not code.ok:
        errors.append(code.errors[0].message)
    name = normalize_text(raw.get("name"))
    if not name:
        errors.append("企业名称为空")
    elif len(name) > NAME_MAX:
        errors.append(f"企业名称超过{NAME_MAX}个字")
    if errors:
        return FeedRow(None, tuple(errors))
    values: dict[str, Any] = {"uscc": code.value, "name": name}
    for key, label in (("legal_rep", "法定代表人"), ("contact_name", "联系人")):
        values[key] = _optional(raw.get(key), lambda v: check_name(v), label, notes)
    values["contact_mobile"] = _optional(raw.get("contact_mobile"), lambda v: check_mobile(v), "联系电话", notes)
    address = normalize_text(raw.get("address"))
    if len(address) > ADDRESS_MAX:
        notes.append(f"住所超过{ADDRESS_MAX}个字，已忽略")
        address = ""
    values["address"] = address or None
    values["registered_on"] = _registered_on(raw.get("registered_on"), today, notes)
    values["district"], values["township"] = _place(raw.get("district"), raw.get("township"), version, notes)
    return FeedRow(values, (), tuple(notes))


def _optional(raw: Any, check: Any, label: str, notes: list[str]) -> str | None:
    if normalize_text(raw) == "":
        return None
    checked = check(raw)
    if not checked.ok:
        notes.append(f"{label}无效（{checked.errors[0].message}），已忽略")
        return None
    return checked.value if isinstance(checked.value, str) else None


def _registered_on(raw: Any, today: date, notes: list[str]) -> date | None:
    if raw is None or normalize_text(raw) == "":
        return None
    if isinstance(raw, datetime):
        day: date | None = raw.date()
    elif isinstance(raw, date):
        day = raw
    else:
        m = _DATE.match(normalize_text(raw).replace(" ", ""))
        try:
            day = date(*(int(g) for g in m.groups() if g is not None)) if m else None
        except ValueError:
            day = None
    if day is None:
        notes.append(f"成立日期“{normalize_text(raw)}”不是有效日期，已忽略")
    elif day > today:
        notes.append(f"成立日期{day.isoformat()}晚于今天，已忽略")
        day = None
    return day


def _place(district: Any, township: Any, version: PolicyVersion, notes: list[str]) -> tuple[str | None, str | None]:
    code = normalize_text(district) or None
    town = normalize_text(township) or None
    if code is not None and code not in version.districts:
        notes.append(f"区县代码“{code}”不在本市政策中，已忽略")
        code = None
    if town is not None:
        homes = [c for c, d in version.districts.items() if town in d.townships]
        if not homes:
            notes.append(f"乡镇“{town}”不在本市政策中，已忽略")
            town = None
        elif code is None:
            code = homes[0]
        elif code not in homes:
            notes.append(f"乡镇“{town}”不属于区县{code}，已忽略乡镇")
            town = None
    return code, town


# The establish-employer form's fields a pre-registration gives, and the record's attribute for each.
ESTABLISHMENT_FIELDS: dict[str, str] = {
    "uscc": "uscc", "employer_name": "name", "legal_rep": "legal_rep", "employer_address": "address",
    "contact_name": "contact_name", "contact_mobile": "contact_mobile",
}


def establishment_values(record: Any) -> dict[str, Any]:
    """The establishment form's values from a pre-registration record (blank ones left out)."""
    values = {key: getattr(record, attr) for key, attr in ESTABLISHMENT_FIELDS.items()}
    return {k: v for k, v in values.items() if v}
