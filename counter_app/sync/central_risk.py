"""电子稽查 at the centre: the rules of ``resources/audit/rules.toml`` run over every station's applications.

Each rule is data — a title, its parameters and one SQL query — so the back office can add or tune
one without a new version. Parameters the city's policy already fixes (which reasons close an
account, which documents co-borrowers may share, how often rent may be withdrawn) come from the
bundled policy, so the audit and the counter never disagree. Hits are listed, never acted on.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import psycopg
from openpyxl import Workbook

from counter_app.domain.clock import CHINA_TZ as CHINA
from counter_app.domain.policy import default_policy
from counter_app.paths import resources_dir

RULES_FILE = "audit/rules.toml"
COLUMNS = ("rule", "title", "station_code", "receipt_number", "subject_key", "at", "evidence")
HEADERS = ("规则", "规则名称", "服务站", "回执编号", "证件号码/人员", "时间", "证据")


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    sql: str
    params: dict[str, Any] = field(default_factory=dict)


def load_rules(path: Path | None = None) -> list[Rule]:
    """The rules file (the bundled one unless ``path``): a list of ``[[rule]]`` tables."""
    data = tomllib.loads((path or resources_dir() / RULES_FILE).read_text(encoding="utf-8"))
    return [Rule(r["code"], r["title"], r["sql"], dict(r.get("params", {}))) for r in data.get("rule", [])]


def policy_params(on: date) -> dict[str, Any]:
    """What the city's policy in force on ``on`` says, under the names the rules use."""
    reasons = default_policy().in_force(on).withdrawal.reasons
    rent = reasons.get("07")
    between = (rent.min_months_between if rent is not None else None) or 1
    return {
        "closing_reasons": sorted(code for code, r in reasons.items() if r.closing),
        "shared_reasons": sorted(code for code, r in reasons.items() if r.shared_document),
        "per_year": max(1, 12 // between),
    }


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """China calendar days ``start``..``end`` (inclusive) as a half-open instant range."""
    return datetime.combine(start, time(), CHINA), datetime.combine(end + timedelta(days=1), time(), CHINA)


def run_rules(conn: psycopg.Connection, start: date, end: date, rules: list[Rule] | None = None) -> list[dict[str, Any]]:
    """Every hit of every rule in the window, ordered by rule then time."""
    low, high = _bounds(start, end)
    base = {**policy_params(end), "from": low, "to": high}
    hits: list[dict[str, Any]] = []
    for rule in rules if rules is not None else load_rules():
        with conn.transaction():
            conn.execute("SET TRANSACTION READ ONLY")
            rows = conn.execute(rule.sql, {**base, **rule.params}).fetchall()
        for station, receipt, subject, at, evidence in rows:
            hits.append({"rule": rule.code, "title": rule.title, "station_code": station, "receipt_number": receipt,
                         "subject_key": subject, "at": at.astimezone(CHINA).isoformat(timespec="seconds") if at else "",
                         "evidence": evidence})
    return hits


def write_xlsx(hits: list[dict[str, Any]], out: Path) -> None:
    """The hits as a worksheet the back office opens in Excel (headers in Chinese)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "电子稽查"
    sheet.append(HEADERS)
    for hit in hits:
        sheet.append([str(hit[c] or "") for c in COLUMNS])
    for column, width in zip("ABCDEFG", (18, 30, 10, 26, 22, 22, 70)):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    tmp = out.with_name(out.name + ".part")
    book.save(tmp)
    tmp.replace(out)  # a half-written file never carries the real name
