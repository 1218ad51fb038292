"""The archive cover sheet (档案封面) of one application: who, what, and an index of every attached
file with its material, pages, size and SHA-256, so the paper file and the electronic one can be
matched page for page and a swapped file can be told by its hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.platypus import Flowable, KeepTogether

from counter_app.printing.blocks import data_table, field_grid, signature_lines, spacer
from counter_app.printing.layout import Output, PageFrame, build_document, para, styles

TITLE = "业务档案封面"


@dataclass(frozen=True)
class ArchiveEntry:
    material: str  # the material's Chinese name ("未归类" when the clerk did not say)
    name: str  # the file's name as attached
    pages: int
    bytes: int
    sha256: str
    original_sha256: str | None = None  # the unshrunk original kept at the station
    original_bytes: int | None = None


@dataclass(frozen=True)
class ArchiveData:
    centre_name: str
    station_name: str
    receipt_number: str
    business: str  # the business's title
    subject: str  # masked ID or USCC, with the name
    taken_on: date
    clerk: str
    entries: tuple[ArchiveEntry, ...]
    materials_ticked: tuple[str, ...] = ()  # names of the materials ticked on the form
    printed_at: datetime | None = None


def grouped(sha256: str) -> str:
    """A hash in groups of eight, as people compare them (and as the line breaks)."""
    return " ".join(sha256[i:i + 8] for i in range(0, len(sha256), 8))


def size_text(count: int) -> str:
    return f"{count / 1_000_000:.2f} MB" if count >= 1_000_000 else f"{max(1, round(count / 1000))} KB"


def render_archive_cover(data: ArchiveData, out: Output, *, page_size: str = "A4") -> int:
    """Write the cover sheet with its index to ``out``; returns the page count."""
    st = styles(page_size)
    frame = PageFrame(data.centre_name, data.station_name, TITLE, data.receipt_number, data.clerk, data.printed_at,
                      number_label="受理编号")
    pages = sum(e.pages for e in data.entries)
    facts = (
        ("受理编号", data.receipt_number), ("业务", data.business), ("申请人（单位）", data.subject),
        ("受理日期", data.taken_on.isoformat()), ("经办人", data.clerk),
        ("附件", f"{len(data.entries)} 个文件，共 {pages} 页，{size_text(sum(e.bytes for e in data.entries))}"),
    )
    story: list[Flowable] = [field_grid(facts, page_size)]
    if data.materials_ticked:
        story += [para("申请时勾选的材料", st.heading), para("、".join(data.materials_ticked), st.body)]
    story += [para("卷内文件目录", st.heading), _index(data, page_size)]
    if any(e.original_sha256 for e in data.entries):
        story += [spacer(page_size, 0.3)]
        story.append(para("注：照片和大幅扫描件已压缩为归档件（约 300 KB 一页）后上传中心；未压缩的原件保存在本站"
                          "数据目录，其哈希值列在“原件”一行，可凭哈希值调阅核对。", st.small))
    story += [spacer(page_size, 1.5),
              KeepTogether([signature_lines(("立卷人（签字）：", "审核人（签字）："), page_size)])]
    return build_document(out, frame, story, page_size=page_size)


def _index(data: ArchiveData, page_size: str) -> Flowable:
    rows: list[tuple[str, ...]] = []
    for number, e in enumerate(data.entries, start=1):
        digest = grouped(e.sha256)
        if e.original_sha256:
            digest += f"\n原件 {size_text(e.original_bytes or 0)}：{grouped(e.original_sha256)}"
        rows.append((str(number), e.material, e.name, str(e.pages), size_text(e.bytes), digest))
    if not rows:
        rows.append(("", "（尚未附加文件）", "", "", "", ""))
    return data_table(("序号", "材料", "文件", "页数", "大小", "SHA-256"), rows, page_size,
                      col_fractions=(0.08, 0.16, 0.19, 0.07, 0.1, 0.4))
