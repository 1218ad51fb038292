"""Overdue follow-up (逾期贷款催收): the station's list, the contact log and its reminders, the notices
one at a time or in a streamed batch with progress and cancel."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from service_world import W

from counter_app.cli import main
from counter_app.services.postloan import (
    collection_reminders,
    log_contact,
    overdue_loans,
    print_collection,
)
from counter_app.services.printing import PrintRefused
from counter_app.store import LoanRecord

D = Decimal


def make_overdue(counter: Any, loan_no: str = "DK0000000001", id_number: str = W.borrower, months: int = 3) -> None:
    with counter.store.unit_of_work(write=True) as uow:
        loan = uow.loans.get(loan_no) or LoanRecord(
            loan_no=loan_no, id_number=id_number, principal=D("300000.00"), outstanding=D("200000.00"),
            annual_rate=D("2.85"), months=240, method="01", start_date=date(2021, 5, 10), status="repaying")
        uow.loans.upsert(replace(loan, status="overdue", arrears_months=months, arrears_amount=D("1811.27") * months,
                                 overdue_since=date(2026, 11 - months + 1, 1), next_due_date=date(2026, 12, 1),
                                 next_due_amount=D("1811.27")))
        uow.commit()


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())


def test_the_list_shows_months_amount_days_and_contact(counter) -> None:
    assert overdue_loans(counter) == []
    make_overdue(counter)
    make_overdue(counter, "DK0000000009", W.active, months=1)
    rows = overdue_loans(counter)
    assert [r.loan.loan_no for r in rows] == ["DK0000000001", "DK0000000009"]  # longest overdue first
    first = rows[0].as_dict()
    assert first == {
        "loan_no": "DK0000000001", "name": "赵六", "id_number": first["id_number"], "mobile": "13800000004",
        "township": "南山镇", "arrears_months": 3, "arrears_amount": "5433.81", "days_overdue": 83,
        "overdue_since": "2026-09-01", "last_contact": None}
    assert W.borrower not in first["id_number"]


def test_the_station_sees_its_own_townships(counter) -> None:
    make_overdue(counter)
    with counter.store.unit_of_work(write=True) as uow:
        worker = uow.workers.get(W.borrower)
        uow.workers.upsert(replace(worker, township="柳湾镇"))  # another district's township
        uow.commit()
    assert overdue_loans(counter) == []
    assert [r.loan.loan_no for r in overdue_loans(counter, whole_district=True)] == ["DK0000000001"]


def test_contacts_are_logged_and_a_promise_becomes_a_reminder(counter) -> None:
    make_overdue(counter)
    first = log_contact(counter, "dk0000000001", "phone", "本人接听，称月底前还款", promised_date="2026-11-20",
                        day="2026-11-10")
    assert first.ok and first.value is not None and first.value.clerk == counter.clerk
    assert [c.loan_no for c, _ in collection_reminders(counter)] == ["DK0000000001"]  # the 20th has passed
    assert log_contact(counter, "DK0000000001", "sms", "发送提醒短信").ok
    assert [c.result for c, _ in collection_reminders(counter)] == ["本人接听,称月底前还款"]  # the promise stands
    later = log_contact(counter, "DK0000000001", "visit", "上门，家人代收通知书", promised_date="2026-12-05")
    assert later.ok
    assert collection_reminders(counter) == []  # the latest promise is not due yet
    row = overdue_loans(counter)[0].as_dict()
    assert row["last_contact"] == {"day": "2026-11-23", "way": "visit", "result": "上门,家人代收通知书",  # NFKC
                                   "promised_date": "2026-12-05"}


@pytest.mark.parametrize(("args", "field"), [
    (("DK0000000001", "fax", "x"), "way"),
    (("DK0000000001", "phone", "  "), "result"),
    (("DK0000000001", "phone", "ok", "2026-11-01", "2026-11-10"), "promised_date"),
    (("DK0000000001", "phone", "ok", None, "2026-12-01"), "day"),
    (("DK0000000001", "phone", "ok", "someday"), "promised_date"),
    (("DK404", "phone", "ok"), "loan_no"),
])
def test_bad_contacts_name_the_field(counter, args, field) -> None:
    make_overdue(counter)
    result = log_contact(counter, *args)
    assert not result.ok and field in [e.field for e in result.errors]


def test_one_notice_and_a_batch_with_progress(counter, tmp_path) -> None:
    make_overdue(counter)
    make_overdue(counter, "DK0000000009", W.active, months=1)
    one = print_collection(counter, tmp_path / "one.pdf", loan_no="DK0000000001")
    text = text_of(one.path)
    assert one.pages == 1 and "住房公积金贷款逾期催收通知书" in text and "赵六" in text and W.borrower not in text
    assert "3期" in text and "5,433.81" in text and "不收取罚息" in text and "不良信用记录" in text
    seen = []
    batch = print_collection(counter, tmp_path / "all.pdf", progress=lambda done, total: seen.append((done, total)))
    assert batch.pages == 2 and seen[-1] == (2, 2)
    assert "张三" in text_of(batch.path)
    with counter.store.unit_of_work() as uow:
        assert [e.document for e in uow.print_log.recent(5)] == ["collection-notice", "collection-notice"]


def test_a_cancelled_batch_leaves_no_file_and_a_loan_not_overdue_is_refused(counter, tmp_path) -> None:
    make_overdue(counter)
    cancelled = print_collection(counter, tmp_path / "c.pdf", should_cancel=lambda: True)
    assert cancelled.cancelled and [p.name for p in tmp_path.iterdir()] == ["station"]  # no pdf, no .part
    with pytest.raises(PrintRefused) as refused:
        print_collection(counter, tmp_path / "x.pdf", loan_no="DK0000000002")
    assert refused.value.field == "loan" and "没有逾期" in refused.value.message


def test_the_cli_prints_one_or_every_overdue_loan(counter, data_dir, tmp_path, capsys) -> None:
    make_overdue(counter)
    make_overdue(counter, "DK0000000009", W.active, months=1)
    counter.close()
    assert main(["--data-dir", str(data_dir), "print", "collection", "--overdue", "--out", str(tmp_path / "a.pdf"),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"files": [str(tmp_path / "a.pdf")], "pages": 2}
    assert main(["--data-dir", str(data_dir), "print", "collection", "--loan", "DK0000000002", "--out",
                 str(tmp_path / "b.pdf"), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["errors"][0]["field"] == "loan"
