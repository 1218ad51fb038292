"""Application forms for signatures (开户登记表, 单位建制登记表, 提取申请表, 贷款申请受理单,
信息变更确认单, 缓缴申请表): one renderer driven by sections of data, not one module per form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether

from counter_app.domain.money import format_money
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

DEFAULT_DECLARATION = (
    "申请人承诺：以上填写内容及所提供的材料真实、准确、完整；如有虚假，愿承担由此产生的一切法律责任。"
)


@dataclass(frozen=True)
class FieldSection:
    """A titled grid of (label, value) pairs; an empty value leaves a box to fill in by hand."""

    title: str
    fields: tuple[tuple[str, str], ...]
    columns: int = 2


@dataclass(frozen=True)
class TableSection:
    """A titled table with a header line (before/after changes, repayment comparison…)."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""
    col_fractions: tuple[float, ...] = ()  # share of the width per column; default: first wider


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


@dataclass(frozen=True)
class FieldChange:
    """One changed field of an info-change (信息变更): label, value before, value after."""

    label: str
    before: str
    after: str


@dataclass(frozen=True)
class RepaymentOption:
    """One repayment method's summary for the loan acceptance form (贷款申请受理单)."""

    method: str  # 等额本息 / 等额本金
    first_payment: Decimal
    last_payment: Decimal
    total_interest: Decimal
    total_payment: Decimal


def change_section(changes: Sequence[FieldChange], title: str = "变更内容") -> TableSection:
    """The before/after table of an info-change confirmation (信息变更确认单)."""
    rows = tuple((c.label, c.before or "（空）", c.after or "（空）") for c in changes)
    return TableSection(title, ("变更项目", "变更前", "变更后"), rows)


def schedule_section(options: Sequence[RepaymentOption], title: str = "还款测算") -> TableSection:
    """Monthly payment and total interest for each repayment method, side by side."""
    rows = tuple(
        (o.method, format_money(o.first_payment), format_money(o.last_payment),
         format_money(o.total_interest), format_money(o.total_payment))
        for o in options
    )
    return TableSection(
        f"{title}（单位：元）", ("还款方式", "首月月供", "末月月供", "利息总额", "还款总额"), rows,
        note="测算按申请金额、期限和受理日执行利率计算，实际以贷款合同为准。",
        col_fractions=(0.16, 0.21, 0.21, 0.21, 0.21),  # room for 1,234,567.89 on A5
    )


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
