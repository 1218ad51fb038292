"""Unit of work: commit, rollback on leaving, money as integer cents, percentages and timestamps."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.store import AccountRecord, PrintLogEntry, Store, StoreError


def test_commit_makes_changes_visible_to_the_next_unit(store: Store, make_worker) -> None:
    worker = make_worker()
    with store.unit_of_work(write=True) as uow:
        uow.workers.upsert(worker)
        uow.commit()
    with store.unit_of_work() as uow:
        assert uow.workers.get(worker.id_number) == worker


def test_leaving_without_commit_rolls_back(store: Store, make_worker) -> None:
    worker = make_worker()
    with store.unit_of_work(write=True) as uow:
        uow.workers.upsert(worker)
        assert uow.workers.get(worker.id_number) == worker  # visible inside
    with store.unit_of_work() as uow:
        assert uow.workers.get(worker.id_number) is None
        assert store.search(worker.name) == []  # its search keys went too


def test_an_exception_rolls_back(store: Store, make_worker) -> None:
    worker = make_worker()
    with pytest.raises(RuntimeError), store.unit_of_work(write=True) as uow:
        uow.workers.upsert(worker)
        raise RuntimeError("boom")
    with store.unit_of_work() as uow:
        assert uow.workers.count() == 0


def test_work_after_commit_needs_another_commit(store: Store, make_worker) -> None:
    kept, dropped = make_worker("甲"), make_worker("乙")
    with store.unit_of_work(write=True) as uow:
        uow.workers.upsert(kept)
        uow.commit()
        uow.workers.upsert(dropped)
    with store.unit_of_work() as uow:
        assert uow.workers.get(kept.id_number) is not None
        assert uow.workers.get(dropped.id_number) is None


def test_explicit_rollback_discards(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        uow.settings.set("a", 1)
        uow.rollback()
        uow.settings.set("b", 2)
        uow.commit()
    with store.unit_of_work() as uow:
        assert {k: v for k, v in uow.settings.all().items() if k != "store_id"} == {"b": 2}


def test_a_unit_cannot_be_entered_twice(store: Store) -> None:
    uow = store.unit_of_work()
    with uow, pytest.raises(StoreError):
        uow.__enter__()


def test_a_write_unit_holds_the_write_lock_from_its_start(store: Store) -> None:
    # Nothing written yet, but another writer must already be refused (BEGIN IMMEDIATE).
    with store.unit_of_work(write=True):
        other = sqlite3.connect(store.path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_a_read_unit_does_not_block_writers(store: Store) -> None:
    with store.unit_of_work():
        other = sqlite3.connect(store.path, timeout=0, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        other.close()


_amounts = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=2, allow_nan=False)


@pytest.fixture(scope="module")
def money_store(tmp_path_factory: pytest.TempPathFactory):
    store = Store.open(tmp_path_factory.mktemp("money"))
    yield store
    store.close()


@settings(max_examples=80, deadline=None)
@given(balance=_amounts)
def test_money_round_trips_exactly_as_cents(money_store: Store, balance: Decimal) -> None:
    with money_store.unit_of_work(write=True) as uow:
        uow.accounts.upsert(AccountRecord(account_no="1", id_number="x", balance=balance))
        uow.commit()
    with money_store.unit_of_work() as uow:
        stored = uow.accounts.get("1").balance
    with sqlite3.connect(money_store.path) as raw:
        cents = raw.execute("SELECT balance FROM accounts").fetchone()[0]
    assert stored == balance and stored.as_tuple().exponent == -2
    assert isinstance(cents, int) and cents == int(balance * 100)


def test_money_is_rounded_half_up_to_cents_and_floats_refused(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        uow.accounts.upsert(AccountRecord(account_no="1", id_number="x", balance=Decimal("10.005")))
        uow.accounts.upsert(AccountRecord(account_no="2", id_number="x", balance="0.004"))  # type: ignore[arg-type]
        assert uow.accounts.get("1").balance == Decimal("10.01")
        assert str(uow.accounts.get("2").balance) == "0.00"
        with pytest.raises(Exception, match="float"):
            uow.accounts.upsert(AccountRecord(account_no="3", id_number="x", balance=1.5))  # type: ignore[arg-type]


def test_percentages_keep_their_exact_text(store: Store) -> None:
    rec = AccountRecord(account_no="1", id_number="x", worker_ratio=Decimal("3.1"), employer_ratio=Decimal("12"))
    with store.unit_of_work(write=True) as uow:
        uow.accounts.upsert(rec)
        got = uow.accounts.get("1")
    assert (str(got.worker_ratio), str(got.employer_ratio)) == ("3.1", "12")


def test_timestamps_come_back_aware_in_utc_and_naive_ones_are_refused(store: Store) -> None:
    beijing = timezone(timedelta(hours=8))
    at = datetime(2026, 11, 23, 9, 30, tzinfo=beijing)
    with store.unit_of_work(write=True) as uow:
        entry = uow.print_log.add(PrintLogEntry(document="receipt", clerk="c1", at=at))
        (got,) = uow.print_log.recent()
        assert got.at == at and got.at.utcoffset() == timedelta(0) and got.id == entry.id
        with pytest.raises(Exception, match="timezone-aware"):
            uow.print_log.add(PrintLogEntry(document="receipt", clerk="c1", at=datetime(2026, 1, 1)))
