"""缴存使用证明: the certificate of contribution and use another region's centre asks for (跨省通办).

Built from the station's data on one day: the account, its status, base, months paid, balance and
the fund loans. Its verification code is a keyed signature of exactly what is printed: HMAC-SHA256
under the station's secret key (the audit key, kept in the OS keyring and registered with the centre
at the first sync). The centre, holding that key, recomputes it from the QR text (``verify``): a
changed figure does not pass, and nobody without the station's key can make a code that does.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from counter_app.domain.ids import mask_id_number
from counter_app.domain.money import CENT

PREFIX = "GJJZM2"  # what the QR text starts with, and its format version (2: the code is keyed)
# Version 1 (printed before the code was keyed): its code is a plain SHA-256 of the line, which anyone
# can compute for any figures — it can show a QR was damaged, never that a certificate is genuine.
LEGACY_PREFIX = "GJJZM1"
_CODE = re.compile(r"^[0-9A-F]{4}(-[0-9A-F]{4}){3}$")


@dataclass(frozen=True)
class LoanLine:
    """One fund loan as the certificate shows it."""

    loan_no: str
    principal: Decimal
    outstanding: Decimal
    status: str  # its code (domain.status.LoanStatus: repaying / settled / overdue), printed by its label
    start_date: date


@dataclass(frozen=True)
class Certificate:
    """Everything a certificate states (money in yuan, exact cents)."""

    id_number: str
    name: str
    account_no: str
    account_status: str  # its code (domain.status.AccountStatus, e.g. "01" 正常), printed by its label
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
        number masked as on paper (the account number finds the worker at the centre). Plain ASCII:
        statuses by their codes, so any scanner reads the QR alike (one reading UTF-8 as Shift-JIS
        would otherwise turn 正常 into other characters and a genuine certificate into a forgery)."""
        loans = ";".join(f"{ln.loan_no},{_money(ln.principal)},{_money(ln.outstanding)},{ln.status}" for ln in self.loans)
        return "|".join((
            PREFIX, self.station_code, self.as_of.isoformat(), mask_id_number(self.id_number), self.account_no,
            self.account_status,
            _money(self.monthly_base), str(self.months_paid), _money(self.balance), loans,
        ))


def _money(value: Decimal | None) -> str:
    return "" if value is None else str(Decimal(value).quantize(CENT))


def digest(canonical: str) -> str:
    """An unkeyed fingerprint of the canonical line (the serial's last four digits)."""
    return _groups(hashlib.sha256(canonical.encode()).hexdigest())


def code(key: bytes, canonical: str) -> str:
    """Verification code: 16 hex digits of HMAC-SHA256 under the station's key, in groups of four."""
    return _groups(hmac.new(key, f"certificate:{canonical}".encode(), hashlib.sha256).hexdigest())


def _groups(hexdigest: str) -> str:
    raw = hexdigest[:16].upper()
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def serial_of(station_code: str, as_of: date, canonical: str) -> str:
    return f"ZM{station_code}{as_of:%Y%m%d}{digest(canonical)[:4]}"


def qr_text(cert: Certificate, key: bytes) -> str:
    """What the QR code holds: the canonical line and its keyed code."""
    return f"{cert.canonical()}|{code(key, cert.canonical())}"


@dataclass(frozen=True)
class Scanned:
    """A QR text taken apart: the certified line, who issued it on which day, and the code it carries."""

    body: str
    station_code: str
    as_of: date
    code: str
    fields: tuple[str, ...]  # the canonical line's parts

    @property
    def serial(self) -> str:
        return serial_of(self.station_code, self.as_of, self.body)


def scan(text: str, prefix: str = PREFIX) -> Scanned | None:
    """A certificate's QR text taken apart (None when the text is not one of format ``prefix``)."""
    body, _, found = text.strip().rpartition("|")
    parts = tuple(body.split("|"))
    if len(parts) != 10 or parts[0] != prefix or not _CODE.match(found):
        return None
    try:
        as_of = date.fromisoformat(parts[2])
    except ValueError:
        return None
    return Scanned(body, parts[1], as_of, found, parts)


def scan_legacy(text: str) -> Scanned | None:
    """A version-1 certificate's QR text taken apart (None when the text is not one)."""
    return scan(text, LEGACY_PREFIX)


def legacy_intact(scanned: Scanned) -> bool:
    """Whether a version-1 QR text still matches its own unkeyed digest (not whether it is genuine)."""
    return hmac.compare_digest(digest(scanned.body), scanned.code)


def verify(text: str, key: bytes) -> bool:
    """Whether a scanned QR text is a certificate whose figures match its code under ``key``."""
    scanned = scan(text)
    return scanned is not None and hmac.compare_digest(code(key, scanned.body), scanned.code)
