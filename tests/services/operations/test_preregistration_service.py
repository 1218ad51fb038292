"""多证合一 pre-registrations (企业预缴登记) through the services: import the feed (CSV, XLSX, GBK),
per-row errors, batches and cancel, statuses, establishment without retyping, counts in the report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from service_world import TODAY, E, receipt

from counter_app.domain.ids import make_uscc_of
from counter_app.services import operations as ops
from counter_app.services import required_materials
from counter_app.services.operations.preregistration import prefill_employer

HEADER = "统一社会信用代码,企业名称,法定代表人,住所,联系人,联系电话,成立日期,乡镇"
NEW = make_uscc_of("91620102", "MA01AB23")
OTHER = make_uscc_of("91620102", "MA01AB24")


def feed(tmp_path: Path, *rows: str, name: str = "feed.csv", encoding: str = "utf-8-sig") -> Path:
    path = tmp_path / name
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding=encoding)
    return path


GOOD = f"{NEW},示范市南山新材料有限公司,王强,示范市南山镇创业路3号,李梅,13912345678,2026-11-02,南山镇"
SECOND = f"{OTHER},示范市北坪餐饮管理有限公司,赵丽,示范市北坪镇人民路8号,赵丽,13712345678,2026-11-15,北坪镇"


def test_report_duozhengheyi_feed_is_imported_as_pre_registrations(counter, tmp_path):
    """报告：“开展好新办企业“多证合一”工作，确保住房公积金缴存登记与企业登记同步进行”: the registration
    feed's companies become pre-registered employers of the station, each bad row named by its line."""
    path = feed(tmp_path, GOOD, SECOND, "91620102MA01AB250X,坏代码公司,,,,,,", f"{make_uscc_of('91620121', 'MA01AB26')},,,,,,,",
                f"{NEW},示范市南山新材料有限公司,王强,示范市南山镇创业路3号,李梅,1391234,2026-11-02,南山镇")
    checked = ops.import_preregistrations(counter, path)
    assert checked.ok
    r = checked.value
    assert (r.rows, r.imported, r.refused, r.cancelled) == (5, 3, 2, False)  # NEW twice: stored twice, kept once
    errors = [p.message for p in r.problems if p.severity == "error"]
    assert errors[0].startswith("第4行：") and "校验位" in errors[0]
    assert errors[1] == "第5行：企业名称为空"
    notes = [p.message for p in r.problems if p.severity == "warning"]
    assert any(n.startswith("第6行：联系电话无效") for n in notes) and any("与第2行为同一单位" in n for n in notes)
    views = ops.list_preregistrations(counter)
    assert [v.record.uscc for v in views] == [OTHER, NEW]  # newest registration first
    new = ops.get_preregistration(counter, NEW)
    assert new.status == "pending" and new.record.contact_mobile is None  # the later row won, its bad phone dropped
    assert (new.record.district, new.record.source) == ("01", "feed.csv")


def test_xlsx_and_gbk_csv_feeds(counter, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["uscc", "name", "registered_on", "township"])
    sheet.append([NEW, "示范市南山新材料有限公司", date(2026, 11, 2), "南山镇"])
    book.save(tmp_path / "feed.xlsx")
    assert ops.import_preregistrations(counter, tmp_path / "feed.xlsx").value.imported == 1
    gbk = feed(tmp_path, SECOND, name="gbk.csv", encoding="gb18030")
    assert ops.import_preregistrations(counter, gbk).value.imported == 1
    assert ops.get_preregistration(counter, OTHER).record.name == "示范市北坪餐饮管理有限公司"
    assert ops.get_preregistration(counter, NEW).record.registered_on == date(2026, 11, 2)


def test_a_file_that_cannot_be_a_feed_is_refused_whole(counter, tmp_path):
    no_name = tmp_path / "bad.csv"
    no_name.write_text("统一社会信用代码,乡镇\n" + NEW + ",南山镇\n", encoding="utf-8")
    assert "企业名称" in ops.import_preregistrations(counter, no_name).errors[0].message
    (tmp_path / "x.txt").write_text("x")
    assert ops.import_preregistrations(counter, tmp_path / "x.txt").errors[0].field == "file"
    assert "找不到" in ops.import_preregistrations(counter, tmp_path / "nowhere.csv").errors[0].message
    (tmp_path / "empty.csv").write_bytes(b"")
    assert "空" in ops.import_preregistrations(counter, tmp_path / "empty.csv").errors[0].message
    assert ops.list_preregistrations(counter) == []


def _many(tmp_path: Path, n: int) -> Path:
    rows = [f"{make_uscc_of('91620102', f'PR{i:06d}')},示范市测试{i}号有限公司,,,,,2026-11-01,南山镇" for i in range(n)]
    return feed(tmp_path, *rows, name="many.csv")


def test_a_long_feed_is_written_in_batches_with_progress_and_can_be_cancelled(counter, tmp_path):
    path = _many(tmp_path, 1200)
    seen: list[tuple[int, int]] = []
    result = ops.import_preregistrations(counter, path, progress=lambda d, t: seen.append((d, t)), batch=500)
    assert result.value.imported == 1200 and seen == [(500, 1200), (1000, 1200), (1200, 1200)]
    other = tmp_path / "other"
    other.mkdir()
    stopped = ops.import_preregistrations(counter, _many(other, 1200), batch=500, should_cancel=lambda: True)
    assert stopped.value.cancelled and stopped.value.imported == 500  # stored batches stay, and it says so
    with counter.store.unit_of_work() as uow:
        assert uow.preregistrations.count() == 1200
        imports = uow.audit.recent(5, action="preregistration_import")
    assert [(a.details["imported"], a.details["cancelled"]) for a in imports] == [(500, True), (1200, False)]


def test_establishment_is_completed_from_the_record_without_retyping(counter, tmp_path):
    """The station completes a pre-registered company's establishment from its record."""
    ops.import_preregistrations(counter, feed(tmp_path, GOOD))
    form = prefill_employer(counter, NEW.lower())
    assert form == {"uscc": NEW, "employer_name": "示范市南山新材料有限公司", "legal_rep": "王强",
                    "employer_address": "示范市南山镇创业路3号", "contact_name": "李梅", "contact_mobile": "13912345678"}
    assert prefill_employer(counter, E.registered) is None and prefill_employer(counter, "123") is None
    rest = {"bank_name": "中国建设银行", "bank_account": "62000001234567890", "worker_ratio": "10",
            "employer_ratio": "10", "first_month": "2026-12",
            "materials": [m.any_of[0] for m in required_materials(counter, "establish-employer")]}
    result = ops.establish(counter, NEW, rest)
    assert result.ok, result.errors
    assert result.receipt_number == receipt(counter, 1)
    with counter.store.unit_of_work() as uow:
        stored = uow.applications.get_by_receipt(result.receipt_number)
    assert stored.fields["employer_name"] == "示范市南山新材料有限公司" and stored.fields["legal_rep"] == "王强"
    view = ops.get_preregistration(counter, NEW)
    assert (view.status, view.receipt_number) == ("accepted", result.receipt_number)
    assert ops.list_preregistrations(counter, pending_only=True) == []
    assert not ops.establish(counter, E.unknown, rest).ok  # not pre-registered


def test_report_counts_pre_registrations_as_a_separate_piece_of_work(counter, tmp_path):
    """报告：“上半年共计办理*笔企业预缴登记手续”: received and established in the half year, pending now."""
    ops.import_preregistrations(counter, feed(tmp_path, GOOD, SECOND))
    rest = {"bank_name": "中国建设银行", "bank_account": "62000001234567890", "worker_ratio": "10",
            "employer_ratio": "10", "first_month": "2026-12",
            "materials": [m.any_of[0] for m in required_materials(counter, "establish-employer")]}
    assert ops.establish(counter, NEW, rest).ok
    counts = ops.preregistration_counts(counter)
    assert counts.as_dict() == {"from": "2026-07-01", "to": TODAY.isoformat(), "received": 2, "established": 1,
                                "pending": 1}
    assert ops.preregistration_counts(counter, date(2026, 1, 1), date(2026, 6, 30)).received == 0
    summary = ops.daily_tables(counter, TODAY)[0]
    assert "企业预缴登记（多证合一）：接收 2 户，办理建制 1 户，待建制 1 户" in summary.notes
    table = ops.preregistration_table(ops.list_preregistrations(counter))
    assert [row[6] for row in table.rows] == ["待建制", "已受理建制"]


def test_a_company_the_centre_says_is_registered_is_done(counter, tmp_path):
    from counter_app.store import EmployerRecord

    ops.import_preregistrations(counter, feed(tmp_path, GOOD))
    with counter.store.unit_of_work(write=True) as uow:
        uow.employers.upsert(EmployerRecord(uscc=NEW, name="示范市南山新材料有限公司", registered=True))
        uow.commit()
    assert ops.get_preregistration(counter, NEW).status == "registered"

