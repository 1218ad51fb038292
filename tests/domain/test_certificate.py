"""缴存使用证明's keyed code: the QR text verifies under the station's key, not under another key, and any
changed figure does not; the ID stays masked."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.certificate import Certificate, LoanLine, code, digest, qr_text, scan, serial_of, verify

ID = "620102199005150117"
CERT = Certificate(
    id_number=ID, name="张三", account_no="CG0100000001", account_status="01", employer="示范市南山机械有限公司",
    monthly_base=Decimal("6000.00"), monthly_contribution=Decimal("1440.00"), months_paid=36,
    balance=Decimal("50000.00"), opened_on=date(2020, 1, 1),
    loans=(LoanLine("DK0000000001", Decimal("400000"), Decimal("310000"), "repaying", date(2022, 6, 1)),),
    as_of=date(2026, 11, 23), station_code="CG01", serial="",
)
KEY = bytes(range(32))
OTHER = bytes(range(1, 33))
money = st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2)


@given(money, st.integers(min_value=0, max_value=600), st.lists(money, max_size=3))
def test_a_certificates_qr_text_verifies(balance, months, outstanding):
    loans = tuple(LoanLine(f"DK{i}", Decimal("1"), o, "repaying", date(2022, 1, 1)) for i, o in enumerate(outstanding))
    cert = replace(CERT, balance=balance, months_paid=months, loans=loans)
    assert verify(qr_text(cert, KEY), KEY)
    assert qr_text(cert, KEY).isascii(), "any scanner reads it alike: no text encoding to guess"
    assert not verify(qr_text(cert, KEY), OTHER), "another station's key (or a guess) does not verify it"
    scanned = scan(qr_text(cert, KEY))
    assert scanned is not None and (scanned.station_code, scanned.as_of, scanned.serial) == (
        "CG01", date(2026, 11, 23), serial_of("CG01", date(2026, 11, 23), cert.canonical()))


@given(money)
def test_a_changed_balance_in_the_qr_text_fails(other):
    text = qr_text(CERT, KEY)
    forged = text.replace("|50000.00|", f"|{other}|")
    assert verify(forged, KEY) == (forged == text)


def test_an_unkeyed_digest_does_not_pass_for_the_code():
    """What anyone can compute (SHA-256 of the printed line) is not the code: version 1's weakness."""
    line = CERT.canonical()
    assert not verify(f"{line}|{digest(line)}", KEY)


def test_the_code_covers_every_certified_figure():
    codes = {code(KEY, replace(CERT, **change).canonical()) for change in (
        {}, {"balance": Decimal("50000.01")}, {"months_paid": 35}, {"account_status": "02"},
        {"monthly_base": Decimal("6000.01")}, {"as_of": date(2026, 11, 24)}, {"loans": ()},
        {"account_no": "CG0100000002"}, {"station_code": "HD01"},
    )}
    assert len(codes) == 9


def test_the_full_id_number_is_not_in_the_qr_text():
    assert ID not in qr_text(CERT, KEY) and "620102********0117" in qr_text(CERT, KEY)


def test_serial_names_station_day_and_code():
    serial = serial_of("CG01", date(2026, 11, 23), CERT.canonical())
    assert serial == "ZMCG0120261123" + digest(CERT.canonical())[:4]


def test_junk_does_not_verify():
    good = qr_text(CERT, KEY)
    for junk in ("", "|", "GJJZM2|", "hello|ABCD", good + "x", good.replace("GJJZM2", "GJJZM1"),
                 good.replace("2026-11-23", "2026-13-23"), good.rpartition("|")[0] + "|0000-0000-0000-0000"):
        assert not verify(junk, KEY)


def test_a_version_1_qr_text_is_recognised_and_only_checked_for_damage():
    from counter_app.domain.certificate import LEGACY_PREFIX, PREFIX, legacy_intact, scan_legacy

    body = CERT.canonical().replace(PREFIX, LEGACY_PREFIX, 1)
    old = f"{body}|{digest(body)}"
    scanned = scan_legacy(old)
    assert scanned is not None and scanned.station_code == CERT.station_code and legacy_intact(scanned)
    assert scan(old) is None and verify(old, bytes(32)) is False, "never taken as a keyed certificate"
    damaged = scan_legacy(old.replace(f"|{CERT.balance}|", "|999999.00|"))
    assert damaged is not None and not legacy_intact(damaged)
    assert scan_legacy(qr_text(CERT, bytes(32))) is None and scan_legacy("GJJZM1|junk") is None
