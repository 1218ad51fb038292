"""Loads a demo city into the station store in one write transaction (bulk inserts).

Each piece of the city is turned into rows as stored (``StoredPiece``) and inserted by
executemany. A big city is generated in a second process that makes the records and their rows
while this one inserts: two threads only took turns, because SQLite gives the GIL back for every
row and the generator, pure Python, holds it. Small cities (tests, the first-run demo) are made
in this process, where starting a second interpreter would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from counter_app.demo.city import DemoCity, iter_city
from counter_app.store import Store, StoreError
from counter_app.store import schema as s
from counter_app.store import schema_operations as o
from counter_app.store.bulk import table_rows
from counter_app.store.repositories.people import KEY_COLUMNS, KEYED_TABLES
from counter_app.store.uow import UnitOfWork

PARALLEL_FROM = 50_000  # workers; below this a second process costs more than it saves
_POLL_S = 1.0


Table = tuple[str, tuple[str, ...], list[tuple[Any, ...]]]  # (table, columns, rows as stored)


@dataclass(frozen=True)
class StoredPiece:
    """One piece of a city as stored rows, in load order; and its counts."""

    tables: tuple[Table, ...]
    counts: dict[str, int]


def stored_piece(piece: DemoCity) -> StoredPiece:
    """Records → rows as the store keeps them (search keys are added by the inserting process)."""
    return StoredPiece(tuple((table.name, *table_rows(table, records)) for table, records in (
        (s.employers, piece.employers), (s.workers, piece.workers), (s.accounts, piece.accounts),
        (s.loans, piece.loans), (s.withdrawal_history, piece.withdrawals), (o.projects, piece.projects))
        if records), piece.summary())


def search_keys(tables: Iterable[Table]) -> Table:
    """The search keys of the workers' and employers' rows, sorted (appends to the index)."""
    keys = []
    for table, columns, rows in tables:
        if table in KEYED_TABLES:
            key_rows, name_column, ref_column = KEYED_TABLES[table]
            name, ref = columns.index(name_column), columns.index(ref_column)
            keys += [key for row in rows for key in key_rows(row[name], row[ref])]
    return s.search_keys.name, KEY_COLUMNS, sorted(keys, key=itemgetter(0))


def has_reference_data(store: Store) -> bool:
    with store.unit_of_work() as uow:
        return uow.workers.count() > 0 or uow.employers.count() > 0


def _prepare(uow: UnitOfWork, replace: bool) -> None:
    if replace:
        uow.clear_reference_data()
    elif uow.workers.count() or uow.employers.count():
        raise StoreError("the store already holds reference data")


def _load(store: Store, pieces: Iterable[StoredPiece], replace: bool) -> dict[str, int]:
    """Insert every piece in one transaction: a failure anywhere leaves the store as it was."""
    counts: dict[str, int] = {}
    with store.unit_of_work(write=True) as uow:
        _prepare(uow, replace)
        uow.set_reference_origin("demo")  # a centre's first snapshot may replace it whole (see sync.engine)
        for piece in pieces:
            # The keys are made here: in a big load the second process is the busier one.
            for table, columns, rows in (*piece.tables, search_keys(piece.tables)):
                uow.insert_rows(table, columns, rows)
            for key, value in piece.counts.items():
                counts[key] = counts.get(key, 0) + value
        uow.commit()
    store.optimize()
    return counts


def load_city(store: Store, city: DemoCity, replace: bool = False) -> dict[str, int]:
    """Insert the city; with ``replace`` the reference data already there goes first.
    Applications, outbox and settings are never touched. Returns the counts loaded."""
    return load_pieces(store, [city], replace)


def load_pieces(store: Store, pieces: Iterable[DemoCity], replace: bool = False) -> dict[str, int]:
    """Insert pieces of a city as they come, in one transaction."""
    return _load(store, map(stored_piece, pieces), replace)


def generate_and_load(
    store: Store, workers: int = 2000, employers: int = 200, seed: int = 0,
    as_of: date | None = None, replace: bool = False, parallel: bool | None = None,
) -> dict[str, int]:
    """Generate a demo city and load it while generating. ``parallel`` (default: for big cities on
    a machine with more than one core) makes the rows in a second process."""
    as_of = as_of or date.today()
    if parallel is None:
        parallel = workers >= PARALLEL_FROM and (os.cpu_count() or 1) > 1
    if not parallel:
        return load_pieces(store, iter_city(workers, employers, seed, as_of), replace)
    return _load(store, _pieces_from_child(workers, employers, seed, as_of), replace)


def _produce(outbox: Any, workers: int, employers: int, seed: int, as_of: date) -> None:
    """The second process: the city's pieces as stored rows, then None (or the failure)."""
    try:
        for piece in iter_city(workers, employers, seed, as_of):
            if not _hand_over(outbox, stored_piece(piece)):
                return
        _hand_over(outbox, None)
    except BaseException as exc:  # noqa: BLE001  sent as text: any exception survives the trip
        _hand_over(outbox, RuntimeError(f"生成演示数据失败：{exc!r}"))


def _hand_over(outbox: Any, item: Any) -> bool:
    """Put ``item`` for the parent; False once the parent is gone (never block an orphan forever)."""
    parent = multiprocessing.parent_process()
    while True:
        try:
            outbox.put(item, timeout=_POLL_S)
            return True
        except queue.Full:
            if parent is not None and not parent.is_alive():
                outbox.cancel_join_thread()  # what is still buffered has no reader: exit without it
                return False


def _pieces_from_child(workers: int, employers: int, seed: int, as_of: date) -> Iterator[StoredPiece]:
    # spawn, not fork: the parent may be the Qt window with threads of its own.
    context = multiprocessing.get_context("spawn")
    inbox = context.Queue(maxsize=2)  # at most two pieces wait: memory stays flat
    child = context.Process(target=_produce, args=(inbox, workers, employers, seed, as_of),
                            name="counter-app-demo-city", daemon=True)
    child.start()
    try:
        while True:
            try:
                item = inbox.get(timeout=_POLL_S)
            except queue.Empty:
                if not child.is_alive():
                    raise RuntimeError(f"生成演示数据的进程意外退出（退出码 {child.exitcode}）") from None
                continue
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
