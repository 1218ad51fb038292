"""Printing to a real CUPS server (the suite's own cupsd with cups-pdf queues): receipts, forms,
one-time notices and a 200-letter batch arrive as jobs whose PDFs we read back with poppler.

cups-pdf's output keeps pages, paper and ASCII text (receipt numbers) but not the CJK text layer
(it re-distils through PostScript), so Chinese text is read from the job as CUPS received it.
"""

from __future__ import annotations

import itertools
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from service_world import W, complete, withdrawal_form

from counter_app.printing.spool import SpoolError, spooler
from counter_app.services import submit_application
from counter_app.services.print_jobs import (
    check_printer,
    list_printers,
    print_letters_to_printer,
    send_to_printer,
)
from counter_app.services.printing import print_form, print_one_time_notice, print_receipt
from counter_app.services.settings import save_settings
from counter_app.store.records import WorkerRecord


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def pages(path: Path) -> int:
    return int(pdfinfo(path)["Pages"])


def paper(path: Path) -> str:
    return re.search(r"\((\w+)\)", pdfinfo(path)["Page size"]).group(1)


def text(path: Path) -> str:
    return "".join(subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                                  text=True).stdout.split())


def receipt_number(counter) -> str:
    result = submit_application(counter, "withdrawal", complete(counter, "withdrawal", withdrawal_form()))
    assert result.ok, result.errors
    return result.receipt_number


def add_workers(counter, n: int) -> None:
    with counter.store.unit_of_work(write=True) as uow:
        for i in range(n):
            uow.workers.upsert(WorkerRecord(
                id_number=f"9{i:017d}", name=f"收件人{i:03d}", sex="1", birth_date=date(1990, 1, 1),
                address=f"示范市南山镇幸福路{i}号", postcode="311300", township="南山镇"))
        uow.commit()


def test_the_printers_of_the_print_service_with_their_options(print_server) -> None:
    listed = list_printers()
    assert listed.default == "counter-a4"
    by_name = {p.name: p for p in listed.printers}
    assert set(by_name) == {"counter-a4", "counter-receipt", "office-duplex"}
    assert {"A4", "A5"} <= set(by_name["counter-receipt"].papers) and not by_name["counter-receipt"].duplex
    assert by_name["office-duplex"].duplex and by_name["office-duplex"].accepting
    shape = listed.as_json()
    assert shape["default"] == "counter-a4"
    assert set(shape["printers"][0]) == {"name", "info", "state", "accepting", "default", "media", "duplex"}


def test_a_receipt_goes_to_the_small_printer_on_a5_and_arrives_whole(print_server, counter, tmp_path) -> None:
    save_settings(counter, {"printer_receipt": "counter-receipt", "paper_receipt": "A5"})
    number = receipt_number(counter)
    printed = print_receipt(counter, number)
    job = send_to_printer(counter, printed.path, "receipt", subject=number)
    assert job.printer == "counter-receipt" and job.route == "cups" and job.job_id > 0
    assert job.bytes == printed.path.stat().st_size < 300_000  # the vector PDF itself, not a bitmap
    landed = print_server.job_pdf("counter-receipt", job.job_id)
    assert pages(landed) == printed.pages == 1 and paper(landed) == "A5"
    assert number in text(landed)


def test_a_form_and_a_one_time_notice_go_to_the_a4_printer(print_server, counter) -> None:
    number = receipt_number(counter)
    form = print_form(counter, number)
    job = send_to_printer(counter, form.path, "form", subject=number)  # no printer set: the system default
    landed = print_server.job_pdf("counter-a4", job.job_id)
    assert job.printer == "counter-a4" and pages(landed) == form.pages and paper(landed) == "A4"
    assert number in text(landed)

    notice = print_one_time_notice(counter, "withdrawal", {"id_number": W.active, "reason_code": "07",
                                                          "variant": "public", "materials": ["id_card"]})
    job = send_to_printer(counter, notice.path, "one_time_notice", copies=2)
    landed = print_server.job_pdf("counter-a4", job.job_id)
    assert pages(landed) == notice.pages  # cups-pdf leaves copies to the "device": the job carries them
    assert print_server.connection().getJobAttributes(job.job_id, requested_attributes=["copies"])["copies"] == 2
    assert notice.number in text(landed)
    # cups-pdf re-distils through PostScript and loses the CJK text layer (not the glyphs): the
    # document as the print service received it is our own PDF, text and all.
    assert "一次性告知" in text(print_server.job_document(job.job_id))


def test_options_the_printer_cannot_honour_are_refused_before_anything_prints(print_server, counter) -> None:
    with pytest.raises(SpoolError) as refused:
        check_printer(counter, "receipt", printer="counter-a4", duplex=True)
    assert refused.value.field == "duplex" and "不支持双面" in refused.value.message
    with pytest.raises(SpoolError) as refused:
        check_printer(counter, "receipt", printer="no-such-printer")
    assert refused.value.field == "printer" and "counter-receipt" in refused.value.message
    with pytest.raises(SpoolError) as refused:
        check_printer(counter, "receipt", printer="counter-a4", copies=0)
    assert refused.value.field == "copies"


def test_duplex_and_copies_reach_the_job(print_server, counter) -> None:
    save_settings(counter, {"printer_form": "office-duplex", "duplex_form": True})
    form = print_form(counter, receipt_number(counter))
    job = send_to_printer(counter, form.path, "form", copies=3)
    attrs = print_server.connection().getJobAttributes(job.job_id, requested_attributes=["sides", "copies", "media"])
    assert attrs["sides"] == "two-sided-long-edge" and attrs["copies"] == 3 and "a4" in attrs["media"]


def test_a_stopped_queue_says_so_in_chinese(print_server, counter, tmp_path) -> None:
    conn = print_server.connection()
    conn.rejectJobs("counter-receipt")
    try:
        with pytest.raises(SpoolError) as refused:
            check_printer(counter, "receipt", printer="counter-receipt")
        assert "暂停接收任务" in refused.value.message
    finally:
        conn.acceptJobs("counter-receipt")


def test_200_letters_arrive_as_whole_jobs_numbered_in_one_count(print_server, counter) -> None:
    add_workers(counter, 200)
    seen: list[tuple[int, int]] = []
    sent = print_letters_to_printer(counter, "online-guide", "counter-a4", limit=200, per_job=80,
                                    progress=lambda done, total: seen.append((done, total)))
    assert not sent.cancelled and sent.letters == 200 and len(sent.jobs) == 3
    landed = [print_server.job_pdf("counter-a4", job.job_id) for job in sent.jobs]
    assert [pages(p) for p in landed] == [80, 80, 40]
    received = [print_server.job_document(job.job_id) for job in sent.jobs]
    assert "第1封" in text(received[0]) and "第81封" in text(received[1]) and "第200封" in text(received[2])
    assert "第80封" in text(received[0]) and "第161封" in text(received[2])
    assert seen[-1] == (200, 200) and all(a <= b for a, b in itertools.pairwise(seen))


def test_cancelled_letters_leave_no_half_job(print_server, counter) -> None:
    """Cancel after two jobs: the file being written is never sent and waiting jobs are taken back."""
    add_workers(counter, 200)
    conn = print_server.connection()
    conn.disablePrinter("counter-a4")  # the printer holds the jobs, as a busy one would
    calls = {"n": 0}

    def cancel_after_two_jobs() -> bool:
        calls["n"] += 1
        return len(conn.getJobs(which_jobs="not-completed")) >= 2 and calls["n"] > 1

    try:
        sent = print_letters_to_printer(counter, "online-guide", "counter-a4", limit=200, per_job=50,
                                        should_cancel=cancel_after_two_jobs)
        assert sent.cancelled and len(sent.withdrawn) == 2 and sent.jobs == () and sent.letters == 0
        assert all(print_server.job_state(job_id) == 7 for job_id in sent.withdrawn)  # cancelled in CUPS
        assert not conn.getJobs(which_jobs="not-completed")
    finally:
        conn.enablePrinter("counter-a4")
    before = {p.name for p in print_server.queues["counter-a4"].out_dir.iterdir()}
    print_server.wait_for_jobs()
    assert {p.name for p in print_server.queues["counter-a4"].out_dir.iterdir()} == before  # nothing printed


def test_cancel_while_rendering_sends_nothing(print_server, counter) -> None:
    add_workers(counter, 120)
    spool = spooler()
    before = {j for j in print_server.connection().getJobs(which_jobs="all")}
    sent = print_letters_to_printer(counter, "online-guide", "counter-a4", limit=120, per_job=500,
                                    should_cancel=lambda: True, spool=spool)
    assert sent.cancelled and sent.jobs == () and sent.letters == 0
    assert {j for j in print_server.connection().getJobs(which_jobs="all")} == before


def test_the_raster_fallback_reaches_the_same_print_service(print_server, counter, qapp) -> None:
    """Without pycups, Qt's own printing (300 dpi pages) goes to the same printers."""
    number = receipt_number(counter)
    printed = print_receipt(counter, number)
    before = set(print_server.connection().getJobs(which_jobs="all"))
    job = send_to_printer(counter, printed.path, "receipt", printer="counter-receipt", spool=spooler(route="raster"))
    assert job.route == "raster" and job.job_id is None  # Qt does not tell the job id
    [job_id] = set(print_server.connection().getJobs(which_jobs="all")) - before
    landed = print_server.job_pdf("counter-receipt", job_id)
    assert pages(landed) == 1 and paper(landed) == "A5"
