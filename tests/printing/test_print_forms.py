"""Application forms: one renderer for all six, field and table sections, signatures, seal."""

from __future__ import annotations

from decimal import Decimal

import pytest

from counter_app.domain.money import format_money
from counter_app.printing.forms import (
    FieldChange,
    FieldSection,
    FormData,
    RepaymentOption,
    TableSection,
    change_section,
    render_form,
    schedule_section,
)

COMMON = dict(centre_name="示范市住房公积金管理中心", station_name="青山镇服务站", clerk="李晓梅")
PERSON = FieldSection("身份信息", (("证件号码", "11010519491231002X"), ("姓名", "买买提·艾力\U00020bb7"),
                                  ("通讯地址", "示范市青山镇幸福路88号幸福家园小区3幢2单元501室（靠近镇政府）")))
EMPLOYER = FieldSection("单位信息", (("统一社会信用代码", "91330100MA2H3K4L5X"), ("单位名称", "示范市绿野农业科技有限公司")))
LOAN_OPTIONS = [
    RepaymentOption("等额本息", Decimal("4270.16"), Decimal("4270.13"), Decimal("537257.20"), Decimal("1537257.20")),
    RepaymentOption("等额本金", Decimal("5361.11"), Decimal("2784.95"), Decimal("466291.67"), Decimal("1466291.67")),
]
CHANGES = [FieldChange("手机号码", "13800138000", "13912345678"), FieldChange("婚姻状况", "", "已婚")]

FORMS = {
    "住房公积金个人账户设立登记表": (PERSON, FieldSection("缴存信息", (("缴存基数（元/月）", "6,500.00"),))),
    "住房公积金单位缴存登记表": (EMPLOYER,),
    "住房公积金提取申请表": (PERSON, FieldSection("提取信息", (("提取原因", "租赁住房"), ("提取金额（元）", "16,409.02")))),
    "个人住房公积金贷款申请受理单": (PERSON, schedule_section(LOAN_OPTIONS)),
    "住房公积金个人信息变更确认单": (PERSON, change_section(CHANGES)),
    "住房公积金单位缓缴申请表": (EMPLOYER, FieldSection("缓缴信息", (("缓缴起止", "2025-07 至 2025-12"),))),
}


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("page_size", ["A4", "A5"])
@pytest.mark.parametrize("title", list(FORMS))
def test_each_form_prints_its_title_sections_values_and_signature_lines(tmp_path, pdf, title, page_size):
    employer = FORMS[title][0] is EMPLOYER
    data = FormData(title=title, number="QS01-T1-20250603-0001", sections=FORMS[title], seal=employer, **COMMON)
    out = tmp_path / "form.pdf"
    pages = render_form(data, out, page_size=page_size)
    assert pages == pdf.pages(out) >= 1
    text = flat(pdf.text(out))
    assert title in text and "QS01-T1-20250603-0001" in text
    for section in data.sections:
        assert section.title in text
        cells = section.fields if isinstance(section, FieldSection) else section.rows
        for cell in (c for row in cells for c in row):
            assert flat(cell) in text
    assert "申请人（签字）" in text and "经办人（签字）" in text
    assert ("单位盖章" in text) == employer
    assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in pdf.fonts(out))


def test_loan_form_compares_both_repayment_methods(tmp_path, pdf):
    out = tmp_path / "loan.pdf"
    render_form(FormData(title="个人住房公积金贷款申请受理单", number="N1", sections=FORMS["个人住房公积金贷款申请受理单"],
                         **COMMON), out)
    text = flat(pdf.text(out))
    for option in LOAN_OPTIONS:
        assert option.method in text
        assert format_money(option.first_payment) in text and format_money(option.total_interest) in text


def test_change_section_shows_before_and_after_with_empty_values_named():
    section = change_section(CHANGES)
    assert isinstance(section, TableSection)
    assert section.header == ("变更项目", "变更前", "变更后")
    assert section.rows == (("手机号码", "13800138000", "13912345678"), ("婚姻状况", "（空）", "已婚"))


def test_a_long_form_flows_onto_more_pages_and_the_footer_counts_them(tmp_path, pdf):
    many = FieldSection("明细", tuple((f"项目{i}", "内容" * 30) for i in range(60)))
    out = tmp_path / "long.pdf"
    pages = render_form(FormData(title="住房公积金提取申请表", number="N2", sections=(many,), **COMMON), out,
                        page_size="A5")
    assert pages == pdf.pages(out) > 2
    assert f"第{pages}页/共{pages}页" in flat(pdf.text(out, first=pages, last=pages))
