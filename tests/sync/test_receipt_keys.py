"""Keyed receipt codes (issue #22 item 5): the centre issues each station its receipt key at sync; the printed
code is a MAC with it, genuine at the centre; a code made without the key, or with another station's, is forged."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from service_world import fixed_clock, submit_good
from station_helpers import queue
from test_central_clerks import station_dir  # noqa: F401  (fixture: a connected station data dir)

from counter_app.domain.receipt_code import unkeyed_code, verification_code
from counter_app.services import open_counter
from counter_app.services.printing import print_receipt, station_receipt_key
from counter_app.store import receipt_key
from counter_app.sync.central_cli import main as central_main
from counter_app.sync.protocol import receipt_key as fetch_receipt_key

pytestmark = pytest.mark.postgres


def verify(central, capsys, text: str) -> tuple[int, dict]:
    code = central_main(["verify-receipt", "--dsn", central.dsn, text, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_the_printed_code_is_keyed_by_the_centre_and_only_that_code_is_genuine(station_dir, central, capsys,
                                                                               tmp_path):
    station, data, _centre, sync = station_dir
    sync()
    with open_counter(data) as counter:
        key = station_receipt_key(counter)
        with counter.store.unit_of_work() as uow:
            store_id = uow.settings.get("store_id")
            mark = uow.settings.get(receipt_key.MARK_KEY)
    assert key is not None and len(key) == 32 and mark["issued_at"]
    with station.connect() as conn:  # the centre hands the same key again, and only through its function
        assert fetch_receipt_key(conn)[0] == key
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT key FROM central.receipt_keys")
    with open_counter(data) as counter:  # taken after the key came: the only acceptable code is the keyed one
        [cid] = queue(counter.store, station.code)
        with counter.store.unit_of_work() as uow:
            app = uow.applications.get_by_client_id(cid)
    sync()
    number = app.receipt_number
    with central.connect() as conn:
        conn.execute("UPDATE central.inbox SET created_at = now() WHERE client_id = %s", (cid,))
    assert verify(central, capsys, f"{number}|{verification_code(number, cid, key)}")[1]["genuine"] is True
    for forged in (unkeyed_code(number, cid),                          # the old formula, with the client id
                   verification_code(number, cid, bytes(32)),          # a key made up
                   verification_code(number, cid, key[::-1])):         # another key
        code, out = verify(central, capsys, f"{number}|{forged}")
        assert code == 1 and out["genuine"] is False and "伪造" in out["message"]
    assert store_id and receipt_key.read(store_id).key == key  # kept in the keyring, not in the store


def test_a_station_cannot_mint_a_code_for_another_stations_receipt(central, capsys, file_keyring):
    a, b = central.add_station(), central.add_station()
    with a.connect() as conn:
        key_a = fetch_receipt_key(conn)[0]
    with b.connect() as conn:
        key_b, issued_b = fetch_receipt_key(conn)
    assert key_a != key_b
    cid = "0192f000-0000-7000-8000-000000000001"
    number = f"{b.code}-01-20261206-0001"
    with central.connect() as conn:
        conn.execute(
            "INSERT INTO central.inbox (client_id, station_code, terminal, receipt_number, kind, subject_key, fields,"
            " materials, clerk, created_at, district) VALUES (%s, %s, '01', %s, 'info-change', '620102199005150118',"
            " '{}', '[]', 'clerk01', %s, %s)", (cid, b.code, number, issued_b + timedelta(minutes=5), b.district))
    assert verify(central, capsys, f"{number}|{verification_code(number, cid, key_b)}")[1]["genuine"] is True
    # Station A knows its own key (and even the client id, were it leaked): its code is still forged.
    code, out = verify(central, capsys, f"{number}|{verification_code(number, cid, key_a)}")
    assert code == 1 and out["genuine"] is False


def test_a_receipt_taken_before_the_key_keeps_its_unkeyed_code(central, capsys):
    a = central.add_station()
    cid = "0192f000-0000-7000-8000-000000000002"
    number = f"{a.code}-01-20261120-0001"
    with central.connect() as conn:
        conn.execute(
            "INSERT INTO central.inbox (client_id, station_code, terminal, receipt_number, kind, subject_key, fields,"
            " materials, clerk, created_at, district) VALUES (%s, %s, '01', %s, 'info-change', '620102199005150118',"
            " '{}', '[]', 'clerk01', %s, %s)", (cid, a.code, number, datetime(2026, 11, 20, 2, tzinfo=UTC), a.district))
    assert verify(central, capsys, f"{number}|{unkeyed_code(number, cid)}")[1]["genuine"] is True  # no key yet
    with a.connect() as conn:
        key = fetch_receipt_key(conn)[0]  # issued now: after the receipt was taken
    assert verify(central, capsys, f"{number}|{unkeyed_code(number, cid)}")[1]["genuine"] is True
    assert verify(central, capsys, f"{number}|{verification_code(number, cid, key)}")[1]["genuine"] is True


def test_a_real_receipt_prints_the_keyed_code(station_dir, central, capsys, tmp_path):
    _station, data, _centre, sync = station_dir
    with open_counter(data, clock=fixed_clock) as counter:  # taken before the first sync, printed after it
        number = submit_good(counter, "info-change").receipt_number
    sync()
    with open_counter(data, clock=fixed_clock) as counter:
        with counter.store.unit_of_work() as uow:
            cid = uow.applications.get_by_receipt(number).client_id
        key = station_receipt_key(counter)
        pdf = print_receipt(counter, number, tmp_path / "receipt.pdf").path
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert f"核验码：{verification_code(number, cid, key)}" in text.replace(" ", "")
    assert unkeyed_code(number, cid) not in text
    assert verify(central, capsys, f"{number}|{verification_code(number, cid, key)}")[1]["genuine"] is True
