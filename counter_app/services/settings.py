"""Station settings (站点设置): saved after their checks, and the centre's connection (its string, the
password in the keyring, a test). Reading them and the checks of each field are in ``station_config``."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import keyring
import psycopg
from psycopg.conninfo import conninfo_to_dict

from counter_app.domain.errors import FieldError
from counter_app.domain.normalize import format_control_problem, normalize_text
from counter_app.faults import KeyringUnavailable, connection_message
from counter_app.services import approvals, audit
from counter_app.services.counter import Counter
from counter_app.services.station_config import (
    CONNECT_TIMEOUT_S,
    DEFAULT_PAPER,
    DISTRICT_MAX,
    DOCUMENT_KINDS,
    DUPLEX_PREFIX,
    KEYRING_SERVICE,
    LANGUAGES,
    NAME_MAX,
    PAPER_PREFIX,
    PAPERS,
    PRINTER_MAX,
    PRINTER_PREFIX,
    SCALAR_KEYS,
    SETTING_KEYS,
    SETTING_LABELS,
    STATION_CODE,
    StationSettings,
    check_district,
    check_duplex,
    check_language,
    check_paper,
    check_printer,
    check_station_code,
    check_station_name,
    check_terminal,
    load_settings,
    needs_setup,
    settings_from,
)
from counter_app.store.audit_key import NO_KEYRING
from counter_app.store.uow import UnitOfWork
from counter_app.sync.engine import CENTRE_REBIND

__all__ = [
    "CONNECT_TIMEOUT_S",
    "DEFAULT_PAPER",
    "DISTRICT_MAX",
    "DOCUMENT_KINDS",
    "DUPLEX_PREFIX",
    "KEYRING_SERVICE",
    "LANGUAGES",
    "NAME_MAX",
    "PAPERS",
    "PAPER_PREFIX",
    "PRINTER_MAX",
    "PRINTER_PREFIX",
    "SCALAR_KEYS",
    "SETTING_KEYS",
    "SETTING_LABELS",
    "STATION_CODE",
    "ConnectionResult",
    "StationSettings",
    "central_password",
    "certificate_login",
    "check_district",
    "check_dsn",
    "check_duplex",
    "check_language",
    "check_paper",
    "check_printer",
    "check_station_code",
    "check_station_name",
    "check_terminal",
    "forget_central_password",
    "keyring_account",
    "load_settings",
    "needs_setup",
    "normalize_settings",
    "save_central_password",
    "save_settings",
    "settings_from",
    "test_connection",
]


@dataclass(frozen=True)
class ConnectionResult:
    ok: bool
    message: str


def save_settings(
    counter: Counter, changes: Mapping[str, Any], available_printers: Iterable[str] | None = None,
    *, approval: Any = None,
) -> list[FieldError]:
    """Validate ``changes`` (field key → value); store them only if there is no error.

    Returns every problem found (errors block, warnings such as an unplugged printer do not). On
    success the open ``counter`` takes the new station, name and terminal at once. Once the
    station has clerk accounts a supervisor's ``approval`` is needed (error on field ``approval``).
    """
    values, problems = normalize_settings(changes, available_printers)
    if any(p.severity == "error" for p in problems):
        return problems
    with counter.store.unit_of_work(write=True) as uow:
        refused = approvals.refusal(counter, approvals.settings_request(), approval, uow)
        if refused:
            return [*problems, refused]
        before = uow.settings.all()
        changed = {k: v for k, v in values.items() if before.get(k) != v}
        fixed = _station_code_fixed(uow, before, values.get("station_code")) if "station_code" in changed else None
        if fixed:
            return [*problems, fixed]
        for key, value in values.items():
            uow.settings.set(key, value)
        if changed.get("central_dsn"):  # a new connection: its centre is the station's (see sync.engine)
            uow.settings.set(CENTRE_REBIND, True)
        if changed:
            audit.record(counter, "settings", "station", {"changed": sorted(changed), **(
                {"approved_by": approvals.approver_of(approval)} if approvals.approver_of(approval) else {})}, uow=uow)
        uow.commit()
    current = load_settings(counter)
    if current.station_code:
        counter.station_code = current.station_code
        counter.station_name = current.station_name or current.station_code
        counter.station_configured = True
    counter.terminal = current.terminal
    return problems


def _station_code_fixed(uow: UnitOfWork, before: Mapping[str, Any], code: Any) -> FieldError | None:
    """Receipts already handed out, or a centre login, fix the station code (the settings dialog
    must not renumber a station behind its applicants' backs)."""
    taken = uow.applications.station_codes() - {code}
    if taken:
        return FieldError("station_code", f"本机已以服务站 {'、'.join(sorted(taken))} 的名义受理业务（回执已发出），"
                                          "服务站代码不能再改")
    if before.get("central_dsn") and before.get("station_code") not in (None, code):
        return FieldError("station_code", f"本机已作为服务站 {before['station_code']} 连接中心，服务站代码不能再改")
    return None


def normalize_settings(
    changes: Mapping[str, Any], available_printers: Iterable[str] | None = None
) -> tuple[dict[str, str], list[FieldError]]:
    """Normalised values and the problems of each changed field (for a form's live checks too)."""
    printers = None if available_printers is None else set(available_printers)
    values: dict[str, str] = {}
    problems: list[FieldError] = []
    for key, raw in changes.items():
        if key not in SETTING_KEYS:
            problems.append(FieldError(key, "未知的设置项"))
            continue
        hidden = format_control_problem(raw, SETTING_LABELS.get(key, key))
        value, found = _check(key, raw, printers)
        if hidden:
            found = [FieldError(key, hidden)]
        values[key] = value
        problems += found
    return values, problems


def _check(key: str, raw: Any, printers: set[str] | None) -> tuple[str, list[FieldError]]:
    if key == "station_code":
        return check_station_code(raw)
    if key == "station_name":
        return check_station_name(raw)
    if key == "terminal":
        return check_terminal(raw)
    if key == "central_dsn":
        return check_dsn(raw)
    if key == "language":
        return check_language(raw)
    if key.startswith(PAPER_PREFIX):
        return check_paper(key, raw)
    if key.startswith(DUPLEX_PREFIX):
        return check_duplex(raw)
    if key == "station_district":
        return check_district(raw, key, required=False)  # optional here; ``station set`` asks for it
    return check_printer(key, raw, printers)


def check_dsn(raw: Any) -> tuple[str, list[FieldError]]:
    """The centre's PostgreSQL address; empty means "work offline for now". Never a password."""
    dsn = normalize_text(raw)
    if not dsn:
        return "", []
    try:
        parts = conninfo_to_dict(dsn)
    except Exception:  # noqa: BLE001  psycopg raises ProgrammingError with an English parser message
        return dsn, [FieldError("central_dsn", "中心数据库连接串格式不正确（示例：postgresql://station_cg01@中心服务器:5432/hpf）")]
    return dsn, [FieldError("central_dsn", message) for message in _dsn_problems(parts)]


def _dsn_problems(parts: Mapping[str, Any]) -> list[str]:
    problems = []
    if parts.get("password"):
        problems.append("连接串中不能包含密码：密码单独输入，保存在系统钥匙串中")
    for key, label in (("host", "服务器地址（host）"), ("dbname", "数据库名（dbname）"), ("user", "用户名（user）")):
        if not parts.get(key):
            problems.append(f"连接串缺少{label}")
    port = str(parts.get("port") or "5432")
    if not (port.isdigit() and 0 < int(port) < 65536):
        problems.append("连接串中的端口号应为1至65535的数字")
    return problems


def test_connection(dsn: str, password: str | None, timeout: int = CONNECT_TIMEOUT_S) -> ConnectionResult:
    """Try the centre with a short timeout; a Chinese sentence for the clerk either way."""
    dsn, problems = check_dsn(dsn)
    if not dsn:
        return ConnectionResult(False, "未填写中心数据库连接串")
    if problems:
        return ConnectionResult(False, problems[0].message)
    try:
        with psycopg.connect(dsn, password=password or None, connect_timeout=timeout) as conn:
            ready = conn.execute("SELECT to_regclass('central.stations') IS NOT NULL").fetchone()
    except psycopg.Error as exc:
        return ConnectionResult(False, connection_message(str(exc)))
    if not ready or not ready[0]:
        return ConnectionResult(False, "已连接到服务器，但该数据库尚未建立中心库（请中心执行 counter-central init）")
    return ConnectionResult(True, "连接成功")


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test despite its name


def keyring_account(dsn: str) -> str:
    """The keyring entry of a centre login: ``user@host:port/dbname`` (shared with the sync engine)."""
    parts = conninfo_to_dict(dsn)
    return f"{parts.get('user', '')}@{parts.get('host', '')}:{parts.get('port') or 5432}/{parts.get('dbname', '')}"


def save_connection(counter: Counter, dsn: str, password: str) -> None:
    """The centre's password saved by a supervisor re-entering the connection (the settings dialog):
    like ``counter-app connect``, the centre behind it is the station's from the next sync on, even
    another database than before (then under the snapshot's guard, see sync.engine)."""
    save_central_password(dsn, password)
    with counter.store.unit_of_work(write=True) as uow:
        uow.settings.set(CENTRE_REBIND, True)
        uow.commit()


def save_central_password(dsn: str, password: str) -> None:
    """Into the OS keyring, read back; ``KeyringUnavailable`` when there is no working keyring."""
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_account(dsn), password)
        stored = keyring.get_password(KEYRING_SERVICE, keyring_account(dsn))
    except Exception as exc:
        raise KeyringUnavailable(NO_KEYRING) from exc
    if stored != password:  # the "null" backend accepts and forgets
        raise KeyringUnavailable(NO_KEYRING)


def forget_central_password(dsn: str) -> None:
    with contextlib.suppress(Exception):  # nothing there, or no keyring: nothing to forget
        keyring.delete_password(KEYRING_SERVICE, keyring_account(dsn))


def central_password(dsn: str) -> str | None:
    """The centre password of ``dsn`` from the keyring; ``KeyringUnavailable`` when it cannot be asked."""
    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_account(dsn))
    except Exception as exc:
        raise KeyringUnavailable(NO_KEYRING) from exc


def certificate_login(dsn: str) -> bool:
    """A DSN that logs in with a client certificate (``sslcert`` and ``sslkey``): no password at all."""
    try:
        parts = conninfo_to_dict(dsn)
    except Exception:  # noqa: BLE001
        return False
    return bool(parts.get("sslcert") and parts.get("sslkey"))
