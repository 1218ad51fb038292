"""Which print route a PC takes and at what resolution Qt renders (pure decisions, tested here).

Linux and other CUPS systems: the PDF to CUPS as is (pycups); Qt raster at 300 dpi only without
pycups. Windows: QtPdf pages at the printer's resolution capped at 300 dpi (copies, paper and
duplex honoured); without QtPdf, the PDF reader's ``printto`` verb; else the raster fallback.
"""

from __future__ import annotations

from collections.abc import Iterable

TEXT_DPI_CAP = 300  # text and QR codes: what counter printers resolve; more only makes the job bigger
IMAGE_DPI_CAP = 600
FALLBACK_DPI = 300


def render_dpi(supported: Iterable[int], text_pages: bool = True) -> int:
    """The highest resolution the printer offers up to the cap; its lowest if all are above; else the cap."""
    cap = TEXT_DPI_CAP if text_pages else IMAGE_DPI_CAP
    offered = sorted({int(d) for d in supported if int(d) > 0})
    under = [d for d in offered if d <= cap]
    if under:
        return under[-1]
    return offered[0] if offered else cap


def choose_route(platform: str, *, pycups: bool, qtpdf: bool, shell_printto: bool = False) -> str:
    """``cups`` | ``windows-qtpdf`` | ``windows-shell`` | ``raster`` for ``sys.platform`` and what is installed."""
    if platform == "win32":
        if qtpdf:
            return "windows-qtpdf"
        if shell_printto:
            return "windows-shell"
        return "raster"
    if pycups:
        return "cups"
    return "raster"
