"""The station's receipt key (回执密钥): issued by the centre, kept only in the OS keyring.

The centre makes one key per station (central revision 0015) and hands it to that station at its
sync; the station keeps it under the keyring service ``counter-app``, account
``receipt-key/<store id>``, as JSON ``{"key": hex, "issued_at": ISO time}``. The store keeps only
the public mark ``settings["receipt_key"] = {"issued_at": …}``. A key lost from the keyring is
simply asked for again at the next sync: the centre holds it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from counter_app.faults import KeyringUnavailable
from counter_app.store.audit_key import KEYRING_SERVICE, NO_KEYRING

MARK_KEY = "receipt_key"


@dataclass(frozen=True)
class ReceiptKey:
    key: bytes
    issued_at: str  # ISO 8601, as the centre stamped it


def account(store_id: str) -> str:
    return f"receipt-key/{store_id}"


def _keyring() -> Any:
    try:
        import keyring

        return keyring
    except Exception as exc:
        raise KeyringUnavailable(NO_KEYRING) from exc


def read(store_id: str) -> ReceiptKey | None:
    """The key of ``store_id`` from the keyring; None when there is none (or it is garbled)."""
    keyring = _keyring()
    try:
        text = keyring.get_password(KEYRING_SERVICE, account(store_id))
    except Exception as exc:
        raise KeyringUnavailable(NO_KEYRING) from exc
    if not text:
        return None
    try:
        value = json.loads(text)
        key = bytes.fromhex(value["key"])
        return ReceiptKey(key, str(value["issued_at"])) if len(key) == 32 else None
    except (ValueError, KeyError, TypeError):
        return None


def save(store_id: str, made: ReceiptKey) -> None:
    """Keep the centre's key in the keyring (and check it reads back: the "null" backend forgets)."""
    keyring = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, account(store_id),
                             json.dumps({"key": made.key.hex(), "issued_at": made.issued_at}))
    except Exception as exc:
        raise KeyringUnavailable(NO_KEYRING) from exc
    if read(store_id) != made:
        raise KeyringUnavailable(NO_KEYRING)
