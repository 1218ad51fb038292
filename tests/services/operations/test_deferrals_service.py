"""Deferral follow-up: from an approved application, affected workers, payback plan, reminders, payments."""

from __future__ import annotations

from datetime import date, timedelta

from service_world import MONTHLY_CONTRIBUTION, PEOPLE, E, W, submit_good

from counter_app.services import operations as ops

NORMAL_WORKERS = sum(1 for p in PEOPLE.values() if p.status == "01")


def approved_deferral(counter) -> str:
    result = submit_good(counter, "deferral")
    assert result.ok, result.errors
    with counter.store.unit_of_work(write=True) as uow:  # the centre's decision, as a status pull writes it
        uow.applications.set_status(result.client_id, "approved", by="centre")
        uow.commit()
    return result.receipt_number


def test_tracking_an_approved_application_covers_the_contributing_workers(counter) -> None:
    number = approved_deferral(counter)
    result = ops.track_deferral(counter, receipt_number=number, instalments=3)
    assert result.ok, result.errors
    view = result.value
    assert (view.deferral.from_month, view.deferral.to_month) == ("2027-01", "2027-06")
    assert len(view.workers) == NORMAL_WORKERS and W.sealed not in {w.id_number for w in view.workers}
    assert view.deferral.total == MONTHLY_CONTRIBUTION * NORMAL_WORKERS * 6
    assert [p.due_on for p in view.plan] == [date(2027, 7, 31), date(2027, 8, 31), date(2027, 9, 30)]
    assert sum(p.amount for p in view.plan) == view.deferral.total
    assert view.outstanding == view.deferral.total and view.reminders == ()
    again = ops.track_deferral(counter, receipt_number=number)
    assert again.errors[0].field == "receipt_number" and "已在跟踪" in again.errors[0].message


def test_an_application_not_yet_approved_is_not_tracked(counter) -> None:
    number = submit_good(counter, "deferral").receipt_number
    refused = ops.track_deferral(counter, receipt_number=number)
    assert refused.errors[0].field == "receipt_number" and "尚未" in refused.errors[0].message
    assert ops.track_deferral(counter, receipt_number="CG01-01-20261123-0099").errors[0].field == "receipt_number"


def test_manual_entry_with_chosen_workers_and_checks(counter) -> None:
    chosen = ops.track_deferral(counter, uscc=E.registered, from_month="2026-12", to_month="2027-02",
                                approved_on="2026-11-20", workers=[W.active, W.history])
    assert chosen.ok and len(chosen.value.workers) == 2
    assert chosen.value.deferral.total == MONTHLY_CONTRIBUTION * 2 * 3
    assert chosen.value.plan[0].due_on == date(2027, 3, 31)
    bad = ops.track_deferral(counter, uscc=E.registered, from_month="2027-01", to_month="2028-06",
                             workers=[W.sealed], instalments=0)
    assert sorted(e.field for e in bad.errors) == ["instalments", "to_month", "workers"]
    assert ops.track_deferral(counter, uscc=E.unknown, from_month="2027-01", to_month="2027-02").errors[0].field == "uscc"


def test_reminders_before_and_after_due_and_payments(counter, move_to) -> None:
    view = ops.track_deferral(counter, receipt_number=approved_deferral(counter), instalments=2).value
    first, second = view.plan
    move_to(first.due_on - timedelta(days=8))
    assert ops.payback_reminders(counter) == []
    move_to(first.due_on - timedelta(days=3))
    [(deferral, reminder)] = ops.payback_reminders(counter)
    assert (deferral.uscc, reminder.seq, reminder.overdue, reminder.days) == (E.registered, 1, False, 3)
    move_to(first.due_on + timedelta(days=2))
    assert [(r.seq, r.overdue) for _, r in ops.payback_reminders(counter)] == [(1, True)]
    assert ops.mark_paid(counter, view.deferral.id, 1, first.due_on + timedelta(days=3)).errors[0].field == "paid_on"
    paid = ops.mark_paid(counter, view.deferral.id, 1)
    assert paid.ok and paid.value.paid == first.amount and paid.value.outstanding == second.amount
    assert ops.payback_reminders(counter) == []
    assert ops.mark_paid(counter, view.deferral.id, 1).errors[0].field == "seq"
    assert ops.mark_paid(counter, view.deferral.id, 9).errors[0].field == "seq"
