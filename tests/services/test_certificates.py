"""缴存使用证明 printed from the station's data: figures, loans, masked ID, the print logged."""

from __future__ import annotations

import subprocess

from service_world import ACCOUNT_NO, W

from counter_app.services import print_certificate
from counter_app.services.certificates import build_certificate


def _text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())


def test_certificate_states_the_account_and_its_loans(counter, tmp_path):
    made = print_certificate(counter, W.borrower, tmp_path / "zm.pdf")
    assert made.ok and made.value is not None and made.value.pages == 1
    text = _text(made.value.path)
    assert "住房公积金缴存使用证明" in text and "赵六" in text and ACCOUNT_NO["borrower"] in text
    assert "DK0000000001" in text and "还款中" in text and "核验码" in text
    assert W.borrower not in text  # masked on paper
    cert = build_certificate(counter, W.borrower).value
    assert cert is not None and made.value.number == cert.serial
    with counter.store.unit_of_work() as uow:
        logged = uow.print_log.for_receipt(cert.serial)
    assert [(p.document, p.subject) for p in logged] == [("certificate", W.borrower)]


def test_no_loan_is_said_so(counter, tmp_path):
    made = print_certificate(counter, W.active, tmp_path / "zm.pdf")
    assert made.value is not None and "无住房公积金贷款记录" in _text(made.value.path)


def test_no_account_no_certificate(counter, tmp_path):
    made = print_certificate(counter, W.stranger, tmp_path / "zm.pdf")
    assert not made.ok and made.errors[0].field == "id_number" and not (tmp_path / "zm.pdf").exists()
