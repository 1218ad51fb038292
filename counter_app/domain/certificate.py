"""缴存使用证明: the certificate of contribution and use another region's centre asks for (跨省通办).

Built from the station's data on one day: the account, its status, base, months paid, balance and
the fund loans. Its verification code is a digest of exactly what is printed, so the centre, holding
the same rows, recomputes it from the QR text (``verify``) and a changed figure does not pass.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from counter_app.domain.ids import mask_id_number
from counter_app.domain.money import CENT

PREFIX = "GJJZM1"  # what the QR text starts with, and its format version


@dataclass(frozen=True)
class LoanLine:
    """One fund loan as the certificate shows it."""

    loan_no: str
    principal: Decimal
    outstanding: Decimal
    status: str  # its label: 正常还款 / 已结清 / 逾期
    start_date: date


@dataclass(frozen=True)
class Certificate:
    """Everything a certificate states (money in yuan, exact cents)."""

    id_number: str
    name: str
    account_no: str
    account_status: str  # label, e.g. 正常
    employer: str
    monthly_base: Decimal | None
    monthly_contribution: Decimal | None
    months_paid: int  # consecutive months contributed up to the day
    balance: Decimal
    opened_on: date | None
    loans: tuple[LoanLine, ...]
    as_of: date
    station_code: str
    serial: str  # certificate number: station, day and the code's first part

    def canonical(self) -> str:
        """The certified facts as one line, in a fixed order and format (what the code digests); the ID
        number masked as on paper (the account number finds the worker at the centre)."""
        loans = ";".join(f"{ln.loan_no},{_money(ln.principal)},{_money(ln.outstanding)},{ln.status}" for ln in self.loans)
        return "|".join((
            PREFIX, self.station_code, self.as_of.isoformat(), mask_id_number(self.id_number), self.account_no,
            self.account_status,
            _money(self.monthly_base), str(self.months_paid), _money(self.balance), loans,
        ))


def _money(value: Decimal | None) -> str:
    return "" if value is None else str(Decimal(value).quantize(CENT))


def digest(canonical: str) -> str:
    """Verification code: 16 hex digits of SHA-256 over the canonical line, in groups of four."""
    raw = hashlib.sha256(canonical.encode()).hexdigest()[:16].upper()
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def serial_of(station_code: str, as_of: date, canonical: str) -> str:
    return f"ZM{station_code}{as_of:%Y%m%d}{digest(canonical)[:4]}"


def qr_text(cert: Certificate) -> str:
    """What the QR code holds: the canonical line and its code."""
    return f"{cert.canonical()}|{digest(cert.canonical())}"


def verify(text: str) -> bool:
    """Whether a scanned QR text is a certificate whose figures match its code."""
    body, _, code = text.strip().rpartition("|")
    return body.startswith(PREFIX + "|") and digest(body) == code
