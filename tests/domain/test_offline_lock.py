"""The offline lock rule: locked only past the limit, unless confirmed within it or overridden until later."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.offline_lock import is_locked, offline_for

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
hours = st.integers(min_value=0, max_value=24 * 60)


def locked(contact_h: int | None, confirmed_h: int | None = None, override_h: int | None = None,
           limit: int = 7) -> bool:
    """Ages in hours before NOW (the override: hours after NOW it ends, negative = already ended)."""
    return is_locked(last_contact=None if contact_h is None else NOW - timedelta(hours=contact_h),
                     confirmed_at=None if confirmed_h is None else NOW - timedelta(hours=confirmed_h),
                     override_until=None if override_h is None else NOW + timedelta(hours=override_h),
                     now=NOW, limit_days=limit)


def test_the_edges():
    assert not locked(None)                       # never in touch with a centre: a demo or new station
    assert not locked(7 * 24)                     # exactly the limit: still allowed
    assert locked(7 * 24 + 1)                     # an hour past it
    assert not locked(8 * 24, confirmed_h=24)     # confirmed within the limit
    assert locked(8 * 24, confirmed_h=8 * 24)     # confirmed at that last sync only
    assert not locked(30 * 24, override_h=3)      # a supervisor's override still running
    assert locked(30 * 24, override_h=-1)         # … and ended
    assert locked(2 * 24, limit=1)                # a one-day policy locks after two days
    assert offline_for(None, NOW) is None and offline_for(NOW + timedelta(hours=1), NOW) == timedelta(0)


@given(contact=hours, confirmed=st.none() | hours, override=st.none() | st.integers(-100, 100),
       limit=st.integers(min_value=1, max_value=30))
def test_the_rule_against_its_statement(contact, confirmed, override, limit):
    away = timedelta(hours=contact)
    fresh = confirmed is not None and timedelta(hours=confirmed) <= timedelta(days=limit)
    overridden = override is not None and override >= 0
    assert locked(contact, confirmed, override, limit) == (away > timedelta(days=limit) and not fresh
                                                           and not overridden)


@given(contact=hours, confirmed=st.none() | hours, limit=st.integers(min_value=1, max_value=30))
def test_being_longer_offline_never_unlocks(contact, confirmed, limit):
    if locked(contact, confirmed, limit=limit):
        assert locked(contact + 1, confirmed if confirmed is None else confirmed + 1, limit=limit)
