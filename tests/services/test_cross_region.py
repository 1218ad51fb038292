"""跨省通办 intake through submit_application: transfers in and out, and a house bought in another city."""

from __future__ import annotations

import subprocess
from pathlib import Path

from service_world import W, assert_accepted, assert_refused, submit_good

from counter_app.services import required_materials
from counter_app.services.printing import print_receipt


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())


# --- transfer in ----------------------------------------------------------------------------

def test_transfer_in_accepted_and_the_receipt_says_when_the_money_comes(counter, tmp_path):
    stored = assert_accepted(counter, submit_good(counter, "transfer-in", amount="23,456.7"), "transfer-in")
    assert stored.fields["amount"] == "23456.70" and stored.fields["source_centre"] == "兰州住房公积金管理中心"
    text = _text(print_receipt(counter, stored.receipt_number, tmp_path / "r.pdf").path)
    assert "异地转移接续（转入）" in text and "资金到账" in text and "预计办结" in text
    assert "人民币贰万叁仟肆佰伍拾陆元柒角" in text or "贰万叁仟肆佰伍拾陆元柒角" in text


def test_transfer_in_needs_an_account_here_that_is_normal(counter):
    assert_refused(counter, submit_good(counter, "transfer-in", id_number=W.stranger), "id_number", "开户")
    assert_refused(counter, submit_good(counter, "transfer-in", id_number=W.frozen), "id_number", "正常缴存")


def test_transfer_in_source_centre_must_be_a_fund_centre_and_one_at_a_time(counter):
    assert_refused(counter, submit_good(counter, "transfer-in", source_centre="兰州市"), "source_centre", "全称")
    assert_accepted(counter, submit_good(counter, "transfer-in"), "transfer-in")
    again = submit_good(counter, "transfer-in")
    assert not again.ok and any("正在办理中" in e.message for e in again.errors)


# --- transfer out ---------------------------------------------------------------------------

def test_transfer_out_accepted_with_a_warning_that_the_account_closes(counter):
    result = submit_good(counter, "transfer-out")
    stored = assert_accepted(counter, result, "transfer-out")
    assert stored.fields["target_account"] == "610100123456"
    assert any("销户" in w.message for w in result.warnings)


def test_transfer_out_refused_with_a_live_fund_loan_or_a_frozen_account(counter):
    assert_refused(counter, submit_good(counter, "transfer-out", id_number=W.borrower), "id_number", "结清")
    assert_refused(counter, submit_good(counter, "transfer-out", id_number=W.frozen), "id_number", "不能办理转出")


def test_transfer_out_refused_while_a_withdrawal_is_pending(counter):
    assert_accepted(counter, submit_good(counter, "withdrawal"), "withdrawal")
    refused = submit_good(counter, "transfer-out")
    assert not refused.ok and any("提取或转出申请正在办理中" in e.message for e in refused.errors)


# --- offsite purchase withdrawal ------------------------------------------------------------

def test_offsite_purchase_needs_that_citys_documents(counter):
    names = [m.name for m in required_materials(counter, "offsite-purchase-withdrawal", {})]
    assert {"购房合同", "购房发票", "购房地商品房买卖合同网签备案证明"} <= set(names)


def test_offsite_purchase_withdrawal_accepted_within_the_purchase_limits(counter):
    stored = assert_accepted(counter, submit_good(counter, "offsite-purchase-withdrawal"), "offsite-purchase-withdrawal")
    assert stored.fields["house_city"] == "陕西省西安市" and stored.fields["amount"] == "30000.00"


def test_offsite_purchase_withdrawal_over_the_price_paid_or_the_balance_refused(counter):
    assert_refused(counter, submit_good(counter, "offsite-purchase-withdrawal", event_amount="20000"), "amount")
    assert_refused(counter, submit_good(counter, "offsite-purchase-withdrawal", amount="50000", event_amount="900000"),
                   "amount")


def test_offsite_purchase_older_than_the_policy_window_refused(counter):
    assert_refused(counter, submit_good(counter, "offsite-purchase-withdrawal", event_date="2024-01-10"), "event_date")


def test_offsite_and_local_withdrawals_draw_on_one_balance(counter):
    assert_accepted(counter, submit_good(counter, "offsite-purchase-withdrawal", amount="45000"),
                    "offsite-purchase-withdrawal")
    second = submit_good(counter, "offsite-purchase-withdrawal", amount="6000", document_no="XA-2026-77")
    assert not second.ok and any(e.field == "amount" for e in second.errors)
