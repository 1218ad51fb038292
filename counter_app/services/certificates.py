"""缴存使用证明: build the certificate from the station's data, print it, log the print."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from counter_app.domain.certificate import Certificate, LoanLine, code, qr_text, serial_of
from counter_app.domain.errors import Checked
from counter_app.domain.ids import check_resident_id
from counter_app.domain.normalize import normalize_code
from counter_app.domain.status import AccountStatus
from counter_app.printing.certificate import CertificateDoc, render_certificate
from counter_app.services import audit
from counter_app.services.counter import Counter
from counter_app.services.printing import Printed
from counter_app.services.rules import live_account
from counter_app.store.records import PrintLogEntry

DOCUMENT = "certificate"


def build_certificate(counter: Counter, id_number: str) -> Checked[Certificate]:
    """The certificate of a worker's account as the station knows it today (an error names ``id_number``)."""
    key = normalize_code(id_number)
    checked = check_resident_id(key, field="id_number", today=counter.today())
    if not checked.ok and not key:
        return Checked(None, checked.errors)
    key = str(checked.value) if checked.ok else key
    with counter.store.unit_of_work() as uow:
        worker = uow.workers.get(key)
        account = live_account(uow.accounts.for_person(key))
        loans = uow.loans.for_person(key)
        employer = uow.employers.get(account.employer_uscc) if account and account.employer_uscc else None
    if worker is None or account is None:
        return Checked.fail("id_number", "本站没有该证件号码的住房公积金账户，不能出具缴存使用证明")
    cert = Certificate(
        id_number=key, name=worker.name, account_no=account.account_no, account_status=str(account.status),
        employer=employer.name if employer else "", monthly_base=account.monthly_base,
        monthly_contribution=account.monthly_contribution,
        months_paid=account.consecutive_months if account.status == AccountStatus.NORMAL else 0,
        balance=account.balance, opened_on=account.opened_on,
        loans=tuple(LoanLine(ln.loan_no, ln.principal, ln.outstanding, str(ln.status), ln.start_date)
                    for ln in sorted(loans, key=lambda ln: ln.start_date)),
        as_of=counter.today(), station_code=counter.station_code, serial="",
    )
    return Checked(replace(cert, serial=serial_of(cert.station_code, cert.as_of, cert.canonical())))


def print_certificate(counter: Counter, id_number: str, out: str | os.PathLike[str] | None = None,
                      purpose: str | None = None) -> Checked[Printed]:
    """Render the certificate to ``out`` (default: the day's prints folder) and log the print."""
    built = build_certificate(counter, id_number)
    if built.value is None:
        return Checked(None, built.errors)
    cert = built.value
    version = counter.policy_on()
    path = Path(out) if out is not None else counter.data_dir / "prints" / counter.today().isoformat() / f"{cert.serial}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    key = audit.ensure_key(counter).key  # the station's key: the centre checks the code with it
    signed = code(key, cert.canonical())
    doc = CertificateDoc(cert, signed, qr_text(cert, key), version.centre_name, counter.station_name, counter.clerk,
                         **({"purpose": purpose} if purpose else {}), printed_at=counter.local(counter.now()))
    pages = render_certificate(doc, path)
    with counter.store.unit_of_work(write=True) as uow:
        uow.print_log.add(PrintLogEntry(document=DOCUMENT, clerk=counter.clerk, subject=cert.id_number,
                                        receipt_number=cert.serial, reprint=False, reason=None, pages=pages,
                                        path=str(path), at=counter.now()))
        # The code travels in the audit row (sealed by the chain): the centre checks a typed serial and code with it.
        audit.record(counter, "print", cert.serial, {"document": DOCUMENT, "pages": pages, "code": signed,
                                                     "subject": audit.masked(cert.id_number)}, uow=uow)
        uow.commit()
    return Checked(Printed(path, pages, number=cert.serial))
