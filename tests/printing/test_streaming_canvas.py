"""The streaming canvas writes a valid PDF whose pages read back like ReportLab's own."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing.fonts import MAIN_FONT, draw_string, register_fonts
from counter_app.printing.streaming import StreamingCanvas


def draw_pages(canv: Canvas, n: int) -> None:
    for i in range(n):
        draw_string(canv, 72, 720, f"第{i + 1}页 张\U00020bb7三", 12)
        canv.rect(72, 600, 100, 50)
        canv.showPage()


def test_streamed_pdf_matches_a_plain_canvas_page_by_page(tmp_path, pdf):
    register_fonts()
    plain, streamed = tmp_path / "plain.pdf", tmp_path / "streamed.pdf"
    canv = Canvas(str(plain), pagesize=A4, initialFontName=MAIN_FONT)
    draw_pages(canv, 7)
    canv.save()
    with streamed.open("wb") as fh:
        canv = StreamingCanvas(fh, pagesize=A4)
        draw_pages(canv, 7)
        canv.save()
    assert pdf.pages(streamed) == pdf.pages(plain) == 7  # pdfinfo reports no xref errors
    assert pdf.text(streamed) == pdf.text(plain)
    assert "第7页张\U00020bb7三" in "".join(pdf.text(streamed, first=7, last=7).split())
    assert all(r["emb"] == "yes" and r["sub"] == "yes" for r in pdf.fonts(streamed))


def test_pages_are_on_disk_before_save(tmp_path):
    out = tmp_path / "s.pdf"
    with out.open("wb") as fh:
        canv = StreamingCanvas(fh, pagesize=A4)
        draw_pages(canv, 3)
        fh.flush()
        before = out.stat().st_size
        draw_pages(canv, 3)
        fh.flush()
        assert out.stat().st_size > before > 0
        assert not canv._doc.idToObject.keys() & {"Page1", "Page2", "Page3"}  # written and dropped
        canv.save()
