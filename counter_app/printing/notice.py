"""Establishment notice (责令限期办理通知书 / 建制通知书) to an employer that has not registered,
with its detachable delivery receipt (送达回证).

Legal citations, fine range and time limits come in as data: the lead takes them from the
policy version in force on the notice date, never from code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether

from counter_app.domain.money import format_money
from counter_app.printing.blocks import CutLine, SealBox, bullet_lines, spacer, table
from counter_app.printing.layout import (
    GRID_COLOUR,
    LABEL_SHADE,
    Output,
    PageFrame,
    build_document,
    content_width,
    metrics,
    para,
    styles,
)

TITLE = "责令限期办理住房公积金缴存登记通知书"
DELIVERY_WAYS = ("直接送达", "留置送达", "邮寄送达", "委托送达")


@dataclass(frozen=True)
class EstablishmentNoticeData:
    """One notice. ``legal_article``/``legal_basis`` cite the penalty rule of the policy in force."""

    centre_name: str
    station_name: str
    notice_number: str
    notice_date: date
    employer_name: str
    uscc: str
    employer_address: str
    investigated_on: date
    facts: tuple[str, ...]  # 未办理住房公积金缴存登记 / 未为职工设立住房公积金账户
    legal_article: str  # 《住房公积金管理条例》第三十七条
    legal_basis: str  # the article's text, quoted
    deadline: date
    fine_min: Decimal
    fine_max: Decimal
    duty_article: str = ""  # the duty broken, e.g. 《住房公积金管理条例》第十四条、第十五条
    statement_days: int = 3  # days to explain or to request a hearing
    contact_address: str = ""
    contact_phone: str = ""
    clerk: str = ""
    printed_at: datetime | None = None


def render_notice(data: EstablishmentNoticeData, out: Output, *, page_size: str = "A4") -> int:
    """Write the notice with its delivery receipt to ``out``; returns the page count."""
    frame = PageFrame(data.centre_name, data.station_name, TITLE, data.notice_number, data.clerk,
                      data.printed_at, number_label="文书编号")
    story = [*_letter(data, page_size), spacer(page_size, 0.5),
             KeepTogether(_delivery_receipt(data, page_size))]
    return build_document(out, frame, story, page_size=page_size)


def fine_text(amount: Decimal) -> str:
    """Fines as notices write them: 10000 → 1万元, 12345.6 → 12,345.60元."""
    if amount and amount % 10000 == 0:
        return f"{amount // 10000:,}万元"
    return f"{format_money(amount)}元"


def _letter(data: EstablishmentNoticeData, page_size: str) -> list[Flowable]:
    st = styles(page_size)
    indent = ParagraphStyle("indented", st.body, firstLineIndent=st.body.fontSize * 2)
    place = data.station_name + (f"（{data.contact_address}）" if data.contact_address else "")
    duty = f"上述情形违反了{data.duty_article}的规定。" if data.duty_article else ""
    paragraphs = [
        f"依据{data.legal_article}“{data.legal_basis}”的规定，现责令你单位于"
        f"{data.deadline:%Y年%m月%d日}前到{place}办理住房公积金缴存登记，"
        "并为本单位职工办理住房公积金账户设立手续。",
        f"逾期不办理的，我中心将依法对你单位处{fine_text(data.fine_min)}以上"
        f"{fine_text(data.fine_max)}以下的罚款。",
        f"你单位对本通知书认定的事实、理由和依据有异议的，有权自收到本通知书之日起"
        f"{data.statement_days}日内向我中心提出陈述和申辩；依法可以要求听证的，有权在上述期限内"
        "提出听证申请。逾期未提出的，视为放弃上述权利。",
    ]
    story: list[Flowable] = [
        para(data.notice_number, ParagraphStyle("number", st.centred)),
        spacer(page_size, 0.6),
        para(f"{data.employer_name}：", st.body),
        para(f"经{data.investigated_on:%Y年%m月%d日}调查核实，你单位（统一社会信用代码：{data.uscc}，"
             f"地址：{data.employer_address}）存在以下情形：", indent),
        *bullet_lines(data.facts, page_size, style=indent),
    ]
    if duty:
        story.append(para(duty, indent))
    story += [para(text, indent) for text in paragraphs]
    if data.contact_phone:
        story.append(para(f"联系电话：{data.contact_phone}", indent))
    return [*story, spacer(page_size, 0.5), KeepTogether(_signature(data, page_size))]


def _signature(data: EstablishmentNoticeData, page_size: str) -> list[Flowable]:
    m, st = metrics(page_size), styles(page_size)
    right = ParagraphStyle("right", st.body, alignment=TA_RIGHT)
    width = content_width(page_size)
    seal_w = m.seal + 12
    signer = [para(data.centre_name, right), para("（盖章）", right),
              para(f"{data.notice_date:%Y年%m月%d日}", right)]
    return [table([[signer, SealBox(m.seal, m.body)]], [width - seal_w, seal_w],
                  [("VALIGN", (0, 0), (-1, -1), "MIDDLE")])]


def _delivery_receipt(data: EstablishmentNoticeData, page_size: str) -> list[Flowable]:
    m, st = metrics(page_size), styles(page_size)
    width = content_width(page_size)
    label_w = m.label_width * 1.35
    ways = "　".join(f"□{way}" for way in DELIVERY_WAYS)
    rows = [
        ("送达文书", f"{TITLE}（{data.notice_number}）"),
        ("受送达人", data.employer_name),
        ("送达地点", data.employer_address),
        ("送达方式", ways),
        ("受送达人签名或盖章", ""),
        ("签收日期", "　　　　年　　月　　日　　时　　分"),
        ("送达人", ""),
        ("见证人", ""),
        ("备注", ""),
    ]
    heights = [None] * len(rows)
    heights[4] = m.body * 5  # room for a signature and a seal
    return [
        CutLine(m.small),
        para("送达回证", st.title),
        # Values with blanks to fill in stay plain strings: a Paragraph would fold the spaces.
        table([[para(k, st.label), v if "　　" in v else para(v, st.body)] for k, v in rows],
              [label_w, width - label_w],
              [("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOUR), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
               ("BACKGROUND", (0, 0), (0, -1), LABEL_SHADE), ("FONTSIZE", (0, 0), (-1, -1), m.body)],
              rowHeights=heights),
        para("（此联由送达人填写后带回，存入执法案卷）", st.small),
    ]
