"""Administrative division codes (行政区划代码) used in resident ID numbers: provinces and place names.

Province codes are fixed by GB/T 2260 and kept here; county-level codes and names come from
python-stdnum's table, loaded once on first use (it ages, so an unknown code is only a warning).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from stdnum import numdb

# Two-digit province codes valid in GB 11643 ID numbers (91 is used for residents born abroad).
PROVINCE_CODES: frozenset[str] = frozenset((
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
    "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83", "91",
))

# Prefecture-level rows that are groupings, not place names ("市辖区", "县", "省直辖县级行政单位").
_GROUPING_NAMES = ("市辖区", "县")

# One county-level entry: (first year or None, last year or None, name).
_Entry = tuple[int | None, int | None, str]


def _parse_county(spec: str) -> list[_Entry]:
    """``"[1983-1989]上埗区办事处,[1990-]福田区"`` → dated entries; an undated name covers all years."""
    entries: list[_Entry] = []
    for part in spec.split(","):
        if part.startswith("["):
            years, name = part[1:].split("]", 1)
            start, end = years.split("-")
            entries.append((int(start) if start else None, int(end) if end else None, name))
        else:
            entries.append((None, None, part))
    return entries


@dataclass(frozen=True)
class _Table:
    provinces: dict[str, str]  # "44" → "广东省"
    counties: dict[str, list[_Entry]]  # "440304" → dated names
    names: dict[str, str]  # full names of codes with one name in all years (most): no work per call


@cache
def _table() -> _Table:
    """Built once, on first use (about 0.1 s), from stdnum's division table."""
    provinces: dict[str, str] = {}
    counties: dict[str, list[_Entry]] = {}
    # numdb's documented tree: (length, low, high, props, children); provinces have 4-digit children.
    for _length, low, high, props, children in numdb.get("cn/loc").prefixes:
        for province in _span(low, high):
            provinces[province] = props.get("province", "")
            for _clen, clow, chigh, cprops, _grand in children:
                if "county" in cprops:
                    for rest in _span(clow, chigh):
                        counties[province + rest] = _parse_county(cprops["county"])
    table = _Table(provinces, counties, {})
    for code in counties:
        if all(len(entries) == 1 for entries in _lineage(table, code)):  # one name, whatever the year
            table.names[code] = _compose(table, code, None)
    return table


def _span(low: str, high: str) -> list[str]:
    width = len(low)
    return [str(n).zfill(width) for n in range(int(low), int(high) + 1)]


def _lineage(table: _Table, code: str) -> list[list[_Entry]]:
    """The prefecture's entries (for county-level codes), then the code's own."""
    prefecture = table.counties.get(code[:4] + "00") if code[4:] != "00" else None
    return ([prefecture] if prefecture else []) + [table.counties[code]]


def _name_in(entries: list[_Entry], year: int | None) -> str:
    """The name in force in ``year``; failing that, the latest (IDs are issued after birth)."""
    if year is not None:
        for start, end, name in entries:
            if (start is None or start <= year) and (end is None or year <= end):
                return name
    return entries[-1][2]


def _compose(table: _Table, code: str, year: int | None) -> str:
    """Province + prefecture + county, leaving out groupings and repeats."""
    parts = [table.provinces.get(code[:2], "")] + [_name_in(e, year) for e in _lineage(table, code)]
    kept: list[str] = []
    for part in parts:
        if part and part not in kept and part not in _GROUPING_NAMES and "直辖" not in part:
            kept.append(part)
    return "".join(kept)


def is_known_area(code: str) -> bool:
    """True when the 6-digit code is in the table (at any time in its history)."""
    return code in _table().counties


def known_area_codes() -> list[str]:
    """Every county-level code of the table (no province/prefecture rows), sorted; for demo data."""
    return sorted(code for code in _table().counties if code[4:] != "00")


def area_name(code: str, year: int | None = None) -> str | None:
    """Full place name for a 6-digit code in ``year``, e.g. ``"广东省深圳市福田区"``; None when unknown."""
    table = _table()
    name = table.names.get(code)
    if name is not None:
        return name
    return _compose(table, code, year) if code in table.counties else None
