"""What every print route shares: printers and their options, job options, submitted jobs, errors."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

# Paper the documents are made for, and the other common sizes a printer lists (mm, portrait).
PAPERS = {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}
KNOWN_MEDIA = {**PAPERS, "A3": (297.0, 420.0), "A6": (105.0, 148.0), "B5": (182.0, 257.0),
               "Letter": (215.9, 279.4), "Legal": (215.9, 355.6)}
MEDIA_TOLERANCE_MM = 2.0  # PPDs round A5 to 148.52 × 209.9 mm and the like
COPIES_MAX = 99
_PWG_SIZE = re.compile(r"_(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(mm|in)$")


class SpoolError(Exception):
    """A job the print service cannot take as asked; ``field`` names what to change (Chinese message)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def paper_of_size(width_mm: float, height_mm: float) -> str | None:
    """The known paper name of a size (either orientation), within the tolerance."""
    short, long = sorted((width_mm, height_mm))
    for name, (w, h) in KNOWN_MEDIA.items():
        if abs(short - w) <= MEDIA_TOLERANCE_MM and abs(long - h) <= MEDIA_TOLERANCE_MM:
            return name
    return None


def paper_of_keyword(keyword: str) -> str | None:
    """``iso_a5_148x210mm`` or ``custom_148.52x209.9mm_148.52x209.9mm`` → ``A5`` (PWG 5101.1 names)."""
    match = _PWG_SIZE.search(keyword)
    if not match:
        return None
    scale = 25.4 if match.group(3) == "in" else 1.0
    return paper_of_size(float(match.group(1)) * scale, float(match.group(2)) * scale)


def papers_of(keywords: Iterable[str]) -> dict[str, str]:
    """Known paper name → the printer's own keyword for it (the first one listed wins)."""
    found: dict[str, str] = {}
    for keyword in keywords:
        name = paper_of_keyword(keyword)
        if name and name not in found:
            found[name] = keyword
    return found


@dataclass(frozen=True)
class PrinterInfo:
    """A printer as the print service reports it."""

    name: str
    info: str = ""
    state: str = "idle"  # idle | printing | stopped
    accepting: bool = True
    default: bool = False
    papers: Mapping[str, str] = field(default_factory=dict)  # "A4" → the printer's media keyword
    duplex: bool = False
    resolutions: tuple[int, ...] = ()  # dpi the printer offers (Windows picks from these)

    def as_json(self) -> dict[str, object]:
        order = list(KNOWN_MEDIA)
        return {"name": self.name, "info": self.info, "state": self.state, "accepting": self.accepting,
                "default": self.default, "media": sorted(self.papers, key=order.index), "duplex": self.duplex}


@dataclass(frozen=True)
class JobOptions:
    copies: int = 1
    paper: str | None = None  # "A4" / "A5"; None = the printer's default
    duplex: bool = False
    title: str = "counter-app"


@dataclass(frozen=True)
class SubmittedJob:
    """A job the print service accepted: its id (None where the route has none), route and size."""

    printer: str
    job_id: int | None
    route: str  # cups | windows-qtpdf | windows-shell | raster
    bytes: int | None  # what went to the print service (None: Qt does not say)
    file: Path

    def as_json(self) -> dict[str, object]:
        return {"printer": self.printer, "job_id": self.job_id, "route": self.route, "bytes": self.bytes,
                "file": str(self.file)}


def check_options(printer: PrinterInfo, options: JobOptions) -> None:
    """Raise ``SpoolError`` naming the option this printer cannot honour."""
    if not printer.accepting:
        raise SpoolError("printer", f"打印机“{printer.name}”已暂停接收任务，请在系统打印设置中恢复，或换一台打印机")
    if not 1 <= options.copies <= COPIES_MAX:
        raise SpoolError("copies", f"份数应为1至{COPIES_MAX}")
    if options.paper is not None:
        if options.paper not in PAPERS:
            raise SpoolError("paper", "纸张只能选择 A4 或 A5")
        if printer.papers and options.paper not in printer.papers:
            raise SpoolError("paper", f"打印机“{printer.name}”不支持 {options.paper} 纸张，请换一台打印机或改用其他纸张")
    if options.duplex and not printer.duplex:
        raise SpoolError("duplex", f"打印机“{printer.name}”不支持双面打印，请改为单面")


def find_printer(printers: Iterable[PrinterInfo], name: str | None) -> PrinterInfo:
    """The named printer, or the default one when ``name`` is empty."""
    listed = list(printers)
    if name:
        for printer in listed:
            if printer.name == name:
                return printer
        names = "、".join(p.name for p in listed) or "无"
        raise SpoolError("printer", f"本机没有名为“{name}”的打印机（可用：{names}）")
    for printer in listed:
        if printer.default:
            return printer
    if len(listed) == 1:
        return listed[0]
    if not listed:
        raise SpoolError("printer", "本机没有可用的打印机，请先在系统中添加打印机，或另存为 PDF")
    raise SpoolError("printer", "系统没有默认打印机，请指定打印机")


class Spooler(Protocol):
    route: str

    def printers(self) -> list[PrinterInfo]: ...

    def submit(self, pdf: Path, printer: str | None, options: JobOptions) -> SubmittedJob: ...

    def job_state(self, job_id: int) -> str: ...

    def cancel(self, job_id: int) -> None: ...
