"""Mail-out letters: one page per recipient, window address, chunks, progress, cancel."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.printing.letter_templates import ONLINE_GUIDE, LetterTemplate
from counter_app.printing.letters import LetterBatch, LetterRecipient, render_letters

BATCH = LetterBatch("示范市住房公积金管理中心", "青山镇服务站", "示范市青山镇人民路1号", "311300",
                    "0571-12329", date(2025, 6, 10))
NAMES = ("张三", "买买提·艾力\U00020bb7", "欧阳\U00020bb7祥", "阿依古丽·买买提")


def people(n: int) -> Iterator[LetterRecipient]:
    """A generator: letters must take recipients lazily, never as a list."""
    for i in range(n):
        yield LetterRecipient(NAMES[i % len(NAMES)], f"3113{i % 100:02d}", f"示范市青山镇幸福路{i}号",
                              "青山镇", f"2010{i:09d}")


def flat(text: str) -> str:
    return "".join(text.split())


def test_one_page_per_recipient_with_name_address_and_account(tmp_path, pdf):
    out = tmp_path / "letters.pdf"
    result = render_letters(BATCH, people(9), out)
    assert result.pages == 9 == pdf.pages(out) and result.files == (out,) and not result.cancelled
    for i in (0, 1, 8):
        page = flat(pdf.text(out, first=i + 1, last=i + 1))
        name = NAMES[i % len(NAMES)]
        assert f"尊敬的{name}：" in page and page.count(name) >= 2  # address block and salutation
        assert f"示范市青山镇幸福路{i}号" in page and f"3113{i % 100:02d}" in page
        assert f"2010{i:09d}" in page and f"第{i + 1}封" in page
        assert "住房公积金线上服务指南" in page and "青山镇服务站" in page and "0571-12329" in page
    rows = pdf.fonts(out)
    assert rows and all(r["emb"] == "yes" and r["sub"] == "yes" for r in rows)
    assert "\U00020bb7" in pdf.mapped_chars(out)["HanaMinA"]


def test_a5_letters_also_fit_one_page_each(tmp_path, pdf):
    out = tmp_path / "a5.pdf"
    assert render_letters(BATCH, people(3), out, page_size="A5").pages == 3 == pdf.pages(out)
    assert "住房公积金线上服务指南" in flat(pdf.text(out, first=3, last=3))


def test_address_is_in_the_envelope_window(tmp_path):
    """The postcode, address and name sit within 20–105 mm from the left, 45–90 mm from the top."""
    out = tmp_path / "w.pdf"
    render_letters(BATCH, people(1), out)
    mm = 72 / 25.4
    words = _words(out)
    for word in ("311300", "示范市青山镇幸福路0号", "张三", "收"):
        x0, y0, x1, y1 = words[word]
        assert 20 * mm - 1 <= x0 and x1 <= 105 * mm, word
        assert 45 * mm <= y0 and y1 <= 90 * mm, word


def test_long_names_and_addresses_stay_inside_the_window_on_one_page(tmp_path, pdf):
    mm = 72 / 25.4
    long = LetterRecipient("阿卜杜热合曼·买买提明·艾力·\U00020bb7" * 2, "311300",
                           "示范市青山镇幸福路88号幸福家园小区3幢2单元501室靠近镇政府对面的老供销社大楼后面第三排" * 2,
                           "青山镇", "201000000001")
    out = tmp_path / "long.pdf"
    assert render_letters(BATCH, [long], out).pages == 1 == pdf.pages(out)
    for x0, y0, x1, y1 in _words(out).values():
        if x0 < 105 * mm and 45 * mm <= y0 <= 90 * mm:  # what starts in the window ends in it
            assert x1 <= 105 * mm + 1 and y1 <= 90 * mm + 1


def _words(out) -> dict[str, tuple[float, ...]]:
    box = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(out), "-"],
                         capture_output=True, text=True, check=True).stdout
    return {m[4]: tuple(map(float, m[:4])) for m in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', box)}


def test_chunks_of_n_letters_go_to_numbered_files(tmp_path, pdf):
    result = render_letters(BATCH, people(25), tmp_path / "batch.pdf", chunk_size=10)
    assert [f.name for f in result.files] == ["batch-001.pdf", "batch-002.pdf", "batch-003.pdf"]
    assert [pdf.pages(f) for f in result.files] == [10, 10, 5] and result.pages == 25
    assert "第21封" in flat(pdf.text(result.files[2], first=1, last=1))
    assert sorted(p.name for p in tmp_path.iterdir()) == [f.name for f in result.files]  # no temp files


def test_progress_reports_done_of_total_and_ends_at_the_total(tmp_path):
    calls: list[tuple[int, int]] = []
    render_letters(BATCH, people(45), tmp_path / "p.pdf", total=45, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (45, 45)
    assert [d for d, _ in calls] == sorted({d for d, _ in calls}) and all(t == 45 for _, t in calls)


def test_progress_total_comes_from_len_when_recipients_are_a_list(tmp_path):
    calls: list[tuple[int, int]] = []
    render_letters(BATCH, list(people(3)), tmp_path / "p.pdf", progress=lambda d, t: calls.append((d, t)))
    assert calls == [(3, 3)]


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stop_after=st.integers(min_value=0, max_value=14), chunk=st.sampled_from([None, 4]))
def test_cancel_leaves_no_file_at_all(tmp_path_factory, stop_after, chunk):
    folder = tmp_path_factory.mktemp("cancel")
    checks = iter(range(1000))
    result = render_letters(BATCH, people(15), folder / "c.pdf", chunk_size=chunk,
                            should_cancel=lambda: next(checks) >= stop_after)
    assert result.cancelled and result.pages == 0 and result.files == ()
    assert list(folder.iterdir()) == []


def test_a_failing_recipient_source_leaves_no_file(tmp_path):
    def broken() -> Iterator[LetterRecipient]:
        yield from people(5)
        raise OSError("数据库连接中断")

    with pytest.raises(OSError):
        render_letters(BATCH, broken(), tmp_path / "x.pdf", chunk_size=2)
    assert list(tmp_path.iterdir()) == []


def test_no_recipients_writes_nothing(tmp_path):
    assert render_letters(BATCH, iter(()), tmp_path / "none.pdf").files == ()
    assert list(tmp_path.iterdir()) == []


def test_unknown_template_and_unknown_placeholder_are_refused_in_chinese(tmp_path):
    with pytest.raises(ValueError, match="没有名为“nope”的信函模板"):
        render_letters(replace(BATCH, template="nope"), people(1), tmp_path / "a.pdf")
    bad = LetterTemplate("bad", "标题", "尊敬的{name}：", ("您的{salary}",), ())
    with pytest.raises(ValueError, match="salary"):
        render_letters(replace(BATCH, template=bad), people(1), tmp_path / "b.pdf")
    assert list(tmp_path.iterdir()) == []


def test_builtin_template_uses_every_recipient_field():
    used = "".join(ONLINE_GUIDE.texts())
    assert all("{" + key + "}" in used for key in ("name", "township", "account", "station"))
