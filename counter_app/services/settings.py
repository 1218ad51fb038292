"""Station settings (站点设置): typed, validated, kept in the local store; centre password in the keyring."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import keyring
import psycopg
from psycopg.conninfo import conninfo_to_dict

from counter_app.domain.errors import FieldError
from counter_app.domain.normalize import format_control_problem, normalize_code, normalize_text
from counter_app.faults import KeyringUnavailable, connection_message
from counter_app.services import approvals, audit
from counter_app.services.counter import Counter
from counter_app.store.audit_key import NO_KEYRING
from counter_app.store.uow import UnitOfWork
from counter_app.sync.engine import CENTRE_REBIND

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DOCUMENT_KINDS = {"receipt": "受理回执", "form": "申请表", "notice": "通知书", "letters": "批量信函"}
PRINTER_PREFIX, PAPER_PREFIX, DUPLEX_PREFIX = "printer_", "paper_", "duplex_"
PAPERS = ("A4", "A5")
# Receipts go to the small counter printer on A5; forms, notices and letters on A4.
DEFAULT_PAPER = {"receipt": "A5", "form": "A4", "notice": "A4", "letters": "A4"}
SCALAR_KEYS = ("station_code", "station_name", "terminal", "central_dsn", "language", "station_district")
SETTING_KEYS = SCALAR_KEYS + tuple(prefix + kind for prefix in (PRINTER_PREFIX, PAPER_PREFIX, DUPLEX_PREFIX)
                                   for kind in DOCUMENT_KINDS)
# Receipt numbers are STATION-TERMINAL-YYYYMMDD-NNNN and the centre makes a role station_<code>:
# a letter first, then letters, digits or underscores; never a hyphen.
STATION_CODE = re.compile(r"[A-Z][A-Z0-9_]{1,11}")
NAME_MAX, PRINTER_MAX = 40, 200
KEYRING_SERVICE = "counter-app"
CONNECT_TIMEOUT_S = 5
SETTING_LABELS = {"station_code": "服务站代码", "station_name": "服务站名称", "terminal": "窗口号",
                  "central_dsn": "中心数据库连接串", "language": "界面语言", "station_district": "所属区县"}
DISTRICT_MAX = 40


@dataclass(frozen=True)
class StationSettings:
    """What this counter PC is: station, terminal, centre connection, printers, language."""

    station_code: str = ""
    station_name: str = ""
    terminal: str = "01"
    central_dsn: str = ""  # empty: work offline for now
    language: str = "zh_CN"
    station_district: str = ""  # 所属区县: from ``station set``, ``connect`` (the centre's record) or the policy
    printers: Mapping[str, str] = field(default_factory=dict)  # document kind → printer ("" = ask)
    papers: Mapping[str, str] = field(default_factory=dict)  # document kind → "A4" / "A5"
    duplex: Mapping[str, bool] = field(default_factory=dict)  # document kind → both sides

    @property
    def configured(self) -> bool:
        """False until the first-run wizard (or ``save_settings``) has named the station."""
        return bool(self.station_code)

    @property
    def offline(self) -> bool:
        return not self.central_dsn

    def printer_for(self, kind: str) -> str:
        return self.printers.get(kind, "")

    def paper_for(self, kind: str) -> str:
        return self.papers.get(kind) or DEFAULT_PAPER.get(kind, "A4")

    def duplex_for(self, kind: str) -> bool:
        return bool(self.duplex.get(kind, False))

    def as_values(self) -> dict[str, str]:
        """Flat ``{field_key: value}``, the shape ``save_settings`` takes."""
        values = {key: getattr(self, key) for key in SCALAR_KEYS}
        for kind in DOCUMENT_KINDS:
            values[PRINTER_PREFIX + kind] = self.printer_for(kind)
            values[PAPER_PREFIX + kind] = self.paper_for(kind)
            values[DUPLEX_PREFIX + kind] = "1" if self.duplex_for(kind) else ""
        return values


@dataclass(frozen=True)
class ConnectionResult:
    ok: bool
    message: str


def load_settings(counter: Counter) -> StationSettings:
    with counter.store.unit_of_work() as uow:
        stored = uow.settings.all()
    return _from_values(stored)


def needs_setup(counter: Counter) -> bool:
    """A new station: no station named yet, and not a demo city (``--demo``) either."""
    with counter.store.unit_of_work() as uow:
        stored = uow.settings.all()
    return not _from_values(stored).configured and not stored.get("demo_seeded")


def _from_values(values: Mapping[str, Any]) -> StationSettings:
    default = StationSettings()
    scalars = {key: str(values.get(key) or getattr(default, key)) for key in SCALAR_KEYS}
    printers = {kind: str(values.get(PRINTER_PREFIX + kind) or "") for kind in DOCUMENT_KINDS}
    papers = {kind: str(values.get(PAPER_PREFIX + kind) or DEFAULT_PAPER[kind]) for kind in DOCUMENT_KINDS}
    duplex = {kind: bool(values.get(DUPLEX_PREFIX + kind)) for kind in DOCUMENT_KINDS}
    return StationSettings(**scalars, printers=printers, papers=papers, duplex=duplex)


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


def check_station_code(raw: Any) -> tuple[str, list[FieldError]]:
    code = normalize_code(raw)
    if not code:
        return code, [FieldError("station_code", "服务站代码不能为空")]
    if not STATION_CODE.fullmatch(code):
        message = "服务站代码应为2至12位字母、数字或下划线，以字母开头（如 CG01）"
        return code, [FieldError("station_code", message)]
    return code, []


def check_station_name(raw: Any) -> tuple[str, list[FieldError]]:
    name = normalize_text(raw)
    if not name:
        return name, [FieldError("station_name", "服务站名称不能为空")]
    if len(name) > NAME_MAX:
        return name, [FieldError("station_name", f"服务站名称不能超过{NAME_MAX}个字")]
    return name, []


def check_district(raw: Any, key: str = "district", required: bool = True) -> tuple[str, list[FieldError]]:
    hidden = format_control_problem(raw, "所属区县")
    district = normalize_text(raw)
    if hidden:
        return district, [FieldError(key, hidden)]
    if not district and not required:
        return district, []
    if not district:
        return district, [FieldError(key, "所属区县不能为空")]
    if len(district) > DISTRICT_MAX or any(ord(ch) < 32 for ch in district):
        return district, [FieldError(key, f"所属区县不能超过{DISTRICT_MAX}个字")]
    return district, []


def check_terminal(raw: Any) -> tuple[str, list[FieldError]]:
    text = normalize_text(raw)  # not normalize_code: "-1" must stay refused
    if not (text.isascii() and text.isdigit() and 1 <= len(text) <= 2 and int(text) >= 1):
        return text, [FieldError("terminal", "窗口号应为01至99的两位数字")]
    return text.zfill(2), []


def check_language(raw: Any) -> tuple[str, list[FieldError]]:
    language = normalize_text(raw) or "zh_CN"
    if language not in LANGUAGES:
        return language, [FieldError("language", "界面语言只能是简体中文或English")]
    return language, []


def check_printer(key: str, raw: Any, printers: set[str] | None) -> tuple[str, list[FieldError]]:
    name = normalize_text(raw)
    label = DOCUMENT_KINDS[key.removeprefix(PRINTER_PREFIX)]
    if len(name) > PRINTER_MAX or any(ord(ch) < 32 for ch in name):
        return name, [FieldError(key, f"{label}打印机名称不正确")]
    if name and printers is not None and name not in printers:
        return name, [FieldError(key, f"{label}打印机“{name}”在本机不可用，打印时将请您重新选择", "warning")]
    return name, []


def check_paper(key: str, raw: Any) -> tuple[str, list[FieldError]]:
    kind = key.removeprefix(PAPER_PREFIX)
    paper = normalize_text(raw).upper() or DEFAULT_PAPER[kind]
    if paper not in PAPERS:
        return paper, [FieldError(key, f"{DOCUMENT_KINDS[kind]}纸张只能选择 A4 或 A5")]
    return paper, []


def check_duplex(raw: Any) -> tuple[str, list[FieldError]]:
    """Stored as "1" (both sides) or "" (one side); the checkbox and the CLI give bools or strings."""
    on = raw if isinstance(raw, bool) else normalize_text(str(raw or "")).lower() in ("1", "true", "yes", "on", "是", "双面")
    return ("1" if on else ""), []


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
