"""Every post-loan business taken at the counter reaches the real central PostgreSQL exactly once,
across a lost acknowledgement; the centre's inbox accepts the kinds from the registry."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from station_helpers import factory
from test_loan_settle_sync import BORROWER, station_with_a_borrower

from counter_app.services import open_counter, submit_application
from counter_app.store import Store
from counter_app.sync import central_seed, engine
from counter_app.sync.engine import sync_once

pytestmark = pytest.mark.postgres

FORMS = {
    "loan-settle": {"loan_no": "DK0000000001", "settle_date": "2026-11-23", "amount": "310539.92",
                    "materials": ["id_card", "loan_contract"]},
    "loan-prepay": {"loan_no": "DK0000000001", "amount": "50000", "mode": "2", "fund_amount": "10000",
                    "materials": ["id_card", "loan_contract"]},
    "offset-sign": {"loan_no": "DK0000000001", "payer_relation": "1", "materials": ["id_card", "loan_contract"]},
    "repay-deferral": {"loan_no": "DK0000000001", "from_month": "2026-12", "defer_months": "3",
                       "reason": "失业", "materials": ["id_card", "loan_contract", "hardship_proof"]},
}


def test_each_post_loan_business_reaches_the_centre_once(central, tmp_path, monkeypatch) -> None:
    station = central.add_station()
    station_with_a_borrower(tmp_path / "s", station.code)
    counter = open_counter(tmp_path / "s", clock=lambda: datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    try:
        taken = {}
        for kind, form in FORMS.items():
            result = submit_application(counter, kind, {"id_number": BORROWER, **form})
            assert result.ok, (kind, result.errors)
            taken[result.client_id] = kind
        real_settle = engine._settle
        monkeypatch.setattr(engine, "_settle", lambda *a: (_ for _ in ()).throw(OSError("crash before local ack")))
        with pytest.raises(OSError):
            sync_once(counter.store, factory(station))
        monkeypatch.setattr(engine, "_settle", real_settle)
        again = sync_once(counter.store, factory(station))
        with central.connect() as owner:
            held = owner.execute("SELECT client_id::text, kind FROM central.inbox WHERE station_code = %s",
                                 (station.code,)).fetchall()
        with counter.store.unit_of_work() as uow:
            pending = uow.outbox.count_pending()
            statuses = {uow.applications.get_by_client_id(cid).status for cid in taken}
        assert again.pushed == len(FORMS) and pending == 0 and statuses == {"received"}
        assert sorted(held) == sorted(taken.items())  # each once, with its kind
    finally:
        counter.close()


def test_overdue_loans_reach_the_station_with_their_arrears(central, tmp_path) -> None:
    """The demo centre's loans, overdue ones included, arrive by snapshot with every follow-up column."""
    with central.connect() as owner:
        central_seed.seed_demo(owner, workers=600, employers=30, seed=5)
        district = owner.execute("SELECT district FROM central.loans WHERE arrears_months > 0 GROUP BY 1"
                                 " ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        held = {r[0]: r[1:] for r in owner.execute(
            "SELECT loan_no, arrears_months, arrears_amount, overdue_since, next_due_date, next_due_amount"
            " FROM central.loans WHERE district = %s AND arrears_months > 0", (district,)).fetchall()}
    station = central.add_station(district)
    store = Store.open(tmp_path / "s")
    try:
        sync_once(store, factory(station))
        with store.unit_of_work() as uow:
            local = {loan.loan_no: (loan.arrears_months, loan.arrears_amount, loan.overdue_since, loan.next_due_date,
                                    loan.next_due_amount) for loan in uow.loans.overdue()}
    finally:
        store.close()
    assert held and local == held
