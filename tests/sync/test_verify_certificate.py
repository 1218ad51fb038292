"""``counter-central verify-certificate``: a 缴存使用证明 printed at a real station is checked at the real
central PostgreSQL with the station's registered key — genuine with its facts once the station
synced; a changed figure, a code anyone could compute, one made with another station's key, a wrong
typed code or an unknown number is refused (exit 1); before the key is registered it cannot say."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from clerk_helpers import fast_hashing, staff  # noqa: F401 (fixture)
from station_helpers import factory
from test_cross_region_sync import MOVER, station_with_workers

from counter_app.domain.certificate import code, digest, qr_text
from counter_app.services import audit, open_counter, print_certificate
from counter_app.services.certificates import build_certificate
from counter_app.sync.central_cli import main as central_main
from counter_app.sync.engine import sync_once

pytestmark = pytest.mark.postgres

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def verify(central, capsys, text: str) -> tuple[int, dict]:
    exit_code = central_main(["verify-certificate", "--dsn", central.dsn, text, "--json"])
    return exit_code, json.loads(capsys.readouterr().out)


def test_a_certificate_is_checked_with_the_stations_key(central, file_keyring, fast_hashing, tmp_path,
                                                        capsys) -> None:
    station = central.add_station(name="南山镇服务站")
    station_with_workers(tmp_path / "s", station.code)
    counter = open_counter(tmp_path / "s", clock=lambda: NOW)
    try:
        staff(counter)  # a station with clerks sends its audit rows, the print's among them
        made = print_certificate(counter, MOVER, tmp_path / "zm.pdf")
        assert made.ok and made.value is not None
        cert = build_certificate(counter, MOVER).value
        key = audit.ensure_key(counter).key
        qr = qr_text(cert, key)
        exit_code, out = verify(central, capsys, qr)
        assert exit_code == 1 and out["unverified"] is True and "尚未向中心登记" in out["message"]

        sync_once(counter.store, factory(station), key=audit.ensure_key(counter))  # registers the key, sends the print
        exit_code, out = verify(central, capsys, qr)
        assert exit_code == 0 and out["genuine"] is True and out["recorded"] is True
        assert (out["serial"], out["station_name"], out["as_of"]) == (made.value.number, "南山镇服务站", "2026-11-23")
        facts = out["facts"]
        assert (facts["账户状态"], facts["账户余额"]) == ("正常", "50000.00")  # the QR's status code, said in words
        assert facts["证件号码"] == f"{MOVER[:6]}********{MOVER[-4:]}"
        typed = f"{made.value.number.lower()} {code(key, cert.canonical()).replace('-', '').lower()}"
        assert verify(central, capsys, typed)[1]["genuine"] is True, "number and code typed from the paper"

        other = central.add_station(name="北坪镇服务站")
        with central.connect() as owner:
            owner.execute("INSERT INTO central.station_keys (station_code, key, k_ipad, k_opad, from_seq)"
                          " VALUES (%s, %s, '\\x00', '\\x00', 1)", (other.code, bytes(range(32))))
        richer = replace(cert, balance=Decimal("500000.00"))
        forged = {
            "a changed balance": qr.replace("|50000.00|", "|500000.00|"),
            "the unkeyed digest": f"{cert.canonical()}|{digest(cert.canonical())}",
            "another station's key": qr_text(richer, bytes(range(32))),
            "a wrong typed code": f"{made.value.number} 0000-0000-0000-0000",
            "an unknown number": f"ZM{station.code}20261123FFFF {code(key, cert.canonical())}",
        }
        for why, text in forged.items():
            exit_code, out = verify(central, capsys, text)
            assert exit_code == 1 and out["genuine"] is False, why
            assert "伪造" in out["message"], why
        assert central_main(["verify-certificate", "--dsn", central.dsn, "not a certificate", "--json"]) == 2
        assert json.loads(capsys.readouterr().out)["errors"][0]["field"] == "text"
    finally:
        counter.close()


def test_an_old_unkeyed_certificate_gets_a_plain_answer_never_genuine(central, file_keyring, fast_hashing, tmp_path,
                                                                       capsys) -> None:
    """A 缴存使用证明 of the first format (GJJZM1, printed before the code was keyed): its code is a digest
    anyone can compute, so the centre says it cannot prove the figures and asks for a new print — it
    neither calls it genuine nor a forgery; a damaged one is a forgery; a print the station logged is named."""
    import uuid

    from counter_app.domain.certificate import LEGACY_PREFIX, PREFIX, serial_of

    station = central.add_station(name="南山镇服务站")
    station_with_workers(tmp_path / "s", station.code)
    counter = open_counter(tmp_path / "s", clock=lambda: NOW)
    try:
        cert = build_certificate(counter, MOVER).value
        sync_once(counter.store, factory(station), key=audit.ensure_key(counter))  # the station's key is known
    finally:
        counter.close()
    body = cert.canonical().replace(PREFIX, LEGACY_PREFIX, 1)
    old = f"{body}|{digest(body)}"
    serial = serial_of(cert.station_code, cert.as_of, body)
    exit_code, out = verify(central, capsys, old)
    assert exit_code == 1 and out["genuine"] is False and out["unverified"] is True and out["legacy"] is True
    assert out["serial"] == serial and out["station_name"] == "南山镇服务站" and out["recorded"] is False
    assert "旧版" in out["message"] and "不能据此证明真伪" in out["message"] and "GJJZM2" in out["message"]
    assert "伪造" not in out["message"]
    assert central_main(["verify-certificate", "--dsn", central.dsn, old]) == 1
    assert "重新打印新版证明" in capsys.readouterr().out

    damaged = old.replace("|50000.00|", "|500000.00|")
    exit_code, out = verify(central, capsys, damaged)
    assert exit_code == 1 and out["unverified"] is False and "涂改" in out["message"]

    with central.connect() as owner:  # the station's log of that old print, as version 1 sent it (no code)
        owner.execute(
            "INSERT INTO central.station_audit (client_id, station_code, seq, at, row_station_code, terminal, clerk,"
            " action, subject, details, prev_hash, hash) VALUES (%s, %s, 999, %s, %s, '01', 'demo', 'print', %s,"
            " %s, %s, %s)", (str(uuid.uuid4()), station.code, NOW, station.code, serial,
                             json.dumps({"document": "certificate", "subject": "620102********0117"}),
                             "0" * 64, "1" * 64))
    exit_code, out = verify(central, capsys, old)
    assert exit_code == 1 and out["genuine"] is False and out["recorded"] is True
    assert "620102********0117" in out["message"] and "无法核验" in out["message"]
    # The number and code typed from that old paper: the same plain answer, not "forged".
    exit_code, out = verify(central, capsys, f"{serial} {digest(body)}")
    assert exit_code == 1 and out["genuine"] is False and out["unverified"] is True and out["legacy"] is True
    assert "旧版" in out["message"] and "伪造" not in out["message"] and out["subject"] == "620102********0117"
