"""The audit hash chain: any single edit, deletion, reordering or insertion is found at its row."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.audit_chain import (
    EDITED,
    GENESIS,
    INSERTED,
    MISSING,
    ChainRow,
    Head,
    at_text,
    canonical,
    find_break,
    head_of,
    row_hash,
    seal,
    verify,
)

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
DETAILS = st.dictionaries(st.text(max_size=6), st.one_of(st.integers(), TEXT, st.booleans(), st.none()), max_size=3)
ENTRY = st.fixed_dictionaries({
    "clerk": st.sampled_from(["demo", "zhangsan", "lisi"]),
    "action": st.sampled_from(["login", "lookup", "submit", "print", "reprint", "settings"]),
    "subject": TEXT,
    "details": DETAILS,
})


def build(entries: list[dict]) -> list[ChainRow]:
    rows: list[ChainRow] = []
    head = Head()
    for i, entry in enumerate(entries):
        row = seal(head, at=f"2026-11-23T02:{i // 60:02d}:{i % 60:02d}.000000+00:00", station_code="CG01",
                   terminal="01", **entry)
        rows.append(row)
        head = head_of(row)
    return rows


def chains(min_size: int = 1) -> st.SearchStrategy[list[ChainRow]]:
    return st.lists(ENTRY, min_size=min_size, max_size=12).map(build)


def forged_after(prev: ChainRow | None, seq: int, details: dict) -> ChainRow:
    """A row made by someone who knows the scheme: correct link and hash, slipped in at ``seq``."""
    head = Head(seq - 1, prev.hash if prev else GENESIS)
    return seal(head, at="2026-11-23T09:00:00.000000+00:00", station_code="CG01", terminal="01", clerk="mallory",
                action="lookup", subject="forged", details=details)


@given(chains(min_size=0))
def test_an_untouched_chain_verifies(rows):
    assert verify(rows, head_of(rows[-1] if rows else None)) is None
    assert find_break(rows) is None


def test_each_row_hashes_its_predecessor_and_its_canonical_json():
    rows = build([{"clerk": "zhangsan", "action": "login", "subject": "zhangsan", "details": {"role": "clerk"}},
                  {"clerk": "zhangsan", "action": "lookup", "subject": "110105********002X", "details": {}}])
    first, second = rows
    expected = hashlib.sha256((GENESIS + canonical(first)).encode()).hexdigest()
    assert (first.seq, first.prev_hash, first.hash) == (1, GENESIS, expected)
    assert (second.seq, second.prev_hash) == (2, first.hash)
    assert second.hash == row_hash(first.hash, second)
    assert '"subject":"110105********002X"' in canonical(second)  # readable, not escaped


FIELDS = ("at", "station_code", "terminal", "clerk", "action", "subject", "details", "prev_hash", "hash")


@given(chains(), st.data())
def test_an_edit_of_any_field_is_found_at_that_row(rows, data):
    k = data.draw(st.integers(0, len(rows) - 1))
    name = data.draw(st.sampled_from(FIELDS))
    old = getattr(rows[k], name)
    new = data.draw(DETAILS if name == "details" else TEXT.map(lambda t: t + "!") if name in ("at",) else TEXT)
    if new == old:
        new = {"tampered": True} if name == "details" else str(old) + "x"
    tampered = [*rows[:k], replace(rows[k], **{name: new}), *rows[k + 1:]]
    assert verify(tampered, head_of(rows[-1])) == rows[k].seq
    assert find_break(tampered, head_of(rows[-1])).reason == EDITED


@given(chains(), st.data())
def test_a_deleted_row_is_named(rows, data):
    k = data.draw(st.integers(0, len(rows) - 1))
    tampered = rows[:k] + rows[k + 1:]
    found = find_break(tampered, head_of(rows[-1]))
    assert found is not None and (found.seq, found.reason) == (rows[k].seq, MISSING)


@given(chains(min_size=2), st.data())
def test_a_deletion_with_the_following_rows_renumbered_is_found_at_the_gap(rows, data):
    k = data.draw(st.integers(0, len(rows) - 2))
    tampered = rows[:k] + [replace(r, seq=r.seq - 1) for r in rows[k + 1:]]
    assert verify(tampered, Head(len(tampered), tampered[-1].hash)) == rows[k].seq


@given(chains(min_size=2), st.data())
def test_two_rows_swapping_places_are_found_at_the_earlier(rows, data):
    """In the store the order is the seq: swapping two rows' seq swaps their places."""
    i, j = sorted(data.draw(st.lists(st.integers(0, len(rows) - 1), min_size=2, max_size=2, unique=True)))
    swapped = list(rows)
    swapped[i], swapped[j] = replace(rows[j], seq=rows[i].seq), replace(rows[i], seq=rows[j].seq)
    assert verify(swapped, head_of(rows[-1])) == rows[i].seq


@given(chains(min_size=2), st.data())
def test_a_row_moved_in_an_exported_copy_is_found_where_it_left(rows, data):
    i, j = data.draw(st.lists(st.integers(0, len(rows) - 1), min_size=2, max_size=2, unique=True))
    moved = list(rows)
    row = moved.pop(i)
    moved.insert(j, row)
    assert verify(moved, head_of(rows[-1])) == rows[min(i, j)].seq


@given(chains(), st.data(), DETAILS)
def test_a_well_forged_row_slipped_in_is_named_itself(rows, data, details):
    """The forger links and hashes correctly and renumbers the rest; the next row still points
    past the forged one, so the forged row is the one reported."""
    k = data.draw(st.integers(0, len(rows)))
    prev = rows[k - 1] if k else None
    forged = forged_after(prev, k + 1, details)
    tampered = [*rows[:k], forged, *(replace(r, seq=r.seq + 1) for r in rows[k:])]
    found = find_break(tampered, head_of(rows[-1]))
    assert found is not None and (found.seq, found.reason) == (k + 1, INSERTED)


@given(chains(), st.data(), DETAILS)
def test_a_forged_row_with_a_duplicate_seq_is_named(rows, data, details):
    """In an export, an extra row may carry the seq of the row it was put before."""
    k = data.draw(st.integers(0, len(rows) - 1))
    forged = forged_after(rows[k - 1] if k else None, k + 1, details)
    assert verify([*rows[:k], forged, *rows[k:]], head_of(rows[-1])) == k + 1


@given(chains(min_size=2))
def test_only_the_kept_head_reveals_a_removed_or_added_last_row(rows):
    shortened = rows[:-1]
    assert verify(shortened) is None  # the chain alone cannot tell
    assert verify(shortened, head_of(rows[-1])) == rows[-1].seq
    extra = forged_after(rows[-1], len(rows) + 1, {})
    assert verify([*rows, extra], head_of(rows[-1])) == extra.seq


def test_the_head_of_an_emptied_log_names_the_first_row():
    rows = build([{"clerk": "demo", "action": "login", "subject": "", "details": {}}] * 3)
    assert verify([], head_of(rows[-1])) == 1
    assert verify(rows[1:], head_of(rows[-1])) == 1


def test_a_value_that_is_no_longer_json_counts_as_an_edit():
    rows = build([{"clerk": "demo", "action": "login", "subject": "", "details": {}}] * 2)
    tampered = [rows[0], replace(rows[1], details={"bad": float("nan")})]
    assert verify(tampered) == 2


@settings(max_examples=50)
@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.timezones()))
def test_times_are_hashed_as_one_utc_text(moment):
    text = at_text(moment)
    assert text.endswith("+00:00") and len(text) == len("2026-11-23T02:00:00.000000+00:00")


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        at_text(datetime(2026, 11, 23, 10, 0))
