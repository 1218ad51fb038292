"""Loads a demo city into the station store in one write transaction (bulk inserts).

``generate_and_load`` streams: a writer thread inserts each piece while the next is generated.
SQLite does its B-tree work with the GIL released, so on two cores the two overlap.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable
from datetime import date

from counter_app.demo.city import DemoCity, iter_city
from counter_app.store import Store, StoreError
from counter_app.store.uow import UnitOfWork

_END, _ABORT = object(), object()


def has_reference_data(store: Store) -> bool:
    with store.unit_of_work() as uow:
        return uow.workers.count() > 0 or uow.employers.count() > 0


def _prepare(uow: UnitOfWork, replace: bool) -> None:
    if replace:
        uow.clear_reference_data()
    elif uow.workers.count() or uow.employers.count():
        raise StoreError("the store already holds reference data")


def _insert(uow: UnitOfWork, piece: DemoCity) -> None:
    uow.employers.bulk_insert(piece.employers)
    uow.workers.bulk_insert(piece.workers)
    uow.accounts.bulk_insert(piece.accounts)
    uow.loans.bulk_insert(piece.loans)
    uow.withdrawals.bulk_insert(piece.withdrawals)


def _add_counts(total: dict[str, int], piece: DemoCity) -> None:
    for key, value in piece.summary().items():
        total[key] = total.get(key, 0) + value


def load_city(store: Store, city: DemoCity, replace: bool = False) -> dict[str, int]:
    """Insert the city; with ``replace`` the reference data already there goes first.
    Applications, outbox and settings are never touched. Returns the counts loaded."""
    return load_pieces(store, [city], replace)


def load_pieces(store: Store, pieces: Iterable[DemoCity], replace: bool = False) -> dict[str, int]:
    """Insert pieces of a city as they come, in one transaction, on a writer thread."""
    inbox: queue.Queue[object] = queue.Queue(maxsize=2)
    counts: dict[str, int] = {}
    failure: list[BaseException] = []

    def writer() -> None:
        try:
            with store.unit_of_work(write=True) as uow:
                _prepare(uow, replace)
                while (piece := inbox.get()) is not _END:
                    if piece is _ABORT:
                        return  # leaving without commit rolls back
                    _insert(uow, piece)  # type: ignore[arg-type]
                    _add_counts(counts, piece)  # type: ignore[arg-type]
                uow.commit()
        except BaseException as exc:  # handed to the caller's thread below
            failure.append(exc)
            while (rest := inbox.get()) is not _END and rest is not _ABORT:
                pass  # keep the producer from blocking on a full queue

    thread = threading.Thread(target=writer, name="demo-loader")
    thread.start()
    try:
        for piece in pieces:
            if failure:
                break
            inbox.put(piece)
    except BaseException:
        inbox.put(_ABORT)
        thread.join()
        raise
    inbox.put(_END)
    thread.join()
    if failure:
        raise failure[0]
    store.optimize()
    return counts


def generate_and_load(
    store: Store, workers: int = 2000, employers: int = 200, seed: int = 0,
    as_of: date | None = None, replace: bool = False,
) -> dict[str, int]:
    """Generate a demo city and load it while generating (the fast path for big cities)."""
    return load_pieces(store, iter_city(workers, employers, seed, as_of), replace)
