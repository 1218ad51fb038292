"""Font registration, runs by glyph coverage, Paragraph markup and CJK line wrapping."""

from __future__ import annotations

import itertools
import logging
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing import fonts
from counter_app.printing.fonts import (
    FALLBACK_FONT,
    MAIN_FONT,
    covers,
    draw_string,
    markup,
    split_runs,
    string_width,
    wrap_text,
)

RARE = "\U00020bb7"  # 𠮷, missing from the main font
NOWHERE = "\U0010fffd"  # private use: in neither font

# Text as clerks type it: Chinese, latin, digits, punctuation, the name dot and rare characters.
texts = st.text(
    alphabet=st.sampled_from([*list("张三李四王小明阿依古丽买提·，。：（）“”ABCxyz0123 -/"), RARE, "𪚥"]),
    max_size=60,
)


def test_the_fallback_font_is_parsed_only_when_a_text_needs_it(tmp_path):
    """A receipt of common characters never pays for parsing the 22 MB fallback font (fresh process:
    this one has registered both long ago)."""
    script = (
        "from reportlab.pdfbase import pdfmetrics\n"
        "from counter_app.printing.receipt import render_receipt\n"
        "from counter_app.printing.fonts import FALLBACK_FONT, MAIN_FONT, split_runs\n"
        "import sys\n"
        "from reportlab.pdfgen.canvas import Canvas\n"
        "from counter_app.printing.fonts import draw_string\n"
        "c = Canvas(sys.argv[1])\n"
        "draw_string(c, 10, 10, '张三 受理回执 CG01-01', 12)\n"
        "print(sorted(n for n in pdfmetrics.getRegisteredFontNames() if n in (MAIN_FONT, FALLBACK_FONT)))\n"
        "draw_string(c, 10, 30, '吉田\\U00020bb7', 12)\n"
        "c.save()\n"
        "print(sorted(n for n in pdfmetrics.getRegisteredFontNames() if n in (MAIN_FONT, FALLBACK_FONT)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "f.pdf")], check=True, capture_output=True,
                         text=True).stdout.splitlines()
    assert out == [f"['{MAIN_FONT}']", f"['{FALLBACK_FONT}', '{MAIN_FONT}']"]


def test_the_rare_character_is_missing_from_the_main_font_and_present_in_the_fallback():
    assert not covers(MAIN_FONT, RARE)
    assert covers(FALLBACK_FONT, RARE)


def test_a_rare_character_in_a_name_gets_its_own_fallback_run():
    assert split_runs(f"吉田{RARE}太郎") == (
        (MAIN_FONT, "吉田"), (FALLBACK_FONT, RARE), (MAIN_FONT, "太郎"),
    )


@given(texts)
def test_runs_keep_every_character_in_a_font_that_draws_it(text):
    runs = split_runs(text)
    assert "".join(r.text for r in runs) == text
    for run in runs:
        assert all(covers(run.font, ch) for ch in run.text)
    assert all(a.font != b.font for a, b in itertools.pairwise(runs))  # neighbours always differ


def test_control_characters_become_spaces():
    assert split_runs("张\t三\n") == ((MAIN_FONT, "张 三 "),)


def test_a_character_in_neither_font_uses_the_fallback_and_warns(caplog):
    fonts._warned.discard(NOWHERE)
    with caplog.at_level(logging.WARNING, logger="counter_app.printing.fonts"):
        runs = split_runs(f"甲{NOWHERE}乙")
    assert runs[1] == (FALLBACK_FONT, NOWHERE)
    assert any("U+10FFFD" in r.getMessage() for r in caplog.records)


def test_variation_selectors_no_font_draws_are_left_out():
    assert "".join(r.text for r in split_runs("葛\U000e0100城")) == "葛城"


@given(texts)
def test_markup_escapes_and_wraps_only_fallback_runs(text):
    out = markup(text + "<&>")
    assert out.endswith("&lt;&amp;&gt;")
    assert out.count(f'<font name="{FALLBACK_FONT}">') == sum(r.font == FALLBACK_FONT for r in split_runs(text))


def test_markup_turns_new_lines_into_breaks():
    assert markup("甲\n乙") == "甲<br/>乙"


def test_string_width_adds_the_runs_in_their_own_fonts():
    whole = string_width(f"张{RARE}", 10)
    assert whole == string_width("张", 10) + string_width(RARE, 10) > 0


def test_draw_string_aligns_by_the_measured_width(tmp_path):
    canv = Canvas(str(tmp_path / "a.pdf"))
    width = draw_string(canv, 300, 100, f"张{RARE}三", 12, align="right")
    assert width == string_width(f"张{RARE}三", 12)
    assert draw_string(canv, 0, 0, "", 12) == 0.0


@settings(max_examples=60)
@given(texts.filter(lambda t: t.strip()), st.floats(min_value=40, max_value=300))
def test_wrapped_lines_fit_and_lose_nothing_but_spaces_at_breaks(text, width):
    lines = wrap_text(text, width, 10)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        overflow = string_width(line, 10) - width
        # only a single character (too wide alone) or hanging closing punctuation may overflow
        assert overflow <= 1e-6 or len(line) == 1 or line[-1] in "，。：）”·"


def test_wrapping_keeps_latin_words_and_numbers_whole():
    lines = wrap_text("您的账号为201000000001，请妥善保管。", string_width("您的账号为2010", 10), 10)
    assert "201000000001，" in lines[1]


def test_a_line_never_starts_with_closing_punctuation():
    text = "住房公积金，" * 12
    for width in range(40, 200, 7):
        assert all(not line.startswith("，") for line in wrap_text(text, width, 10))


@given(st.text(alphabet="张三李四·abc12", min_size=1, max_size=80), st.floats(min_value=20, max_value=400))
def test_fit_size_shrinks_only_what_does_not_fit(text, width):
    size = fonts.fit_size(text, width, 12)
    assert size <= 12
    assert string_width(text, size) <= width + 1e-6 or (size == 12 and string_width(text, 12) <= width)
    if string_width(text, 12) <= width:
        assert size == 12
