"""楼盘准入: a developer's project admitted for fund loans, or an old project's signed agreement back-filled.

A new project brings the city's 13 documents (policy ``business_materials``); an old project whose
cooperation agreement was signed before the counter kept records (老楼盘补录) is recorded with the
agreement's number and dates, and needs only the documents its file lacks: those already on file
(``on_file``) are not asked for again. The centre decides: admitted with an agreement number and a
validity date, or refused. The store's part is ``services.business_rules.project_admission``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from counter_app.domain.business_spec import BusinessSpec, FieldSpec, FormTable, MaterialCase
from counter_app.domain.choices import choice_code
from counter_app.domain.errors import FieldError
from counter_app.domain.normalize import normalize_text
from counter_app.domain.person_fields import MATERIALS

if TYPE_CHECKING:
    from counter_app.domain.business_spec import Show
    from counter_app.domain.policy_schema import PolicyVersion

KIND = "project-admission"
NEW, BACKFILL = "new", "backfill"
ADMISSION_TYPES = ((NEW, "新楼盘准入"), (BACKFILL, "老楼盘补录（已签合作协议）"))
MAX_COUNT = 9999  # buildings or units of one project; more is a typing slip
_AGREEMENT_FIELDS = ("agreement_no", "agreement_date", "agreement_valid_until")
_SEPARATORS = re.compile(r"[,，、;；\s]+")


def parse_count(raw: Any) -> int | None:
    """A whole number of buildings or units, 1 … MAX_COUNT (None when it is not one)."""
    text = normalize_text(raw).replace(" ", "")
    if not text.isascii() or not text.isdigit():
        return None
    count = int(text)
    return count if 1 <= count <= MAX_COUNT else None


def held_refs(raw: Any, version: PolicyVersion) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Documents an old project's file already holds, typed as codes or names (营业执照副本、资质证书):
    (the policy codes found, the entries that name no document of this business)."""
    required = version.business_materials(KIND)
    by_name = {version.material_name(ref): ref for ref in required}
    found: list[str] = []
    unknown: list[str] = []
    for entry in (e for e in _SEPARATORS.split(normalize_text(raw)) if e):
        ref = entry if entry in required else by_name.get(entry)
        if ref is None:
            unknown.append(entry)
        elif ref not in found:
            found.append(ref)
    return tuple(found), tuple(unknown)


def cross_checks(values: Mapping[str, Any], errors: Sequence[FieldError]) -> list[FieldError]:
    """Counts are whole numbers; a back-fill carries its agreement, a new project none; dates in order."""
    out = []
    for key, label in (("buildings", "楼栋数"), ("units", "总套数")):
        if key in values and parse_count(values[key]) is None:
            out.append(FieldError(key, f"{label}应为1至{MAX_COUNT}的整数"))
    counts = [parse_count(values.get(k)) for k in ("buildings", "units")]
    if counts[0] and counts[1] and counts[1] < counts[0]:
        out.append(FieldError("units", "总套数不能少于楼栋数"))
    if values.get("admission_type") == BACKFILL:
        labels = {"agreement_no": "合作协议编号", "agreement_date": "协议签订日期", "agreement_valid_until": "协议有效期至"}
        out += [FieldError(k, f"老楼盘补录须填写{labels[k]}") for k in _AGREEMENT_FIELDS if not values.get(k)]
        signed, until = values.get("agreement_date"), values.get("agreement_valid_until")
        if signed and until and until <= signed:
            out.append(FieldError("agreement_valid_until", "协议有效期应晚于签订日期"))
    elif values.get("admission_type") == NEW:
        out += [FieldError(k, "新楼盘准入由管理中心核准后签订合作协议，此处不填") for k in _AGREEMENT_FIELDS
                if values.get(k)]
        if values.get("on_file"):
            out.append(FieldError("on_file", "新楼盘须提交全部准入材料，“档案已有材料”仅用于老楼盘补录"))
    return out


def material_case(spec: BusinessSpec, form: Mapping[str, Any], version: PolicyVersion, today: date) -> MaterialCase:
    """A back-fill does not ask again for what the old project's file holds; a new project needs all."""
    if choice_code(spec.field("admission_type"), form.get("admission_type"), version) != BACKFILL:
        return MaterialCase()
    held, _unknown = held_refs(form.get("on_file") or "", version)
    return MaterialCase(variant=BACKFILL, held=held)


def receipt_lines(spec: BusinessSpec, fields: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    lines = [("楼盘项目", str(fields.get("project_name", "")))]
    if fields.get("admission_type") == BACKFILL:
        lines.append(("原合作协议", f"{fields.get('agreement_no', '')}（有效期至{fields.get('agreement_valid_until', '')}）"))
    return tuple(lines)


def form_extras(spec: BusinessSpec, fields: Mapping[str, Any], show: Show,
                version: PolicyVersion) -> tuple[tuple[int, FormTable], ...]:
    """The centre's decision box: admitted with an agreement number and validity, or refused."""
    table = FormTable(
        "管理中心审核意见", ("审核结论", "合作协议编号", "协议有效期至", "审核人及日期"),
        (("□ 准入　□ 不予准入", "", "", ""),),
        note="准入的楼盘在协议有效期内受理该项目的住房公积金贷款；不予准入的须注明理由。",
        col_fractions=(0.28, 0.24, 0.22, 0.26),
    )
    return ((-1, table),)


SPEC = BusinessSpec(
    kind=KIND,
    title="楼盘项目准入",
    short="楼盘准入",
    subject_field="uscc",
    subject_name_field="developer_name",
    subject_lookup="employer",
    form_title="住房公积金贷款楼盘项目合作准入申请表",
    fields=(
        FieldSpec("uscc", "开发企业统一社会信用代码", "uscc", section="开发企业"),
        FieldSpec("developer_name", "开发企业名称", "text", required=False, section="开发企业", max_length=100,
                  hint="库中已有的单位可不填"),
        FieldSpec("admission_type", "办理类型", "choice", choices=ADMISSION_TYPES, section="开发企业"),
        FieldSpec("project_name", "楼盘项目名称", "text", section="楼盘项目", max_length=60),
        FieldSpec("project_address", "项目坐落", "text", section="楼盘项目", max_length=120),
        FieldSpec("district", "所在区县", "choice", choices="districts", section="楼盘项目"),
        FieldSpec("buildings", "楼栋数", "text", section="楼盘项目", max_length=8),
        FieldSpec("units", "总套数", "text", section="楼盘项目", max_length=8),
        FieldSpec("land_cert_no", "国有土地使用证号", "text", section="证照", max_length=40),
        FieldSpec("land_planning_permit_no", "建设用地规划许可证号", "text", section="证照", max_length=40),
        FieldSpec("works_planning_permit_no", "建设工程规划许可证号", "text", section="证照", max_length=40),
        FieldSpec("construction_permit_no", "建筑工程施工许可证号", "text", section="证照", max_length=40),
        FieldSpec("presale_permit_no", "商品房预售许可证号", "text", section="证照", max_length=40),
        FieldSpec("escrow_bank", "资金监管银行", "text", section="预售资金监管", max_length=60),
        FieldSpec("escrow_account", "资金监管账号", "text", section="预售资金监管", max_length=40),
        FieldSpec("agreement_no", "合作协议编号", "text", required=False, section="老楼盘补录", max_length=40),
        FieldSpec("agreement_date", "协议签订日期", "date", required=False, section="老楼盘补录"),
        FieldSpec("agreement_valid_until", "协议有效期至", "date", required=False, section="老楼盘补录"),
        FieldSpec("on_file", "档案已有材料", "text", required=False, section="老楼盘补录", max_length=500,
                  hint="老楼盘档案中已有、本次不再提交的材料名称，用顿号分隔"),
        MATERIALS,
    ),
    receipt_fields=("admission_type", "district", "presale_permit_no"),
    cross_checks=cross_checks,
    material_case=material_case,
    receipt_lines=receipt_lines,
    form_extras=form_extras,
)
