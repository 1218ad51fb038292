"""楼盘准入 through submit_application: a new project's 13 documents, an old project's back-fill, the
developer known or named, one pending admission per project, the receipt and the printed form."""

from __future__ import annotations

import subprocess
from pathlib import Path

from service_world import PROJECT, E, assert_accepted, assert_refused, good_form, submit_good

from counter_app.services import check_field, required_materials, submit_application
from counter_app.services.printing import print_form, print_receipt

KIND = "project-admission"
BACKFILL = {"admission_type": "backfill", "agreement_no": "HZ-2019-007", "agreement_date": "2019-06-01",
            "agreement_valid_until": "2029-05-31"}


def _refused_on(result, key: str, word: str) -> None:
    """Refused on ``key`` (after earlier accepted submissions, so the tables are not empty)."""
    assert not result.ok and result.receipt_number is None
    assert any(e.field == key and word in e.message for e in result.errors), result.errors


def _names(counter, form=None) -> list[str]:
    return [m.name for m in required_materials(counter, KIND, form or {})]


def test_new_project_needs_the_thirteen_documents_the_report_names_first(counter):
    names = _names(counter, {"admission_type": "new"})
    assert len(names) == 13
    assert names[:3] == ["住房公积金贷款合作申请表", "开发企业情况", "项目简介"]
    assert {"商品房预售许可证", "预售资金监管协议", "国有土地使用证", "法定代表人身份证明"} <= set(names)


def test_new_project_accepted_with_developer_from_the_store(counter):
    stored = assert_accepted(counter, submit_good(counter, KIND, buildings="１２", units=" 860 "), KIND)
    assert stored.subject_key == E.registered and stored.subject_name == "示范市南山机械有限公司"
    assert stored.fields["project_name"] == PROJECT and stored.fields["district"] == "01"
    assert (stored.fields["buildings"], stored.fields["units"]) == ("12", "860")
    assert len(stored.materials) == 13


def test_new_project_without_all_thirteen_refused_naming_the_missing(counter):
    form = good_form(counter, KIND)
    form["materials"] = [m for m in form["materials"] if m != "escrow_agreement"]
    assert_refused(counter, submit_application(counter, KIND, form), "materials", "预售资金监管协议")


def test_unknown_developer_must_be_named(counter):
    warned = check_field(counter, KIND, "uscc", E.unknown)
    assert warned.ok and "开发企业名称" in warned.warnings[0].message
    assert_refused(counter, submit_good(counter, KIND, uscc=E.unknown), "developer_name", "开发企业名称")
    stored = assert_accepted(counter, submit_good(counter, KIND, uscc=E.unknown, developer_name="示范市安居置业有限公司"), KIND)
    assert stored.subject_name == "示范市安居置业有限公司"


def test_counts_must_be_whole_numbers_and_units_at_least_buildings(counter):
    for bad in ("0", "十二", "1.5", "-3", "12345"):
        assert_refused(counter, submit_good(counter, KIND, buildings=bad), "buildings", "整数")
    assert_refused(counter, submit_good(counter, KIND, buildings="20", units="10"), "units", "楼栋数")


def test_district_is_one_of_the_citys(counter):
    assert_refused(counter, submit_good(counter, KIND, district="99"), "district", "城关区")
    stored = assert_accepted(counter, submit_good(counter, KIND, district="青山县"), KIND)
    assert stored.fields["district"] == "21"


def test_new_project_carries_no_agreement_of_its_own(counter):
    assert_refused(counter, submit_good(counter, KIND, agreement_no="HZ-1"), "agreement_no", "核准后")
    assert_refused(counter, submit_good(counter, KIND, on_file="项目简介"), "on_file", "老楼盘")


def test_backfill_needs_agreement_number_and_dates(counter):
    for key in ("agreement_no", "agreement_date", "agreement_valid_until"):
        form = {**BACKFILL, key: ""}
        assert_refused(counter, submit_good(counter, KIND, **form), key, "老楼盘补录须填写")
    assert_refused(counter, submit_good(counter, KIND, **{**BACKFILL, "agreement_valid_until": "2019-05-01"}),
                   "agreement_valid_until", "晚于签订日期")


def test_backfill_of_an_expired_agreement_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, **{**BACKFILL, "agreement_valid_until": "2026-11-22"}),
                   "agreement_valid_until", "已过期")
    assert_accepted(counter, submit_good(counter, KIND, **{**BACKFILL, "agreement_valid_until": "2026-11-23"}), KIND)


def test_backfill_asks_only_for_documents_the_old_file_lacks(counter):
    on_file = "住房公积金贷款合作申请表、开发企业情况，项目简介 business_license;国有土地使用证"
    names = _names(counter, {**BACKFILL, "on_file": on_file})
    assert len(names) == 8
    assert not {"住房公积金贷款合作申请表", "开发企业情况", "项目简介", "营业执照副本", "国有土地使用证"} & set(names)
    form = good_form(counter, KIND, **BACKFILL, on_file=on_file)
    assert len(form["materials"]) == 8
    stored = assert_accepted(counter, submit_application(counter, KIND, form), KIND)
    assert stored.fields["agreement_no"] == "HZ-2019-007" and "国有土地使用证" in stored.fields["on_file"]


def test_backfill_on_file_naming_no_document_of_the_business_refused(counter):
    assert_refused(counter, submit_good(counter, KIND, **BACKFILL, on_file="项目简介、购房合同"), "on_file", "购房合同")


def test_one_pending_admission_per_project_but_a_developer_may_have_several(counter):
    assert_accepted(counter, submit_good(counter, KIND), KIND)
    _refused_on(submit_good(counter, KIND, project_name=" 南山 花园 "), "project_name", "正在办理中")
    assert_accepted(counter, submit_good(counter, KIND, project_name="北坪雅苑"), KIND, seq=2)


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())


def test_receipt_and_form_show_the_project_and_the_centres_decision_box(counter, tmp_path):
    result = submit_good(counter, KIND, **BACKFILL, on_file="项目简介")
    assert result.ok, result.errors
    receipt = _text(print_receipt(counter, result.receipt_number, tmp_path / "r.pdf").path)
    assert "楼盘项目准入" in receipt and PROJECT in receipt and "HZ-2019-007" in receipt
    assert "示范市南山机械有限公司" in receipt
    form = _text(print_form(counter, result.receipt_number, tmp_path / "f.pdf").path)
    assert "住房公积金贷款楼盘项目合作准入申请表" in form and "管理中心审核意见" in form
    assert "示房预售证第2026018号" in form and "城关区" in form
