"""The station's settings as stored (站点设置): what each field may hold, read from the local store.

Kept apart from ``services.settings`` (saving them, the centre's connection string, password and test,
which need psycopg and the keyring) so that reading them costs a cold ``counter-app print`` nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from counter_app.domain.errors import FieldError
from counter_app.domain.normalize import format_control_problem, normalize_code, normalize_text
from counter_app.services.counter import Counter

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


def load_settings(counter: Counter) -> StationSettings:
    with counter.store.unit_of_work() as uow:
        stored = uow.settings.all()
    return settings_from(stored)


def needs_setup(counter: Counter) -> bool:
    """A new station: no station named yet, and not a demo city (``--demo``) either."""
    with counter.store.unit_of_work() as uow:
        stored = uow.settings.all()
    return not settings_from(stored).configured and not stored.get("demo_seeded")


def settings_from(values: Mapping[str, Any]) -> StationSettings:
    default = StationSettings()
    scalars = {key: str(values.get(key) or getattr(default, key)) for key in SCALAR_KEYS}
    printers = {kind: str(values.get(PRINTER_PREFIX + kind) or "") for kind in DOCUMENT_KINDS}
    papers = {kind: str(values.get(PAPER_PREFIX + kind) or DEFAULT_PAPER[kind]) for kind in DOCUMENT_KINDS}
    duplex = {kind: bool(values.get(DUPLEX_PREFIX + kind)) for kind in DOCUMENT_KINDS}
    return StationSettings(**scalars, printers=printers, papers=papers, duplex=duplex)


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
