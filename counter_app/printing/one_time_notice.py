"""One-time notice of required documents (一次性告知单): every material a business needs, with
the ones still missing marked, so that the worker comes back at most once (最多跑一次).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.platypus import Flowable, KeepTogether

from counter_app.printing.blocks import data_table, field_grid, signature_lines, spacer
from counter_app.printing.layout import Output, PageFrame, build_document, para, styles

TITLE = "住房公积金业务一次性告知单"
MISSING_MARK = "■ 尚缺"
RECEIVED_MARK = "已提交"


@dataclass(frozen=True)
class Material:
    """One required material (要件) and whether the station has it."""

    name: str
    note: str = ""  # 原件及复印件各1份, 近3个月内开具…
    received: bool = False


@dataclass(frozen=True)
class OneTimeNoticeData:
    centre_name: str
    station_name: str
    number: str
    issued_at: datetime
    business: str  # catalog title, e.g. 住房公积金提取
    applicant_name: str
    reason: str  # why the business cannot be completed today
    materials: tuple[Material, ...]
    return_place: str = ""
    return_hours: str = ""
    station_phone: str = ""
    valid_until: date | None = None
    clerk: str = ""
    printed_at: datetime | None = None
    cases: tuple[str, ...] = ()  # documents that depend on the case, not yet chosen ("商品住房：…")


def render_one_time_notice(data: OneTimeNoticeData, out: Output, *, page_size: str = "A4") -> int:
    """Write the notice to ``out`` (path or binary file); returns the page count."""
    frame = PageFrame(data.centre_name, data.station_name, TITLE, data.number, data.clerk,
                      data.printed_at, number_label="告知编号")
    return build_document(out, frame, _story(data, page_size), page_size=page_size)


def _story(data: OneTimeNoticeData, page_size: str) -> list[Flowable]:
    st = styles(page_size)
    missing = [i for i, m in enumerate(data.materials) if not m.received]
    rows = [
        (str(i), m.name, m.note, RECEIVED_MARK if m.received else MISSING_MARK)
        for i, m in enumerate(data.materials, start=1)
    ]
    story: list[Flowable] = [
        field_grid([("告知时间", f"{data.issued_at:%Y-%m-%d %H:%M}"), ("业务类型", data.business),
                    ("申请人", data.applicant_name), ("告知事由", data.reason)], page_size),
        para("办理本业务所需的全部材料", st.heading),
        data_table(("序号", "材料名称", "要求", "状态"), rows, page_size,
                   col_fractions=(0.1, 0.4, 0.36, 0.14), shade_rows=missing),
        para(f"共 {len(rows)} 项，已提交 {len(rows) - len(missing)} 项，尚缺 {len(missing)} 项"
             "（标“■ 尚缺”者）。", st.body),
        *([para("另按具体情形提供（任选其一）：", st.body)] + [para(f"　· {line}", st.body) for line in data.cases]
          if data.cases else []),
        spacer(page_size, 0.4),
        para("本站已一次性告知办理该业务所需的全部材料。请备齐标明尚缺的材料后再来办理，"
             "届时不会再要求您提供本单以外的材料。", st.body),
    ]
    story += [para(line, st.body) for line in _return_lines(data)]
    story += [spacer(page_size, 0.8),
              KeepTogether([signature_lines(("告知人（经办人）：", "申请人（签收）："), page_size)])]
    return story


def _return_lines(data: OneTimeNoticeData) -> list[str]:
    lines = []
    if data.return_place:
        lines.append(f"办理地点：{data.return_place}")
    if data.return_hours:
        lines.append(f"办理时间：{data.return_hours}")
    if data.station_phone:
        lines.append(f"咨询电话：{data.station_phone}")
    if data.valid_until:
        lines.append(f"本告知单有效期至 {data.valid_until:%Y年%m月%d日}。")
    return lines
