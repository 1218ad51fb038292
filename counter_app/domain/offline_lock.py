"""The offline lock (离线锁定): a station out of touch with the centre for longer than the policy allows
locks the accounts the centre has not confirmed within that time, unless a supervisor overrode it.

Pure: the services pass the station's last contact with the centre, the account's last confirmation
(the sync at which the centre listed it active), a supervisor's override and the policy's limit.
A station that has never reached a centre (a demo, or one being set up) is not locked.
"""

from __future__ import annotations

from datetime import datetime, timedelta


def offline_for(last_contact: datetime | None, now: datetime) -> timedelta | None:
    """How long the station has been out of touch (None: it never was in touch)."""
    return None if last_contact is None else max(now - last_contact, timedelta(0))


def is_locked(*, last_contact: datetime | None, confirmed_at: datetime | None, override_until: datetime | None,
              now: datetime, limit_days: int) -> bool:
    """Whether the account may not log in now (see the module docstring)."""
    limit = timedelta(days=limit_days)
    away = offline_for(last_contact, now)
    if away is None or away <= limit:
        return False
    if confirmed_at is not None and now - confirmed_at <= limit:
        return False
    return override_until is None or now > override_until
