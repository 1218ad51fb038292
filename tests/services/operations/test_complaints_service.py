"""Complaints: intake with checks, due date in working days, linking to a case, closing once, overdue."""

from __future__ import annotations

from datetime import date, timedelta

from service_world import TODAY, E, W

from counter_app.domain.workdays import add_working_days
from counter_app.services import operations as ops


def form(**changes):
    values = {"complainant": "张三", "summary": "单位一直未为我缴存住房公积金", "uscc": E.unregistered,
              "complainant_id": W.active, "contact": "13800000001"}
    values.update(changes)
    return values


def test_intake_numbers_masks_and_sets_the_due_date_from_the_policy(counter) -> None:
    result = ops.take_complaint(counter, form())
    assert result.ok, result.errors
    view = result.value
    days = counter.policy_on(TODAY).notices.complaint_days
    assert view.complaint.due_on == add_working_days(TODAY, days)
    assert view.complaint.complaint_no == f"{counter.station_code}-TS-20261123-0001"
    assert view.complaint.employer_name == "示范市北坪商贸有限公司" and view.case_no is None
    assert view.masked_id.startswith(W.active[:6]) and W.active[6:14] not in view.masked_id
    assert view.as_dict()["complainant_id"] == view.masked_id
    assert ops.get_complaint(counter, view.complaint.complaint_no).complaint.complainant_id == W.active


def test_intake_names_each_bad_field(counter) -> None:
    bad = ops.take_complaint(counter, form(complainant=" ", summary="", complainant_id="123", contact="12",
                                           uscc="X", received_on="2026-11-24", case_no="NOPE"))
    assert sorted(e.field for e in bad.errors) == sorted(
        ["complainant", "summary", "complainant_id", "contact", "uscc", "received_on", "case_no"])
    assert ops.list_complaints(counter) == []


def test_linking_to_the_employers_case_only(counter) -> None:
    case_no = ops.open_case(counter, E.unregistered, TODAY, "调查").value.case.case_no
    number = ops.take_complaint(counter, form()).value.complaint.complaint_no
    linked = ops.link_case(counter, number, case_no)
    assert linked.ok and linked.value.case_no == case_no
    assert [c.complaint_no for c in ops.get_case(counter, case_no).complaints] == [number]
    other = ops.take_complaint(counter, form(uscc=E.registered)).value.complaint.complaint_no
    assert ops.link_case(counter, other, case_no).errors[0].field == "case_no"
    direct = ops.take_complaint(counter, form(uscc=None, case_no=case_no))
    assert direct.value.complaint.uscc == E.unregistered and direct.value.case_no == case_no


def test_closing_once_within_sensible_dates_and_overdue_detection(counter, move_to) -> None:
    view = ops.take_complaint(counter, form()).value
    number, due = view.complaint.complaint_no, view.complaint.due_on
    move_to(due)
    assert not ops.list_complaints(counter, overdue_only=True)
    move_to(due + timedelta(days=1))
    assert [c.complaint.complaint_no for c in ops.list_complaints(counter, overdue_only=True)] == [number]
    assert ops.close_complaint(counter, number, "").errors[0].field == "result"
    assert ops.close_complaint(counter, number, "x", "2026-11-01").errors[0].field == "closed_on"
    closed = ops.close_complaint(counter, number, "已责令单位限期建制")
    assert closed.ok and closed.value.complaint.status == "closed" and not closed.value.overdue
    assert ops.close_complaint(counter, number, "再次").errors[0].field == "complaint_no"
    assert ops.list_complaints(counter, status="open") == []


def test_complaint_taken_on_a_friday_is_due_after_weekends(counter, move_to) -> None:
    move_to(date(2026, 11, 27))  # Friday
    view = ops.take_complaint(counter, form()).value
    days = counter.policy_on().notices.complaint_days
    assert view.complaint.due_on.weekday() < 5
    assert view.complaint.due_on > date(2026, 11, 27) + timedelta(days=days)
