"""Acceptance receipt (受理回执): the applicant's proof that the station accepted the business.

The data carries the applicant's full ID number; the receipt prints only the masked form
(``110105********002X``), and scrubs the full number from every other printed text too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Table

from counter_app.domain.ids import mask_id_number
from counter_app.domain.money import format_money, to_capitals
from counter_app.domain.normalize import normalize_code
from counter_app.domain.receipt_code import qr_payload, verification_code
from counter_app.printing.blocks import QrCode, SealBox, bullet_lines, field_grid, spacer, table
from counter_app.printing.layout import (
    Output,
    PageFrame,
    build_document,
    content_width,
    metrics,
    para,
    styles,
)

REPRINT_MARK = "补打"
REPRINT_RED = colors.Color(0.75, 0.1, 0.1)


@dataclass(frozen=True)
class ReceiptData:
    """Everything a receipt shows. ``business`` is the catalog title (e.g. 住房公积金提取)."""

    centre_name: str
    station_name: str
    receipt_number: str
    client_id: str
    accepted_at: datetime
    business: str
    applicant_name: str
    id_number: str  # full; a person's number is printed masked
    subject: Literal["person", "employer"] = "person"  # employer: id_number is the USCC, public
    account: str = ""
    amount: Decimal | None = None
    details: tuple[tuple[str, str], ...] = ()  # business lines, e.g. ("提取原因", "租房")
    materials_received: tuple[str, ...] = ()
    materials_missing: tuple[str, ...] = ()
    expected_decision: date | None = None
    clerk: str = ""
    station_phone: str = ""
    reprint: bool = False
    reprint_reason: str = ""
    printed_at: datetime | None = None
    code_key: bytes | None = None  # the station's receipt key from the centre (None: the unkeyed code)


def render_receipt(data: ReceiptData, out: Output, *, page_size: str = "A4") -> int:
    """Write the receipt PDF to ``out`` (path or binary file); returns the page count."""
    title = "住房公积金业务受理回执" + ("（补打）" if data.reprint else "")
    frame = PageFrame(
        data.centre_name, data.station_name, title, data.receipt_number, data.clerk,
        data.printed_at, number_label="回执编号",
    )
    story = _story(data, page_size)
    return build_document(out, frame, story, page_size=page_size,
                          watermark=REPRINT_MARK if data.reprint else "")


def _story(data: ReceiptData, page_size: str) -> list[Flowable]:
    st = styles(page_size)
    scrub = _scrubber(data)
    story: list[Flowable] = []
    if data.reprint:
        story += [_reprint_banner(scrub(data.reprint_reason), page_size), spacer(page_size, 0.6)]
    story.append(field_grid([(k, scrub(v)) for k, v in _fields(data)], page_size))
    story += [para("已收材料", st.heading), *bullet_lines([scrub(m) for m in data.materials_received], page_size)]
    story.append(para("尚缺材料（一次性告知）", st.heading))
    if data.materials_missing:
        story += bullet_lines([scrub(m) for m in data.materials_missing], page_size)
        story.append(para("以上为办理本业务尚需补充的全部材料，请备齐后携本回执到本站办理。", st.small))
    else:
        story.append(para("无，材料已齐全。", st.body))
    story += [
        spacer(page_size, 0.5),
        para("本回执仅证明业务已受理，不代表审批结果。可凭回执编号或扫描二维码查询办理进度，"
             "请妥善保管。", st.small),
        spacer(page_size, 0.8),
        KeepTogether(_bottom_block(data, page_size)),
    ]
    return story


def _fields(data: ReceiptData) -> list[tuple[str, str]]:
    person = data.subject == "person"
    rows = [
        ("受理时间", f"{data.accepted_at:%Y-%m-%d %H:%M}"),
        ("业务类型", data.business),
        ("申请人" if person else "单位名称", data.applicant_name),
        ("证件号码" if person else "统一社会信用代码",
         mask_id_number(data.id_number) if person else data.id_number),
    ]
    if data.account:
        rows.append(("账号", data.account))
    if data.amount is not None:
        rows += [("金额（小写）", f"¥{format_money(data.amount)}"), ("金额（大写）", to_capitals(data.amount))]
    rows += list(data.details)
    if data.expected_decision:
        rows.append(("预计办结", f"{data.expected_decision:%Y年%m月%d日}前"))
    return rows


def _scrubber(data: ReceiptData) -> Callable[[str], str]:
    """Replace the full personal ID wherever a caller-supplied text happens to contain it."""
    full = normalize_code(data.id_number)
    if data.subject != "person" or not full:
        return str
    masked = mask_id_number(full)
    return lambda text: text.replace(full, masked).replace(full.lower(), masked)


def _reprint_banner(reason: str, page_size: str) -> Table:
    m, st = metrics(page_size), styles(page_size)
    mark_style = ParagraphStyle("reprint", st.title, textColor=REPRINT_RED, spaceAfter=0)
    text = f"补打原因：{reason}" if reason else "补打件"
    reason_style = ParagraphStyle("reprint_reason", st.body, textColor=REPRINT_RED)
    mark_w = m.title * 3.2
    return table(
        [[para(REPRINT_MARK, mark_style), para(text + "。原回执同时作废，以本件为准。", reason_style)]],
        [mark_w, content_width(page_size) - mark_w],
        [
            ("BOX", (0, 0), (-1, -1), 1.5, REPRINT_RED),
            ("LINEAFTER", (0, 0), (0, 0), 1, REPRINT_RED),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ],
    )


def _bottom_block(data: ReceiptData, page_size: str) -> Table:
    m, st = metrics(page_size), styles(page_size)
    width = content_width(page_size)
    code = verification_code(data.receipt_number, data.client_id, data.code_key)
    qr_cell = [QrCode(qr_payload(data.receipt_number, data.client_id, data.code_key), m.qr),
               para(f"核验码：{code}", st.small)]
    contact = [para(f"经办人：{data.clerk}", st.body), spacer(page_size, 0.4),
               para(f"受理网点：{data.station_name}", st.body)]
    if data.station_phone:
        contact.append(para(f"咨询电话：{data.station_phone}", st.body))
    seal_w = m.seal + 6
    return table(
        [[qr_cell, contact, SealBox(m.seal, m.body)]],
        [m.qr + 12, width - m.qr - 12 - seal_w, seal_w],
        [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)],
    )
