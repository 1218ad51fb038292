"""What the status bar shows: station, terminal, clerk, connection, items waiting, policy."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.faults import DAMAGED
from counter_app.services.counter import Counter
from counter_app.store.health import summary


@dataclass(frozen=True)
class StationStatus:
    station_code: str
    station_name: str
    terminal: str
    clerk: str
    connection: str  # "online" | "offline" | "not_configured"
    pending: int
    policy_label: str


def station_status(counter: Counter) -> StationStatus:
    with counter.store.unit_of_work() as uow:
        pending = uow.outbox.count_pending() - uow.audit.waiting_in_outbox()  # the clerk counts applications
        central = uow.settings.get("central_dsn", None)
        last_ok = uow.settings.get("sync_last_ok", False)
    connection = "not_configured" if not central else ("online" if last_ok else "offline")
    return StationStatus(
        station_code=counter.station_code, station_name=counter.station_name, terminal=counter.terminal,
        clerk=counter.clerk, connection=connection, pending=pending,
        policy_label=counter.policy_on().version_label,
    )


def store_damage(counter: Counter) -> str | None:
    """A whole-file check of the store (about a second on a 200,000-worker store; run off the GUI
    thread after the window opens): None when intact, else the refusal to show (business is refused
    from now on, see store.health)."""
    problems = counter.store.scan()
    return f"{DAMAGED}（{summary(problems[0])}）" if problems else None
