"""A receipt's verification code (回执校验码) and QR content: printed by the station, checked by the centre.

The code is the first 8 hex digits of SHA-256 over ``"<receipt_number>|<client_id>"``. The client id
(a random UUIDv7) is known only to the station that took the application and to the centre that
received it, so nobody else can make a code that matches a real receipt number.
"""

from __future__ import annotations

import hashlib
import re

CODE_LENGTH = 8
_TEXT = re.compile(r"^\s*(?P<number>[A-Za-z0-9_-]+)\s*[|｜\s]\s*(?P<code>[0-9A-Fa-f]{8})\s*$")


def verification_code(receipt_number: str, client_id: str) -> str:
    """First 8 hex digits of SHA-256 over ``"<receipt_number>|<client_id>"`` (UTF-8)."""
    return hashlib.sha256(f"{receipt_number}|{client_id}".encode()).hexdigest()[:CODE_LENGTH]


def qr_payload(receipt_number: str, client_id: str) -> str:
    """What the receipt's QR code encodes: ``"<receipt_number>|<verification code>"``."""
    return f"{receipt_number}|{verification_code(receipt_number, client_id)}"


def parse_receipt_text(text: str) -> tuple[str, str] | None:
    """(receipt number, code) from a QR's content or a number typed with its code, else None."""
    found = _TEXT.match(text or "")
    if found is None:
        return None
    return found["number"].upper(), found["code"].lower()
