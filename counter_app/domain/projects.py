"""Developers' projects as a loan sees them (楼盘准入): admitted with an agreement still in force,
pending, refused or expired, from the project admissions and the centre's decisions on them.

The centre's approval of a new project states the agreement it signed in its decision note, as
``合作协议编号 HZ2026-031，有效期至 2029-12-31``; a back-filled old project carries its agreement on
the form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from counter_app.domain.normalize import normalize_text
from counter_app.domain.status import OPEN, ApplicationStatus

ADMITTED, PENDING, REFUSED, SUSPENDED = "admitted", "pending", "refused", "suspended"
_AGREEMENT = re.compile(
    r"合作协议编号[:：\s]*(?P<no>[0-9A-Za-z][0-9A-Za-z\-]*)[，,；;。\s]*有效期至[:：\s]*(?P<until>\d{4}-\d{2}-\d{2})")


def agreement_note(agreement_no: str, valid_until: date) -> str:
    """The decision note a centre writes when it admits a project."""
    return f"合作协议编号 {agreement_no}，有效期至 {valid_until.isoformat()}"


def agreement_in(note: str | None) -> tuple[str, date] | None:
    """The agreement number and validity stated in a decision note (None when it states none)."""
    match = _AGREEMENT.search(normalize_text(note or ""))
    if match is None:
        return None
    try:
        return match["no"], date.fromisoformat(match["until"])
    except ValueError:
        return None


def project_key(name: str) -> str:
    """Names compare without spaces, full-width folded: 南山 花园 = 南山花园."""
    return normalize_text(name).replace(" ", "")


@dataclass(frozen=True)
class ProjectStanding:
    """One admission of one project, as it stands."""

    name: str
    developer: str
    standing: str  # ADMITTED, PENDING, REFUSED or SUSPENDED (the centre's)
    receipt_number: str
    agreement_no: str | None = None
    valid_until: date | None = None
    developer_uscc: str = ""
    address: str = ""
    note: str = ""  # the centre's reason for a suspension

    def in_force(self, day: date) -> bool:
        return self.standing == ADMITTED and (self.valid_until is None or day <= self.valid_until)


def standing_of(fields: Mapping[str, Any], status: str, decision_reason: str | None, receipt_number: str,
                developer: str) -> ProjectStanding | None:
    """An admission's standing (None for one cancelled, needing more, or in conflict: it admits nothing yet)."""
    name = str(fields.get("project_name", ""))
    if status == ApplicationStatus.APPROVED:
        agreement = agreement_in(decision_reason)
        if agreement is None and fields.get("agreement_no"):  # a back-fill: its own agreement, now confirmed
            agreement = (str(fields["agreement_no"]), date.fromisoformat(str(fields["agreement_valid_until"])))
        no, until = agreement if agreement else (None, None)
        return ProjectStanding(name, developer, ADMITTED, receipt_number, no, until)
    if status == ApplicationStatus.REJECTED:
        return ProjectStanding(name, developer, REFUSED, receipt_number)
    if status in OPEN:
        return ProjectStanding(name, developer, PENDING, receipt_number)
    return None


def merged(central: Iterable[ProjectStanding], local: Iterable[ProjectStanding]) -> list[ProjectStanding]:
    """The city's projects as one list: the centre's row of a project is its standing (admitted,
    refused or suspended, whichever station took it); the station's own admissions add what the
    centre has not decided yet, or not sent yet (a pending one, one decided before the last pull)."""
    held = list(central)
    decided = {project_key(s.name) for s in held}
    return held + [s for s in local if s.standing == PENDING or project_key(s.name) not in decided]


def loan_problem(name: str, standings: Iterable[ProjectStanding], day: date) -> str | None:
    """Why a loan for a house in project ``name`` cannot be taken on ``day`` (None when it can)."""
    key = project_key(name)
    mine = [s for s in standings if project_key(s.name) == key]
    if any(s.in_force(day) for s in mine):
        return None
    suspended = [s for s in mine if s.standing == SUSPENDED]
    if suspended:
        why = f"（{suspended[0].note}）" if suspended[0].note else ""
        return f"楼盘“{name}”的住房公积金贷款准入已被管理中心暂停{why}，暂停期间不能受理该楼盘的贷款"
    admitted = [s for s in mine if s.standing == ADMITTED and s.valid_until is not None]
    if admitted:
        until = max(s.valid_until for s in admitted if s.valid_until is not None)
        return f"楼盘“{name}”的住房公积金贷款合作协议已于{until.isoformat()}到期，不能受理该楼盘的贷款"
    pending = [s for s in mine if s.standing == PENDING]
    if pending:
        return f"楼盘“{name}”的准入申请正在审核中（受理编号 {pending[0].receipt_number}），准入前不能受理该楼盘的贷款"
    if any(s.standing == REFUSED for s in mine):
        return f"楼盘“{name}”未获住房公积金贷款准入，不能受理该楼盘的贷款"
    return f"楼盘“{name}”未办理住房公积金贷款准入，不能受理该楼盘的贷款，请开发企业先办理楼盘准入"


def admitted_in_force(standings: Iterable[ProjectStanding], day: date) -> list[ProjectStanding]:
    """Projects a loan may name on ``day``, one per project (the latest validity)."""
    best: dict[str, ProjectStanding] = {}
    for s in standings:
        if s.in_force(day):
            key = project_key(s.name)
            held = best.get(key)
            if held is None or (held.valid_until or date.max) < (s.valid_until or date.max):
                best[key] = s
    return sorted(best.values(), key=lambda s: s.name)
