"""Printing fonts: the bundled CJK fonts registered once, and text split into runs by glyph coverage.

The main font (WenQuanYi Zen Hei) lacks some rare name characters such as 𠮷 (U+20BB7); those runs
are drawn with the fallback (Hanazono Mincho A) so that no character prints as an empty box or
vanishes. ReportLab subsets and embeds both TrueType fonts into every PDF that uses them.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from functools import cache, lru_cache
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from counter_app.paths import resources_dir

log = logging.getLogger(__name__)

MAIN_FONT = "CounterSans"  # WenQuanYi Zen Hei, face 0 of the collection
FALLBACK_FONT = "CounterFallback"  # Hanazono Mincho A
_FONT_FILES = {MAIN_FONT: ("wqy-zenhei.ttc", 0), FALLBACK_FONT: ("HanaMinA.ttf", 0)}

_lock = threading.Lock()
_registered = False
_loaded: set[str] = set()  # fonts parsed and registered in this process
_warned: set[str] = set()
_reportlab_to_unicode_cmap = ttfonts.makeToUnicodeCMap  # the original, wrapped below


class Run(NamedTuple):
    """A stretch of text drawn with one font."""

    font: str
    text: str


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, but with code points as UTF-16BE as the PDF standard wants.

    ReportLab 5.1 writes ``<20BB7>`` for 𠮷, which viewers cannot read back, so copying or
    searching a rare name character in the PDF failed; ``<D842DFB7>`` is the correct form.
    """
    lines = _reportlab_to_unicode_cmap(fontname, [0] * len(subset)).split("\n")
    first = lines.index(f"{len(subset)} beginbfchar") + 1
    lines[first:first + len(subset)] = [
        f"<{i:02X}> <{chr(v).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
        for i, v in enumerate(subset)
    ]
    return "\n".join(lines)


class _GlyphTable:
    """The font's glyf table as a zero-copy view that slices to bytes.

    ReportLab's subsetter asks for the whole glyf table of every subset of every document and
    only slices it; a fresh copy costs 5–11 ms per subset (10 MB and 22 MB tables here).
    """

    def __init__(self, view: memoryview):
        self._view = view

    def __getitem__(self, index: slice) -> bytes:
        return self._view[index].tobytes()

    def __len__(self) -> int:
        return len(self._view)


def _share_glyph_table(face: Any) -> None:
    read_table = face.get_table
    data = memoryview(face._ttf_data)

    def get_table(tag: str) -> Any:
        if tag != "glyf":
            return read_table(tag)
        pos, length = face.get_table_pos(tag)
        return _GlyphTable(data[pos:pos + length])

    face.get_table = get_table


def register_fonts() -> None:
    """Register the main font with ReportLab (once per process; safe from any thread).

    The fallback font is registered only when a text first needs it (``_coverage``): parsing a
    22 MB TrueType file costs a cold ``counter-app print`` about 0.15 s, and most documents never
    hold a character the main font lacks.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        # Page streams zlib-compressed only: ASCII85 on top makes them a quarter larger and
        # costs ~10 ms per receipt; no reader needs 7-bit-clean PDF files.
        rl_config.useA85 = 0
        _register(MAIN_FONT)
        _registered = True


def _register(name: str) -> None:
    """Parse one bundled font and register it under ``name`` (the caller holds ``_lock``)."""
    if name in _loaded:
        return
    filename, face = _FONT_FILES[name]
    font = TTFont(name, str(resources_dir() / "fonts" / filename), subfontIndex=face)
    _share_glyph_table(font.face)
    pdfmetrics.registerFont(font)
    # The fonts have no bold/italic faces: map every style to the one face so that
    # Paragraph markup such as <b> never fails on a missing family member.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)
    _loaded.add(name)


def _font(name: str) -> Any:
    """The registered ReportLab font ``name``, parsed on first use."""
    register_fonts()
    if name not in _loaded:
        with _lock:
            _register(name)
    return pdfmetrics.getFont(name)


@cache
def _coverage(font_name: str) -> frozenset[str]:
    """Characters the font really draws (its cmap, without entries mapped to .notdef and
    without control characters, which are never drawn)."""
    face = _font(font_name).face
    chars = (chr(cp) for cp, glyph in face.charToGlyph.items() if glyph)
    return frozenset(c for c in chars if unicodedata.category(c) != "Cc")


def covers(font_name: str, char: str) -> bool:
    """Whether ``font_name`` has a glyph for ``char``."""
    return char in _coverage(font_name)


def _is_invisible(char: str) -> bool:
    # Variation selectors and joiners only modify their neighbour: they are never drawn alone.
    return unicodedata.category(char) in ("Mn", "Cf") and not covers(MAIN_FONT, char)


def _font_for(char: str) -> str:
    if covers(MAIN_FONT, char):
        return MAIN_FONT
    if not covers(FALLBACK_FONT, char) and char not in _warned:
        _warned.add(char)
        log.warning("打印字体缺少字符 %r (U+%04X)，以备用字体输出", char, ord(char))
    return FALLBACK_FONT


@lru_cache(maxsize=16384)
def split_runs(text: str) -> tuple[Run, ...]:
    """Split ``text`` into runs of the main font and the fallback font.

    Control characters (tabs, new lines) become spaces; modifiers that neither font draws
    (variation selectors, zero-width joiners) are left out rather than printed as boxes.
    Cached: letters repeat the same template lines thousands of times.
    """
    if _coverage(MAIN_FONT).issuperset(text):  # the usual case, checked in C
        return (Run(MAIN_FONT, text),) if text else ()
    runs: list[Run] = []
    current_font, chars = "", []
    for char in text:
        if unicodedata.category(char) == "Cc":
            char = " "
        elif _is_invisible(char):
            if current_font and covers(current_font, char):
                chars.append(char)
            continue
        font = _font_for(char)
        if font != current_font and chars:
            runs.append(Run(current_font, "".join(chars)))
            chars = []
        current_font = font
        chars.append(char)
    if chars:
        runs.append(Run(current_font, "".join(chars)))
    return tuple(runs)


@lru_cache(maxsize=16384)
def string_width(text: str, size: float) -> float:
    """Width in points of ``text`` at ``size``, each run measured in its own font."""
    return sum(pdfmetrics.stringWidth(run.text, run.font, size) for run in split_runs(text))


def fit_size(text: str, width: float, size: float) -> float:
    """``size``, or the smaller size at which ``text`` fits on one line of ``width`` points."""
    natural = string_width(text, size)
    return size if natural <= width else size * width / natural


def draw_string(
    canvas: Canvas, x: float, y: float, text: str, size: float, *, align: str = "left"
) -> float:
    """Draw ``text`` on one line at (x, y) with font fallback; returns the width drawn.

    ``align`` is "left" (x is the start), "right" (x is the end) or "centre" (x is the middle).
    """
    runs = split_runs(text)
    if not runs:
        return 0.0
    width = string_width(text, size)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    elif align != "left":
        raise ValueError(f"unknown alignment: {align!r}")
    obj = canvas.beginText(x, y)
    for run in runs[:-1]:
        obj.setFont(run.font, size)
        obj.textOut(run.text)  # measures the run to move on to the next one
    obj.setFont(runs[-1].font, size)
    obj.textLine(runs[-1].text)  # nothing follows: no need to measure it again
    canvas.drawText(obj)
    return width


@lru_cache(maxsize=4096)
def markup(text: str) -> str:
    """Paragraph markup for ``text``: XML-escaped, fallback runs wrapped in ``<font name=…>``.

    New lines become ``<br/>``. Use with a ParagraphStyle whose fontName is :data:`MAIN_FONT`.
    """
    lines = []
    for line in text.split("\n"):
        parts = []
        for run in split_runs(line):
            escaped = escape(run.text)
            parts.append(escaped if run.font == MAIN_FONT else f'<font name="{run.font}">{escaped}</font>')
        lines.append("".join(parts))
    return "<br/>".join(lines)


# Kinsoku: a line must not start with closing punctuation nor end with opening punctuation.
_NO_LINE_START = frozenset("，。、；：！？）》」』”’】〕…—％%·,.;:!?)]}")
_NO_LINE_END = frozenset("（《「『“‘【〔([{")
_TOKEN = re.compile(r"[A-Za-z0-9@._\-/:+#]+|.", re.DOTALL)


@lru_cache(maxsize=8192)
def wrap_text(text: str, width: float, size: float) -> tuple[str, ...]:
    """Break ``text`` into lines no wider than ``width`` points (CJK rules; latin words kept whole).

    New lines in ``text`` start new lines. Closing punctuation may hang past the edge rather
    than start a line. Cached, so a template paragraph is wrapped once per batch.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for token in _tokens(paragraph, width, size):
            token_width = string_width(token, size)
            if not line or used + token_width <= width or token[0] in _NO_LINE_START:
                line, used = line + token, used + token_width
                continue
            carry = ""
            if len(line) > 1 and line[-1] in _NO_LINE_END:
                line, carry = line[:-1], line[-1]
            lines.append(line.rstrip())
            line = (carry + token).lstrip()
            used = string_width(line, size)
        lines.append(line.rstrip())
    return tuple(lines)


def _tokens(paragraph: str, width: float, size: float) -> list[str]:
    """Characters, with latin words and numbers whole unless a word alone overflows a line."""
    tokens: list[str] = []
    for token in _TOKEN.findall(paragraph):
        if len(token) > 1 and string_width(token, size) > width:
            tokens.extend(token)
        else:
            tokens.append(token)
    return tokens
