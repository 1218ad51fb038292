"""The audit chain's secret key (审计密钥): made once per store, kept only in the OS keyring.

The key lives under the same keyring service as the centre's password (``counter-app``), account
``audit-key/<store id>`` (the store id is a random name made by store revision 0006, so two data
dirs on one PC have two keys, and a backup restored on the same PC finds its key again). Its value
is JSON ``{"key": hex, "from_seq": N}``: the seq of the first keyed row travels with the key, out
of reach of whoever edits the SQLite file. The store keeps only a public mark
(``settings["audit_key"] = {"from_seq": N}``) so that a key gone missing is reported as missing.

No usable keyring (a Linux PC without a Secret Service, a broken backend): the key is refused, not
written anywhere else — ``KeyringUnavailable`` (exit 2 on the command line) says what to install.
"""

from __future__ import annotations

import contextlib
import json
import secrets
from typing import Any

from counter_app.domain.audit_chain import ChainKey
from counter_app.faults import KeyringUnavailable

KEYRING_SERVICE = "counter-app"  # the service of the centre password entry too (services.settings)
MARK_KEY = "audit_key"  # settings row: {"from_seq": N}, public
NO_KEYRING = ("系统钥匙串不可用：审计日志的密钥只能保存在系统钥匙串中（Windows 凭据管理器、macOS 钥匙串，"
              "或 Linux 的 Secret Service 如 GNOME 钥匙串/KWallet），不会写入数据文件。请启用钥匙串服务后重试，本次操作未保存")
NO_KEYRING_TO_VERIFY = ("系统钥匙串不可用：取不到本机的审计密钥，审计日志无法核验（这并不表示日志被改动）。"
                        "请启用钥匙串服务后重新核验")
KEY_GONE = ("系统钥匙串中找不到本机的审计密钥（第{from_seq}条起的审计记录用它签名）：为防止审计日志被改写，"
            "已停止写入。请恢复钥匙串，或联系管理中心核实后处理")


def account(store_id: str) -> str:
    return f"audit-key/{store_id}"


def _keyring() -> Any:
    try:
        import keyring

        return keyring
    except Exception as exc:
        raise KeyringUnavailable(NO_KEYRING) from exc


def read(store_id: str) -> ChainKey | None:
    """The key of ``store_id`` from the keyring; None when there is none. A keyring that cannot be
    asked at all raises ``KeyringUnavailable``."""
    keyring = _keyring()
    try:
        text = keyring.get_password(KEYRING_SERVICE, account(store_id))
    except Exception as exc:
        raise KeyringUnavailable(NO_KEYRING) from exc
    if not text:
        return None
    try:
        value = json.loads(text)
        return ChainKey(bytes.fromhex(value["key"]), int(value["from_seq"]))
    except (ValueError, KeyError, TypeError):
        return None  # a garbled entry is no key: verification then reports it as missing


def create(store_id: str, from_seq: int) -> ChainKey:
    """A new random 256-bit key for rows from ``from_seq`` on, stored and read back from the keyring."""
    made = ChainKey(secrets.token_bytes(32), from_seq)
    keyring = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, account(store_id),
                             json.dumps({"key": made.key.hex(), "from_seq": from_seq}))
    except Exception as exc:
        raise KeyringUnavailable(NO_KEYRING) from exc
    again = read(store_id)
    if again is None or again.key != made.key:  # the "null" backend accepts and forgets
        raise KeyringUnavailable(NO_KEYRING)
    return made


def keyring_usable() -> bool:
    """Whether a secret can be written and read back (for ``connect``, before it saves anything)."""
    keyring = _keyring()
    probe = "probe-" + secrets.token_hex(4)
    try:
        keyring.set_password(KEYRING_SERVICE, probe, probe)
        ok = keyring.get_password(KEYRING_SERVICE, probe) == probe
        with contextlib.suppress(Exception):  # a backend without delete is still usable
            keyring.delete_password(KEYRING_SERVICE, probe)
        return ok
    except Exception:  # noqa: BLE001
        return False
