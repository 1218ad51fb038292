"""Maker-checker: large withdrawals, reprints, cancels and settings need a supervisor once there are clerks."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from clerk_helpers import CLERK, OTHER_CLERK, SUPERVISOR, Clock, audit_rows, fast_hashing, staff  # noqa: F401
from service_world import NOW, W, assert_accepted, good_form, submit_good, table_counts

from counter_app.domain.errors import FieldError
from counter_app.domain.roles import REPRINT_RECEIPT, WITHDRAWAL_ABOVE_LIMIT
from counter_app.services import cancel_application, open_counter, print_receipt, submit_application
from counter_app.services.approvals import Approval, approve, cancel_request, reprint_request, settings_request
from counter_app.services.printing import PrintRefused
from counter_app.services.settings import load_settings, save_settings

KIND = "withdrawal"
LARGE = {"id_number": W.senior, "reason_code": "01", "variant": None, "amount": "60000", "event_amount": "600000",
         "event_date": "2026-10-01", "document_no": "GF-2026-0777"}


def large(counter, **changes):
    return good_form(counter, KIND, **{**LARGE, **changes})


def boss_approves(counter, request) -> Approval:
    approval = approve(counter, SUPERVISOR[0], SUPERVISOR[1], request.action, request.subject)
    assert isinstance(approval, Approval), approval
    return approval


def test_a_demo_station_takes_a_large_withdrawal_without_approval(counter):
    assert_accepted(counter, submit_application(counter, KIND, large(counter)), KIND)


def test_a_large_withdrawal_waits_for_a_supervisor_and_writes_nothing(counter, fast_hashing):
    staff(counter)
    before = table_counts(counter)
    result = submit_application(counter, KIND, large(counter))
    assert not result.ok and [e.field for e in result.errors] == ["approval"]
    assert "60,000.00" in result.errors[0].message and "50,000.00" in result.errors[0].message
    assert "站长" in result.errors[0].message
    request = result.details["approval_request"]
    assert request.action == WITHDRAWAL_ABOVE_LIMIT and request.subject == f"{W.senior}|60000.00"
    assert table_counts(counter) == before and before["applications"] == 0


def test_with_the_supervisors_approval_it_is_accepted_and_the_log_says_who(counter, data_dir, fast_hashing):
    staff(counter)
    request = submit_application(counter, KIND, large(counter)).details["approval_request"]
    approval = boss_approves(counter, request)
    result = submit_application(counter, KIND, large(counter), approval=approval)
    assert_accepted(counter, result, KIND)
    rows = audit_rows(data_dir)
    approve_row, submit_row = rows[-2], rows[-1]
    assert approve_row[1:3] == ("wang", "approve") and W.senior not in approve_row[3]
    assert json.loads(approve_row[4]) == {"action": WITHDRAWAL_ABOVE_LIMIT, "approver": "wang", "maker": "zhang"}
    assert submit_row[1:3] == ("zhang", "submit") and json.loads(submit_row[4])["approved_by"] == "wang"


def test_the_limit_itself_needs_no_approval(counter, fast_hashing):
    staff(counter)
    assert submit_application(counter, KIND, large(counter, amount="50000")).ok


def test_only_a_supervisor_with_the_right_password_approves(counter, data_dir, fast_hashing):
    staff(counter, with_other=True)
    request = submit_application(counter, KIND, large(counter)).details["approval_request"]
    by_clerk = approve(counter, OTHER_CLERK[0], OTHER_CLERK[1], request.action, request.subject)
    assert by_clerk == FieldError("approver", "复核人须为站长（主管）")
    wrong = approve(counter, SUPERVISOR[0], "not-the-password", request.action, request.subject)
    assert isinstance(wrong, FieldError) and wrong.field == "approver_password"
    assert approve(counter, SUPERVISOR[0], SUPERVISOR[1], "launch_rockets", "x").field == "approval"
    assert [r[2] for r in audit_rows(data_dir)[-2:]] == ["approve_refused", "login_failed"]


@pytest.mark.parametrize("change", ["amount", "person", "maker", "expired", "forged"])
def test_an_approval_fits_one_action_one_subject_one_clerk_for_five_minutes(data_dir, fast_hashing, change):
    clock = Clock(NOW)
    with open_counter(data_dir, clock=clock) as counter:
        staff(counter, with_other=True)
        request = submit_application(counter, KIND, large(counter)).details["approval_request"]
        approval = boss_approves(counter, request)
        form = large(counter)
        if change == "amount":
            form = large(counter, amount="55000")
        elif change == "person":
            form = large(counter, id_number=W.repaid, amount="55000")  # 冯十二 has 60,000.00 in all
        elif change == "maker":
            counter.clerk = OTHER_CLERK[0]
        elif change == "expired":
            clock.advance(minutes=5, seconds=1)
        else:
            approval = replace(approval, approver="li")  # same seal, another name: refused
        result = submit_application(counter, KIND, form, approval=approval)
        assert not result.ok and [e.field for e in result.errors] == ["approval"]
        assert "重新复核" in result.errors[0].message


def test_an_approval_made_up_by_code_is_refused(counter, fast_hashing):
    staff(counter)
    request = submit_application(counter, KIND, large(counter)).details["approval_request"]
    fake = Approval(request.action, request.subject, "wang", "zhang", NOW, seal="0" * 64)
    assert submit_application(counter, KIND, large(counter), approval=fake).errors[0].message.startswith("复核授权无效")
    assert not submit_application(counter, KIND, large(counter), approval="yes").ok


def test_a_supervisors_own_large_withdrawal_needs_another_supervisor(counter, data_dir, fast_hashing):
    from counter_app.services.clerks import add_clerk

    staff(counter)
    counter.clerk = SUPERVISOR[0]
    assert add_clerk(counter, "zhao", "Zhao-pass-2026", "supervisor", "赵站长").ok
    request = submit_application(counter, KIND, large(counter)).details["approval_request"]
    own = approve(counter, SUPERVISOR[0], SUPERVISOR[1], request.action, request.subject)
    assert isinstance(own, FieldError) and own.field == "approver" and "本人" in own.message
    assert not submit_application(counter, KIND, large(counter), approval=own).ok
    assert [r[2] for r in audit_rows(data_dir)][-1] == "approve_refused"
    other = approve(counter, "zhao", "Zhao-pass-2026", request.action, request.subject)
    assert isinstance(other, Approval)
    assert submit_application(counter, KIND, large(counter), approval=other).ok


def test_a_reprint_needs_a_reason_then_an_approval(counter, data_dir, tmp_path, fast_hashing):
    staff(counter)
    number = submit_good(counter, KIND).receipt_number
    print_receipt(counter, number, tmp_path / "first.pdf")
    with pytest.raises(PrintRefused) as no_reason:
        print_receipt(counter, number, tmp_path / "again.pdf")
    assert no_reason.value.field == "reprint_reason"
    with pytest.raises(PrintRefused) as no_approval:
        print_receipt(counter, number, tmp_path / "again.pdf", reprint_reason="原件遗失")
    assert no_approval.value.field == "approval" and "站长" in no_approval.value.message
    assert not (tmp_path / "again.pdf").exists()
    approval = boss_approves(counter, reprint_request(number))
    assert approval.action == REPRINT_RECEIPT
    printed = print_receipt(counter, number, tmp_path / "again.pdf", reprint_reason="原件遗失", approval=approval)
    assert printed.reprint and (tmp_path / "again.pdf").is_file()
    assert json.loads(audit_rows(data_dir)[-1][4])["approved_by"] == "wang"


def test_a_demo_station_reprints_with_a_reason_only(counter, tmp_path):
    number = submit_good(counter, KIND).receipt_number
    print_receipt(counter, number, tmp_path / "first.pdf")
    assert print_receipt(counter, number, tmp_path / "again.pdf", reprint_reason="卡纸").reprint


def test_cancelling_needs_a_reason_and_an_approval_then_leaves_the_queue(counter, data_dir, fast_hashing):
    staff(counter)
    result = submit_good(counter, KIND)
    assert cancel_application(counter, result.receipt_number, "  ").errors[0].field == "reason"
    refused = cancel_application(counter, result.receipt_number, "申请人放弃")
    assert refused.errors[0].field == "approval"
    approval = boss_approves(counter, cancel_request(result.receipt_number))
    done = cancel_application(counter, result.receipt_number.lower(), "申请人放弃", approval)
    assert done.ok and done.value.status == "cancelled" and done.value.decision_reason == "申请人放弃"
    counts = table_counts(counter)
    assert counts["applications"] == 1 and counts["outbox"] == len([r for r in audit_rows(data_dir)])
    with counter.store.unit_of_work() as uow:
        assert uow.outbox.get(result.client_id) is None
        assert [h.status for h in uow.applications.history(result.client_id)] == ["submitted", "queued", "cancelled"]
    assert audit_rows(data_dir)[-1][2:4] == ("cancel", result.receipt_number)


def test_an_application_already_at_the_centre_cannot_be_cancelled_here(counter):
    result = submit_good(counter, KIND)
    with counter.store.unit_of_work(write=True) as uow:
        uow.outbox.ack([result.client_id])
        uow.applications.set_status(result.client_id, "received", by="centre")
        uow.commit()
    refused = cancel_application(counter, result.receipt_number, "申请人放弃")
    assert refused.errors[0].field == "receipt_number" and "管理中心" in refused.errors[0].message
    assert cancel_application(counter, "CG01-01-20990101-0001", "x").errors[0].field == "receipt_number"


def test_an_application_whose_push_has_started_is_not_cancelled_here(counter):
    """Once sync has counted a push, the centre may hold the row even with no acknowledgement back."""
    result = submit_good(counter, KIND)
    with counter.store.unit_of_work(write=True) as uow:
        (claimed,) = uow.outbox.claim()  # what sync does before it sends
        uow.commit()
    assert claimed.client_id == result.client_id and claimed.attempts == 1
    refused = cancel_application(counter, result.receipt_number, "申请人放弃")
    assert refused.errors[0].field == "receipt_number" and "已开始上传" in refused.errors[0].message
    with counter.store.unit_of_work() as uow:
        assert uow.applications.get_by_client_id(result.client_id).status == "queued"
        assert uow.outbox.get(result.client_id) is not None  # still goes to the centre


def test_a_demo_station_cancels_without_approval(counter):
    result = submit_good(counter, KIND)
    assert cancel_application(counter, result.receipt_number, "录入错误").ok


def test_station_settings_change_only_with_an_approval(counter, fast_hashing):
    staff(counter)
    refused = save_settings(counter, {"station_name": "南山镇服务站"})
    assert [p.field for p in refused] == ["approval"] and load_settings(counter).station_name != "南山镇服务站"
    approval = boss_approves(counter, settings_request())
    assert save_settings(counter, {"station_name": "南山镇服务站"}, approval=approval) == []
    assert load_settings(counter).station_name == "南山镇服务站"
    assert save_settings(counter, {"terminal": "0"}, approval=approval)[0].field == "terminal"  # checks first


def test_a_demo_station_changes_settings_freely(counter):
    assert save_settings(counter, {"station_name": "南山镇服务站"}) == []


def test_the_approval_names_the_clerk_who_asked_and_the_supervisor(counter, fast_hashing):
    staff(counter)
    approval = boss_approves(counter, cancel_request("CG01-01-20261123-0001"))
    assert approval.maker == CLERK[0] and approval.approver == SUPERVISOR[0]
