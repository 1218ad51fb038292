"""City policy (城市政策): load the versioned TOML file, validate it, look versions up by date.

The file holds a complete ``[base]`` version and ``[[versions]]`` that each carry an
``effective_from`` date and only the keys they change; each is deep-merged over the one before
(tables merge, values and arrays replace). A bad file is refused as a whole with ``PolicyError``,
each problem given as ``file:line: key.path: reason`` so whoever edits the file can find it.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from counter_app.domain.businesses import kinds
from counter_app.domain.policy_schema import (
    AREAS,
    District,
    LoanPolicy,
    PolicyVersion,
    Station,
    WithdrawalPolicy,
    WithdrawalReason,
    reference_problems,
)
from counter_app.paths import resources_dir

__all__ = [
    "AREAS", "District", "LoanPolicy", "PolicyBook", "PolicyError", "PolicyProblem", "PolicyVersion", "Station",
    "WithdrawalPolicy", "WithdrawalReason", "default_policy", "load_policy", "parse_policy",
]

SCHEMA_VERSION = 1
KeyPath = tuple[str | int, ...]  # keys and array indices, e.g. ("versions", 1, "loan")


@dataclass(frozen=True)
class PolicyProblem:
    file: str
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.key}: " if self.key else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


class PolicyError(Exception):
    """A policy file that cannot be used, or a date no version covers. ``problems`` lists each one."""

    def __init__(self, problems: list[PolicyProblem] | str) -> None:
        self.problems = [] if isinstance(problems, str) else problems
        super().__init__(problems if isinstance(problems, str) else "\n".join(map(str, problems)))


@dataclass(frozen=True)
class PolicyBook:
    """All versions of one policy file, oldest first."""

    versions: tuple[PolicyVersion, ...]
    source: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def latest(self) -> PolicyVersion:
        return self.versions[-1]

    def in_force(self, day: date) -> PolicyVersion:
        """The version in force on ``day`` (the application's date, never "now")."""
        if isinstance(day, datetime):
            day = day.date()
        starts = [v.effective_from for v in self.versions]
        i = bisect.bisect_right(starts, day) - 1
        if i < 0:
            raise PolicyError(f"{day.isoformat()}早于政策最早的生效日期{starts[0].isoformat()}，没有适用的政策")
        return self.versions[i]


def load_policy(path: str | Path) -> PolicyBook:
    """Read and validate a policy file; ``PolicyError`` lists every problem with line and key."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise PolicyError(f"找不到政策文件：{path}") from None
    except UnicodeDecodeError:
        raise PolicyError(f"{path.name}: 政策文件应为UTF-8编码") from None
    return parse_policy(text, source=str(path))


@lru_cache(maxsize=1)
def default_policy() -> PolicyBook:
    """The bundled demo city's policy, loaded once."""
    return load_policy(resources_dir() / "policy" / "demo-city.toml")


def parse_policy(text: str, source: str = "<policy>") -> PolicyBook:
    """Validate policy text (``source`` names the file in messages)."""
    report = _Report(Path(source).name, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        report.add_at(int(m.group(1)) if m else 1, "", f"TOML语法错误：{exc}")
        raise PolicyError(report.problems) from None
    layers = _layers(data, report)
    versions = _materialise(layers, report) if not report.problems else []
    if report.problems:
        raise PolicyError(sorted(set(report.problems), key=lambda p: (p.line, p.key)))
    return PolicyBook(tuple(versions), source, text)


# --- layers and merging --------------------------------------------------------------------------

Layer = tuple[KeyPath, dict[str, Any]]  # (("base",) or ("versions", i), the raw table)


def _layers(data: dict[str, Any], report: _Report) -> list[Layer]:
    for key in data:
        if key not in ("schema_version", "base", "versions"):
            report.add((key,), "未知的配置项（顶层只允许 schema_version、base、versions）")
    if data.get("schema_version") != SCHEMA_VERSION:
        report.add(("schema_version",), f"应为 {SCHEMA_VERSION}")
    base, later = data.get("base"), data.get("versions", [])
    if not isinstance(base, dict):
        report.add(("base",), "缺少完整的第一个版本 [base]")
        return []
    if not isinstance(later, list) or not all(isinstance(x, dict) for x in later):
        report.add(("versions",), "应写成 [[versions]] 表数组")
        return []
    layers: list[Layer] = [(("base",), base)] + [(("versions", i), t) for i, t in enumerate(later)]
    for prefix, table in layers:
        if "effective_from" not in table:
            report.add((*prefix, "effective_from"), "缺少必填项：每个版本都要写生效日期")
    return layers


def _merge(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    out = dict(old)
    for key, value in new.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _materialise(layers: list[Layer], report: _Report) -> list[PolicyVersion]:
    versions: list[PolicyVersion] = []
    merged: dict[str, Any] = {}
    previous: PolicyVersion | None = None
    for n, (prefix, table) in enumerate(layers):
        merged = _merge(merged, table)
        merged["summary"] = table.get("summary", "")  # a summary describes its own version only
        seen = layers[: n + 1]
        try:
            version = PolicyVersion.model_validate(merged)
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(p for p in err["loc"] if p != "[key]")
                report.add_traced(seen, loc, _reason(dict(err)))
            continue
        for loc, message in (*reference_problems(version), *kind_problems(version)):
            report.add_traced(seen, loc, message)
        if previous is not None and version.effective_from <= previous.effective_from:
            report.add((*prefix, "effective_from"), f"生效日期应晚于上一版本的{previous.version_label}")
        previous = version
        versions.append(version)
    return versions


_REASONS = {
    "missing": "缺少必填项",
    "extra_forbidden": "未知的配置项",
    "int_type": "应为整数",
    "string_type": "应为文字",
    "bool_type": "应为 true 或 false",
    "date_type": "应为日期，例如 2025-05-08",
    "dict_type": "应为表（table）",
    "model_type": "应为表（table）",
    "tuple_type": "应为数组",
    "list_type": "应为数组",
    "string_pattern_mismatch": "代码格式不正确（只允许字母、数字和下划线）",
}


def kind_problems(version: PolicyVersion) -> list[tuple[KeyPath, str]]:
    """Every registered business needs its documents and decision days; no table names another kind."""
    out: list[tuple[KeyPath, str]] = []
    known = kinds()
    for table, given in (("business_materials", version.business_materials_by_kind),
                         ("decision_days", version.decision_days_by_kind)):
        out += [((table, k), f"取值不正确，应为以下之一：{'、'.join(known)}") for k in given if k not in known]
        missing = [k for k in known if k not in given]
        if missing:
            out.append(((table,), f"缺少业务类型：{'、'.join(missing)}"))
    return out


def _reason(err: dict[str, Any]) -> str:
    if err["type"] == "value_error":
        return str(err["ctx"]["error"])
    if err["type"] == "literal_error":
        expected = str(err["ctx"]["expected"]).replace(" or ", ", ").replace("'", "")
        return f"取值不正确，应为以下之一：{expected.replace(', ', '、')}"
    return _REASONS.get(err["type"], f"取值不正确（{err['msg']}）")


# --- locating problems in the text ---------------------------------------------------------------

class _Report:
    """Collects problems; finds each key's line (tomllib keeps no positions) by scanning the text."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.problems: list[PolicyProblem] = []
        self._text = text
        self._lines: dict[KeyPath, int] | None = None

    def add_at(self, line: int, key: str, message: str) -> None:
        self.problems.append(PolicyProblem(self.file, line, key, message))

    def add(self, path: KeyPath, message: str, line_path: KeyPath | None = None) -> None:
        self.add_at(self.line_of(line_path or path), _key_text(path), message)

    def add_traced(self, layers: list[Layer], loc: KeyPath, message: str) -> None:
        """A problem of a merged version, blamed on the layer that wrote the offending value."""
        best: tuple[int, KeyPath] | None = None
        for prefix, table in reversed(layers):  # newest first: the value in force came from it
            depth = _depth(table, loc)
            if best is None or depth > best[0] or (depth == best[0] and depth < len(loc)):
                best = (depth, prefix)  # a missing key is blamed on the oldest table that lacks it
        depth, prefix = best if best else (0, ("base",))
        self.add(prefix + loc, message, line_path=prefix + loc[:depth])

    def line_of(self, path: KeyPath) -> int:
        if self._lines is None:
            self._lines = key_lines(self._text)
        while path:
            if path in self._lines:
                return self._lines[path]
            inside = [n for p, n in self._lines.items() if p[: len(path)] == path]
            if inside:
                return min(inside)
            path = path[:-1]
        return 1


def _depth(node: Any, loc: KeyPath) -> int:
    for i, part in enumerate(loc):
        if (isinstance(node, dict) and part in node) or (
                isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            node = node[part]  # type: ignore[index]  # a str part only ever indexes a dict
        else:
            return i
    return len(loc)


_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def _key_text(path: KeyPath) -> str:
    """``("versions", 1, "loan", "max_ltv_first")`` → ``versions[1].loan.max_ltv_first``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + (part if _BARE.match(part) else f'"{part}"')
    return out


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map each table header and key of valid TOML to its 1-based line (arrays of tables indexed)."""
    lines: dict[KeyPath, int] = {}
    table: KeyPath = ()
    counts: dict[KeyPath, int] = {}  # last index of each array of tables
    value = _ValueScanner()
    for number, line in enumerate(text.splitlines(), 1):
        if value.busy:
            value.feed(line)
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("["):
            keys, is_array = _header_keys(stripped)
            table = ()
            for i, key in enumerate(keys):
                table += (key,)
                if table in counts and not (is_array and i == len(keys) - 1):
                    table += (counts[table],)
            if is_array:
                counts[table] = counts.get(table, -1) + 1
                table += (counts[table],)
            lines.setdefault(table, number)
            continue
        key_part, rest = _split_assignment(stripped)
        path = table + _dotted_keys(key_part)
        lines.setdefault(path, number)
        value.feed(rest)
    return lines


def _header_keys(header: str) -> tuple[list[str], bool]:
    node: Any = tomllib.loads(header)
    keys: list[str] = []
    while isinstance(node, (dict, list)) and node:
        if isinstance(node, list):
            node = node[-1]
            continue
        key = next(iter(node))
        keys.append(key)
        node = node[key]
    return keys, header.startswith("[[")


def _split_assignment(line: str) -> tuple[str, str]:
    quote = None
    for i, ch in enumerate(line):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "=":
            return line[:i], line[i + 1:]
    return line, ""


def _dotted_keys(key_part: str) -> KeyPath:
    node: Any = tomllib.loads(f"{key_part} = 0")
    keys: list[str] = []
    while isinstance(node, dict):
        key = next(iter(node))
        keys.append(key)
        node = node[key]
    return tuple(keys)


class _ValueScanner:
    """Tracks whether a value goes on to the next line: open brackets or a multi-line string."""

    def __init__(self) -> None:
        self.depth = 0
        self.multiline: str | None = None

    @property
    def busy(self) -> bool:
        return self.depth > 0 or self.multiline is not None

    def feed(self, s: str) -> None:
        i = 0
        while i < len(s):
            if self.multiline:
                j = s.find(self.multiline, i)
                if j < 0:
                    return
                self.multiline, i = None, j + 3
                continue
            if s.startswith('"""', i) or s.startswith("'''", i):
                self.multiline, i = s[i:i + 3], i + 3
                continue
            ch = s[i]
            if ch in "\"'":
                j = i + 1
                while j < len(s) and s[j] != ch:
                    j += 2 if ch == '"' and s[j] == "\\" else 1
                i = j + 1
                continue
            if ch == "#":
                return
            self.depth += (ch in "[{") - (ch in "]}")
            i += 1
