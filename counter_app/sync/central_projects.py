"""The centre's projects (楼盘准入): written when the back office decides a project admission or
suspends a project, read by every station through the change feed (central revision 0013)."""

from __future__ import annotations

from datetime import date
from typing import Any

import psycopg

from counter_app.domain.businesses.project_admission import BACKFILL, KIND
from counter_app.domain.projects import agreement_in, agreement_note, project_key
from counter_app.sync.central_errors import CentralError

ADMITTED, REFUSED, SUSPENDED = "admitted", "refused", "suspended"
STANDING_LABELS = {ADMITTED: "已准入", REFUSED: "不予准入", SUSPENDED: "已暂停准入"}
COLUMNS = ("project_key", "name", "developer_uscc", "standing", "developer_name", "district", "address",
           "presale_permit_no", "agreement_no", "valid_until", "receipt_number", "station_code", "note", "decided_at")
NEEDS_AGREEMENT = "批准新楼盘准入须填写合作协议编号和有效期（--agreement-no、--valid-until）"


def admission_note(kind: str, decision: str, fields: dict[str, Any], reason: str, agreement_no: str | None,
                   valid_until: date | None, today: date) -> tuple[str, tuple[str, date] | None]:
    """The decision's note and the agreement a project admission's approval rests on (None for any
    other decision). Raises ``CentralError`` naming the missing or wrong option."""
    given = agreement_no is not None or valid_until is not None
    if kind != KIND or decision != "approve":
        if given:
            raise CentralError("agreement_no", "只有批准楼盘准入时才填写合作协议编号和有效期")
        return reason, None
    if given and (not (agreement_no or "").strip() or valid_until is None):
        raise CentralError("agreement_no" if valid_until else "valid_until", NEEDS_AGREEMENT)
    if agreement_no and valid_until:
        agreement: tuple[str, date] | None = (agreement_no.strip(), valid_until)
    else:
        agreement = agreement_in(reason)
    if agreement is None and fields.get("admission_type") == BACKFILL and fields.get("agreement_no"):
        agreement = (str(fields["agreement_no"]), date.fromisoformat(str(fields["agreement_valid_until"])))
    if agreement is None:
        raise CentralError("agreement_no", NEEDS_AGREEMENT)
    if agreement[1] < today:
        raise CentralError("valid_until", f"合作协议有效期 {agreement[1].isoformat()} 已过，不能据此批准准入")
    if agreement_in(reason) is None:  # the station reads the agreement from the note, as before
        reason = f"{agreement_note(*agreement)}{('；' + reason) if reason else ''}"
    return reason, agreement


def record_decision(conn: psycopg.Connection, decision: str, inbox: dict[str, Any],
                    agreement: tuple[str, date] | None, note: str) -> str | None:
    """The project's row after a decision on its admission (inside the caller's transaction);
    returns the project's standing, or None when the decision changes no project. A refusal leaves
    an admission still in force as it is (a second application was refused, not the project)."""
    if inbox["kind"] != KIND or decision not in ("approve", "reject"):
        return None
    fields = inbox["fields"]
    name = str(fields.get("project_name") or "").strip()
    key = project_key(name)
    if not key:
        return None
    developer = str(fields.get("developer_name") or "") or _employer_name(conn, inbox["subject_key"])
    standing = ADMITTED if decision == "approve" else REFUSED
    no, until = agreement if agreement else (None, None)
    row = conn.execute(
        "INSERT INTO central.projects (project_key, name, developer_uscc, standing, developer_name, district, address,"
        " presale_permit_no, agreement_no, valid_until, receipt_number, station_code, note)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
        " ON CONFLICT (project_key) DO UPDATE SET name = EXCLUDED.name, developer_uscc = EXCLUDED.developer_uscc,"
        " standing = EXCLUDED.standing, developer_name = EXCLUDED.developer_name, district = EXCLUDED.district,"
        " address = EXCLUDED.address, presale_permit_no = EXCLUDED.presale_permit_no,"
        " agreement_no = EXCLUDED.agreement_no, valid_until = EXCLUDED.valid_until,"
        " receipt_number = EXCLUDED.receipt_number, station_code = EXCLUDED.station_code, note = EXCLUDED.note,"
        " decided_at = now()"
        " WHERE EXCLUDED.standing = 'admitted' OR central.projects.standing <> 'admitted'"
        " OR central.projects.valid_until < current_date"
        " RETURNING standing",
        (key, name, inbox["subject_key"], standing, developer, fields.get("district"), fields.get("project_address"),
         fields.get("presale_permit_no"), no, until, inbox["receipt_number"], inbox["station_code"], note),
    ).fetchone()
    return str(row[0]) if row else ADMITTED  # refused but an admission in force stays


def _employer_name(conn: psycopg.Connection, uscc: str) -> str:
    row = conn.execute("SELECT name FROM central.employers WHERE uscc = %s", (uscc,)).fetchone()
    return str(row[0]) if row else ""


def suspend(conn: psycopg.Connection, name: str, reason: str) -> dict[str, Any]:
    """Suspend a project's admission (暂停准入): loans naming it are refused at every station once
    they sync. A new admission, approved, admits it again."""
    if not reason.strip():
        raise CentralError("reason", "暂停楼盘准入必须填写原因")
    with conn.transaction():
        row = conn.execute(
            "UPDATE central.projects SET standing = 'suspended', note = %s, decided_at = now()"
            f" WHERE project_key = %s RETURNING {', '.join(COLUMNS)}", (reason.strip(), project_key(name))).fetchone()
    if row is None:
        raise CentralError("name", f"中心没有名为“{name}”的楼盘")
    return _as_dict(row)


def reinstate(conn: psycopg.Connection, name: str, reason: str) -> dict[str, Any]:
    """Lift a suspension (恢复准入): the project is admitted again on the agreement it had, and every
    station takes its loans again once it syncs. Only a suspended project whose agreement is still in
    force; one whose agreement has ended needs a new admission."""
    if not reason.strip():
        raise CentralError("reason", "恢复楼盘准入必须填写原因")
    key = project_key(name)
    with conn.transaction():
        row = conn.execute("SELECT standing, agreement_no, valid_until, valid_until < current_date"
                           " FROM central.projects WHERE project_key = %s FOR UPDATE", (key,)).fetchone()
        if row is None:
            raise CentralError("name", f"中心没有名为“{name}”的楼盘")
        standing, agreement_no, valid_until, ended = row
        if standing != SUSPENDED:
            raise CentralError("name", f"楼盘“{name}”现为{STANDING_LABELS[standing]}，没有被暂停，无需恢复")
        if agreement_no is None or valid_until is None:
            raise CentralError("name", f"楼盘“{name}”没有在有效期内的合作协议，须重新办理楼盘准入")
        if ended:
            raise CentralError("name", f"楼盘“{name}”的合作协议已于 {valid_until.isoformat()} 到期，不能恢复，"
                                       "须重新办理楼盘准入")
        row = conn.execute(
            "UPDATE central.projects SET standing = 'admitted', note = %s, decided_at = now()"
            f" WHERE project_key = %s RETURNING {', '.join(COLUMNS)}", (f"恢复准入：{reason.strip()}", key)).fetchone()
    return _as_dict(row)


def list_projects(conn: psycopg.Connection) -> list[dict[str, Any]]:
    """Every project the centre decided, by name."""
    rows = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM central.projects ORDER BY name").fetchall()
    return [_as_dict(r) for r in rows]


def _as_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    out = dict(zip(COLUMNS, row, strict=True))
    for key in ("valid_until", "decided_at"):
        out[key] = out[key].isoformat() if out[key] is not None else None
    return out
