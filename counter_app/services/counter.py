"""The station session every service call takes: store, policy, station, terminal, clerk, clock."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from counter_app.demo.loader import generate_and_load, has_reference_data
from counter_app.domain.audit_chain import ChainKey
from counter_app.domain.clock import china_time
from counter_app.domain.policy import PolicyBook, PolicyVersion, default_policy
from counter_app.faults import ClockOutOfRange
from counter_app.store import Store
from counter_app.user_data import resolve_data_dir

DEMO_CLERK = "demo"  # acts as the clerk while a data dir has no clerk accounts (issue: clerks)
DEFAULT_TERMINAL = "01"
DEMO_WORKERS, DEMO_EMPLOYERS = 5000, 400
# A PC clock outside these years is wrong (a flat CMOS battery shows 2000 or 1970, a typo 9999):
# business dates, receipt numbers and the policy in force all come from it, so nothing is taken.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)


def system_clock() -> datetime:
    return datetime.now(UTC)


def checked_time(moment: datetime) -> datetime:
    """``moment`` if it is a believable present; ``ClockOutOfRange`` (exit 2) otherwise."""
    if not isinstance(moment, datetime) or moment.tzinfo is None or not EARLIEST <= moment < LATEST:
        shown = moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else str(moment)
        raise ClockOutOfRange(f"本机时钟显示为 {shown}，不在合理范围内（{EARLIEST.year}年至{LATEST.year - 1}年）："
                              "请先校准系统日期和时间，再办理业务")
    return moment


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
    clock: Callable[[], datetime] = field(default=lambda: system_clock())
    station_configured: bool = True  # False: a new data dir whose station is not set yet (no intake)
    chain_key: ChainKey | None = field(default=None, repr=False)  # the audit key, once read from the keyring

    def now(self) -> datetime:
        return checked_time(self.clock())

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


def open_store_counter(
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
    configured = bool(station_code)
    if not configured:  # shown on screens until it is set; no application is taken meanwhile
        station_code, station_name = _default_station(policy)
    counter = Counter(
        store=store, policy=policy, data_dir=path, station_code=station_code,
        station_name=station_name or station_code, terminal=terminal or DEFAULT_TERMINAL,
        clerk=clerk or DEMO_CLERK, station_configured=configured,
    )
    if clock is not None:
        counter.clock = clock
    return counter  # a demo data dir gets its station from services.station.open_counter


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
