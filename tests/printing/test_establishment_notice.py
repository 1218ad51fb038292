"""Legal notices with their delivery receipts: establishment (责令限期办理通知书) and arrears
(责令限期缴存通知书, 条例第三十八条)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from counter_app.printing.notice import (
    ArrearsNoticeData,
    EstablishmentNoticeData,
    fine_text,
    render_arrears_notice,
    render_notice,
)

NOTICE = EstablishmentNoticeData(
    centre_name="示范市住房公积金管理中心", station_name="青山镇服务站", notice_number="示公积责〔2025〕第0007号",
    notice_date=date(2025, 6, 3), employer_name="示范市绿野农业科技有限公司", uscc="91330100MA2H3K4L5X",
    employer_address="示范市青山镇工业园区创业大道18号", investigated_on=date(2025, 5, 20),
    facts=("未办理住房公积金缴存登记", "未为本单位职工办理住房公积金账户设立手续"),
    legal_article="《住房公积金管理条例》第三十九条", legal_basis="单位不办理住房公积金缴存登记的，责令限期办理。",
    deadline=date(2025, 7, 3), fine_min=Decimal("50000"), fine_max=Decimal("300000"),
    duty_article="《住房公积金管理条例》第十四条", statement_period="5个工作日", contact_phone="0571-12329",
)
ARREARS = ArrearsNoticeData(
    centre_name="示范市住房公积金管理中心", station_name="青山镇服务站", notice_number="QS01-T01-20261123-0002",
    notice_date=date(2026, 11, 23), employer_name="示范市南山机械有限公司", uscc="91330100MA2H3K4L5X",
    employer_address="示范市南山镇工业路1号", investigated_on=date(2026, 11, 20), arrears_from="2026-01",
    arrears_to="2026-06", arrears_amount=Decimal("86400.00"), legal_article="《住房公积金管理条例》第三十八条",
    legal_basis="违反本条例的规定，单位逾期不缴或者少缴住房公积金的，由住房公积金管理中心责令限期缴存；"
                "逾期仍不缴存的，可以申请人民法院强制执行。",
    duty_article="《住房公积金管理条例》第二十条", deadline=date(2026, 12, 23), statement_period="5个工作日",
    contact_address="示范市城关区人民路88号", contact_phone="12329",
)


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("page_size", ["A4", "A5"])
def test_notice_prints_facts_legal_basis_deadline_fine_rights_and_delivery_receipt(tmp_path, pdf, page_size):
    out = tmp_path / "notice.pdf"
    pages = render_notice(NOTICE, out, page_size=page_size)
    assert pages == pdf.pages(out)
    text = flat(pdf.text(out))
    for expected in (NOTICE.notice_number, NOTICE.employer_name, NOTICE.uscc, NOTICE.employer_address,
                     *NOTICE.facts, "2025年05月20日", NOTICE.legal_article, NOTICE.legal_basis,
                     NOTICE.duty_article, "2025年07月03日", "5万元以上30万元以下", "5个工作日内", "陈述和申辩",
                     "听证", "（盖章）", "2025年06月03日", "盖章处"):
        assert flat(expected) in text, expected
    slip = flat(pdf.text(out, first=pages, last=pages))  # the slip is whole on the last page
    for expected in ("沿此线剪开", "送达回证", "受送达人签名或盖章", "直接送达", "邮寄送达", "签收日期"):
        assert expected in slip


def test_the_citation_comes_from_the_data_not_from_code(tmp_path, pdf):
    old = tmp_path / "old.pdf"
    from dataclasses import replace
    render_notice(replace(NOTICE, legal_article="《住房公积金管理条例》第三十七条", fine_min=Decimal("10000"),
                          fine_max=Decimal("50000")), old)
    text = flat(pdf.text(old))
    assert "第三十七条" in text and "第三十九条" not in text and "1万元以上5万元以下" in text


def test_a4_notice_keeps_the_slip_on_its_single_page(tmp_path, pdf):
    assert render_notice(NOTICE, tmp_path / "n.pdf", page_size="A4") == 1


@pytest.mark.parametrize(("amount", "text"), [
    (Decimal("10000"), "1万元"), (Decimal("300000"), "30万元"), (Decimal("12345.6"), "12,345.60元"),
    (Decimal("0"), "0.00元"),
])
def test_fine_text(amount, text):
    assert fine_text(amount) == text


def test_statement_period_is_printed_as_the_policy_words_it(tmp_path, pdf):
    """The issue: “The statement period prints "5日内" where the policy says 5 working days.”"""
    out = tmp_path / "n.pdf"
    render_notice(NOTICE, out)
    text = flat(pdf.text(out))
    assert "5个工作日内" in text and "之日起5日内" not in text


def test_arrears_notice_orders_payment_by_its_deadline_then_court_enforcement(tmp_path, pdf):
    """条例第三十八条：“责令限期缴存；逾期仍不缴存的，可以申请人民法院强制执行”."""
    out = tmp_path / "arrears.pdf"
    pages = render_arrears_notice(ARREARS, out)
    assert pages == 1 == pdf.pages(out)
    text = flat(pdf.text(out))
    for expected in ("责令限期缴存住房公积金通知书", ARREARS.notice_number, ARREARS.employer_name, ARREARS.uscc,
                     "2026年1月至2026年6月", "86,400.00元", "人民币捌万陆仟肆佰元整", "第二十条", "按时、足额缴存",
                     "第三十八条", flat(ARREARS.legal_basis), "2026年12月23日前", "足额缴存上述住房公积金",
                     "申请人民法院强制执行", "5个工作日内", "送达回证", "受送达人签名或盖章"):
        assert flat(expected) in text, expected
    assert "罚款" not in text  # arrears carry no fine: the court enforces payment
