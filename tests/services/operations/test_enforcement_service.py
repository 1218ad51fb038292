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
    from counter_app.domain.policy_citations import printable_citations

    n = printable_citations(counter.policy, TODAY).notices  # the verified text (2026's is 待核对)
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


def test_fine_range_comes_from_the_verified_text_on_the_notice_date(data_dir, tmp_path) -> None:
    """The issue: “Enforcement notices printed today cite a 2026 revision (第三十九条, 5–30万) that the
    policy file itself marks 待核对.” After 2026-09-20 the notice still cites the verified 2019 text
    (第三十七条, 1–5万), and the result tells the supervisor why."""
    ranges, warnings = {}, {}
    for day in (date(2026, 3, 2), date(2026, 11, 23)):  # before and after the 2026-09-20 version
        with open_counter(data_dir, clock=fixed_clock) as counter:
            at(counter, day)
            number = ops.open_case(counter, E.unregistered, day, "调查").value.case.case_no
            issued = ops.advance(counter, number, "notice_issued", out=tmp_path / f"{day}.pdf")
            case = issued.value.case
            ranges[day], warnings[day] = (case.fine_min, case.fine_max), issued.warnings
            n = counter.policy_on(day).notices
            assert case.deadline == day + timedelta(days=n.deadline_days)
            assert ops.advance(counter, number, "delivered", StepInput(on=day)).ok
            at(counter, case.deadline + timedelta(days=3))
            ops.advance(counter, number, "deadline_passed")
            referred = ops.advance(counter, number, "referred").value
            assert referred.steps[-1].data["fine_min"] == str(case.fine_min)
            ops.advance(counter, number, "closed", StepInput(note="结案"))
    assert ranges[date(2026, 3, 2)] == (Decimal("10000.00"), Decimal("50000.00"))
    assert ranges[date(2026, 11, 23)] == (Decimal("10000.00"), Decimal("50000.00"))
    assert warnings[date(2026, 3, 2)] == ()
    [held_back] = warnings[date(2026, 11, 23)]
    assert held_back.severity == "warning" and "待核对" in held_back.message and "第三十九条" in held_back.message
    text = pdf_text(tmp_path / "2026-11-23.pdf")
    assert "第三十七条" in text and "1万元以上5万元以下" in text
    assert "第三十九条" not in text and "30万元" not in text


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



# --- arrears (条例第三十八条): 责令限期缴存, then 申请人民法院强制执行 --------------------------------------

OWED = {"amount": "86400", "from_month": "2026-01", "to_month": "2026-06"}


def opened_arrears(counter, on: str = "2026-11-20"):
    result = ops.open_case(counter, E.registered, on, "核查缴存记录：2026年1月至6月未缴存", kind="arrears", arrears=OWED)
    assert result.ok, result.errors
    return result.value.case.case_no


def test_article_38_arrears_case_from_order_to_court_enforcement(counter, tmp_path) -> None:
    """The issue: “Article 38 (责令限期缴存, then court enforcement) is in the policy but never used.”
    条例第三十八条：“……责令限期缴存；逾期仍不缴存的，可以申请人民法院强制执行”."""
    number = opened_arrears(counter)
    case = ops.get_case(counter, number)
    assert (case.case.kind, case.case.arrears_amount, case.case.arrears_from, case.case.arrears_to) == (
        "arrears", Decimal("86400.00"), "2026-01", "2026-06")
    assert case.next_states == ("notice_issued", "closed")
    issued = ops.advance(counter, number, "notice_issued", out=tmp_path / "arrears.pdf")
    assert issued.ok, issued.errors
    n = counter.policy_on(TODAY).notices
    c = issued.value.case
    assert c.deadline == TODAY + timedelta(days=n.arrears_deadline_days)  # its own deadline
    assert (c.fine_min, c.fine_max) == (None, None)  # no fine: the court enforces payment
    text = pdf_text(tmp_path / "arrears.pdf")
    for word in ("责令限期缴存住房公积金通知书", "示范市南山机械有限公司", "86,400.00元", "第三十八条",
                 "申请人民法院强制执行", f"{c.deadline:%Y年%m月%d日}"):
        assert word in text, word
    assert ops.advance(counter, number, "delivered", StepInput(on=TODAY, document="邮寄送达")).ok
    assert ops.advance(counter, number, "referred").errors[0].field == "state"  # not an establishment step
    at(counter, c.deadline + timedelta(days=1))
    assert [v.case.case_no for v in ops.list_cases(counter, overdue_only=True)] == [number]
    assert ops.advance(counter, number, "deadline_passed").ok
    assert ops.advance(counter, number, "court_applied").errors[0].field == "note"
    court = ops.advance(counter, number, "court_applied", StepInput(note="已向城关区人民法院申请强制执行",
                                                                   document="强执申〔2026〕1号"))
    assert court.ok and court.value.case.state == "court_applied"
    closed = ops.advance(counter, number, "closed", StepInput(note="法院已强制执行，欠缴已补缴"))
    assert [s.state for s in closed.value.steps] == [
        "investigated", "notice_issued", "delivered", "deadline_passed", "court_applied", "closed"]
    assert closed.value.as_dict()["kind"] == "arrears" and closed.value.as_dict()["arrears_amount"] == "86400.00"
    dossier = pdf_text(ops.export_dossier(counter, number, tmp_path / "dossier.pdf").value)
    for word in ("住房公积金欠缴执法案卷", "86,400.00元", "已申请法院强制执行", "强执申〔2026〕1号"):
        assert word in dossier, word


def test_an_arrears_case_paid_within_the_deadline(counter) -> None:
    number = opened_arrears(counter)
    assert ops.advance(counter, number, "notice_issued").ok
    assert ops.advance(counter, number, "delivered").ok
    assert ops.advance(counter, number, "paid", StepInput(note="已足额补缴")).ok
    assert ops.advance(counter, number, "closed", StepInput(note="已补缴，结案")).value.case.state == "closed"


def test_an_arrears_case_needs_a_registered_employer_and_what_is_owed(counter) -> None:
    unregistered = ops.open_case(counter, E.unregistered, TODAY, "调查", kind="arrears", arrears=OWED)
    assert "建制执法" in unregistered.errors[0].message
    assert [e.field for e in ops.open_case(counter, E.registered, TODAY, "调查", kind="arrears").errors] == [
        "arrears_amount", "arrears_from"]
    bad = ops.open_case(counter, E.registered, TODAY, "调查", kind="arrears",
                        arrears={"amount": "-5", "from_month": "2026-13", "to_month": "2026-06"})
    assert {e.field for e in bad.errors} == {"arrears_amount", "arrears_from"}
    backwards = ops.open_case(counter, E.registered, TODAY, "调查", kind="arrears",
                              arrears={**OWED, "from_month": "2026-07"})
    assert [e.field for e in backwards.errors] == ["arrears_to"]
    assert ops.open_case(counter, E.registered, TODAY, "调查", kind="fines").errors[0].field == "kind"


def test_an_employer_may_have_an_arrears_case_beside_nothing_else_of_its_kind(counter) -> None:
    opened_arrears(counter)
    again = ops.open_case(counter, E.registered, TODAY, "再查", kind="arrears", arrears=OWED)
    assert not again.ok and "欠缴执法" in again.errors[0].message
    assert [v.case.kind for v in ops.list_cases(counter, kind="arrears")] == ["arrears"]
    assert ops.list_cases(counter, kind="establishment") == []
