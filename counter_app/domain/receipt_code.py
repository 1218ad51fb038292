"""A receipt's verification code (回执校验码) and QR content: printed by the station, checked by the centre.

The code is the first 8 hex digits of HMAC-SHA256 over ``"<receipt_number>|<client_id>"`` with the
station's receipt key, which the centre issues to that station alone (central revision 0015): a
station cannot make a code for another station's receipt, and a leaked client id is not enough.
A station that has not received its key yet (a new one, offline since it was set up) prints the
older unkeyed code, SHA-256 over the same text; the centre accepts that one only for receipts taken
before the station's key was issued.
"""

from __future__ import annotations

import hashlib
import hmac
import re

CODE_LENGTH = 8
_TEXT = re.compile(r"^\s*(?P<number>[A-Za-z0-9_-]+)\s*[|｜\s]\s*(?P<code>[0-9A-Fa-f]{8})\s*$")


def _message(receipt_number: str, client_id: str) -> bytes:
    return f"{receipt_number}|{client_id}".encode()


def verification_code(receipt_number: str, client_id: str, key: bytes | None = None) -> str:
    """The receipt's 8 hex digits: keyed (HMAC-SHA256 with the station's receipt ``key``), or the
    unkeyed SHA-256 of a station that has no key yet."""
    if key is None:
        return unkeyed_code(receipt_number, client_id)
    return hmac.new(key, _message(receipt_number, client_id), hashlib.sha256).hexdigest()[:CODE_LENGTH]


def unkeyed_code(receipt_number: str, client_id: str) -> str:
    """First 8 hex digits of SHA-256 over ``"<receipt_number>|<client_id>"`` (receipts before the key)."""
    return hashlib.sha256(_message(receipt_number, client_id)).hexdigest()[:CODE_LENGTH]


def qr_payload(receipt_number: str, client_id: str, key: bytes | None = None) -> str:
    """What the receipt's QR code encodes: ``"<receipt_number>|<verification code>"``."""
    return f"{receipt_number}|{verification_code(receipt_number, client_id, key)}"


def parse_receipt_text(text: str) -> tuple[str, str] | None:
    """(receipt number, code) from a QR's content or a number typed with its code, else None."""
    found = _TEXT.match(text or "")
    if found is None:
        return None
    return found["number"].upper(), found["code"].lower()
