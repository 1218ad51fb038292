"""What counts as an internal code word shown to a clerk or printed for an applicant (issue #16 item 3).

Allowed: numbers, amounts, dates, check codes (hex digests), receipt numbers, USCC and ID values, account numbers, units, key
names and abbreviations in capitals (Ctrl+N, PDF, XLSX, QR), file paths (where a file went), and the
values a test names as data (a clerk's login name). Flagged: a lowercase word of two letters or more
("commercial", "general", "outside") and anything snake_case or kebab-case ("outside_urban",
"establishment_notice", "needs-more").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A file path or a URL is data (where a file was written), not a code.
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[\\/][^\s：，。；、）)（(]+)+|[a-z]+://\S+")
_WORD = re.compile(r"[A-Za-z0-9_]+(?:[-_][A-Za-z0-9_]+)*")
_LOWER = re.compile(r"[a-z]{2,}")
_HEX = re.compile(r"(?=[0-9a-f]*[0-9])[0-9a-f]{6,}")  # a check code or digest (核验码) is a value


def code_words(text: str, data: Iterable[str] = ()) -> list[str]:
    """The code words in ``text`` (empty when it shows the clerk only labels and values)."""
    allowed = {d for d in data if d}
    for value in sorted(allowed, key=len, reverse=True):
        text = text.replace(value, " ")
    text = _PATH.sub(" ", text)
    return [word for word in _WORD.findall(text)
            if ("_" in word or (not word[:1].isupper() and _LOWER.search(word))) and not _HEX.fullmatch(word)]
