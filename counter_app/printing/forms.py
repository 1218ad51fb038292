"""Application forms for signatures (开户登记表, 单位建制登记表, 提取申请表, 贷款申请受理单,
信息变更确认单, 缓缴申请表): one renderer driven by sections of data, not one module per form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.platypus import Flowable, KeepTogether

from counter_app.domain.business_spec import FormTable
from counter_app.domain.businesses.info_change import FieldChange, change_section
from counter_app.domain.businesses.loan import RepaymentOption, schedule_section
from counter_app.printing.blocks import (
    SealBox,
    data_table,
    field_grid,
    signature_lines,
    spacer,
    table,
)
from counter_app.printing.layout import (
    Output,
    PageFrame,
    build_document,
    content_width,
    metrics,
    para,
    styles,
)

__all__ = [
    "FieldChange", "FieldSection", "FormData", "RepaymentOption", "Section", "TableSection", "change_section",
    "render_form", "schedule_section",
]

DEFAULT_DECLARATION = (
    "申请人承诺：以上填写内容及所提供的材料真实、准确、完整；如有虚假，愿承担由此产生的一切法律责任。"
)


@dataclass(frozen=True)
class FieldSection:
    """A titled grid of (label, value) pairs; an empty value leaves a box to fill in by hand."""

    title: str
    fields: tuple[tuple[str, str], ...]
    columns: int = 2


TableSection = FormTable  # a titled table with a header line (before/after changes, repayment comparison…)


Section = FieldSection | TableSection


@dataclass(frozen=True)
class FormData:
    """One application form. ``title`` is the catalog's form title (e.g. 住房公积金提取申请表)."""

    centre_name: str
    station_name: str
    title: str
    number: str  # the receipt number the form belongs to
    sections: tuple[Section, ...]
    declaration: str = DEFAULT_DECLARATION
    signatures: tuple[str, ...] = ("申请人（签字）：", "经办人（签字）：")
    seal: bool = False  # employer forms: a box for the employer's seal
    seal_label: str = "单位盖章"
    clerk: str = ""
    printed_at: datetime | None = None


def render_form(data: FormData, out: Output, *, page_size: str = "A4") -> int:
    """Write the form PDF to ``out`` (path or binary file); returns the page count."""
    frame = PageFrame(data.centre_name, data.station_name, data.title, data.number, data.clerk,
                      data.printed_at, number_label="受理编号")
    story: list[Flowable] = []
    for section in data.sections:
        story += _section(section, page_size)
    story += [spacer(page_size, 0.8), KeepTogether(_signing_block(data, page_size))]
    return build_document(out, frame, story, page_size=page_size)


def _section(section: Section, page_size: str) -> list[Flowable]:
    st = styles(page_size)
    heading = para(section.title, st.heading)
    if isinstance(section, FieldSection):
        return [heading, field_grid(section.fields, page_size, columns=section.columns)]
    fractions = section.col_fractions or (1.3,) + (1.0,) * (len(section.header) - 1)
    total = sum(fractions)
    body: list[Flowable] = [heading, data_table(section.header, section.rows, page_size,
                                                col_fractions=[f / total for f in fractions])]
    if section.note:
        body.append(para(section.note, st.small))
    return body


def _signing_block(data: FormData, page_size: str) -> list[Flowable]:
    m, st = metrics(page_size), styles(page_size)
    block: list[Flowable] = [para(data.declaration, st.body)] if data.declaration else []
    block.append(signature_lines(data.signatures, page_size))
    if data.seal:
        seal_w = m.seal + 12
        width = content_width(page_size)
        side = [para(data.seal_label, st.small), SealBox(m.seal, m.body)]
        block += [spacer(page_size, 0.5),
                  table([["", side]], [width - seal_w, seal_w], [("VALIGN", (0, 0), (-1, -1), "TOP")])]
    return block
