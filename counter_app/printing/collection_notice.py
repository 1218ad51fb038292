"""逾期贷款催收通知书: one page per overdue loan, streamed to the file page by page (a batch of any size
in flat memory), with progress and cancel; written to a temporary file and renamed only when complete.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from counter_app.printing.layout import para, styles
from counter_app.printing.streaming import StreamingCanvas

TITLE = "住房公积金贷款逾期催收通知书"
PROGRESS_EVERY = 20


@dataclass(frozen=True)
class CollectionItem:
    """One overdue loan as the notice states it (money already formatted)."""

    name: str
    masked_id: str
    loan_no: str
    start_date: date
    arrears_months: int
    arrears_amount: str
    overdue_since: date
    next_due_date: date | None


@dataclass(frozen=True)
class CollectionBatch:
    centre_name: str
    station_name: str
    station_phone: str
    notice_date: date
    pay_within_days: int = 10


@dataclass(frozen=True)
class CollectionResult:
    pages: int
    path: Path | None  # None when cancelled or when nobody is overdue
    cancelled: bool = False


def _paragraphs(batch: CollectionBatch, item: CollectionItem) -> list[str]:
    return [
        f"{item.name}（身份证号码 {item.masked_id}）：",
        f"您于{item.start_date:%Y年%m月%d日}借得的住房公积金贷款（借款合同编号 {item.loan_no}），自"
        f"{item.overdue_since:%Y年%m月%d日}起已有{item.arrears_months}期未按期还款，截至"
        f"{batch.notice_date:%Y年%m月%d日}逾期本息合计人民币{item.arrears_amount}元。",
        f"请您自收到本通知书之日起{batch.pay_within_days}日内，将逾期本息存入还款账户，或到{batch.station_name}"
        "办理还款；也可签订月对冲协议，以住房公积金账户余额按月还款。",
        "如您因失业、重大疾病、受灾等原因暂时还款困难，可携带身份证、借款合同和困难情况证明到服务站申请缓期还款；"
        "经核准的缓期还款不收取罚息，不作为个人不良信用记录报送。",
        "逾期不还且未申请缓期还款的，本中心将按借款合同约定处理。如您已还款，请忽略本通知。",
        f"咨询电话：{batch.station_phone}",
    ]


def _draw(canv: StreamingCanvas, batch: CollectionBatch, item: CollectionItem, number: int) -> None:
    st = styles("A4")
    width, height = A4
    margin = 22 * mm
    y = height - margin
    title = para(TITLE, st.title)
    for flowable in (title, *(para(text, st.body) for text in _paragraphs(batch, item))):
        assert isinstance(flowable, Paragraph)
        _, h = flowable.wrapOn(canv, width - 2 * margin, height)
        y -= h + 4 * mm
        flowable.drawOn(canv, margin, y)
    y -= 14 * mm
    seal_top = y
    for line in (batch.centre_name, batch.station_name, f"{batch.notice_date:%Y年%m月%d日}"):
        p = para(line, st.body)
        _, h = p.wrapOn(canv, 80 * mm, height)
        y -= h + 1.5 * mm
        p.drawOn(canv, width - margin - 80 * mm, y)
    canv.setDash(2, 2)
    canv.rect(width - margin - 80 * mm - 40 * mm, seal_top - 34 * mm, 34 * mm, 34 * mm)  # the seal, beside the signature
    canv.setDash()
    foot = para(f"第{number}份　合同编号 {item.loan_no}　（本通知书交借款人）", st.small)
    foot.wrapOn(canv, width - 2 * margin, 20 * mm)
    foot.drawOn(canv, margin, 14 * mm)
    canv.showPage()


def render_collection_notices(
    batch: CollectionBatch,
    items: Iterable[CollectionItem],
    out: str | os.PathLike[str],
    *,
    total: int = 0,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> CollectionResult:
    """One notice page per item into ``out``; ``progress(done, total)`` every few pages and at the end."""
    final = Path(out)
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=final.parent)
    done = 0
    try:
        with os.fdopen(fd, "wb") as file:
            canv = StreamingCanvas(file, pagesize=A4)
            canv.setTitle(TITLE)
            canv.setAuthor(batch.centre_name)
            for item in items:
                if should_cancel and should_cancel():
                    Path(temp).unlink(missing_ok=True)
                    return CollectionResult(0, None, cancelled=True)
                done += 1
                _draw(canv, batch, item, done)
                if progress and done % PROGRESS_EVERY == 0:
                    progress(done, total)
            if done:
                canv.save()
        if not done:
            Path(temp).unlink(missing_ok=True)
            return CollectionResult(0, None)
        os.replace(temp, final)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    if progress and done % PROGRESS_EVERY:
        progress(done, total)
    return CollectionResult(done, final)
