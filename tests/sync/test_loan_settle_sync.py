"""A settlement taken at the counter reaches the real central PostgreSQL once, across a lost
acknowledgement, and the centre's decision comes back."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from station_helpers import factory

from counter_app.domain.ids import make_resident_id
from counter_app.services import open_counter, submit_application
from counter_app.store import AccountRecord, LoanRecord, Store, WorkerRecord
from counter_app.sync import central_db, engine
from counter_app.sync.engine import sync_once

pytestmark = pytest.mark.postgres

BORROWER = make_resident_id("620102", date(1983, 1, 20), 41)


def station_with_a_borrower(path: Path, code: str) -> None:
    store = Store.open(path)
    with store.unit_of_work(write=True) as uow:
        uow.settings.set("station_code", code)
        uow.workers.upsert(WorkerRecord(id_number=BORROWER, name="赵六", sex="1", birth_date=date(1983, 1, 20)))
        uow.accounts.upsert(AccountRecord(account_no="CG0100000004", id_number=BORROWER, status="01",
                                          balance=Decimal("30000.00")))
        uow.loans.upsert(LoanRecord(
            loan_no="DK0000000001", id_number=BORROWER, principal=Decimal("400000.00"),
            outstanding=Decimal("310000.00"), annual_rate=Decimal("2.85"), months=240, method="01",
            start_date=date(2022, 6, 1), status="repaying",
        ))
        uow.commit()
    store.close()


def test_a_settlement_reaches_the_centre_once_and_its_decision_returns(central, tmp_path, monkeypatch) -> None:
    station = central.add_station()
    station_with_a_borrower(tmp_path / "s", station.code)
    counter = open_counter(tmp_path / "s", clock=lambda: datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    try:
        result = submit_application(counter, "loan-settle", {
            "id_number": BORROWER, "loan_no": "DK0000000001", "settle_date": "2026-11-23", "amount": "310539.92",
            "fund_amount": "10000", "materials": ["id_card", "loan_contract"]})
        assert result.ok, result.errors
        real_settle = engine._settle
        monkeypatch.setattr(engine, "_settle", lambda *a: (_ for _ in ()).throw(OSError("crash before local ack")))
        with pytest.raises(OSError):
            sync_once(counter.store, factory(station))  # the centre has it; the station never heard back
        monkeypatch.setattr(engine, "_settle", real_settle)
        again = sync_once(counter.store, factory(station))
        with central.connect() as owner:
            rows = owner.execute(
                "SELECT kind, fields->>'loan_no', fields->>'amount', fields->>'fund_amount' FROM central.inbox"
                " WHERE client_id = %s", (result.client_id,)).fetchall()
            total = owner.execute("SELECT count(*) FROM central.inbox WHERE station_code = %s",
                                  (station.code,)).fetchone()[0]
            central_db.decide(owner, result.receipt_number, "approve", by="审批员甲")
        assert again.pushed == 1 and total == 1
        assert rows == [("loan-settle", "DK0000000001", "310539.92", "10000.00")]
        sync_once(counter.store, factory(station))
        with counter.store.unit_of_work() as uow:
            record = uow.applications.get_by_client_id(result.client_id)
            pending = uow.outbox.count_pending()
        assert record is not None and record.status == "approved" and pending == 0
    finally:
        counter.close()
