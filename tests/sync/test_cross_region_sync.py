"""楼盘准入 and 跨省通办 reach the real central PostgreSQL exactly once, across a lost acknowledgement;
the centre's admission (with its agreement) comes back and a loan may then name the project."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from station_helpers import factory

from counter_app.demo.codes import org_code
from counter_app.domain.ids import make_resident_id, make_uscc
from counter_app.domain.projects import agreement_note
from counter_app.services import find_projects, open_counter, required_materials, submit_application
from counter_app.store import AccountRecord, EmployerRecord, Store, WorkerRecord
from counter_app.sync import central_db, engine
from counter_app.sync.engine import sync_once

pytestmark = pytest.mark.postgres

MOVER = make_resident_id("620102", date(1990, 5, 15), 11)
LEAVER = make_resident_id("620102", date(1988, 3, 2), 23)
DEVELOPER = make_uscc("91620102" + org_code("MA000009"))
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
FORMS = {
    "project-admission": {
        "uscc": DEVELOPER, "admission_type": "new", "project_name": "南山花园", "project_address": "南山镇花园路1号",
        "district": "01", "buildings": "12", "units": "860", "land_cert_no": "示国用2025第0101号",
        "land_planning_permit_no": "地字0012", "works_planning_permit_no": "建字0031",
        "construction_permit_no": "620102202506150101", "presale_permit_no": "示房预售证2026018",
        "escrow_bank": "中国建设银行示范市分行", "escrow_account": "62001590000052500018"},
    "transfer-in": {"id_number": MOVER, "mobile": "13912345678", "source_city": "甘肃省兰州市",
                    "source_centre": "兰州住房公积金管理中心", "source_account": "620100123456", "amount": "12000"},
    "transfer-out": {"id_number": LEAVER, "mobile": "13912345678", "target_city": "陕西省西安市",
                     "target_centre": "西安住房公积金管理中心", "target_account": "610100123456"},
    "offsite-purchase-withdrawal": {
        "id_number": MOVER, "house_city": "陕西省西安市", "house_address": "西安市雁塔区科技路1号",
        "document_no": "XA-2026-0001", "event_date": "2026-08-01", "event_amount": "900000", "amount": "30000",
        "bank_card": "6222020000000000000"},
}


def station_with_workers(path: Path, code: str) -> None:
    store = Store.open(path)
    with store.unit_of_work(write=True) as uow:
        uow.settings.set("station_code", code)
        uow.employers.upsert(EmployerRecord(uscc=DEVELOPER, name="示范市安居置业有限公司"))
        for id_number, name, account_no in ((MOVER, "张三", "CG0100000001"), (LEAVER, "李四", "CG0100000002")):
            uow.workers.upsert(WorkerRecord(id_number=id_number, name=name))
            uow.accounts.upsert(AccountRecord(account_no=account_no, id_number=id_number, status="01",
                                              balance=Decimal("50000.00"), consecutive_months=36))
        uow.commit()
    store.close()


def test_each_business_reaches_the_centre_once_and_the_admission_comes_back(central, tmp_path, monkeypatch) -> None:
    station = central.add_station()
    station_with_workers(tmp_path / "s", station.code)
    counter = open_counter(tmp_path / "s", clock=lambda: NOW)
    try:
        taken = {}
        for kind, form in FORMS.items():
            materials = [m.code.split("|")[0] for m in required_materials(counter, kind, form)]
            result = submit_application(counter, kind, {**form, "materials": materials})
            assert result.ok, (kind, result.errors)
            taken[result.client_id] = (kind, result.receipt_number)
        real_settle = engine._settle
        monkeypatch.setattr(engine, "_settle", lambda *a: (_ for _ in ()).throw(OSError("crash before local ack")))
        with pytest.raises(OSError):
            sync_once(counter.store, factory(station))  # the centre has them; the station never heard back
        monkeypatch.setattr(engine, "_settle", real_settle)
        again = sync_once(counter.store, factory(station))
        with central.connect() as owner:
            held = owner.execute("SELECT client_id::text, kind FROM central.inbox WHERE station_code = %s",
                                 (station.code,)).fetchall()
        assert again.pushed == len(FORMS)
        assert sorted(held) == sorted((cid, kind) for cid, (kind, _r) in taken.items())  # each once, with its kind

        assert find_projects(counter, "南山") == []  # not admitted yet
        admission = next(r for kind, r in taken.values() if kind == "project-admission")
        with central.connect() as owner:
            central_db.decide(owner, admission, "approve", agreement_note("HZ2026-031", date(2029, 12, 31)), by="审批员")
        sync_once(counter.store, factory(station))
        [project] = find_projects(counter, "nshy")
        assert (project.name, project.agreement_no, project.valid_until) == ("南山花园", "HZ2026-031", date(2029, 12, 31))
    finally:
        counter.close()
