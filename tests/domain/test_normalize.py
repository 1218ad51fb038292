"""Tests for counter_app/domain/normalize.py: idempotence, full-width input, spaces, middle dots."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from counter_app.domain.normalize import normalize_code, normalize_name, normalize_text

NORMALISERS = [normalize_text, normalize_code, normalize_name]
ascii_printable = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=30)


def full_width(text: str) -> str:
    """What a Chinese IME in full-width mode types for ASCII ``text`` (U+FF01–U+FF5E, ideographic space)."""
    return "".join("\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@pytest.mark.parametrize("normalise", NORMALISERS)
@given(st.text(max_size=40))
@example("A\u00b4")  # NFKC turns ´ into space + combining acute; once the space goes, Á composes
def test_applying_twice_is_applying_once(normalise, text):
    once = normalise(text)
    assert normalise(once) == once


@pytest.mark.parametrize("normalise", NORMALISERS)
@given(st.text(alphabet=st.sampled_from("张三𠮷·・ \t\u3000ＡＢ１２xX-－"), max_size=20))
def test_idempotent_on_the_characters_counters_see(normalise, text):
    once = normalise(text)
    assert normalise(once) == once


@given(ascii_printable)
def test_full_width_becomes_ascii(text):
    assert normalize_text(full_width(text)) == normalize_text(text)
    assert normalize_code(full_width(text)) == normalize_code(text)


@given(st.text(alphabet="0123456789 ", max_size=20))
def test_full_width_digits_and_ideographic_spaces(text):
    assert normalize_text(full_width(text)) == " ".join(text.split())


def test_none_becomes_empty():
    assert [normalise(None) for normalise in NORMALISERS] == ["", "", ""]


def test_text_is_trimmed_and_inner_white_space_folded():
    assert normalize_text("  杭州市\t\t西湖区\n文三路  ") == "杭州市 西湖区 文三路"
    assert normalize_text("\u3000张三\u3000") == "张三"


def test_code_drops_spaces_and_hyphens_and_upper_cases():
    assert normalize_code(" 1101-0519 4912 31002x ") == "11010519491231002X"
    assert normalize_code("９１１１００００６０００３７３４１ｌ") == "91110000600037341L"
    assert normalize_code("0571－8765\u30004321") == "057187654321"  # full-width hyphen and space too
    assert normalize_code(110105) == "110105"


@pytest.mark.parametrize("dot", ["\u00b7", "\u2022", "\u2027", "\u30fb", "\uff65", "\u22c5", "\u2219", "\u0387"])
def test_name_middle_dot_look_alikes_become_u00b7(dot):
    assert normalize_name(f" 阿依古丽{dot}买买提 ") == "阿依古丽\u00b7买买提"


def test_name_keeps_characters_outside_the_bmp():
    # Spaces next to Han characters are IME noise and go; Latin names keep their single spaces.
    assert normalize_name("𠮷田\u3000花子") == "𠮷田花子"
    assert normalize_name("张 三") == "张三"
    assert normalize_name("买买提 · 艾力") == "买买提·艾力"
    assert normalize_name("José  Müller") == "José Müller"
