"""Daily close totals equal the sums of the records; the receipt-number gap check."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.daily_close import DayItem, DayPrint, Gap, close_scope, receipt_gaps, totals

KINDS = ("open-account", "withdrawal", "loan", "deferral")
STATUSES = ("queued", "received", "approved", "rejected", "cancelled")

amounts = st.one_of(st.none(), st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False))
items = st.builds(
    DayItem, receipt_number=st.from_regex(r"CG01-0[1-3]-20261123-00[0-9]{2}", fullmatch=True),
    kind=st.sampled_from(KINDS), status=st.sampled_from(STATUSES), clerk=st.sampled_from(("li", "wang")),
    amount=amounts, synced=st.booleans(), rating=st.one_of(st.none(), st.integers(1, 5)),
)
prints = st.builds(DayPrint, receipt_number=st.just("x"), clerk=st.just("li"), reprint=st.booleans())


@given(st.lists(items, max_size=40), st.lists(prints, max_size=20))
def test_totals_are_the_sums_of_the_records(rows: list[DayItem], printed: list[DayPrint]) -> None:
    t = totals(rows, printed)
    assert t.count == len(rows) == sum(k.count for k in t.by_kind) == sum(t.by_status.values())
    for k in t.by_kind:
        mine = [r for r in rows if r.kind == k.kind]
        assert k.count == len(mine) == sum(k.by_status.values())
        assert k.amount == sum((r.amount for r in mine if r.amount is not None and r.status != "cancelled"),
                               Decimal("0"))
    for status, n in t.by_status.items():
        assert n == sum(1 for r in rows if r.status == status)
    assert t.amount == sum((k.amount for k in t.by_kind), Decimal("0"))
    assert t.receipts_printed + t.receipts_reprinted == len(printed)
    assert t.receipts_reprinted == sum(p.reprint for p in printed)
    assert sorted(t.unsynced) == sorted(r.receipt_number for r in rows if not r.synced)
    assert sum(t.ratings.values()) == sum(1 for r in rows if r.rating is not None)


def test_cancelled_applications_are_counted_but_not_in_the_amounts() -> None:
    rows = [DayItem("A-01-20261123-0001", "withdrawal", "queued", "li", Decimal("600.00")),
            DayItem("A-01-20261123-0002", "withdrawal", "cancelled", "li", Decimal("900.00")),
            DayItem("A-01-20261123-0003", "open-account", "queued", "li", None, rating=5),
            DayItem("A-01-20261123-0004", "open-account", "queued", "li", None, rating=4)]
    t = totals(rows, [])
    assert t.count == 4 and t.amount == Decimal("600.00")
    assert t.by_status == {"cancelled": 1, "queued": 3}
    assert t.rating_average == Decimal("4.50")
    assert t.as_dict()["amount"] == "600.00" and t.as_dict()["ratings"] == {"4": 1, "5": 1}


def test_no_ratings_no_average() -> None:
    assert totals([], []).rating_average is None


def test_gaps_per_terminal_including_missing_numbers_at_the_end() -> None:
    numbers = ["CG01-01-20261123-0001", "CG01-01-20261123-0003", "CG01-02-20261123-0001",
               "CG01-G01-20261123-0007",  # one-time notices have their own counter: not receipts…
               "not a receipt"]
    assert receipt_gaps(numbers) == [Gap("01", (2,))]
    found = receipt_gaps(numbers, {"01": 5, "02": 1})
    assert Gap("01", (2, 4, 5)) in found
    assert all(g.terminal != "02" for g in found)
    assert "0002" in Gap("01", (2,)).text()


@given(st.sets(st.integers(1, 60), max_size=60), st.integers(0, 70))
def test_gap_is_exactly_the_numbers_never_recorded(present: set[int], counter: int) -> None:
    numbers = [f"CG01-01-20261123-{n:04d}" for n in present]
    gaps = receipt_gaps(numbers, {"01": counter})
    top = max([*present, counter], default=0)
    expected = tuple(n for n in range(1, top + 1) if n not in present)
    assert gaps == ([Gap("01", expected)] if expected else [])


def test_close_scope_keys() -> None:
    assert close_scope("li") == "clerk:li" and close_scope(None) == "station"


def test_only_a_close_after_a_reopen_is_marked_with_its_revision() -> None:
    from counter_app.domain.daily_close import revision_mark

    assert revision_mark(1) == ""
    assert revision_mark(2) == "第2次日结" and revision_mark(11) == "第11次日结"


@given(st.text(max_size=300))
def test_a_reopen_reason_is_required_readable_and_bounded(reason: str) -> None:
    from counter_app.domain.daily_close import REASON_MAX, reopen_reason_problem

    problem = reopen_reason_problem(reason)
    assert (problem is None) == (4 <= len(reason.strip()) <= REASON_MAX)
    assert problem is None or problem.startswith(("请填写", "重开原因"))


def test_a_reopen_reason_that_is_not_text_is_refused() -> None:
    from counter_app.domain.daily_close import reopen_reason_problem

    assert reopen_reason_problem(None) and reopen_reason_problem(1234) and reopen_reason_problem("   ")
    assert reopen_reason_problem("漏录一笔业务") is None
