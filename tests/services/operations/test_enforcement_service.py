"""Enforcement cases through the services: opening, every step, the printed notice, overdue, dossier."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from service_world import NOW, TODAY, E, W, build_world, fixed_clock  # noqa: F401

from counter_app.domain import enforcement as rules
from counter_app.services import open_counter
from counter_app.services import operations as ops
from counter_app.services.operations import StepInput
from counter_app.store import EmployerRecord


def at(counter, day: date) -> None:
    """Move the counter's clock to 10:00 China time on ``day``."""
    moment = datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC)
    counter.clock = lambda: moment


def opened(counter, on: str = "2026-11-20"):
    result = ops.open_case(counter, E.unregistered, on, "现场调查：该单位有职工35人，未办理缴存登记", document="DC-2026-001")
    assert result.ok, result.errors
    return result.value.case.case_no


def pdf_text(path) -> str:
    """The PDF's text with white space removed (table cells wrap long values)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())


def test_opening_records_the_investigation_and_numbers_the_case(counter) -> None:
    number = opened(counter)
    case = ops.get_case(counter, number)
    assert number == f"{counter.station_code}-JZ-20261123-0001"
    assert (case.case.state, case.case.uscc, case.case.employer_name) == (
        "investigated", E.unregistered, "示范市北坪商贸有限公司")
    assert case.case.clerk == counter.clerk and case.case.opened_on == date(2026, 11, 20)
    assert [(s.state, s.on, s.document) for s in case.steps] == [("investigated", date(2026, 11, 20), "DC-2026-001")]
    assert case.next_states == ("notice_issued", "closed")


def test_opening_is_refused_for_registered_unknown_or_already_open_employers(counter) -> None:
    assert ops.open_case(counter, E.registered, TODAY, "调查").errors[0].message.endswith("无需立案")
    assert "没有该单位" in ops.open_case(counter, E.unknown, TODAY, "调查").errors[0].message
    assert ops.open_case(counter, "91620102MA0000026Y", TODAY, "调查").errors[0].field == "uscc"
    assert ops.open_case(counter, E.unregistered, TODAY, "").errors[0].field == "note"
    first = opened(counter)
    again = ops.open_case(counter, E.unregistered, TODAY, "再次调查")
    assert not again.ok and first in again.errors[0].message


def test_the_whole_path_to_a_penalty(counter, tmp_path) -> None:
    number = opened(counter)
    issued = ops.advance(counter, number, "notice_issued", out=tmp_path / "notice.pdf")
    assert issued.ok, issued.errors
    n = counter.policy_on(TODAY).notices
    case = issued.value.case
    assert case.notice_on == TODAY and case.deadline == TODAY + timedelta(days=n.deadline_days)
    assert (case.fine_min, case.fine_max) == (n.fine_min, n.fine_max)
    assert case.notice_number == f"{counter.station_code}-T{counter.terminal}-20261123-0001"
    text = pdf_text(tmp_path / "notice.pdf")
    assert case.notice_number in text and f"{case.deadline:%Y年%m月%d日}" in text
    assert issued.value.steps[-1].path == str(tmp_path / "notice.pdf")

    assert ops.advance(counter, number, "delivered", StepInput(on=TODAY, document="直接送达")).ok
    early = ops.advance(counter, number, "deadline_passed")
    assert [e.field for e in early.errors] == ["on"] and "期限届满后" in early.errors[0].message
    assert not ops.list_cases(counter, overdue_only=True)

    at(counter, case.deadline + timedelta(days=1))
    assert [v.case.case_no for v in ops.list_cases(counter, overdue_only=True)] == [number]
    assert ops.advance(counter, number, "deadline_passed").ok
    assert not ops.list_cases(counter, overdue_only=True)  # the clerk has acted
    referred = ops.advance(counter, number, "referred", StepInput(note="移送管理中心处罚"))
    assert referred.value.steps[-1].data == {"fine_min": f"{n.fine_min:.2f}", "fine_max": f"{n.fine_max:.2f}"}
    too_big = ops.advance(counter, number, "closed", StepInput(note="已处罚", extra={"fine": str(n.fine_max + 1)}))
    assert [e.field for e in too_big.errors] == ["fine"]
    closed = ops.advance(counter, number, "closed", StepInput(note="已处罚并建制", extra={"fine": str(n.fine_min)}))
    assert closed.ok and closed.value.case.state == "closed" and closed.value.case.closed_on == counter.today()
    assert [s.state for s in closed.value.steps] == [
        "investigated", "notice_issued", "delivered", "deadline_passed", "referred", "closed"]
    assert ops.advance(counter, number, "investigated").errors[0].field == "state"


def test_fine_range_comes_from_the_policy_in_force_on_the_notice_date(data_dir) -> None:
    ranges = {}
    for day in (date(2026, 3, 2), date(2026, 11, 23)):  # before and after the 2026-09-20 version
        with open_counter(data_dir, clock=fixed_clock) as counter:
            at(counter, day)
            number = ops.open_case(counter, E.unregistered, day, "调查").value.case.case_no
            case = ops.advance(counter, number, "notice_issued").value.case
            ranges[day] = (case.fine_min, case.fine_max)
            n = counter.policy_on(day).notices
            assert case.deadline == day + timedelta(days=n.deadline_days)
            assert ops.advance(counter, number, "delivered", StepInput(on=day)).ok
            at(counter, case.deadline + timedelta(days=3))
            ops.advance(counter, number, "deadline_passed")
            referred = ops.advance(counter, number, "referred").value
            assert referred.steps[-1].data["fine_min"] == str(case.fine_min)
            ops.advance(counter, number, "closed", StepInput(note="结案"))
    assert ranges[date(2026, 3, 2)] == (Decimal("10000.00"), Decimal("50000.00"))
    assert ranges[date(2026, 11, 23)] == (Decimal("50000.00"), Decimal("300000.00"))


def test_steps_cannot_be_skipped_nor_dated_wrongly(counter) -> None:
    number = opened(counter)
    skip = ops.advance(counter, number, "delivered")
    assert [e.field for e in skip.errors] == ["state"] and "已发通知书" in skip.errors[0].message
    assert ops.advance(counter, number, "notice_issued", StepInput(on="2026-11-22")).errors[0].field == "on"
    assert ops.advance(counter, number, "notice_issued").ok
    before = ops.advance(counter, number, "delivered", StepInput(on="2026-11-22"))
    assert before.errors[0].field == "on" and "早于" in before.errors[0].message
    future = ops.advance(counter, number, "delivered", StepInput(on="2026-11-24"))
    assert "晚于今天" in future.errors[0].message
    assert ops.advance(counter, number, "delivered", StepInput(on="2026/11/23")).errors[0].field == "on"
    assert ops.advance(counter, "CG01-JZ-20990101-0001", "delivered").errors[0].field == "case_no"
    assert ops.get_case(counter, number).case.state == "notice_issued"


def test_closing_right_after_the_investigation_and_registration_seen(counter) -> None:
    number = opened(counter)
    assert ops.advance(counter, number, "closed").errors[0].field == "note"
    assert ops.get_case(counter, number).registration_seen == ""
    with counter.store.unit_of_work(write=True) as uow:  # the centre's data now says registered
        uow.employers.upsert(EmployerRecord(uscc=E.unregistered, name="示范市北坪商贸有限公司", registered=True))
        uow.commit()
    assert "已办理缴存登记" in ops.get_case(counter, number).registration_seen
    closed = ops.advance(counter, number, "closed", StepInput(note="经核实单位已自行建制"))
    assert closed.ok and closed.value.case.closed_on == TODAY


def test_attachment_is_kept_and_the_dossier_lists_steps_papers_and_complaints(counter, tmp_path) -> None:
    scan = tmp_path / "调查笔录.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    result = ops.open_case(counter, E.unregistered, TODAY, "调查属实", document="DC-9", attachment=scan)
    number = result.value.case.case_no
    kept = result.value.steps[0].path
    assert kept.startswith(str(counter.data_dir / "cases" / number)) and Path(kept).read_bytes() == b"%PDF-1.4 scan"
    ops.advance(counter, number, "notice_issued")
    ops.take_complaint(counter, {"complainant": "张三", "summary": "单位未为职工缴存公积金", "case_no": number})
    path = ops.export_dossier(counter, number, tmp_path / "dossier.pdf").value
    text = pdf_text(path)
    for word in (number, "示范市北坪商贸有限公司", "已调查", "已发通知书", "DC-9", "调查笔录.pdf", "单位未为职工缴存公积金"):
        assert word in text, word
    with counter.store.unit_of_work() as uow:
        assert [p.document for p in uow.print_log.recent(5)][:2] == ["case_dossier", "establishment_notice"]
    assert ops.export_dossier(counter, "nope").errors[0].field == "case_no"


def test_assigning_the_responsible_clerk(counter) -> None:
    number = opened(counter)
    assert ops.assign_case(counter, number, "Wang").value.case.clerk == "wang"
    assert ops.get_case(counter, number).case.clerk == "wang"


@pytest.mark.parametrize("state", sorted(set(rules.STATES) - {"notice_issued", "closed"}))
def test_from_investigated_only_the_notice_or_a_closing(counter, state) -> None:
    number = opened(counter)
    assert ops.advance(counter, number, state, StepInput(note="x")).errors[0].field == "state"
