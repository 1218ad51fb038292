"""Business time: stored instants are UTC; days, screens and paper use China Standard Time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

CHINA_TZ = timezone(timedelta(hours=8), "CST")


def china_time(moment: datetime) -> datetime:
    """A stored instant (naive values are UTC) as China Standard Time, whatever the PC's zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(CHINA_TZ)
