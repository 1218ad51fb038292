"""Service ratings (服务评价): the worker's 1–5 score at the end of a visit, kept with the application."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.exc import IntegrityError

from counter_app.domain.catalog import business
from counter_app.domain.errors import Checked
from counter_app.domain.ids import mask_id_number
from counter_app.domain.materials import missing_materials
from counter_app.domain.money import parse_money
from counter_app.domain.normalize import normalize_code
from counter_app.services import station_records
from counter_app.services.counter import Counter
from counter_app.services.day_lock import closed_problem
from counter_app.services.forms import required_materials
from counter_app.services.operations._common import day_bounds, text
from counter_app.store.records_operations import RatingRecord

SCORES = {1: "很不满意", 2: "不满意", 3: "一般", 4: "满意", 5: "非常满意"}


def rate(counter: Counter, receipt_number: str, score: Any) -> Checked[RatingRecord]:
    """Store the worker's score for the application ``receipt_number`` (once)."""
    number = text(receipt_number).upper()
    if isinstance(score, bool) or not isinstance(score, int) or score not in SCORES:
        return Checked.fail("score", "评价须为1至5分")
    try:
        with counter.store.unit_of_work(write=True) as uow:
            application = uow.applications.get_by_receipt(number)
            if application is None:
                return Checked.fail("receipt_number", f"本站没有受理编号为 {number} 的业务")
            closed = closed_problem(uow, counter.local(application.taken_at).date(), application.clerk)
            if closed:  # the day's totals (ratings included) are frozen
                return Checked(value=None, errors=(closed,))
            if uow.ratings.get(number) is not None:
                return Checked.fail("receipt_number", "该笔业务已评价过")
            record = uow.ratings.add(RatingRecord(number, score, counter.clerk, counter.now()))
            station_records.queue(counter, uow, station_records.RATING, number, station_records.as_data(record))
            uow.commit()
    except IntegrityError:  # rated from another counter a moment ago
        return Checked.fail("receipt_number", "该笔业务已评价过")
    return Checked(value=record)


def rating_for(counter: Counter, receipt_number: str) -> int | None:
    with counter.store.unit_of_work() as uow:
        found = uow.ratings.get(text(receipt_number).upper())
    return found.score if found else None


def ratings_between(counter: Counter, start: date, end: date) -> dict[int, int]:
    """Score → how many ratings were given on the China days ``start``..``end``."""
    begin, finish = day_bounds(start, end)
    with counter.store.unit_of_work() as uow:
        found = uow.ratings.between(begin, finish)
    out = {score: 0 for score in SCORES}
    for r in found:
        out[r.score] += 1
    return out


@dataclass(frozen=True)
class CustomerView:
    """What the customer-facing screen shows the worker to confirm (the ID masked)."""

    business: str
    name: str
    masked_id: str
    amount: Decimal | None
    missing: tuple[str, ...]


def customer_view(counter: Counter, kind: str, form: Mapping[str, Any]) -> CustomerView:
    """The clerk's entries as the worker sees them: name, masked ID (a USCC is public), business,
    amount and the documents still missing. Never raises on half-typed input."""
    spec = business(kind)
    subject = normalize_code(form.get(spec.subject_field))
    name = str(form.get("name") or form.get("employer_name") or "")
    with counter.store.unit_of_work() as uow:
        if not name and subject:
            known = uow.workers.get(subject) if spec.subject_field == "id_number" else uow.employers.get(subject)
            name = known.name if known else ""
    shown = mask_id_number(subject) if spec.subject_field == "id_number" and len(subject) == 18 else subject
    try:
        missing = tuple(m.name for m in missing_materials(required_materials(counter, kind, form),
                                                          form.get("materials") or ()))
    except Exception:  # noqa: BLE001 - half-typed values: the list fills in as the clerk goes on
        missing = ()
    return CustomerView(spec.title, name, shown, _amount(form.get(spec.amount_field) if spec.amount_field else None), missing)


def _amount(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    checked = parse_money(value, allow_zero=True)  # "1,234.5", "１２３" as typed at the counter
    return checked.value if checked.ok else None
