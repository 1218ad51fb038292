"""Coverage drive: targets (supervisor only), progress counting people once, staff-list import, candidates."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from service_world import TODAY, E, W, resident_id, submit_good, uscc

from counter_app.services import operations as ops
from counter_app.services.applications import cancel_application
from counter_app.store import AccountRecord, EmployerRecord

HALF = ("2026-07-01", "2026-12-31")


def add_account(counter, id_number: str, employer: str, opened_on: date) -> None:
    with counter.store.unit_of_work(write=True) as uow:
        uow.accounts.upsert(AccountRecord(account_no="N" + id_number[-11:], id_number=id_number,
                                          employer_uscc=employer, opened_on=opened_on))
        uow.commit()


def test_progress_counts_each_new_person_once_within_the_period(counter) -> None:
    assert ops.set_target(counter, 5000, *HALF).ok
    assert ops.coverage_report(counter) == {"target": 5000, "opened": 0, "ratio": "0.00"}
    first = submit_good(counter, "open-account")
    assert first.ok
    add_account(counter, W.stranger, E.registered, TODAY)  # the same person, pulled back from the centre
    add_account(counter, resident_id(date(1991, 1, 1), 17), E.registered, date(2026, 8, 1))
    add_account(counter, resident_id(date(1991, 1, 1), 27), E.registered, date(2026, 6, 30))  # before the period
    assert ops.coverage_report(counter) == {"target": 5000, "opened": 2, "ratio": "0.04"}
    assert cancel_application(counter, first.receipt_number, "填错").ok
    assert ops.coverage_report(counter)["opened"] == 2  # still opened by the centre's account


def test_cancelled_or_other_townships_do_not_count(counter) -> None:
    ops.set_target(counter, 3, *HALF)
    result = submit_good(counter, "open-account")
    cancel_application(counter, result.receipt_number, "申请人撤回")
    elsewhere = uscc("MA000009")
    with counter.store.unit_of_work(write=True) as uow:
        uow.employers.upsert(EmployerRecord(uscc=elsewhere, name="河东某公司", township="柳湾镇"))
        uow.commit()
    add_account(counter, resident_id(date(1992, 2, 2), 37), elsewhere, date(2026, 9, 1))
    assert ops.coverage_report(counter) == {"target": 3, "opened": 0, "ratio": "0.00"}


def test_township_targets_add_up_for_the_station(counter) -> None:
    assert ops.set_target(counter, 300, *HALF, township="南山镇").ok
    assert ops.set_target(counter, 200, *HALF, township="北坪镇").ok
    assert ops.set_target(counter, 10, *HALF, township="柳湾镇").errors[0].field == "township"
    add_account(counter, resident_id(date(1990, 3, 3), 47), E.registered, date(2026, 10, 1))  # 南山镇
    assert ops.coverage_report(counter) == {"target": 500, "opened": 1, "ratio": "0.20"}
    assert ops.coverage_report(counter, township="北坪镇") == {"target": 200, "opened": 0, "ratio": "0.00"}
    assert ops.set_target(counter, 400, *HALF, township="北坪镇").ok  # replaces, not adds
    assert ops.coverage_report(counter)["target"] == 700


def test_target_checks_and_no_target(counter) -> None:
    assert ops.coverage_report(counter) == {"target": 0, "opened": 0, "ratio": None}
    bad = ops.set_target(counter, "五千", "2026-12-31", "2026-07-01")
    assert sorted(e.field for e in bad.errors) == ["period_end", "target"]
    assert ops.set_target(counter, 100, "2026-13-01", HALF[1]).errors[0].field == "period_start"
    assert ops.list_targets(counter) == []


def test_only_the_supervisor_enters_a_target_once_there_are_clerks(staffed) -> None:
    refused = ops.set_target(staffed, 100, *HALF)
    assert refused.errors[0].field == "clerk" and "站长" in refused.errors[0].message
    assert ops.set_target(staffed, 100, *HALF, source="centre").ok  # the centre's figure is simply recorded
    staffed.clerk = "zhan"
    saved = ops.set_target(staffed, 120, *HALF)
    assert saved.ok and saved.value.set_by == "zhan" and saved.value.source == "supervisor"
    assert [t.target for t in ops.list_targets(staffed, TODAY)] == [120]


def write_csv(path, rows, encoding="utf-8-sig"):
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)


def test_staff_list_import_from_csv_and_xlsx_and_the_ranked_candidates(counter, tmp_path) -> None:
    big, small = uscc("MA000021"), uscc("MA000022")
    write_csv(tmp_path / "staff.csv", [
        ["统一社会信用代码", "单位名称", "参保人数", "乡镇", "联系电话"],
        [big, "示范市南山大型制造厂", "160", "南山镇", ""],
        [E.registered, "示范市南山机械有限公司", "30", "南山镇", ""],  # 7 normal accounts: 23 missing
        ["91620102MA00000000", "校验位错误的单位", "10", "南山镇", ""],
        [small, "示范市北坪小店", "-3", "北坪镇", ""],
    ], encoding="gb18030")
    result = ops.import_staff_counts(counter, tmp_path / "staff.csv")
    assert result.ok and result.value == 2
    assert [w.message[:3] for w in result.warnings] == ["第4行", "第5行"]
    book = Workbook()
    book.active.append(["uscc", "name", "insured_staff", "township", "contact_mobile"])
    book.active.append([small, "示范市北坪小店", 12, "北坪镇", "13900000000"])
    book.save(tmp_path / "more.xlsx")
    assert ops.import_staff_counts(counter, tmp_path / "more.xlsx").value == 1
    ranked = ops.coverage_candidates(counter)
    assert [(c.name, c.gap) for c in ranked] == [
        ("示范市南山大型制造厂", 160),
        ("示范市南山机械有限公司", 23), ("示范市北坪商贸有限公司", 35),  # one band (20–49): the registered one is easier
        ("示范市北坪小店", 12)]
    assert ranked[1].registered and ranked[1].ease == 1 and ranked[3].has_contact
    assert [c.uscc for c in ops.coverage_candidates(counter, township="北坪镇")] == [E.unregistered, small]


def test_import_refuses_unreadable_files(counter, tmp_path) -> None:
    (tmp_path / "x.txt").write_text("a")
    assert ops.import_staff_counts(counter, tmp_path / "x.txt").errors[0].field == "file"
    write_csv(tmp_path / "cols.csv", [["单位名称"], ["某单位"]])
    missing = ops.import_staff_counts(counter, tmp_path / "cols.csv")
    assert "统一社会信用代码" in missing.errors[0].message and "参保人数" in missing.errors[0].message
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    assert ops.import_staff_counts(counter, tmp_path / "bad.xlsx").errors[0].field == "file"


def test_ratio_uses_decimal_percent(counter) -> None:
    ops.set_target(counter, 3, *HALF)
    for n in (57, 67):
        add_account(counter, resident_id(date(1993, 4, 4), n), E.registered, date(2026, 11, 1))
    report = ops.coverage_report(counter)
    assert report["ratio"] == "66.67" and Decimal(report["ratio"]) == (Decimal(200) / 3).quantize(Decimal("0.01"))


def test_centre_head_counts_of_registered_employers_short_of_accounts(counter) -> None:
    with counter.store.unit_of_work(write=True) as uow:
        uow.employers.upsert(EmployerRecord(uscc=E.registered, name="示范市南山机械有限公司", township="南山镇",
                                            registered=True, insured_staff=10))
        uow.commit()
    found = {c.uscc: c for c in ops.coverage_candidates(counter)}
    assert found[E.registered].gap == 10 - 7 and found[E.registered].ease == 1  # 7 normal accounts in the world
    assert found[E.unregistered].gap == 35 and not found[E.unregistered].registered
    assert [c.uscc for c in ops.coverage_candidates(counter, township="南山镇")] == [E.registered]
