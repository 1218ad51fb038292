"""``counter-central verify-receipt`` (issue #22 item 5): a receipt the centre holds is genuine with its
facts; a made-up number, a wrong or altered code, or another receipt's code is forged (exit 1)."""

from __future__ import annotations

import json

import pytest
from test_audit_rules import DAY, take  # the same plain inbox rows

from counter_app.domain.receipt_code import qr_payload, verification_code
from counter_app.sync.central_cli import main as central_main

pytestmark = pytest.mark.postgres


def verify(central, capsys, text: str) -> tuple[int, dict]:
    code = central_main(["verify-receipt", "--dsn", central.dsn, text, "--json"])
    return code, json.loads(capsys.readouterr().out)


def client_id(central, receipt: str) -> str:
    with central.connect() as conn:
        return conn.execute("SELECT client_id::text FROM central.inbox WHERE receipt_number = %s",
                            (receipt,)).fetchone()[0]


def test_a_genuine_receipt_shows_its_facts_and_a_forged_one_is_called_forged(central, capsys):
    a = central.add_station(name="南山镇服务站")
    with central.connect() as conn:
        receipt = take(conn, a.code, "withdrawal", "620102199005150118", DAY, reason_code="07")
        other = take(conn, a.code, "info-change", "620102199005150118", DAY)
    qr = qr_payload(receipt, client_id(central, receipt))
    code, out = verify(central, capsys, qr)
    assert code == 0 and out["genuine"] is True and out["station_name"] == "南山镇服务站"
    assert out["kind"] == "withdrawal" and out["subject"] == "620102********0118" and out["taken_at"].startswith(
        "2026-11-10T10:00")
    # The same, typed from the paper: number and code with a space, in other letter case.
    assert verify(central, capsys, f"{receipt.lower()} {qr.split('|')[1].upper()}")[1]["genuine"] is True
    forged = [
        f"{receipt}|{'0' * 8}",                                        # a code made up
        f"{receipt}|{verification_code(receipt, 'guessed-client-id')}",  # computed without the client id
        f"{receipt}|{verification_code(other, client_id(central, other))}",  # another receipt's code
        f"{a.code}-01-20261110-9999|{verification_code(a.code + '-01-20261110-9999', 'x')}",  # no such receipt
    ]
    for text in forged:
        code, out = verify(central, capsys, text)
        assert code == 1 and out["genuine"] is False and "伪造" in out["message"]


@pytest.mark.parametrize("text", ["", "not a receipt", "CG01-01-20261110-0001|12345", "CG01|zzzzzzzz"])
def test_text_that_is_no_receipt_is_refused_naming_the_field(central, capsys, text):
    code = central_main(["verify-receipt", "--dsn", central.dsn, text, "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 2 and out["errors"][0]["field"] == "text"
