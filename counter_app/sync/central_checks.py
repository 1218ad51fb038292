"""The centre re-checks what stations took with its own data (中心复核), and lists the flags for the back office.

On receipt the database itself flags a withdrawal above the person's balance at the centre and a
contract, lease or agreement number already used by another worker (central revision 0007).
``recheck`` runs the same withdrawal rules the counter ran (``domain.withdrawal``: monthly and yearly
caps, frequency, the document used once by the same worker) on the centre's data — accounts,
its withdrawal history and every other station's withdrawals — so a station that was offline, out
of date, or lied, shows up as a flag. Nothing is decided automatically: a person looks at the flag.
The rules are those of the policy bundled with this version (the demo city's), by application date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import psycopg

from counter_app.domain.clock import china_time
from counter_app.domain.policy import PolicyError, default_policy
from counter_app.domain.withdrawal import AccountFacts, PastWithdrawal, WithdrawalRequest, check_withdrawal

RULES = {
    "balance": "超过中心余额", "document_reuse": "合同/协议重复使用", "limits": "限额或频次不符",
    "no_account": "中心无此账户", "audit_regressed": "审计链倒退", "audit_mismatch": "审计链不符",
}
BATCH = 500
LIVE = ("01", "02")


def recheck(conn: psycopg.Connection, limit: int = 100_000) -> int:
    """Re-check withdrawals not yet re-checked; returns how many were checked."""
    done = 0
    while done < limit:
        with conn.transaction():
            rows = conn.execute(
                "SELECT client_id, station_code, receipt_number, subject_key, fields, created_at FROM central.inbox"
                " WHERE kind = 'withdrawal' AND rechecked_at IS NULL ORDER BY created_at LIMIT %s FOR UPDATE SKIP LOCKED",
                (BATCH,)).fetchall()
            for row in rows:
                _recheck_one(conn, *row)
            if rows:
                conn.execute("UPDATE central.inbox SET rechecked_at = now() WHERE client_id = ANY(%s)",
                             ([r[0] for r in rows],))
        done += len(rows)
        if len(rows) < BATCH:
            break
    return done


def _recheck_one(conn: psycopg.Connection, client_id: Any, station: str, receipt: str, id_number: str,
                 fields: dict[str, Any], created_at: Any) -> None:
    day = china_time(created_at).date()
    accounts = conn.execute(
        "SELECT status, balance, coalesce(monthly_contribution, 0), consecutive_months, offset_agreement, banned_until"
        " FROM central.accounts WHERE id_number = %s ORDER BY status", (id_number,)).fetchall()
    live = [a for a in accounts if a[0] == "01"] or [a for a in accounts if a[0] in LIVE] or accounts
    if not live:
        _flag(conn, station, client_id, receipt, "no_account", "中心没有该职工的住房公积金账户")
        return
    status, balance, contribution, months, offset, banned = live[0]
    past = [PastWithdrawal(r, a, d, doc) for r, a, d, doc in conn.execute(
        "SELECT reason_code, amount, day, document_no FROM central.withdrawal_history WHERE id_number = %s",
        (id_number,)).fetchall()]
    pending_total = Decimal("0")
    for other_fields, other_created in conn.execute(
            "SELECT o.fields, o.created_at FROM central.inbox o WHERE o.kind = 'withdrawal' AND o.subject_key = %s"
            " AND o.client_id <> %s AND o.created_at < %s AND NOT EXISTS (SELECT 1 FROM central.decisions d"
            " WHERE d.client_id = o.client_id AND d.decision IN ('reject', 'conflict'))",
            (id_number, client_id, created_at)).fetchall():
        amount = _money(other_fields.get("amount"))
        if amount is None:
            continue
        pending_total += amount
        past.append(PastWithdrawal(str(other_fields.get("reason_code", "")), amount, china_time(other_created).date(),
                                   other_fields.get("document_no") or None))
    request = _request(fields, day)
    if request is None:
        _flag(conn, station, client_id, receipt, "limits", "申请内容无法复核（金额或日期格式不正确）")
        return
    facts = AccountFacts(status=status, balance=balance - pending_total, monthly_contribution=contribution,
                         consecutive_months=months, offset_agreement=offset, banned_until=banned)
    try:
        checked = check_withdrawal(request, facts, past, default_policy().in_force(day))
    except PolicyError as exc:
        _flag(conn, station, client_id, receipt, "limits", f"无法按政策复核：{exc}")
        return
    if checked.errors:
        _flag(conn, station, client_id, receipt, "limits", "；".join(e.message for e in checked.errors))


def _request(fields: dict[str, Any], day: date) -> WithdrawalRequest | None:
    amount = _money(fields.get("amount"))
    try:
        event_date = date.fromisoformat(fields["event_date"]) if fields.get("event_date") else None
    except (TypeError, ValueError):
        return None
    if amount is None:
        return None
    return WithdrawalRequest(
        reason_code=str(fields.get("reason_code", "")), amount=amount, document_no=fields.get("document_no") or None,
        day=day, event_amount=_money(fields.get("event_amount")), event_date=event_date,
        variant=fields.get("variant") or None)


def _money(value: Any) -> Decimal | None:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return amount if amount.is_finite() and abs(amount) < Decimal("1e12") else None


def _flag(conn: psycopg.Connection, station: str, client_id: Any, receipt: str, rule: str, message: str) -> None:
    conn.execute("INSERT INTO central.flags (station_code, client_id, receipt_number, rule, message)"
                 " VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING", (station, client_id, receipt, rule, message))


def list_flags(conn: psycopg.Connection, station: str | None = None, include_resolved: bool = False
               ) -> list[dict[str, Any]]:
    """Flags for the back office, oldest first (open ones only unless ``include_resolved``)."""
    where = ["TRUE"]
    params: list[Any] = []
    if station:
        where.append("station_code = %s")
        params.append(station.strip().upper())
    if not include_resolved:
        where.append("resolved_at IS NULL")
    rows = conn.execute(
        "SELECT id, station_code, client_id::text, receipt_number, rule, message, created_at, resolved_at"
        f" FROM central.flags WHERE {' AND '.join(where)} ORDER BY id", params).fetchall()
    keys = ("id", "station_code", "client_id", "receipt_number", "rule", "message", "created_at", "resolved_at")
    return [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in zip(keys, row)} for row in rows]
