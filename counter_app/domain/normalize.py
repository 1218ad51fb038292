"""Input normalisation: what Chinese IMEs and hurried typing produce, made canonical.

Full-width digits and letters (１２３, Ｘ) become ASCII by NFKC; stray spaces go; the middle dot of
minority names has several look-alikes that all become U+00B7. Every function is idempotent.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Spaces an IME leaves between Chinese characters (张 三) carry no meaning; Latin names keep theirs.
_HAN = "\u00b7\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Compiled by ``re`` on first use (its cache): a costly pattern the window's first paint never needs.
_SPACE_BY_HAN = rf"\s+(?=[{_HAN}])|(?<=[{_HAN}])\s+"
# Look-alikes of the name middle dot (·) that IMEs and fonts produce.
_MIDDLE_DOTS = str.maketrans({c: "\u00b7" for c in "\u2022\u2027\u30fb\uff65\u22c5\u2219\u0387\u16eb"})


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Unicode format characters (category Cf): bidi overrides and isolates (U+202A–202E, U+2066–2069),
# zero-width joiners and spaces, the soft hyphen, tag characters. None is needed to write Chinese
# (ideographic variation selectors are category Mn and pass); each can make printed or displayed
# text differ from what is stored (a reversed address, two "identical" names). Refused, never dropped.


def valid_text(value: object) -> str:
    """``str(value)`` with lone surrogates (undecodable command-line bytes, "\\ud800" in a JSON file)
    replaced by U+FFFD: text that the store, files and screens can hold."""
    return _LONE_SURROGATE.sub("\ufffd", "" if value is None else str(value))


def format_controls(text: str) -> list[str]:
    """The invisible format characters (Unicode category Cf) in ``text``, as ``U+XXXX`` codes."""
    return [f"U+{ord(c):04X}" for c in dict.fromkeys(text) if unicodedata.category(c) == "Cf"]


def format_control_problem(value: object, label: str) -> str | None:
    """A Chinese message naming the field when ``value`` holds format characters; None otherwise."""
    if not isinstance(value, str):
        return None
    found = format_controls(value)
    if not found:
        return None
    return f"{label}含有不可见的格式控制字符（{'、'.join(found[:3])}，如文字方向控制符），请删除后重新输入"


def normalize_text(value: object) -> str:
    """NFKC, trimmed, internal runs of white space folded to one space."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", valid_text(value))
    return _SPACES.sub(" ", text).strip()


def normalize_code(value: object) -> str:
    """For identifiers (ID, USCC, card, mobile): NFKC, no white space or hyphens, upper case."""
    text = valid_text(value)
    # Removing spaces or upper-casing can leave text that NFKC changes again (e.g. "´" → " ́"):
    # repeat until nothing changes so the function is idempotent.
    for _ in range(4):
        cleaned = re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", text)).upper()
        if cleaned == text:
            break
        text = cleaned
    return text


def normalize_name(value: object) -> str:
    """For personal names: NFKC, trimmed, middle-dot look-alikes unified to U+00B7."""
    text = normalize_text(value).translate(_MIDDLE_DOTS)
    # NFKC may itself produce a look-alike (e.g. U+FF65 → U+30FB): translate again is idempotent.
    return re.sub(_SPACE_BY_HAN, "", text.translate(_MIDDLE_DOTS))
