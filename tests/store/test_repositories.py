"""Every repository method the services use, on a real SQLite store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from counter_app.domain.status import StatusTransitionError
from counter_app.store import (
    AccountRecord,
    ApplicationRecord,
    LoanRecord,
    PastWithdrawalRecord,
    PolicyVersionRecord,
    PrintLogEntry,
    Store,
)


def _application(n: int, **fields: object) -> ApplicationRecord:
    values: dict[str, object] = dict(
        client_id=f"0190a0b0-0000-7000-8000-{n:012d}", receipt_number=f"QS01-02-20261123-{n:04d}",
        kind="withdrawal", status="submitted", subject_key="620102198001020011", subject_name="张三",
        fields={"amount": "100.00", "reason_code": "07"}, materials=["id_card", "lease"], clerk="c1",
        station_code="QS01", terminal="02",
    )
    values.update(fields)
    return ApplicationRecord(**values)  # type: ignore[arg-type]


# --- workers, employers -----------------------------------------------------------------------


def test_worker_get_normalises_the_id_and_upsert_replaces(store: Store, make_worker) -> None:
    worker = make_worker(mobile="13800000000")
    with store.unit_of_work(write=True) as uow:
        uow.workers.upsert(worker)
        uow.workers.upsert(replace(worker, mobile="13900000000"))
        assert uow.workers.get(" " + worker.id_number.lower() + " ").mobile == "13900000000"
        assert uow.workers.count() == 1
        assert uow.workers.get("110105194912310029") is None


def test_worker_rename_moves_the_search_keys(store: Store, make_worker) -> None:
    worker = make_worker("张三")
    with store.unit_of_work(write=True) as uow:
        uow.workers.upsert(worker)
        uow.workers.upsert(replace(worker, name="李四"))
        uow.commit()
    assert store.search("zs") == []
    assert [h.key for h in store.search("lisi")] == [worker.id_number]


def test_worker_bulk_insert_and_lookups_by_employer(store: Store, make_worker) -> None:
    workers = [make_worker(name, employer_uscc="E1") for name in ("王五", "赵六", "孙七")]
    with store.unit_of_work(write=True) as uow:
        assert uow.workers.bulk_insert(iter(workers)) == 3
        uow.workers.upsert(make_worker("周八", employer_uscc="E2"))
        assert [w.name for w in uow.workers.by_employer("E1")] == sorted(w.name for w in workers)
        page = uow.workers.page(limit=2)
        assert len(page) == 2 and uow.workers.page(limit=5, after_id_number=page[-1].id_number)[0] not in page


def test_employer_upsert_get_and_unregistered(store: Store, make_employer) -> None:
    registered = make_employer("青山镇卫生院")
    small = make_employer("花溪乡富民超市", township="花溪乡", registered=False, insured_staff=4, status="99")
    big = make_employer("青山镇鑫达建材有限公司", registered=False, insured_staff=40, status="99")
    with store.unit_of_work(write=True) as uow:
        uow.employers.upsert(registered)
        uow.employers.bulk_insert([small, big])
        assert uow.employers.get(registered.uscc.lower()) == registered
        assert [e.uscc for e in uow.employers.unregistered()] == [big.uscc, small.uscc]  # most staff first
        assert uow.employers.unregistered(township="花溪乡") == [small]
        assert uow.employers.count() == 3 and len(uow.employers.query(township="青山镇")) == 2


# --- accounts, loans, withdrawals, policies ---------------------------------------------------


def test_accounts_for_person_normal_first_then_newest(store: Store, make_worker, make_account) -> None:
    worker = make_worker()
    old = make_account(worker, "800000000001", status="04", opened_on=date(2010, 1, 1))
    sealed = make_account(worker, "800000000002", status="02", opened_on=date(2015, 1, 1))
    current = make_account(worker, "800000000003", status="01", opened_on=date(2012, 1, 1),
                           balance=Decimal("4270.16"), monthly_base=Decimal("5000.00"), in_arrears=True)
    with store.unit_of_work(write=True) as uow:
        uow.accounts.bulk_insert([old, sealed])
        uow.accounts.upsert(current)
        assert uow.accounts.for_person(worker.id_number) == [current, sealed, old]
        assert uow.accounts.get("800000000003") == current
        assert uow.accounts.count() == 3
        uow.accounts.upsert(replace(current, balance=Decimal("0.01")))
        assert uow.accounts.get("800000000003").balance == Decimal("0.01")


def test_loans_and_past_withdrawals_for_person(store: Store) -> None:
    loan = LoanRecord(loan_no="DK1", id_number="A", principal=Decimal("300000.00"), outstanding=Decimal("1.00"),
                      annual_rate=Decimal("2.6"), months=240, method="01", start_date=date(2020, 5, 1),
                      status="repaying")
    later = replace(loan, loan_no="DK2", start_date=date(2024, 1, 1))
    rent = PastWithdrawalRecord(id_number="A", reason_code="07", amount=Decimal("1800.00"), day=date(2025, 3, 1),
                                document_no="ZL1")
    with store.unit_of_work(write=True) as uow:
        uow.loans.bulk_insert([loan])
        uow.loans.upsert(later)
        uow.loans.upsert(replace(loan, status="settled", outstanding=Decimal("0.00")))
        uow.withdrawals.bulk_insert([rent])
        uow.withdrawals.add(replace(rent, day=date(2025, 6, 1)))
        assert [(x.loan_no, x.status) for x in uow.loans.for_person("A")] == [("DK2", "repaying"), ("DK1", "settled")]
        assert [w.day for w in uow.withdrawals.for_person("a")] == [date(2025, 6, 1), date(2025, 3, 1)]
        assert uow.loans.for_person("B") == [] and uow.withdrawals.for_person("B") == []


def test_policy_versions_replace_by_date_and_label(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        uow.policies.add(PolicyVersionRecord(date(2026, 9, 20), "2026", "a = 1"))
        uow.policies.add(PolicyVersionRecord(date(2025, 1, 1), "2025", "a = 0"))
        uow.policies.add(PolicyVersionRecord(date(2026, 9, 20), "2026", "a = 2"))
        assert [(p.label, p.toml) for p in uow.policies.all()] == [("2025", "a = 0"), ("2026", "a = 2")]
        assert all(p.pulled_at is not None for p in uow.policies.all())


# --- applications -------------------------------------------------------------------------------


def test_application_add_fills_id_and_times_and_logs_the_first_status(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        added = uow.applications.add(_application(1))
        uow.commit()
    assert added.id is not None and added.created_at is not None and added.updated_at == added.created_at
    with store.unit_of_work() as uow:
        assert uow.applications.get_by_receipt("QS01-02-20261123-0001") == added
        assert uow.applications.get_by_client_id(added.client_id) == added
        assert uow.applications.get(added.id) == added
        assert [(h.status, h.by) for h in uow.applications.history(added.client_id)] == [("submitted", "c1")]


def test_application_fields_keep_chinese_and_rare_characters(store: Store) -> None:
    fields = {"name": "王𠮷", "address": "青山镇·新村", "amount": "4270.16"}
    with store.unit_of_work(write=True) as uow:
        uow.applications.add(_application(1, fields=fields, subject_name="买买提·艾力"))
        got = uow.applications.get_by_receipt("QS01-02-20261123-0001")
    assert got.fields == fields and got.subject_name == "买买提·艾力"


def test_application_duplicates_are_refused(store: Store) -> None:
    from sqlalchemy.exc import IntegrityError

    with store.unit_of_work(write=True) as uow:
        uow.applications.add(_application(1))
        with pytest.raises(IntegrityError):
            uow.applications.add(_application(1, receipt_number="QS01-02-20261123-0009"))


def test_set_status_refuses_a_move_the_lifecycle_does_not_allow(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        app = uow.applications.add(_application(9, status="queued"), earlier_steps=("submitted",))
        uow.applications.set_status(app.client_id, "cancelled", "c1", reason="申请人撤回")
        with pytest.raises(StatusTransitionError):
            uow.applications.set_status(app.client_id, "approved", "centre")
        with pytest.raises(StatusTransitionError):
            uow.applications.add(_application(10, status="submitted"), earlier_steps=("approved",))
        assert uow.applications.get_by_client_id(app.client_id).status == "cancelled"
        assert [h.status for h in uow.applications.history(app.client_id)] == ["submitted", "queued", "cancelled"]


def test_set_status_updates_and_appends_history(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        app = uow.applications.add(_application(1))
        queued = uow.applications.set_status(app.client_id, "queued", "sync")
        rejected = uow.applications.set_status(app.client_id, "rejected", "centre", reason="材料不全")
        assert queued.status == "queued" and queued.decision_reason is None
        assert uow.applications.get_by_client_id(app.client_id) == rejected
        assert rejected.decision_reason == "材料不全" and rejected.updated_at >= app.updated_at
        assert [(h.status, h.reason) for h in uow.applications.history(app.client_id)] == [
            ("submitted", None), ("queued", None), ("rejected", "材料不全")]
        with pytest.raises(KeyError):
            uow.applications.set_status("no-such-id", "queued", "sync")


def test_set_conflict_is_stored_and_cleared(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        app = uow.applications.add(_application(1))
        uow.applications.set_conflict(app.client_id, {"other_station": "HD01"})
        assert uow.applications.get(app.id).conflict == {"other_station": "HD01"}
        uow.applications.set_conflict(app.client_id, None)
        assert uow.applications.get(app.id).conflict is None


def test_list_filters_pages_and_orders_newest_first(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        for n in range(1, 6):
            uow.applications.add(_application(n, kind="loan" if n % 2 else "withdrawal",
                                              subject_key="B" if n == 5 else "A"))
        uow.applications.set_status(_application(2).client_id, "approved", "centre")
        assert [a.receipt_number[-1] for a in uow.applications.query()] == ["5", "4", "3", "2", "1"]
        assert [a.receipt_number[-1] for a in uow.applications.query(limit=2, offset=1)] == ["4", "3"]
        assert [a.receipt_number[-1] for a in uow.applications.query(kind="loan")] == ["5", "3", "1"]
        assert [a.receipt_number[-1] for a in uow.applications.query(status="approved")] == ["2"]
        assert uow.applications.count() == 5 and uow.applications.count(status="submitted") == 4
        assert [a.receipt_number[-1] for a in uow.applications.for_subject("B")] == ["5"]


# --- outbox ------------------------------------------------------------------------------------


def test_outbox_add_pending_ack_in_order(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        for name in ("c", "a", "b"):
            uow.outbox.add(name, "application", {"receipt": name, "名": "王𠮷"})
        again = uow.outbox.add("a", "application", {"receipt": "changed"})  # idempotent
        assert again.payload == {"receipt": "a", "名": "王𠮷"}
        assert [i.client_id for i in uow.outbox.pending()] == ["c", "a", "b"]  # insertion order
        assert [i.client_id for i in uow.outbox.pending(limit=2)] == ["c", "a"]
        assert uow.outbox.count_pending() == 3
        assert uow.outbox.ack(["c", "a", "zzz"]) == 2 and uow.outbox.ack([]) == 0
        assert [i.client_id for i in uow.outbox.pending()] == ["b"]


def test_outbox_reject_sets_aside_and_attempts_are_counted_when_claimed(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        uow.outbox.add("a", "application", {})
        uow.outbox.add("b", "application", {})
        uow.outbox.add("c", "application", {})
        assert [(i.client_id, i.attempts) for i in uow.outbox.claim(limit=2)] == [("a", 1), ("b", 1)]
        uow.outbox.record_failure(["a", "b"], "timeout")
        assert [i.client_id for i in uow.outbox.claim(limit=1)] == ["a"]
        uow.outbox.record_failure(["a"], "connection refused")
        uow.outbox.ack(["c"])
        uow.outbox.reject("b", "身份证号码已在其他站点开户")
        assert [(i.client_id, i.attempts, i.last_error) for i in uow.outbox.pending()] == [
            ("a", 2, "connection refused")]
        (rejected,) = uow.outbox.rejected()
        assert rejected.rejected_reason == "身份证号码已在其他站点开户" and rejected.rejected_at is not None
        assert uow.outbox.count_pending() == 1 and uow.outbox.get("zzz") is None


# --- settings, sync state, drafts, print log --------------------------------------------------


def test_settings_hold_json_values(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        assert uow.settings.get("missing", "默认") == "默认"
        uow.settings.set("station_code", "QS01")
        uow.settings.set("printer", {"name": "前台", "copies": 2})
        uow.settings.set("station_code", "QS02")
        store_id = uow.settings.get("store_id")  # every store has one from revision 0006 (the audit key's name)
        assert uow.settings.all() == {"store_id": store_id, "station_code": "QS02", "printer": {"name": "前台", "copies": 2}}
        assert isinstance(store_id, str) and len(store_id) == 32


def test_sync_state_text_values(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        assert uow.sync_state.get("cursor") is None and uow.sync_state.get("cursor", "0") == "0"
        uow.sync_state.set("cursor", "17")
        uow.sync_state.set("cursor", "42")
        assert uow.sync_state.get("cursor") == "42"


def test_drafts_save_load_list_delete(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        uow.drafts.save("withdrawal", "A", {"amount": "1"})
        uow.drafts.save("loan", "A", {"months": 240})
        uow.drafts.save("withdrawal", "A", {"amount": "2"})  # replaces
        assert uow.drafts.load("withdrawal", "A").fields == {"amount": "2"}
        assert [d.kind for d in uow.drafts.query()] == ["withdrawal", "loan"]  # newest first
        assert [d.kind for d in uow.drafts.query(kind="loan")] == ["loan"]
        assert uow.drafts.delete("loan", "A") is True and uow.drafts.delete("loan", "A") is False
        assert uow.drafts.load("loan", "A") is None


def test_print_log_add_and_for_receipt(store: Store) -> None:
    with store.unit_of_work(write=True) as uow:
        first = uow.print_log.add(PrintLogEntry(document="receipt", clerk="c1", receipt_number="R1", pages=1))
        again = uow.print_log.add(PrintLogEntry(document="receipt", clerk="c2", receipt_number="R1",
                                                reprint=True, reason="客户遗失", path="/tmp/r.pdf"))
        uow.print_log.add(PrintLogEntry(document="notice", clerk="c1", subject="9162…"))
        assert uow.print_log.for_receipt("R1") == [first, again]
        assert again.reprint and again.reason == "客户遗失" and first.at is not None
        assert [e.document for e in uow.print_log.recent(limit=2)] == ["notice", "receipt"]


def test_clear_reference_data_keeps_the_stations_own_work(store: Store, make_worker, make_employer) -> None:
    with store.unit_of_work(write=True) as uow:
        worker = make_worker()
        uow.workers.upsert(worker)
        uow.employers.upsert(make_employer())
        uow.accounts.upsert(AccountRecord(account_no="1", id_number=worker.id_number))
        uow.applications.add(_application(1))
        uow.settings.set("k", "v")
        uow.clear_reference_data()
        uow.commit()
    assert store.search("zs") == []
    with store.unit_of_work() as uow:
        assert (uow.workers.count(), uow.employers.count(), uow.accounts.count()) == (0, 0, 0)
        assert uow.applications.count() == 1 and uow.settings.get("k") == "v"
