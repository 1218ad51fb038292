"""Printing services: what reaches paper, reprint rules, the print log (PDFs read with pdftotext)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from service_world import E, W, complete, info_change_form, loan_form, open_account_form, withdrawal_form

from counter_app.domain.ids import mask_id_number
from counter_app.services import submit_application
from counter_app.services.printing import (
    LetterFilter,
    PrintRefused,
    count_letter_recipients,
    print_establishment_notice,
    print_form,
    print_history,
    print_letters,
    print_one_time_notice,
    print_receipt,
)


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())  # CJK layout spacing varies; compare without white space


def submitted(counter, kind, form):
    result = submit_application(counter, kind, complete(counter, kind, form))
    assert result.ok, result.errors
    return result.receipt_number


def test_receipt_masks_the_id_shows_china_time_and_logs(counter, tmp_path):
    number = submitted(counter, "withdrawal", withdrawal_form())
    printed = print_receipt(counter, number, tmp_path / "r.pdf")
    text = text_of(printed.path)
    assert number in text
    assert mask_id_number(W.active) in text and W.active not in text  # never the full ID on a receipt
    assert "2026-11-2310:00" in text  # accepted 02:00 UTC = 10:00 China Standard Time
    assert "人民币" in text  # the amount in capitals
    assert not printed.reprint
    [entry] = print_history(counter, number)
    assert entry.document == "receipt" and not entry.reprint and entry.pages == printed.pages


def test_second_print_is_a_reprint_with_a_reason(counter, tmp_path):
    number = submitted(counter, "open-account", open_account_form())
    print_receipt(counter, number, tmp_path / "first.pdf")
    with pytest.raises(PrintRefused) as refused:
        print_receipt(counter, number, tmp_path / "second.pdf")
    assert refused.value.field == "reprint_reason" and "补打" in refused.value.message
    again = print_receipt(counter, number, tmp_path / "second.pdf", reprint_reason="申请人遗失回执")
    assert again.reprint and "补打" in text_of(again.path) and "申请人遗失回执" in text_of(again.path)
    log = print_history(counter, number)
    assert [e.reprint for e in log].count(True) == 1
    assert any(e.reason == "申请人遗失回执" for e in log)


def test_unknown_receipt_is_refused(counter):
    with pytest.raises(PrintRefused) as refused:
        print_receipt(counter, "CG01-01-20261123-9999")
    assert refused.value.field == "receipt_number"


def test_loan_form_carries_both_repayment_methods(counter, tmp_path):
    number = submitted(counter, "loan", loan_form())
    text = text_of(print_form(counter, number, tmp_path / "loan.pdf").path)
    assert "等额本息" in text and "等额本金" in text and "利息总额" in text
    assert number in text


def test_info_change_form_shows_before_and_after(counter, tmp_path):
    number = submitted(counter, "info-change", info_change_form(new_mobile="13987654321"))
    text = text_of(print_form(counter, number, tmp_path / "change.pdf").path)
    assert "变更前" in text and "13987654321" in text


def test_one_time_notice_marks_what_is_missing(counter, tmp_path):
    form = {"id_number": W.active, "reason_code": "07", "variant": "public", "materials": ["id_card"]}
    printed = print_one_time_notice(counter, "withdrawal", form, tmp_path / "notice.pdf")
    text = text_of(printed.path)
    assert "一次性告知" in text and "租赁合同" in text
    assert "张三" in text  # the applicant, found from the store


def test_establishment_notice_cites_the_law_in_force_and_refuses_registered(counter, tmp_path):
    with pytest.raises(PrintRefused):
        print_establishment_notice(counter, E.registered)
    text = text_of(print_establishment_notice(counter, E.unregistered, tmp_path / "n.pdf").path)
    # 2026-11-23 is after the amended regulation's 2026-09-20: its penalty article and fines apply.
    assert "第三十九条" in text and "送达回证" in text
    assert E.unregistered in text


def test_letters_follow_the_filter_and_cancel_leaves_nothing(counter, tmp_path):
    everyone = count_letter_recipients(counter, LetterFilter())
    normal = count_letter_recipients(counter, LetterFilter(account_status="01"))
    assert 0 < normal < everyone
    seen = []
    result = print_letters(counter, "online-guide", tmp_path / "all.pdf", progress=lambda d, t: seen.append((d, t)))
    assert result.pages == everyone and seen[-1] == (everyone, everyone)
    cancelled = print_letters(counter, "online-guide", tmp_path / "none.pdf", should_cancel=lambda: True)
    assert cancelled.cancelled and not (tmp_path / "none.pdf").exists()
    with pytest.raises(PrintRefused):
        print_letters(counter, "no-such-template", tmp_path / "x.pdf")


def test_a_closed_day_takes_no_new_business_and_no_cancel_but_reprints(counter, tmp_path):
    from counter_app.services import cancel_application
    from counter_app.services.operations import close_day

    number = submitted(counter, "withdrawal", withdrawal_form())
    print_receipt(counter, number, tmp_path / "r.pdf")
    assert close_day(counter, out=tmp_path / "close.pdf").ok
    late = submit_application(counter, "open-account", complete(counter, "open-account", open_account_form()))
    assert not late.ok and [e.field for e in late.errors] == ["day"] and "已日结" in late.errors[0].message
    cancelled = cancel_application(counter, number, "申请人放弃")
    assert not cancelled.ok and cancelled.errors[0].field == "day"
    again = print_receipt(counter, number, tmp_path / "again.pdf", reprint_reason="遗失")  # reprints stay allowed
    assert again.reprint
