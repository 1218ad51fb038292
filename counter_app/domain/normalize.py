"""Input normalisation: what Chinese IMEs and hurried typing produce, made canonical.

Full-width digits and letters (１２３, Ｘ) become ASCII by NFKC; stray spaces go; the middle dot of
minority names has several look-alikes that all become U+00B7. Every function is idempotent.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Spaces an IME leaves between Chinese characters (张 三) carry no meaning; Latin names keep theirs.
_SPACE_BY_NON_ASCII = re.compile(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+")
# Look-alikes of the name middle dot (·) that IMEs and fonts produce.
_MIDDLE_DOTS = str.maketrans({c: "\u00b7" for c in "\u2022\u2027\u30fb\uff65\u22c5\u2219\u0387\u16eb"})


def normalize_text(value: object) -> str:
    """NFKC, trimmed, internal runs of white space folded to one space."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    return _SPACES.sub(" ", text).strip()


def normalize_code(value: object) -> str:
    """For identifiers (ID, USCC, card, mobile): NFKC, no white space or hyphens, upper case."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value))
    return re.sub(r"[\s\-]", "", text).upper()


def normalize_name(value: object) -> str:
    """For personal names: NFKC, trimmed, middle-dot look-alikes unified to U+00B7."""
    text = normalize_text(value).translate(_MIDDLE_DOTS)
    # NFKC may itself produce a look-alike (e.g. U+FF65 → U+30FB): translate again is idempotent.
    return _SPACE_BY_NON_ASCII.sub("", text.translate(_MIDDLE_DOTS))
