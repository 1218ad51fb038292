"""The print routes' decisions (which route, what resolution, which paper) and the Qt raster route.

The Windows routes cannot run here: their choices are pure functions tested below; the QtPdf
drawing they share with the raster fallback is run here into a PDF file.
"""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from counter_app.printing.receipt import ReceiptData, render_receipt
from counter_app.printing.spool import (
    JobOptions,
    PrinterInfo,
    SpoolError,
    check_options,
    choose_route,
    find_printer,
    render_dpi,
    spooler,
)
from counter_app.printing.spool.base import paper_of_keyword, papers_of
from counter_app.printing.spool.qt_route import QtSpooler, draw_pdf


@pytest.mark.parametrize(("platform", "pycups", "qtpdf", "shell", "route"), [
    ("linux", True, True, False, "cups"),
    ("linux", False, True, False, "raster"),      # no pycups: Qt's own printing, 300 dpi
    ("darwin", True, True, False, "cups"),
    ("win32", False, True, True, "windows-qtpdf"),  # QtPdf first: copies, paper and duplex honoured
    ("win32", False, False, True, "windows-shell"),
    ("win32", False, False, False, "raster"),
    ("win32", True, True, False, "windows-qtpdf"),  # pycups on Windows is not a CUPS system
])
def test_the_route_of_each_kind_of_pc(platform, pycups, qtpdf, shell, route) -> None:
    assert choose_route(platform, pycups=pycups, qtpdf=qtpdf, shell_printto=shell) == route


@pytest.mark.parametrize(("offered", "text", "dpi"), [
    ([600, 1200], True, 600),    # nothing at or under 300: the printer's lowest
    ([150, 300, 600], True, 300),
    ([180, 360], True, 180),     # dot-matrix counter printers
    ([203], True, 203),          # thermal receipt printers
    ([], True, 300),             # the driver says nothing: the cap
    ([300, 600, 1200], False, 600),
    ([0, -1, 240], True, 240),   # junk from a driver is ignored
])
def test_windows_renders_text_pages_at_the_printers_resolution_up_to_300_dpi(offered, text, dpi) -> None:
    assert render_dpi(offered, text_pages=text) == dpi


def test_paper_names_from_pwg_media_keywords() -> None:
    assert paper_of_keyword("iso_a5_148x210mm") == "A5"
    assert paper_of_keyword("custom_148.52x209.9mm_148.52x209.9mm") == "A5"  # cups-pdf's PPD rounding
    assert paper_of_keyword("na_letter_8.5x11in") == "Letter"
    assert paper_of_keyword("iso_a4_210x297mm") == "A4" and paper_of_keyword("om_small-photo_100x150mm") is None
    assert papers_of(["iso_a4_210x297mm", "A4", "custom_148.52x209.9mm_148.52x209.9mm"]) == {
        "A4": "iso_a4_210x297mm", "A5": "custom_148.52x209.9mm_148.52x209.9mm"}


def test_options_are_checked_against_the_printer() -> None:
    small = PrinterInfo("EPSON LQ-630K", papers={"A5": "iso_a5_148x210mm"})
    check_options(small, JobOptions(copies=2, paper="A5"))
    for options, field in ((JobOptions(paper="A4"), "paper"), (JobOptions(duplex=True), "duplex"),
                           (JobOptions(copies=100), "copies"), (JobOptions(paper="B5"), "paper")):
        with pytest.raises(SpoolError) as refused:
            check_options(small, options)
        assert refused.value.field == field
    with pytest.raises(SpoolError, match="暂停接收"):
        check_options(PrinterInfo("P", accepting=False), JobOptions())


def test_the_default_printer_and_a_missing_one() -> None:
    a, b = PrinterInfo("A"), PrinterInfo("B", default=True)
    assert find_printer([a, b], None) is b and find_printer([a, b], "A") is a and find_printer([a], "") is a
    with pytest.raises(SpoolError, match="没有名为“C”的打印机（可用：A、B）"):
        find_printer([a, b], "C")
    with pytest.raises(SpoolError, match="没有默认打印机"):
        find_printer([a, PrinterInfo("D")], None)
    with pytest.raises(SpoolError, match="没有可用的打印机"):
        find_printer([], None)


def test_this_pc_takes_the_cups_route() -> None:
    assert spooler().route == "cups"
    assert QtSpooler().route == "raster" and spooler(route="windows-qtpdf").route == "windows-qtpdf"


def _receipt(tmp_path: Path, size: str) -> Path:
    data = ReceiptData(
        centre_name="示范市住房公积金管理中心", station_name="青山镇服务站", receipt_number="QS01-01-20250603-0007",
        client_id="0190f5c2-7a1b-7cc3-8e4d-000000000007", accepted_at=datetime(2025, 6, 3, 9, 41),
        business="住房公积金提取", applicant_name="王𠮷", id_number="11010519491231002X", account="201000000007",
        amount=Decimal("16409.02"), details=(("提取原因", "租赁住房"),), materials_received=("居民身份证",),
        materials_missing=(), expected_decision=date(2025, 6, 6), clerk="李晓梅")
    path = tmp_path / f"receipt-{size}.pdf"
    render_receipt(data, path, page_size=size)
    return path


def test_the_qt_route_draws_every_page_at_the_given_resolution(qapp, tmp_path) -> None:
    """What Windows and the last fallback send: 300 dpi pages of the right paper, far below 1200 dpi."""
    pdf = _receipt(tmp_path, "A5")
    sizes = {}
    for dpi in (300, 1200):
        out = tmp_path / f"raster-{dpi}.pdf"
        assert draw_pdf(pdf, dpi, JobOptions(title="受理回执"), output_file=out) == 1
        info = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True).stdout
        assert "Pages:           1" in info and "(A5)" in info
        images = subprocess.run(["pdfimages", "-list", str(out)], check=True, capture_output=True, text=True).stdout
        width, height = map(int, images.splitlines()[2].split()[3:5])
        assert abs(width - 148 / 25.4 * dpi) < dpi / 100 and abs(height - 210 / 25.4 * dpi) < dpi / 100
        sizes[dpi] = out.stat().st_size
    assert sizes[300] * 4 < sizes[1200]
