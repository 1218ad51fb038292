"""A loan for a new house names its project: admitted and in force passes, anything else is refused."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime

from service_world import assert_accepted, assert_refused, good_form, submit_good

from counter_app.domain.projects import agreement_note
from counter_app.domain.status import ApplicationStatus
from counter_app.services import find_projects, submit_application
from counter_app.services.printing import print_form

DECIDED = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


def _admission(counter, name: str, decision: ApplicationStatus | None, note: str = "", **changes) -> str:
    result = submit_good(counter, "project-admission", project_name=name, **changes)
    assert result.ok, result.errors
    if decision is not None:
        with counter.store.unit_of_work(write=True) as uow:  # as the centre's decision arrives by sync
            uow.applications.set_status(result.client_id, decision, by="centre", reason=note, at=DECIDED)
            uow.commit()
    return str(result.receipt_number)


def _loan(counter, project: str):
    return submit_application(counter, "loan", good_form(counter, "loan", project_name=project))


def test_a_loan_on_an_unadmitted_project_is_refused(counter):
    assert_refused(counter, _loan(counter, "无名小区"), "project_name", "未办理住房公积金贷款准入")


def test_a_loan_on_an_admitted_project_is_accepted_and_the_form_shows_it(counter, tmp_path):
    _admission(counter, "南山花园", ApplicationStatus.APPROVED, agreement_note("HZ2026-031", date(2029, 12, 31)))
    result = _loan(counter, "南山 花园")
    assert result.ok, result.errors
    assert result.details["project"] == {"name": "南山花园", "agreement_no": "HZ2026-031", "valid_until": "2029-12-31"}
    pdf = print_form(counter, result.receipt_number, tmp_path / "f.pdf").path
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "楼盘项目" in text and "南山花园" in "".join(text.split())
    assert "楼盘项目准入情况" in text and "HZ2026-031" in text and "2029-12-31" in text  # the agreement, on paper


def test_a_loan_on_a_pending_refused_or_expired_project_is_refused(counter):
    pending = _admission(counter, "东湖名苑", None)
    message = _loan(counter, "东湖名苑").errors[0].message
    assert "正在审核中" in message and pending in message
    _admission(counter, "西山别院", ApplicationStatus.REJECTED, "资金监管协议未备案")
    assert "未获" in _loan(counter, "西山别院").errors[0].message
    _admission(counter, "北坪雅苑", ApplicationStatus.APPROVED, agreement_note("HZ2020-002", date(2026, 11, 22)))
    assert "已于2026-11-22到期" in _loan(counter, "北坪雅苑").errors[0].message


def test_a_backfilled_old_project_admits_loans_until_its_agreement_ends(counter):
    _admission(counter, "老街小区", ApplicationStatus.APPROVED, admission_type="backfill", agreement_no="HZ-2019-007",
               agreement_date="2019-06-01", agreement_valid_until="2029-05-31")
    assert _loan(counter, "老街小区").ok


def test_a_loan_without_a_project_is_not_asked_about_one(counter):
    assert_accepted(counter, submit_good(counter, "loan"), "loan")


def test_projects_found_by_name_or_pinyin_only_when_admitted_in_force(counter):
    _admission(counter, "南山花园", ApplicationStatus.APPROVED, agreement_note("HZ1", date(2029, 12, 31)))
    _admission(counter, "南湖名苑", None)
    assert [p.name for p in find_projects(counter, "南山")] == ["南山花园"]
    assert [p.name for p in find_projects(counter, "nshy")] == ["南山花园"]
    assert [p.name for p in find_projects(counter, "nanshan")] == ["南山花园"]
    assert find_projects(counter, "南湖") == []
