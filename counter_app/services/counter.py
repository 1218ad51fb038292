"""The station session every service call takes: store, policy, station, terminal, clerk, clock."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from counter_app.demo.loader import generate_and_load, has_reference_data
from counter_app.domain.clock import china_time
from counter_app.domain.policy import PolicyBook, PolicyVersion, default_policy
from counter_app.paths import resolve_data_dir
from counter_app.store import Store

DEMO_CLERK = "demo"  # acts as the clerk while a data dir has no clerk accounts (issue: clerks)
DEFAULT_TERMINAL = "01"
DEMO_WORKERS, DEMO_EMPLOYERS = 5000, 400


@dataclass
class Counter:
    """One counter PC's working context. Services take it as their first argument."""

    store: Store
    policy: PolicyBook
    data_dir: Path
    station_code: str
    station_name: str
    terminal: str
    clerk: str
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        # Business dates are China Standard Time calendar days, whatever the PC's time zone.
        return self.local(self.now()).date()

    local = staticmethod(china_time)  # a stored (UTC) instant as China Standard Time

    def policy_on(self, day: date | None = None) -> PolicyVersion:
        return self.policy.in_force(day or self.today())

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Counter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_counter(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    demo: bool = False,
    clerk: str | None = None,
    clock: Callable[[], datetime] | None = None,
) -> Counter:
    """Open the station's store (migrating it), read its settings, seed a demo city if asked."""
    path = resolve_data_dir(data_dir)
    store = Store.open(path)
    policy = default_policy()
    if demo:
        _seed_demo_once(store)
    with store.unit_of_work() as uow:
        station_code = uow.settings.get("station_code", None)
        station_name = uow.settings.get("station_name", None)
        terminal = uow.settings.get("terminal", None)
    if station_code is None:
        station_code, station_name = _default_station(policy)
    counter = Counter(
        store=store, policy=policy, data_dir=path, station_code=station_code,
        station_name=station_name or station_code, terminal=terminal or DEFAULT_TERMINAL,
        clerk=clerk or DEMO_CLERK,
    )
    if clock is not None:
        counter.clock = clock
    return counter


def _default_station(policy: PolicyBook) -> tuple[str, str]:
    """With no configuration the station is the demo city's first station."""
    version = policy.versions[-1]
    station = version.stations[0]
    return station.code, station.name


def _seed_demo_once(store: Store) -> None:
    """A demo city on the first --demo run; never over reference data a centre already sent."""
    with store.unit_of_work() as uow:
        seeded = uow.settings.get("demo_seeded", False)
    if not seeded:
        if not has_reference_data(store):
            generate_and_load(store, workers=DEMO_WORKERS, employers=DEMO_EMPLOYERS)
        with store.unit_of_work(write=True) as uow:
            uow.settings.set("demo_seeded", True)
            uow.commit()
