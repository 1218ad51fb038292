"""A closed day (日结) is read-only: the one check every service that changes a day's work makes."""

from __future__ import annotations

from datetime import date

from counter_app.domain.daily_close import close_scope
from counter_app.domain.errors import FieldError
from counter_app.store.uow import UnitOfWork


def closed_problem(uow: UnitOfWork, day: date, clerk: str) -> FieldError | None:
    """For services that change a day's work (submit, cancel, rating): refused while the clerk's
    day or the station's day is closed (reprints stay allowed: logged, they change no total)."""
    closed = uow.closes.first_closed(day, (close_scope(clerk), close_scope(None)))
    if closed is not None:
        who = "全站" if closed.scope == "station" else "本人"
        return FieldError("day", f"{day.isoformat()}{who}已日结，当日业务只读，不能再办理或修改；如需补办，请站长在“日结”中重开")
    return None
