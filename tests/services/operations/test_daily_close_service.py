"""Daily close: totals equal the records (read back independently), once per day, frozen, gaps, sheet."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections import Counter as Tally
from decimal import Decimal

import pytest
from service_world import TODAY, db_path, submit_good

from counter_app.services import operations as ops
from counter_app.services.applications import cancel_application
from counter_app.services.clerks import add_clerk
from counter_app.services.printing import print_receipt
from counter_app.store.uow import UnitOfWork  # noqa: F401  (the repositories under test come through it)

AMOUNT_FIELD = {"withdrawal": "amount", "loan": "amount"}
SUPERVISOR_PASSWORD = "Counter-pass-2026"  # the ``staffed`` fixture's


def take_a_day(counter) -> list[str]:
    """Five applications, one cancelled, receipts printed for two and reprinted for one."""
    numbers = [submit_good(counter, kind).receipt_number
               for kind in ("withdrawal", "loan", "open-account", "info-change", "deferral")]
    assert all(numbers)
    assert cancel_application(counter, numbers[3], "申请人撤回").ok
    print_receipt(counter, numbers[0])
    print_receipt(counter, numbers[1])
    print_receipt(counter, numbers[0], reprint_reason="回执污损")
    return numbers


def from_the_database(counter, clerk: str | None = None) -> dict:
    """What the day holds, read with plain sqlite3 (independent of the services under test)."""
    with sqlite3.connect(db_path(counter)) as db:
        rows = db.execute("SELECT receipt_number, kind, status, clerk, fields, client_id FROM applications").fetchall()
        outbox = {r[0] for r in db.execute("SELECT client_id FROM outbox")}
        prints = db.execute("SELECT reprint, clerk FROM print_log WHERE document = 'receipt'").fetchall()
    rows = [r for r in rows if clerk is None or r[3] == clerk]
    amount = sum((Decimal(json.loads(f)[AMOUNT_FIELD[k]]) for _, k, s, _, f, _ in rows
                  if k in AMOUNT_FIELD and s != "cancelled"), Decimal("0.00"))
    return {
        "count": len(rows), "by_status": dict(Tally(r[2] for r in rows)), "amount": amount,
        "kinds": dict(Tally(r[1] for r in rows)),
        "unsynced": sorted(r[0] for r in rows if r[5] in outbox),
        "printed": sum(1 for p in prints if not p[0] and (clerk is None or p[1] == clerk)),
        "reprinted": sum(1 for p in prints if p[0] and (clerk is None or p[1] == clerk)),
    }


def test_close_totals_equal_the_records(counter, tmp_path) -> None:
    take_a_day(counter)
    with counter.store.unit_of_work(write=True) as uow:  # the centre acknowledged the first one
        uow.outbox.ack([uow.applications.get_by_receipt(f"{counter.station_code}-01-20261123-0001").client_id])
        uow.commit()
    expected = from_the_database(counter)
    closed = ops.close_day(counter, out=tmp_path / "close.pdf")
    assert closed.ok, closed.errors
    t = closed.value.totals
    assert t.count == expected["count"] == 5
    assert t.by_status == expected["by_status"] and t.amount == expected["amount"]
    assert {k.kind: k.count for k in t.by_kind} == expected["kinds"]
    assert list(t.unsynced) == expected["unsynced"] and len(t.unsynced) == 3  # one acked, one cancelled left the outbox
    assert (t.receipts_printed, t.receipts_reprinted) == (expected["printed"], expected["reprinted"]) == (2, 1)
    assert t.gaps == ()
    stored = ops.get_close(counter, TODAY, counter.clerk)
    assert stored.totals == t.as_dict() and stored.sheet_path == str(tmp_path / "close.pdf")
    text = "".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "close.pdf"), "-"],
                                  check=True, capture_output=True, text=True).stdout.split())
    assert "业务日结单" in text and f"{t.amount:,.2f}" in text and "无缺号" in text
    fonts = subprocess.run(["pdffonts", str(tmp_path / "close.pdf")], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # every font embedded
    with counter.store.unit_of_work() as uow:
        assert uow.print_log.recent(1)[0].document == "daily_close"


def test_a_day_is_closed_once_and_then_read_only(counter) -> None:
    take_a_day(counter)
    first = ops.close_day(counter)
    assert first.ok
    again = ops.close_day(counter)
    assert again.errors[0].field == "day" and "不能重复日结" in again.errors[0].message
    late = submit_good(counter, "establish-employer")
    assert not late.ok and late.errors[0].field == "day"  # a closed day takes no new business
    report = ops.day_report(counter, TODAY, counter.clerk)
    assert report.closed and report.totals is None
    assert report.totals_dict() == first.value.totals.as_dict() and len(report.items) == 5
    with counter.store.unit_of_work() as uow:
        assert "已日结" in ops.closed_problem(uow, TODAY, counter.clerk).message
        assert ops.closed_problem(uow, TODAY, "someone-else") is None


def test_future_days_and_bad_dates_cannot_be_closed(counter) -> None:
    assert ops.close_day(counter, "2026-11-24").errors[0].field == "day"
    assert ops.close_day(counter, "2026-02-30").errors[0].field == "day"


def test_an_empty_past_day_closes_with_zero_totals(counter) -> None:
    closed = ops.close_day(counter, "2026-11-20")
    assert closed.ok and closed.value.totals.count == 0 and closed.value.totals.amount == Decimal("0.00")


def test_a_lost_record_shows_as_a_receipt_number_gap(counter) -> None:
    numbers = take_a_day(counter)
    with sqlite3.connect(db_path(counter)) as db:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("DELETE FROM applications WHERE receipt_number IN (?, ?)", (numbers[1], numbers[4]))
    report = ops.day_report(counter)
    assert [(g.terminal, g.missing) for g in report.totals.gaps] == [("01", (2, 5))]
    assert report.totals.count == 3


def signed_off(counter, scope: str, action: str = "close_day", day=TODAY, approver: str = "zhan",
               password: str = SUPERVISOR_PASSWORD):
    """The supervisor ``approver`` approves the close (or reopen) of ``day`` and ``scope``."""
    from counter_app.services import approvals

    approval = approvals.approve(counter, approver, password, action, f"{day}:{scope}")
    assert isinstance(approval, approvals.Approval), approval
    return approval


def test_clerk_and_station_scopes(staffed) -> None:
    submit_good(staffed, "withdrawal")
    staffed.clerk = "zhan"
    submit_good(staffed, "loan")
    staffed.clerk = "li"
    unsigned = ops.close_day(staffed)  # a staffed station's close is signed off by a supervisor
    assert unsigned.errors[0].field == "approval" and "复核" in unsigned.errors[0].message
    mine = ops.close_day(staffed, approval=signed_off(staffed, "clerk:li"))
    assert mine.ok and mine.value.scope == "clerk:li" and mine.value.totals.count == 1
    assert mine.value.totals.as_dict()["amount"] == str(from_the_database(staffed, "li")["amount"])
    refused = ops.close_day(staffed, station=True)
    assert refused.errors[0].field == "clerk"
    staffed.clerk = "zhan"
    assert add_clerk(staffed, "zhao", "Zhao-pass-2026", "supervisor", "赵站长").ok
    with pytest.raises(AssertionError, match="两个人"):  # maker ≠ checker: zhan cannot sign off his own close
        signed_off(staffed, "station")
    station = ops.close_day(staffed, station=True,
                            approval=signed_off(staffed, "station", approver="zhao", password="Zhao-pass-2026"))
    assert station.ok and station.value.totals.count == 2 and station.value.scope == "station"
    assert station.value.totals.amount == from_the_database(staffed)["amount"]
    assert [c.scope for c in ops.list_closes(staffed, TODAY)] == ["clerk:li", "station"]
    with staffed.store.unit_of_work() as uow:
        assert ops.closed_problem(uow, TODAY, "wang") is not None  # the station's day is closed for all


def test_a_close_refuses_when_the_day_changed_since_the_clerk_confirmed_it(counter) -> None:
    take_a_day(counter)
    shown = ops.day_report(counter, TODAY, counter.clerk)  # what the confirmation showed
    assert not shown.closed and shown.revision == 1 and shown.totals.count == 5
    submit_good(counter, "establish-employer")  # another walk-in came in meanwhile
    stale = ops.close_day(counter, expected_count=shown.totals.count)
    assert stale.errors[0].field == "day" and "重新核对" in stale.errors[0].message
    assert ops.get_close(counter, TODAY, counter.clerk) is None
    assert ops.close_day(counter, expected_count=6).ok


def test_a_supervisor_reopens_a_closed_day_and_the_next_close_is_a_revised_sheet(staffed, tmp_path) -> None:

    submit_good(staffed, "withdrawal")
    first = ops.close_day(staffed, approval=signed_off(staffed, "clerk:li"), out=tmp_path / "first.pdf")
    assert first.ok and first.value.revision == 1
    assert not submit_good(staffed, "loan").ok  # closed: read-only
    assert ops.reopen_day(staffed, TODAY, "漏录一笔贷款受理").errors[0].field == "approval"
    assert ops.reopen_day(staffed, TODAY, "", approval=signed_off(staffed, "clerk:li", "reopen_day")).errors[0].field == "reason"
    wrong = ops.reopen_day(staffed, TODAY, "漏录一笔贷款受理", approval=signed_off(staffed, "clerk:li"))  # a close's approval
    assert wrong.errors[0].field == "approval"
    reopened = ops.reopen_day(staffed, TODAY, "漏录一笔贷款受理", approval=signed_off(staffed, "clerk:li", "reopen_day"))
    assert reopened.ok, reopened.errors
    report = reopened.value
    assert not report.closed and report.revision == 2 and report.reopened.reopen_reason == "漏录一笔贷款受理"
    assert report.reopened.reopen_approved_by == "zhan" and report.reopened.reopened_by == "li"
    again = ops.reopen_day(staffed, TODAY, "再次重开试试", approval=signed_off(staffed, "clerk:li", "reopen_day"))
    assert again.errors[0].field == "day"
    assert submit_good(staffed, "loan").ok  # open again: the missed walk-in is taken
    second = ops.close_day(staffed, approval=signed_off(staffed, "clerk:li"), out=tmp_path / "second.pdf")
    assert second.ok and second.value.revision == 2 and second.value.totals.count == 2
    assert [c.revision for c in ops.list_closes(staffed, TODAY)] == [1, 2]
    assert ops.get_close(staffed, TODAY, "li").revision == 2
    text = "".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "second.pdf"), "-"],
                                  check=True, capture_output=True, text=True).stdout.split())
    assert "第2次日结" in text and "漏录一笔贷款受理" in text and "修订日结单" in text
    first_text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "first.pdf"), "-"],
                                check=True, capture_output=True, text=True).stdout
    assert "次日结" not in first_text  # the first sheet carries no revision mark
    with sqlite3.connect(db_path(staffed)) as db:
        logged = db.execute("SELECT action, subject, clerk, details FROM audit_log WHERE action LIKE 'daily_close%' "
                            "OR action = 'approve' ORDER BY seq").fetchall()
    reopen = [json.loads(d) for a, _s, _c, d in logged if a == "daily_close_reopen"]
    assert reopen == [{"revision": 1, "reason": "漏录一笔贷款受理", "closed_by": "li", "approved_by": "zhan"}]
    assert [json.loads(d)["revision"] for a, _s, _c, d in logged if a == "daily_close"] == [1, 2]
    assert any(a == "approve" and c == "zhan" and "reopen_day" in d for a, _s, c, d in logged)


def test_reprints_after_the_close_are_allowed_logged_and_change_no_total(counter, tmp_path) -> None:
    numbers = take_a_day(counter)
    later(counter, 1)
    closed = ops.close_day(counter)
    assert closed.ok
    frozen = closed.value.totals.as_dict()
    later(counter, 2)
    again = print_receipt(counter, numbers[1], tmp_path / "late.pdf", reprint_reason="申请人另需一份")
    assert again.reprint and (tmp_path / "late.pdf").is_file()
    report = ops.day_report(counter, TODAY, counter.clerk)
    assert report.closed and report.totals_dict() == frozen and report.reprinted_after_close == 1
    with sqlite3.connect(db_path(counter)) as db:
        logged = db.execute("SELECT details FROM audit_log WHERE action = 'reprint' ORDER BY seq").fetchall()
        prints = db.execute("SELECT reprint, reason FROM print_log WHERE document = 'receipt' ORDER BY id").fetchall()
    assert json.loads(logged[-1][0]).get("after_close") is True and prints[-1] == (1, "申请人另需一份")
    # reopened and closed again, the revised totals still leave the reprint made while closed out
    later(counter, 3)
    assert ops.reopen_day(counter, TODAY, "核对回执打印数").ok
    revised = ops.close_day(counter)
    assert revised.ok and revised.value.revision == 2
    assert revised.value.totals.as_dict() == frozen


def later(counter, minutes: int) -> None:
    """The counter's fixed clock moves on ``minutes`` past its start (prints and closes in order)."""
    from datetime import timedelta

    start = getattr(counter, "_start", None) or counter.now()
    counter._start = start
    counter.clock = lambda: start + timedelta(minutes=minutes)


def test_a_day_not_closed_cannot_be_reopened(counter) -> None:
    refused = ops.reopen_day(counter, TODAY, "无故重开一下")
    assert refused.errors[0].field == "day" and "尚未日结" in refused.errors[0].message
    assert ops.reopen_day(counter, "2026-13-01", "日期有误的重开").errors[0].field == "day"


def test_the_form_check_says_today_is_closed_before_anything_is_typed(counter) -> None:
    assert ops.day_closed(counter) is None
    assert ops.close_day(counter).ok
    problem = ops.day_closed(counter)
    assert problem is not None and "已日结" in problem.message and "重开" in problem.message
