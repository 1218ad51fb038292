"""Sync with the centre (同步): one round now, or a background runner with backoff.

The connection comes from the station's settings (DSN without password) and the OS keyring (the
password); nothing else is needed, so the GUI's runner, ``counter-app sync`` and cron share it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import psycopg

from counter_app.domain.audit_chain import ChainKey, Head
from counter_app.faults import KeyringUnavailable
from counter_app.services import audit
from counter_app.services.audit import ensure_key
from counter_app.services.counter import Counter
from counter_app.services.settings import central_password, certificate_login
from counter_app.sync.engine import CENTRE_REBIND, SyncRefused, sync_once
from counter_app.sync.protocol import anchored_head, register_chain_key
from counter_app.sync.runner import Schedule, SyncRunner

CONNECT_TIMEOUT_S = 10


class SyncNotConfigured(Exception):
    """The station has no centre to sync with yet; ``field`` names what is missing."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def central_connection(counter: Counter) -> Callable[[], Any]:
    """A factory of connections to the centre as this station's own role."""
    with counter.store.unit_of_work() as uow:
        dsn = uow.settings.get("central_dsn", None)
    if not dsn:
        raise SyncNotConfigured("central_dsn", "尚未连接中心：请先在“站点设置”或用 counter-app connect 连接管理中心")
    try:
        password = central_password(dsn)
    except KeyringUnavailable as exc:
        raise SyncNotConfigured("keyring", exc.message) from None
    if not password and not certificate_login(dsn):
        raise SyncNotConfigured("password", "系统钥匙串中没有中心数据库密码：请用 counter-app connect 重新连接中心")
    return lambda: psycopg.connect(dsn, password=password or None, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)


def sync_now(counter: Counter, *, batch_size: int = 1000, background: bool = False) -> Any:
    """One round: push the outbox, pull decisions and reference data.

    A round the clerk asked for is always audited. A background round is audited only when it
    brought something back or something was refused: auditing a round that merely pushed would
    queue a new audit row for the next round to push, for ever.
    """
    factory = central_connection(counter)
    key = station_key(counter)
    try:
        report = sync_once(counter.store, factory, batch_size=batch_size, key=key)
    except Exception as exc:
        if not background:
            audit.record_sync(counter, error=type(exc).__name__)
        raise
    counts = report.as_dict()
    if not background or counts["pulled"] or counts["rejected"] or counts["conflicts"]:
        audit.record_sync(counter, counts)
    return report


def accept_centre(counter: Counter) -> None:
    """A connection to the centre was saved on purpose (``connect``, the settings dialog): the next
    sync takes the centre it finds there, even another than before (then under the snapshot's guard)."""
    with counter.store.unit_of_work(write=True) as uow:
        uow.settings.set(CENTRE_REBIND, True)
        uow.commit()


def station_key(counter: Counter) -> ChainKey:
    """The station's audit key (made now if the station has none yet): registered at the centre on
    every round, so that it checks what this station sends."""
    return counter.chain_key or ensure_key(counter)


def centre_anchor(counter: Counter) -> tuple[Head | None, str | None]:
    """The head the centre anchored for this station (``Head(0, "")`` when it holds none), when the
    station is connected and the centre answers; otherwise None and, when the centre could not be
    reached, a note saying the local check stands alone."""
    try:
        factory = central_connection(counter)
    except SyncNotConfigured:
        return None, None  # not connected: nothing to compare with
    try:
        with factory() as conn:
            found = anchored_head(conn)
    except Exception as exc:  # noqa: BLE001 — offline is normal at a township station
        return None, f"未能连接中心（{type(exc).__name__}），仅核验本机，未与中心锚定的链头比对"
    return (Head(found[0], found[1]) if found else Head(0, "")), None


__all__ = ["SyncNotConfigured", "SyncRefused", "accept_centre", "background_runner",
           "central_connection", "centre_anchor", "register_chain_key",
           "station_key", "summary", "sync_now"]


def summary(report: Any) -> str:
    """A report as the status bar says it."""
    r = report.as_dict()
    return f"上传{r['pushed']}条，下载{r['pulled']}条，退回{r['rejected']}条，冲突{r['conflicts']}条"


def background_runner(counter: Counter, on_result: Callable[[Any, BaseException | None], None],
                      interval: float = 60.0) -> Any:
    """A runner (not started) that syncs every ``interval`` seconds, backing off while offline."""
    return SyncRunner(lambda: sync_now(counter, background=True), Schedule(interval=interval), on_result)
