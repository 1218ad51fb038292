"""An enforcement case's dossier (执法案卷): the case facts, every step with its date, clerk and
paper, the documents kept, and the complaints linked to the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether

from counter_app.printing.blocks import data_table, field_grid, signature_lines, spacer
from counter_app.printing.layout import Output, PageFrame, build_document, para, styles
from counter_app.printing.notice import fine_text

TITLE = "住房公积金建制执法案卷"
ARREARS_TITLE = "住房公积金欠缴执法案卷"


@dataclass(frozen=True)
class DossierStep:
    state: str  # the Chinese label
    on: date
    clerk: str
    note: str
    document: str
    file: str = ""  # the kept paper's file name


@dataclass(frozen=True)
class DossierComplaint:
    number: str
    received_on: date
    complainant: str
    summary: str
    status: str
    result: str = ""


@dataclass(frozen=True)
class DossierData:
    centre_name: str
    station_name: str
    case_no: str
    employer_name: str
    uscc: str
    state: str  # the Chinese label
    responsible: str
    opened_on: date
    steps: tuple[DossierStep, ...]
    complaints: tuple[DossierComplaint, ...] = ()
    notice_number: str = ""
    deadline: date | None = None
    fine_min: Decimal | None = None
    fine_max: Decimal | None = None
    overdue: bool = False
    clerk: str = ""
    printed_at: datetime | None = None
    arrears: str = ""  # an arrears case: what is owed, e.g. 86,400.00元（2026-01至2026-06）


def render_dossier(data: DossierData, out: Output, *, page_size: str = "A4") -> int:
    """Write the dossier to ``out``; returns the page count."""
    st = styles(page_size)
    frame = PageFrame(data.centre_name, data.station_name, ARREARS_TITLE if data.arrears else TITLE, data.case_no,
                      data.clerk, data.printed_at, number_label="案件编号")
    deadline = data.deadline.isoformat() if data.deadline else "未发通知书"
    if data.overdue:
        deadline += "（已逾期，单位仍未办理）"
    fines = f"{fine_text(data.fine_min)}以上{fine_text(data.fine_max)}以下" if data.fine_min is not None else ""
    last = ("欠缴金额", data.arrears) if data.arrears else ("罚款幅度", fines)
    facts = (
        ("单位名称", data.employer_name), ("统一社会信用代码", data.uscc), ("案件状态", data.state),
        ("承办人", data.responsible), ("立案（调查）日期", data.opened_on.isoformat()),
        ("通知书编号", data.notice_number or ""), ("限期缴存至" if data.arrears else "限期办理至", deadline), last,
    )
    story: list[Flowable] = [field_grid(facts, page_size), para("办理经过", st.heading), _steps(data, page_size)]
    files = [s.file for s in data.steps if s.file]
    story += [para("案卷材料", st.heading),
              para("；".join(f"{n}. {f}" for n, f in enumerate(files, start=1)) if files else "无", st.body)]
    if data.complaints:
        story += [para("关联投诉", st.heading), _complaints(data, page_size)]
    story += [spacer(page_size, 1), KeepTogether([signature_lines(("承办人（签字）：", "审核人（签字）："), page_size)])]
    return build_document(out, frame, story, page_size=page_size)


def _steps(data: DossierData, page_size: str) -> Flowable:
    rows = [(s.on.isoformat(), s.state, s.clerk, s.document, s.note) for s in data.steps]
    return data_table(("日期", "环节", "经办人", "文书", "情况"), rows, page_size,
                      col_fractions=(0.15, 0.14, 0.12, 0.25, 0.34))


def _complaints(data: DossierData, page_size: str) -> Flowable:
    rows = [(c.number, c.received_on.isoformat(), c.complainant, c.summary, c.status, c.result) for c in data.complaints]
    return data_table(("投诉编号", "受理日期", "投诉人", "投诉事项", "状态", "处理结果"), rows, page_size,
                      col_fractions=(0.22, 0.13, 0.1, 0.25, 0.1, 0.2))
