"""Station records for the centre: each change of a case, complaint, rating, contact, close, target, deferral
or coverage progress queued once.

A record is queued in the same unit of work as the change it reports, so it commits (or rolls back)
with it, under a fresh client id: the outbox (topic ``"record"``) sends it like an application —
idempotent at the centre, sealed with the payload's digest and the station's MAC (``audit.seal_payload``),
refused alone when it does not match. ``data`` is the whole record as it now is; the centre keeps
every version and reads the latest (``central.station_records_current``).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import uuid6

from counter_app.services import audit
from counter_app.services.counter import Counter
from counter_app.store.uow import UnitOfWork

TOPIC = "record"
# The kinds the centre accepts (central revision 0008, ``station_records_kind_check``).
ENFORCEMENT_CASE = "enforcement_case"
COMPLAINT = "complaint"
RATING = "rating"
COLLECTION_CONTACT = "collection_contact"
DAILY_CLOSE = "daily_close"
COVERAGE_TARGET = "coverage_target"
DEFERRAL = "deferral"  # central revision 0016
COVERAGE_PROGRESS = "coverage_progress"  # central revision 0016
KINDS = (ENFORCEMENT_CASE, COMPLAINT, RATING, COLLECTION_CONTACT, DAILY_CLOSE, COVERAGE_TARGET, DEFERRAL,
         COVERAGE_PROGRESS)


def as_data(record: Any, **extra: Any) -> dict[str, Any]:
    """A record (dataclass or mapping) as JSON-only values, with ``extra`` entries added."""
    values = dataclasses.asdict(record) if dataclasses.is_dataclass(record) and not isinstance(record, type) \
        else dict(record)
    return audit.plain({**values, **extra})  # type: ignore[no-any-return]


def queue(counter: Counter, uow: UnitOfWork, kind: str, key: Any, data: dict[str, Any]) -> str:
    """Queue one version of a station record for the centre; returns its client id."""
    if kind not in KINDS:
        raise ValueError(f"unknown station record kind: {kind}")
    client_id = str(uuid6.uuid7())
    payload = {"client_id": client_id, "station_code": counter.station_code, "kind": kind, "key": str(key),
               "data": audit.plain(data), "recorded_at": counter.now().isoformat()}
    sealed, _digest = audit.seal_payload(counter, uow, payload)
    uow.outbox.add(client_id, TOPIC, sealed)
    return client_id
