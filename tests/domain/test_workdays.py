"""Working-day deadlines skip weekends and count exactly."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.workdays import add_working_days


def test_known_week():
    friday = date(2026, 11, 20)
    assert add_working_days(friday, 1) == date(2026, 11, 23)  # Monday
    assert add_working_days(friday, 3) == date(2026, 11, 25)
    assert add_working_days(friday, 0) == friday
    with pytest.raises(ValueError):
        add_working_days(friday, -1)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(min_value=1, max_value=60))
def test_lands_on_a_weekday_after_exactly_n_weekdays(start, days):
    end = add_working_days(start, days)
    assert end.weekday() < 5
    between = [start + timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(1 for d in between if d.weekday() < 5) == days
