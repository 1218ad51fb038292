"""The audit service: what is recorded (masked), with what it records, the outbox, and tampering found."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest
from clerk_helpers import SUPERVISOR, actions, audit_db, audit_rows, fast_hashing, staff  # noqa: F401
from service_world import VALID_CARD, W, submit_good, table_counts

from counter_app.domain.audit_chain import EDITED, MISSING, Head, seal
from counter_app.domain.ids import mask_id_number
from counter_app.services import audit, lookup, person_card, prefill_person, print_receipt
from counter_app.services.settings import save_settings
from counter_app.store.repositories.security import AuditRepository


def outbox_topics(data_dir) -> list[str]:
    db = audit_db(data_dir)
    try:
        return [r[0] for r in db.execute("SELECT topic FROM outbox ORDER BY id")]
    finally:
        db.close()


def tamper(data_dir, *statements: str) -> None:
    db = audit_db(data_dir)
    try:
        for statement in statements:
            db.execute(statement)
    finally:
        db.close()


def test_an_application_is_recorded_with_a_masked_subject(counter, data_dir):
    result = submit_good(counter, "withdrawal")
    row = audit_rows(data_dir)[-1]
    assert row[1:4] == ("demo", "submit", result.receipt_number)
    details = json.loads(row[4])
    with counter.store.unit_of_work() as uow:
        queued = uow.outbox.get(result.client_id).payload
    assert details == {"kind": "withdrawal", "client_id": result.client_id, "subject": mask_id_number(W.active),
                       "payload_sha256": queued["integrity"]["sha256"]}


def test_a_demo_station_keeps_its_log_locally_only(counter, data_dir):
    submit_good(counter, "withdrawal")
    assert outbox_topics(data_dir) == ["application"]
    assert audit.verify_chain(counter).ok


def test_with_clerk_accounts_every_row_also_goes_to_the_outbox(counter, data_dir, fast_hashing):
    staff(counter)
    submit_good(counter, "withdrawal")
    rows = audit.list_entries(counter, limit=1000)
    queued = [t for t in outbox_topics(data_dir) if t == audit.TOPIC]
    assert len(queued) == len(rows) and outbox_topics(data_dir).count("application") == 1
    with counter.store.unit_of_work() as uow:
        payloads = [i.payload for i in uow.outbox.pending(1000) if i.topic == audit.TOPIC]
    assert payloads[-1] == rows[0].as_dict()  # the centre gets the chained row as it is


def test_a_refused_application_records_nothing(counter, data_dir):
    before = audit_rows(data_dir)
    result = submit_good(counter, "withdrawal", id_number=W.frozen)
    assert not result.ok and audit_rows(data_dir) == before


def test_the_audit_row_commits_with_the_application_or_not_at_all(counter, data_dir, monkeypatch):
    def broken(self, row, head=None):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(AuditRepository, "add", broken)
    with pytest.raises(sqlite3.OperationalError):
        submit_good(counter, "withdrawal")
    assert table_counts(counter)["applications"] == 0 and table_counts(counter)["outbox"] == 0


def test_looking_a_person_up_is_recorded_masked_and_the_full_id_is_nowhere_in_the_log(counter, data_dir):
    assert person_card(counter, W.active) is not None
    assert prefill_person(counter, W.sealed) is not None
    assert person_card(counter, W.stranger) is None  # nobody found: nothing looked at
    rows = audit_rows(data_dir)
    assert [(r[2], r[3], json.loads(r[4])["via"]) for r in rows] == [
        ("lookup", mask_id_number(W.active), "card"), ("lookup", mask_id_number(W.sealed), "form")]
    assert W.active not in json.dumps(rows) and W.sealed not in json.dumps(rows)


def test_revealing_a_full_number_is_recorded(counter, data_dir):
    with counter.store.unit_of_work(write=True) as uow:
        uow.workers.upsert(replace(uow.workers.get(W.active), bank_card=VALID_CARD))
        uow.commit()
    assert lookup.reveal(counter, W.active, "id_number") == W.active
    assert lookup.reveal(counter, W.active, "bank_card") == VALID_CARD
    assert lookup.reveal(counter, W.sealed, "bank_card") is None  # none on file: nothing shown, nothing recorded
    assert lookup.reveal(counter, W.stranger, "id_number") is None
    rows = [r for r in audit_rows(data_dir) if r[2] == "reveal"]
    assert [json.loads(r[4])["field"] for r in rows] == ["id_number", "bank_card"]
    with pytest.raises(ValueError):
        lookup.reveal(counter, W.active, "mobile")


def test_prints_and_reprints_are_recorded_with_the_reason(counter, data_dir, tmp_path):
    result = submit_good(counter, "withdrawal")
    print_receipt(counter, result.receipt_number, tmp_path / "a.pdf")
    print_receipt(counter, result.receipt_number, tmp_path / "b.pdf", reprint_reason="原件遗失")
    rows = audit_rows(data_dir)[-2:]
    assert [(r[2], r[3]) for r in rows] == [("print", result.receipt_number), ("reprint", result.receipt_number)]
    assert json.loads(rows[1][4])["reason"] == "原件遗失"
    assert json.loads(rows[1][4])["subject"] == mask_id_number(W.active)


def test_settings_changes_name_the_keys_only(counter, data_dir):
    assert save_settings(counter, {"station_name": "南山镇服务站", "terminal": "02"}) == []
    assert save_settings(counter, {"terminal": "02"}) == []  # nothing changed: nothing recorded
    rows = [r for r in audit_rows(data_dir) if r[2] == "settings"]
    assert len(rows) == 1 and json.loads(rows[0][4]) == {"changed": ["station_name", "terminal"]}


def test_a_sync_round_is_recorded_without_the_centre_password(counter, data_dir):
    audit.record_sync(counter, {"pushed": 3, "pulled": 10})
    audit.record_sync(counter, error="connection to postgresql://station_cg01:S3cret-Pw@centre/hpf failed")
    rows = audit_rows(data_dir)
    assert json.loads(rows[0][4]) == {"pushed": 3, "pulled": 10}
    assert "S3cret-Pw" not in json.dumps(rows) and "station_cg01:***@" in json.loads(rows[1][4])["error"]


def test_details_are_plain_json_money_as_text(counter):
    from datetime import date
    from decimal import Decimal

    row = audit.record(counter, "settings", "x", {"amount": Decimal("0.10"), "day": date(2026, 11, 23), "set": {1}})
    assert row.details == {"amount": "0.10", "day": "2026-11-23", "set": [1]}


# --- tampering with the file, as someone with the database would --------------------------------

def five_rows(counter) -> None:
    for n in range(5):
        audit.record(counter, "lookup", f"subject-{n}", {"n": n})
    assert audit.verify_chain(counter).ok and audit.verify_chain(counter).rows == 5


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET clerk = 'someone' WHERE seq = 3",
    "UPDATE audit_log SET details = '{\"n\": 99}' WHERE seq = 3",
    "UPDATE audit_log SET details = 'not json' WHERE seq = 3",
    "UPDATE audit_log SET at = '2026-01-01T00:00:00.000000+00:00' WHERE seq = 3",
])
def test_an_edited_row_is_named(counter, data_dir, statement):
    five_rows(counter)
    tamper(data_dir, statement)
    verdict = audit.verify_chain(counter)
    assert (verdict.first_bad.seq, verdict.first_bad.reason) == (3, EDITED)
    assert verdict.as_dict()["message"].startswith("第3条")


def test_a_deleted_row_is_named_middle_or_last(counter, data_dir):
    five_rows(counter)
    tamper(data_dir, "DELETE FROM audit_log WHERE seq = 5")
    assert (audit.verify_chain(counter).first_bad.seq, audit.verify_chain(counter).first_bad.reason) == (5, MISSING)
    tamper(data_dir, "DELETE FROM audit_log WHERE seq = 2")
    assert audit.verify_chain(counter).first_bad.seq == 2


def test_a_new_row_after_a_removed_last_one_keeps_the_gap_visible(counter, data_dir):
    five_rows(counter)
    tamper(data_dir, "DELETE FROM audit_log WHERE seq = 5")
    row = audit.record(counter, "login", "zhang")
    assert row.seq == 6
    assert audit.verify_chain(counter).first_bad.seq == 5


def test_reordered_rows_are_found_at_the_first_moved(counter, data_dir):
    five_rows(counter)
    tamper(data_dir, "UPDATE audit_log SET seq = -2 WHERE seq = 2", "UPDATE audit_log SET seq = 2 WHERE seq = 4",
           "UPDATE audit_log SET seq = 4 WHERE seq = -2")
    assert audit.verify_chain(counter).first_bad.seq == 2


def test_a_row_forged_in_between_is_named(counter, data_dir):
    five_rows(counter)
    with counter.store.unit_of_work() as uow:
        rows = list(uow.audit.iter_all())
    forged = seal(Head(rows[1].seq, rows[1].hash), at=rows[1].at, station_code=rows[1].station_code,
                  terminal="01", clerk="mallory", action="lookup", subject="forged", details={})
    tamper(data_dir, *(f"UPDATE audit_log SET seq = {s + 100} WHERE seq = {s}" for s in (5, 4, 3)),
           *(f"UPDATE audit_log SET seq = {s + 1} WHERE seq = {s + 100}" for s in (5, 4, 3)),
           "INSERT INTO audit_log (seq, at, station_code, terminal, clerk, action, subject, details, prev_hash, hash) "
           f"VALUES (3, '{forged.at}', '{forged.station_code}', '01', 'mallory', 'lookup', 'forged', '{{}}', "
           f"'{forged.prev_hash}', '{forged.hash}')")
    verdict = audit.verify_chain(counter)
    # Linked and hashed by the published scheme, but without the station's key: its hash is wrong.
    assert (verdict.first_bad.seq, verdict.first_bad.reason) == (3, EDITED)


def test_an_emptied_log_is_noticed_through_its_head(counter, data_dir):
    five_rows(counter)
    tamper(data_dir, "DELETE FROM audit_log")
    assert audit.verify_chain(counter).first_bad.seq == 1


def test_rows_are_listed_newest_first_by_action_and_clerk(counter):
    five_rows(counter)
    audit.record(counter, "login", "wang", clerk="wang")
    assert [r.seq for r in audit.list_entries(counter, limit=3)] == [6, 5, 4]
    assert [r.action for r in audit.list_entries(counter, action="login")] == ["login"]
    assert [r.clerk for r in audit.list_entries(counter, clerk="wang")] == ["wang"]
    assert audit.action_label("reprint") == "补打"


def test_masking_keeps_codes_that_are_not_personal(counter):
    assert audit.masked(W.active) == mask_id_number(W.active)
    assert audit.masked(VALID_CARD).startswith("6222") and "*" in audit.masked(VALID_CARD)
    assert audit.masked("CG01-01-20261123-0001") == "CG01-01-20261123-0001"
    assert audit.masked(None) == ""
    # an ID-shaped number is masked even when its area code is unknown or it ends in X
    assert audit.masked("99010519900101123X") == "990105********123X"


def test_supervisor_sees_the_first_row_was_the_supervisor_added(counter, data_dir, fast_hashing):
    staff(counter)
    first = audit_rows(data_dir)[0]
    assert first[1:4] == ("demo", "clerk_add", SUPERVISOR[0])
    assert actions(data_dir)[:2] == ["clerk_add", "clerk_add"]


def test_the_status_bar_counts_waiting_applications_not_audit_rows(counter, data_dir, fast_hashing):
    from counter_app.services import station_status

    staff(counter)
    submit_good(counter, "withdrawal")
    assert outbox_topics(data_dir).count(audit.TOPIC) > 1
    assert station_status(counter).pending == 1
