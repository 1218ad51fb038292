"""Acceptance receipts: key fields, masked ID, capitals, reprint mark, QR code, fonts."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.domain.ids import make_resident_id
from counter_app.domain.money import format_money, to_capitals
from counter_app.printing.receipt import ReceiptData, qr_payload, render_receipt, verification_code

RARE_NAME = "买买提·艾力\U00020bb7"
FULL_ID = "11010519491231002X"
MASKED_ID = "110105********002X"

# (business title as the catalog gives it, subject, amount)
BUSINESSES = [
    ("个人住房公积金账户设立", "person", None),
    ("单位住房公积金缴存登记（建制）", "employer", None),
    ("住房公积金提取", "person", Decimal("16409.02")),
    ("个人住房公积金贷款受理", "person", Decimal("1000000")),
    ("个人信息变更", "person", None),
    ("单位住房公积金缓缴", "employer", None),
]


def make_receipt(**changes) -> ReceiptData:
    data = ReceiptData(
        centre_name="示范市住房公积金管理中心", station_name="青山镇服务站",
        receipt_number="QS01-T1-20250603-0007", client_id="0190f5c2-7a1b-7cc3-8e4d-123456789abc",
        accepted_at=datetime(2025, 6, 3, 9, 41), business="住房公积金提取",
        applicant_name=RARE_NAME, id_number=FULL_ID, account="2010000123456",
        amount=Decimal("16409.02"), details=(("提取原因", "租赁住房"),),
        materials_received=("居民身份证原件及复印件", "房屋租赁合同"),
        materials_missing=("本人及配偶无房证明",), expected_decision=date(2025, 6, 6),
        clerk="李晓梅", station_phone="0571-12329",
    )
    return replace(data, **changes)


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("page_size", ["A4", "A5"])
@pytest.mark.parametrize(("business", "subject", "amount"), BUSINESSES)
def test_every_business_kind_prints_its_key_fields(tmp_path, pdf, business, subject, amount, page_size):
    employer = subject == "employer"
    data = make_receipt(business=business, subject=subject, amount=amount,
                        applicant_name="示范市绿野农业科技有限公司" if employer else RARE_NAME,
                        id_number="91330100MA2H3K4L5X" if employer else FULL_ID)
    out = tmp_path / "receipt.pdf"
    assert render_receipt(data, out, page_size=page_size) == 1 == pdf.pages(out)
    text = flat(pdf.text(out))
    for expected in (data.receipt_number, business, "李晓梅", "青山镇服务站", "本人及配偶无房证明",
                     "2025年06月06日", verification_code(data.receipt_number, data.client_id)):
        assert expected in text
    if employer:
        assert "91330100MA2H3K4L5X" in text  # a USCC is public: printed whole
    else:
        assert MASKED_ID in text and FULL_ID not in text
        assert RARE_NAME in text  # read back through the fallback font's Unicode map
    if amount is not None:
        assert to_capitals(amount) in text and f"¥{format_money(amount)}" in text
    else:
        assert "人民币" not in text


def test_capitals_follow_the_pboc_example(tmp_path, pdf):
    out = tmp_path / "r.pdf"
    render_receipt(make_receipt(amount=Decimal("16409.02")), out)
    assert "人民币壹万陆仟肆佰零玖元零贰分" in flat(pdf.text(out))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(birth=st.dates(min_value=date(1930, 1, 1), max_value=date(2008, 12, 31)),
       seq=st.integers(min_value=1, max_value=999), lower=st.booleans())
def test_the_full_id_never_appears_even_inside_other_texts(tmp_path, pdf, birth, seq, lower):
    full = make_resident_id("330106", birth, seq)
    typed = full.lower() if lower else full
    data = make_receipt(id_number=typed, details=(("备注", f"申请人证件{typed}已核验"),),
                        materials_received=(f"身份证{full}复印件",))
    out = tmp_path / f"{full}.pdf"
    render_receipt(data, out)
    text = flat(pdf.text(out)).upper()
    assert full not in text
    assert text.count(full[:6] + "*" * 8 + full[-4:]) == 3


def test_reprint_is_marked_with_its_reason_and_an_ordinary_receipt_is_not(tmp_path, pdf):
    ordinary, again = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_receipt(make_receipt(), ordinary)
    render_receipt(make_receipt(reprint=True, reprint_reason="原回执遗失"), again)
    assert "补打" not in pdf.text(ordinary)
    text = flat(pdf.text(again))
    assert text.count("补打") >= 3  # title, banner, watermark
    assert "补打原因：原回执遗失" in text


def test_verification_code_is_the_first_8_hex_of_sha256_over_number_and_client_id():
    expected = hashlib.sha256(b"QS01-T1-20250603-0007|abc").hexdigest()[:8]
    assert verification_code("QS01-T1-20250603-0007", "abc") == expected
    assert verification_code("QS01-T1-20250603-0007", "abd") != expected
    assert qr_payload("QS01-T1-20250603-0007", "abc") == f"QS01-T1-20250603-0007|{expected}"


@pytest.mark.parametrize("page_size", ["A4", "A5"])
def test_fonts_are_embedded_subsets_and_the_rare_character_uses_the_fallback(tmp_path, pdf, page_size):
    out = tmp_path / "r.pdf"
    render_receipt(make_receipt(), out, page_size=page_size)
    rows = pdf.fonts(out)
    assert rows and all(r["emb"] == "yes" and r["sub"] == "yes" for r in rows)
    assert {r["name"].split("+")[1] for r in rows} == {"WenQuanYiZenHei-0", "HanaMinA"}
    drawn = pdf.mapped_chars(out)
    assert "\U00020bb7" in drawn["HanaMinA"]
    assert "\U00020bb7" not in drawn["WenQuanYiZenHei-0"]
    assert "·" in drawn["WenQuanYiZenHei-0"]


def test_page_sizes_are_a4_and_a5(tmp_path, pdf):
    for name, size in (("A4", (595.3, 841.9)), ("A5", (419.5, 595.3))):
        out = tmp_path / f"{name}.pdf"
        render_receipt(make_receipt(), out, page_size=name)
        assert pdf.page_size(out) == pytest.approx(size, abs=0.5)


def test_renders_into_a_binary_file_object():
    buffer = io.BytesIO()
    assert render_receipt(make_receipt(), buffer) == 1
    assert buffer.getvalue().startswith(b"%PDF-")


def test_unknown_paper_size_is_refused_in_chinese(tmp_path):
    with pytest.raises(ValueError, match="纸张"):
        render_receipt(make_receipt(), tmp_path / "x.pdf", page_size="B5")
