"""Pinyin search keys for names (拼音检索码): full pinyin, initials and mixed forms, polyphonic surnames.

A clerk finds 张三 by typing ``zs``, ``zhs``, ``zsan``, ``zhsan``, ``zhangs`` or ``zhangsan``: every key
of a name is stored once and searched by prefix. Surnames are read as surnames (曾 zeng, 单 shan,
解 xie), with the everyday reading kept as a second variant, because clerks type either. Readings
come from pypinyin, cached per character (names share few distinct characters).
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import cache, lru_cache

# Keys are read one character at a time, so pypinyin's phrase dictionary is never consulted:
# skipping it saves ~44 MB of memory and ~0.3 s of start-up on every command and window.
os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")

from pypinyin import Style, pinyin

# Surname readings that differ from the everyday reading of the character (多音字姓氏).
SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng", "单": "shan", "解": "xie", "区": "ou", "仇": "qiu", "朴": "piao", "查": "zha",
    "盖": "ge", "缪": "miao", "翟": "zhai", "覃": "qin", "种": "chong", "乐": "yue", "员": "yun",
    "召": "shao", "繁": "po", "折": "she", "秘": "bi", "能": "nai", "隗": "wei", "句": "gou",
    "长": "chang", "重": "chong", "尉": "yu", "燕": "yan", "任": "ren", "华": "hua", "纪": "ji",
    "宁": "ning", "沈": "shen", "贾": "jia", "薄": "bo", "柏": "bai", "车": "che", "牟": "mou",
}
# Two-character surnames (复姓) whose reading is fixed as a whole.
COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "欧阳": ("ou", "yang"), "司马": ("si", "ma"), "上官": ("shang", "guan"), "诸葛": ("zhu", "ge"),
    "东方": ("dong", "fang"), "皇甫": ("huang", "fu"), "尉迟": ("yu", "chi"), "公孙": ("gong", "sun"),
    "慕容": ("mu", "rong"), "长孙": ("zhang", "sun"), "宇文": ("yu", "wen"), "司徒": ("si", "tu"),
    "夏侯": ("xia", "hou"), "令狐": ("ling", "hu"), "万俟": ("mo", "qi"), "澹台": ("tan", "tai"),
    "单于": ("chan", "yu"), "呼延": ("hu", "yan"), "端木": ("duan", "mu"), "南宫": ("nan", "gong"),
}
# Characters pypinyin does not know (outside its table) that occur in names.
EXTRA_READINGS: dict[str, str] = {"𠮷": "ji", "䶮": "yan", "𬌗": "he"}

_ASCII_LETTERS = re.compile(r"^[a-z]+$")
_QUERY_DROP = re.compile(r"[\s'’·\-]")


@cache
def char_reading(ch: str) -> str | None:
    """The everyday toneless reading of one character (``ü`` as ``v``), or None if it has none."""
    if ch in EXTRA_READINGS:
        return EXTRA_READINGS[ch]
    if ch.isascii():  # Latin names (passport holders) are found by their letters, as typed
        return ch.lower() if ch.isalpha() else None
    reading = pinyin(ch, style=Style.NORMAL, strict=False, v_to_u=False)[0][0]
    return reading if _ASCII_LETTERS.match(reading) else None


def _syllables(chars: str) -> list[str]:
    return [r for r in map(char_reading, chars) if r is not None]


_tail_syllables = lru_cache(maxsize=1 << 16)(lambda chars: tuple(_syllables(chars)))  # given names repeat


def person_readings(name: str) -> list[list[str]]:
    """Syllable sequences of a personal name: the surname reading first, then the everyday one."""
    if not name:
        return []
    compound = COMPOUND_SURNAMES.get(name[:2])
    if compound is not None:
        return [[*compound, *_tail_syllables(name[2:])]]
    rest = list(_tail_syllables(name[1:]))
    everyday = char_reading(name[0])
    variants: list[list[str]] = []
    special = SURNAME_READINGS.get(name[0])
    if special:
        variants.append([special, *rest])
    if everyday is not None and everyday != special:
        variants.append([everyday, *rest])
    if not variants:  # an unknown first character: the rest still gives keys
        variants.append(rest)
    return [v for v in variants if v]


@cache
def _initial(syllable: str) -> str:
    """The initial as typed: ``zh``/``ch``/``sh`` keep two letters, others one."""
    return syllable[:2] if syllable[:2] in ("zh", "ch", "sh") else syllable[:1]


def syllable_keys(syllables: list[str], mixed: bool = True) -> list[str]:
    """Keys of one reading: full, first letters, initials, and the "initials + full last" forms
    (张三: zhangsan, zs, zhs, zsan, zhsan)."""
    if not syllables:
        return []
    initials = [_initial(s) for s in syllables]
    letters = "".join([s[0] for s in syllables])
    keys = ["".join(syllables), letters, "".join(initials)]
    if mixed and len(syllables) >= 2:
        last = syllables[-1]
        keys.append(letters[:-1] + last)
        keys.append("".join(initials[:-1]) + last)
    return keys


@lru_cache(maxsize=1 << 17)
def person_keys(name: str) -> tuple[str, ...]:
    """Every pinyin key of a personal name, deduplicated, full pinyin first."""
    readings = person_readings(name)
    if len(readings) == 1:
        return tuple(dict.fromkeys(syllable_keys(readings[0])))
    return tuple(dict.fromkeys(key for syllables in readings for key in syllable_keys(syllables)))


# Leading place words of employer names (青山镇…, 城关街道…), stripped for a second, shorter key.
_PLACE_PREFIX = re.compile(r"^.{1,8}?(?:街道办事处|街道|镇|乡|县|区|市)(?=.{2,})")


def employer_aliases(name: str) -> tuple[str, ...]:
    """The name without its leading place words (``青山镇兴旺建材有限公司`` → ``兴旺建材有限公司``)."""
    match = _PLACE_PREFIX.match(name)
    if match is None:
        return ()
    rest = name[match.end():]
    return (rest,) if rest and rest != name else ()


def employer_keys(name: str) -> tuple[str, ...]:
    """Pinyin keys (full, first letters) of an employer name and of its alias without place words."""
    keys: dict[str, None] = {}
    for text in (name, *employer_aliases(name)):
        syllables = _syllables(text)
        for key in syllable_keys(syllables, mixed=False)[:2]:
            keys.setdefault(key, None)
    return tuple(keys)


def pinyin_query(text: str) -> str | None:
    """The query as pinyin letters (full-width, case, spaces, apostrophes folded), or None."""
    folded = unicodedata.normalize("NFKC", text).lower().replace("ü", "v")
    folded = _QUERY_DROP.sub("", folded)
    return folded if _ASCII_LETTERS.match(folded) else None
