"""Loads a generated demo city into the station store in one write transaction (bulk inserts)."""

from __future__ import annotations

from counter_app.demo.city import DemoCity
from counter_app.store import Store, StoreError


def has_reference_data(store: Store) -> bool:
    with store.unit_of_work() as uow:
        return uow.workers.count() > 0 or uow.employers.count() > 0


def load_city(store: Store, city: DemoCity, replace: bool = False) -> dict[str, int]:
    """Insert the city; with ``replace`` the reference data already there goes first.
    Applications, outbox and settings are never touched. Returns the counts loaded."""
    with store.unit_of_work(write=True) as uow:
        if replace:
            uow.clear_reference_data()
        elif uow.workers.count() or uow.employers.count():
            raise StoreError("the store already holds reference data")
        uow.employers.bulk_insert(city.employers)
        uow.workers.bulk_insert(city.workers)
        uow.accounts.bulk_insert(city.accounts)
        uow.loans.bulk_insert(city.loans)
        uow.withdrawals.bulk_insert(city.withdrawals)
        uow.commit()
    store.optimize()
    return city.summary()
