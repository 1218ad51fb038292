"""Policy summary (政策摘要): which values are the demo city's guesses (演示值), which wait to be
checked against the official text (待核对), and which report or regulation each table follows.

A centre replacing the demo file reads this list to know what it must supply; a supervisor sees
whether the legal citations in force may be printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from counter_app.domain.policy import PolicyBook
from counter_app.domain.policy_citations import printable_citations
from counter_app.domain.policy_schema import MARKERS, PolicyVersion

MARKER_LABELS = {"demo": "演示值", "unverified": "待核对"}


@dataclass(frozen=True)
class MarkedValue:
    """One value carrying a marker; ``key`` is its dotted path as written in the TOML file."""

    key: str
    value: str
    marker: str  # "demo" | "unverified"

    def as_dict(self) -> dict[str, str]:
        return {"key": self.key, "value": self.value, "marker": self.marker}


@dataclass(frozen=True)
class PolicySummary:
    version: str
    summary: str
    marked: tuple[MarkedValue, ...]
    sources: tuple[tuple[str, str], ...]  # (table key, the words it follows)
    citations_verified: bool
    citations_printed: str  # the version whose legal text notices print
    citation_warning: str

    def values(self, marker: str) -> tuple[MarkedValue, ...]:
        return tuple(m for m in self.marked if m.marker == marker)

    def as_dict(self) -> dict[str, Any]:
        return {
            "version": self.version, "summary": self.summary,
            "demo": [m.as_dict() for m in self.values("demo")],
            "unverified": [m.as_dict() for m in self.values("unverified")],
            "sources": [{"key": k, "source": s} for k, s in self.sources],
            "citations": {"verified": self.citations_verified, "printed_version": self.citations_printed,
                          "warning": self.citation_warning},
        }

    def lines(self) -> list[str]:
        """The summary as plain Chinese lines (the CLI's text output)."""
        out = [f"政策版本 {self.version}：{self.summary}".rstrip("：")]
        out.append("法律依据：" + ("已核对" if self.citations_verified else self.citation_warning))
        for marker, label in MARKER_LABELS.items():
            found = self.values(marker)
            out.append(f"{label}（{len(found)} 项）：")
            out += [f"  {m.key} = {m.value}" for m in found]
        out.append(f"依据（{len(self.sources)} 处）：")
        out += [f"  {k}：{s}" for k, s in self.sources]
        return out


def summarise(book: PolicyBook, day: date) -> PolicySummary:
    """The summary of the version in force on ``day``."""
    version = book.in_force(day)
    marked: list[MarkedValue] = []
    sources: list[tuple[str, str]] = []
    _walk(version, "", marked, sources)
    cites = printable_citations(book, day)
    return PolicySummary(version.version_label, version.summary, tuple(marked), tuple(sources),
                         not cites.withheld, cites.version_label, cites.warning)


def _walk(model: BaseModel, path: str, marked: list[MarkedValue], sources: list[tuple[str, str]]) -> None:
    source = getattr(model, "source", "")
    if source:
        sources.append((path or "（全局）", source))
    for marker in MARKER_LABELS:
        for key in model.marked(marker):  # type: ignore[attr-defined]
            value = _resolve(model, key)
            if value is not None:
                marked.append(MarkedValue(_join(path, key), _text(value), marker))
    for name, info in type(model).model_fields.items():
        if name in MARKERS:
            continue
        key = _join(path, info.alias or name)
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            _walk(value, key, marked, sources)
        elif isinstance(value, dict):
            for k, item in value.items():
                if isinstance(item, BaseModel):
                    _walk(item, _join(key, str(k)), marked, sources)
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _walk(item, f"{key}[{i}]", marked, sources)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _resolve(model: BaseModel, dotted: str) -> Any:
    """``decision_days.open-account`` → the value, reading fields by name or TOML alias."""
    head, _, rest = dotted.partition(".")
    by_alias = {info.alias or name: name for name, info in type(model).model_fields.items()}
    value = getattr(model, by_alias.get(head, head))
    for part in rest.split(".") if rest else ():
        value = value[part] if isinstance(value, dict) else getattr(value, part)
    return value


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal, str, date)):
        return str(value)
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return "、".join(value)
    return "（整表）"


def version_summary(version: PolicyVersion) -> list[MarkedValue]:
    """Every marked value of one version (without the citations, which need the whole book)."""
    marked: list[MarkedValue] = []
    _walk(version, "", marked, [])
    return marked
