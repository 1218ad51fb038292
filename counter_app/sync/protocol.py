"""Station ↔ centre sync protocol on a psycopg connection: idempotent push, cursor-paged pull (store-agnostic).

Push (``push_batch``): the batch is COPYed into a temporary table and moved into ``central.inbox``
with one ``INSERT … SELECT … ON CONFLICT (client_id) DO NOTHING`` inside one transaction. A resend
of an application the centre already holds is therefore harmless and acknowledged again. When the
bulk insert fails on some row (a central constraint, a forged station code refused by row-level
security), the range is split in halves under savepoints until each bad row is isolated: it is
rejected alone with its reason (also stored in ``central.rejections``) and the rest goes in.
Audit rows (``push_audit_batch``) take the same road into ``central.station_audit``.

Pull (``pull_changes``): the cursor is the pair ``(xid, seq)`` of the change feed, ordered by the
writing transaction's 64-bit id (``pg_current_xact_id()``, never wraps) and then a sequence. A
transaction id is assigned when a transaction starts writing, not when it commits, so a plain
"greater than the last id seen" cursor could skip a row that commits after a row with a larger
id was already read. A page therefore only returns rows whose ``xid`` is below
``pg_snapshot_xmin(pg_current_snapshot())`` — the oldest transaction still in progress when the page
is read. Every transaction below that horizon has finished (committed or rolled back), so no row
can ever appear behind the cursor later; rows of younger transactions wait for the next page. The
price: one long-running writer (in any database of the server) holds the feed back until it ends;
it never loses anything. Pages use the primary key ``(xid, seq)`` as an index range.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

import psycopg
from psycopg import pq
from psycopg.types.json import set_json_loads

from counter_app.domain.audit_chain import ChainRow, at_text

INITIAL_CURSOR = "0:0"


def _loads(data: str | bytes) -> Any:
    return json.loads(data, parse_float=Decimal)


_COLUMNS = (
    "ord", "client_id", "station_code", "terminal", "receipt_number", "kind", "subject_key",
    "fields", "materials", "clerk", "created_at",
)
_COPY_TYPES = ("int4", "text", "text", "text", "text", "text", "text", "text", "text", "text", "timestamptz")
# Binary COPY into a session-local scratch table: the fastest way in (COPY straight into an RLS table
# is refused by PostgreSQL). Ids and JSON stay text here so that a bad one fails one row's cast later,
# not the whole COPY stream.
_TEMP = (
    "CREATE TEMP TABLE IF NOT EXISTS sync_push (ord int, client_id text, station_code text,"
    " terminal text, receipt_number text, kind text, subject_key text, fields text, materials text,"
    " clerk text, created_at timestamptz) ON COMMIT DELETE ROWS"
)
_MOVE = (
    "INSERT INTO central.inbox (client_id, station_code, terminal, receipt_number, kind, subject_key,"
    " fields, materials, clerk, created_at)"
    " SELECT client_id::uuid, station_code, terminal, receipt_number, kind, subject_key,"
    " fields::jsonb, materials::jsonb, clerk, created_at"
    " FROM sync_push WHERE ord BETWEEN %s AND %s"
    " ON CONFLICT (client_id) DO NOTHING"
)
# Which rows of the batch the centre now holds for this station (RLS hides other stations' rows):
# inserted now, or already there from an earlier send whose acknowledgement was lost.
_HELD = "SELECT t.ord FROM sync_push t JOIN central.inbox i ON i.client_id = t.client_id::uuid"
# Data errors (class 22), constraint violations (class 23) and a refused row-level-security check
# (42501) belong to one row; anything else (lost connection, deadlock) fails the whole batch.
_ROW_ERROR_CLASSES = ("22", "23")

_REASONS = {
    "inbox_receipt_number_key": "回执编号与中心已有的申请重复",
    "inbox_receipt_of_station": "回执编号与服务站代码不一致",
    "inbox_kind_check": "中心不受理此业务类型",  # before central revision 0005
    "inbox_kind_fkey": "中心不受理此业务类型",
    "inbox_subject_key_check": "申请缺少业务对象（证件号码或统一社会信用代码）",
    "inbox_fields_check": "申请内容格式不正确",
    "inbox_terminal_check": "缺少窗口终端编号",
    "inbox_clerk_check": "缺少受理人",
    "inbox_station_code_fkey": "中心没有登记此服务站",
}


@dataclass(frozen=True)
class OutboxPayload:
    """One application as the station sends it (a row of ``central.inbox``)."""

    client_id: str
    station_code: str
    terminal: str
    receipt_number: str
    kind: str
    subject_key: str
    fields: dict[str, Any]
    materials: Any
    clerk: str
    created_at: datetime | str


@dataclass
class PushResult:
    acked: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Change:
    """One row of the change feed: a reference row (``employer``, ``worker``, …) or a ``decision``."""

    entity: str
    key: str
    op: str  # "upsert" | "delete"
    payload: dict[str, Any]


@dataclass
class Page:
    rows: list[Change]
    next_cursor: str
    more: bool


def _require_idle(conn: psycopg.Connection) -> None:
    # A batch must commit on its own: acknowledging rows inside a caller's open transaction would
    # acknowledge rows the centre may still roll back.
    if conn.info.transaction_status != pq.TransactionStatus.IDLE:
        raise psycopg.ProgrammingError("push_batch/pull_changes need a connection outside a transaction")


_dumps = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per call as json.dumps


def _row(ord_: int, item: OutboxPayload) -> tuple[Any, ...] | str:
    """The COPY row of one item, or the reason it cannot even be sent (PostgreSQL text cannot hold
    NUL; times must parse). Everything else — a malformed id, bad JSON escapes, constraints, a
    foreign station code — is found by the server and rejected for that row alone."""
    created = item.created_at
    if not isinstance(created, datetime):
        try:
            created = datetime.fromisoformat(created)
        except (ValueError, TypeError):
            return "申请时间格式不正确"
    if created.tzinfo is None:
        created = created.astimezone()  # a naive time is the station's local time
    row = (ord_, str(item.client_id), item.station_code, item.terminal, item.receipt_number, item.kind,
           item.subject_key, _dumps(item.fields), _dumps(item.materials), item.clerk, created)
    try:
        if "\x00" in "".join(row[1:10]):  # one C-level scan instead of nine
            return "申请内容含有非法字符"
    except TypeError:
        return "申请内容含有非法字符"
    return row


@dataclass(frozen=True)
class _Target:
    """Where one kind of outbox row goes: its scratch table, COPY layout, move and held queries."""

    table: str  # the session's scratch table
    create: str
    copy: str
    types: tuple[str, ...]
    move: str
    held: str
    reasons: dict[str, str]
    noun: str  # what a row is, in the clerk's words


_APPLICATIONS = _Target(
    "sync_push", _TEMP, f"COPY sync_push ({', '.join(_COLUMNS)}) FROM STDIN (FORMAT BINARY)", _COPY_TYPES,
    _MOVE, _HELD, _REASONS, "申请",
)


def _reason(exc: psycopg.Error, target: _Target = _APPLICATIONS) -> str:
    diag = exc.diag
    if diag.constraint_name in target.reasons:
        return target.reasons[diag.constraint_name]
    if diag.sqlstate == "22P02" and "uuid" in (diag.message_primary or ""):
        return f"{target.noun}标识（client_id）格式不正确"
    if diag.sqlstate == "42501":
        return "服务站代码与登录身份不符，中心拒收"
    if diag.sqlstate == "23502" and diag.column_name == "station_code":  # the login maps to no station
        return "中心没有登记此服务站"
    return f"中心拒收：{diag.message_primary or exc}"


def _is_row_error(exc: psycopg.Error) -> bool:
    state = exc.sqlstate or ""
    return state[:2] in _ROW_ERROR_CLASSES or state == "42501"


def _move(conn: psycopg.Connection, lo: int, hi: int, rejected: dict[int, str], target: _Target = _APPLICATIONS
          ) -> None:
    """Insert rows lo..hi; on a row error split the range until the bad rows stand alone."""
    try:
        with conn.transaction():
            conn.execute(target.move, (lo, hi))
    except psycopg.Error as exc:
        if not _is_row_error(exc):
            raise
        if lo == hi:
            rejected[lo] = _reason(exc, target)
            return
        mid = (lo + hi) // 2
        _move(conn, lo, mid, rejected, target)
        _move(conn, mid + 1, hi, rejected, target)


def push_batch(conn: psycopg.Connection, items: Sequence[OutboxPayload]) -> PushResult:
    """Send one batch in one transaction; return what the centre now holds and what it refused."""
    return _push(conn, _APPLICATIONS, items, [_row(i, item) for i, item in enumerate(items)],
                 [str(item.receipt_number) for item in items])


def _push(conn: psycopg.Connection, target: _Target, items: Sequence[Any], rows: list[tuple[Any, ...] | str],
          labels: list[str]) -> PushResult:
    """COPY ``rows`` (a string is a row refused before sending) and move them in; ``labels`` name
    each row in the centre's copy of the refusals (the receipt number of an application)."""
    _require_idle(conn)
    result = PushResult()
    if not items:
        return result
    rejected: dict[int, str] = {}
    for i, row in enumerate(rows):
        if isinstance(row, str):
            rejected[i] = row
    with conn.transaction():
        conn.execute(target.create)
        with conn.cursor().copy(target.copy) as copy:
            copy.set_types(target.types)
            for row in rows:
                if not isinstance(row, str):
                    copy.write_row(row)
        _move(conn, 0, len(items) - 1, rejected, target)
        if rejected:  # their ids may not even cast to uuid
            conn.execute(f"DELETE FROM {target.table} WHERE ord = ANY(%s)", (list(rejected),))
        held = {r[0] for r in conn.execute(target.held).fetchall()}
        for i, item in enumerate(items):
            if i in held:
                result.acked.append(str(item.client_id))
            elif i not in rejected:  # the id is taken by another station's row, which this role cannot see
                rejected[i] = f"{target.noun}标识与其他服务站的{target.noun}重复"
        result.rejected = [(str(items[i].client_id), reason) for i, reason in sorted(rejected.items())]
        _store_rejections(conn, items, rejected, labels)
    return result


def _store_rejections(conn: psycopg.Connection, items: Sequence[Any], rejected: dict[int, str],
                      labels: list[str]) -> None:
    """Keep the centre's copy of what it refused (only rows this station may claim as its own)."""
    if not rejected:
        return
    own = conn.execute("SELECT code FROM central.stations WHERE role = current_user").fetchone()
    if own is None:
        return
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO central.rejections (station_code, client_id, receipt_number, reason) VALUES (%s, %s, %s, %s)",
            [(own[0], str(items[i].client_id).replace("\x00", ""), labels[i].replace("\x00", ""),
              reason) for i, reason in rejected.items()],
        )


# --- the audit log ------------------------------------------------------------------------------

@dataclass(frozen=True)
class AuditPayload:
    """One row of the station's hash-chained audit log as it sends it (a row of ``central.station_audit``)."""

    client_id: str
    row: ChainRow


_AUDIT_COLUMNS = ("ord", "client_id", "seq", "at", "row_station_code", "terminal", "clerk", "action", "subject",
                  "details", "prev_hash", "hash")
_AUDIT = _Target(
    "sync_audit",
    "CREATE TEMP TABLE IF NOT EXISTS sync_audit (ord int, client_id text, seq text, at timestamptz,"
    " row_station_code text, terminal text, clerk text, action text, subject text, details text,"
    " prev_hash text, hash text) ON COMMIT DELETE ROWS",
    f"COPY sync_audit ({', '.join(_AUDIT_COLUMNS)}) FROM STDIN (FORMAT BINARY)",
    ("int4", "text", "text", "timestamptz", "text", "text", "text", "text", "text", "text", "text", "text"),
    # The sending station comes from the login, never from the row: no station can write into another's log.
    "INSERT INTO central.station_audit (client_id, station_code, seq, at, row_station_code, terminal, clerk,"
    " action, subject, details, prev_hash, hash)"
    " SELECT client_id::uuid, (SELECT s.code FROM central.stations s WHERE s.role = current_user),"
    " seq::bigint, at, row_station_code, terminal, clerk, action, subject, details::jsonb, prev_hash, hash"
    " FROM sync_audit WHERE ord BETWEEN %s AND %s"
    " ON CONFLICT (client_id) DO NOTHING",
    "SELECT t.ord FROM sync_audit t JOIN central.station_audit a ON a.client_id = t.client_id::uuid",
    {
        "station_audit_seq_key": "审计记录序号与中心已有的记录重复（审计链分叉）",
        "station_audit_seq_check": "审计记录序号不正确",
        "station_audit_action_check": "审计记录缺少操作类型",
        "station_audit_details_check": "审计记录详情格式不正确",
        "station_audit_prev_hash_check": "审计记录的前一条哈希值格式不正确",
        "station_audit_hash_check": "审计记录哈希值格式不正确",
        "station_audit_station_code_fkey": "中心没有登记此服务站",
    },
    "审计记录",
)
_strict_dumps = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
_BIGINT_MAX = 2**63 - 1


def _audit_row(ord_: int, item: AuditPayload) -> tuple[Any, ...] | str:
    """The COPY row of one audit row, or why it cannot be sent. Its time must be the chain's own
    text form: the centre keeps a timestamptz and renders it back with ``at_text`` to verify."""
    row = item.row
    seq = row.seq
    if not isinstance(seq, int) or isinstance(seq, bool) or not 0 < seq <= _BIGINT_MAX:
        return "审计记录序号不正确"
    try:
        at = datetime.fromisoformat(row.at)
        if at.tzinfo is None or at_text(at) != row.at:
            return "审计记录时间格式不正确"
    except (TypeError, ValueError):
        return "审计记录时间格式不正确"
    try:
        if not isinstance(row.details, dict):
            raise TypeError
        details = _strict_dumps(row.details)
    except (TypeError, ValueError, RecursionError):
        return "审计记录详情格式不正确"
    texts = (str(item.client_id), row.station_code, row.terminal, row.clerk, row.action, row.subject, details,
             row.prev_hash, row.hash)
    try:
        joined = "".join(texts)
        # PostgreSQL text holds no NUL (nor jsonb a \u0000); lone surrogates cannot be encoded at all.
        if "\x00" in joined or "\\u0000" in details:
            return "审计记录含有非法字符"
        joined.encode("utf-8")
    except (TypeError, UnicodeEncodeError):
        return "审计记录含有非法字符"
    return (ord_, texts[0], str(seq), at, *texts[1:])


def push_audit_batch(conn: psycopg.Connection, items: Sequence[AuditPayload]) -> PushResult:
    """Send audit rows in one transaction, like ``push_batch``: idempotent on ``client_id``, a bad
    row refused alone with its reason; the centre files them under the station of the login."""
    return _push(conn, _AUDIT, items, [_audit_row(i, item) for i, item in enumerate(items)],
                 [f"审计#{item.row.seq}" for item in items])


def parse_cursor(cursor: str | None) -> tuple[int, int]:
    xid, _, seq = (cursor or INITIAL_CURSOR).partition(":")
    return int(xid), int(seq or 0)


def snapshot_xmax(snapshot: str) -> int:
    """``xmax`` of a ``pg_snapshot`` text ``xmin:xmax:xip,…``: every later transaction is not in it."""
    return int(snapshot.split(":")[1])


def _page_query(skip_snapshot: bool) -> str:
    """Three ordered index ranges merged (this station's decisions, its district's rows, rows for
    every district), so a page never walks other districts' rows; RLS still checks every row."""
    window = (
        " AND (f.xid, f.seq) > (%(xid)s::text::xid8, %(seq)s)"
        " AND f.xid < pg_snapshot_xmin(pg_current_snapshot())"
    )
    if skip_snapshot:
        window += " AND NOT pg_visible_in_snapshot(f.xid, %(snap)s::text::pg_snapshot)"
    me = "(SELECT s.{} FROM central.stations s WHERE s.role = current_user)"
    branches = (
        f"f.station_code = {me.format('code')}",
        f"f.station_code IS NULL AND f.district = {me.format('district')}",
        "f.station_code IS NULL AND f.district IS NULL",
    )
    union = " UNION ALL ".join(
        f"(SELECT f.xid, f.seq, f.entity, f.key, f.op, f.payload FROM central.change_feed f"
        f" WHERE {branch}{window} ORDER BY f.xid, f.seq LIMIT %(limit)s)" for branch in branches
    )
    # Order by the xid8 column itself: its text form would sort "10" before "9".
    return f"SELECT u.xid::text, u.seq, u.entity, u.key, u.op, u.payload FROM ({union}) u ORDER BY u.xid, u.seq LIMIT %(limit)s"


def pull_changes(
    conn: psycopg.Connection, cursor: str | None, limit: int = 1000, skip_snapshot: str | None = None
) -> Page:
    """One page of the feed after ``cursor`` that this station may see; resume with ``next_cursor``.

    ``skip_snapshot`` (a ``pg_snapshot`` text) leaves out rows of transactions visible in that
    snapshot: after a snapshot load they are already in the station, and replaying them could
    duplicate rows without a key (past withdrawals)."""
    _require_idle(conn)
    xid, seq = parse_cursor(cursor)
    params = {"xid": str(xid), "seq": seq, "limit": limit + 1, "snap": skip_snapshot}
    with conn.transaction(), conn.cursor() as cur:
        set_json_loads(_loads, cur)  # money stays Decimal, never float
        rows = cur.execute(_page_query(skip_snapshot is not None), params).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = f"{rows[-1][0]}:{rows[-1][1]}" if rows else f"{xid}:{seq}"
    changes = [Change(entity=r[2], key=r[3], op=r[4], payload=r[5]) for r in rows]
    return Page(rows=changes, next_cursor=next_cursor, more=more)


def touch(conn: psycopg.Connection) -> None:
    """Tell the centre this station is alive (recorded as the station's last contact)."""
    with conn.transaction():
        conn.execute("SELECT central.touch_station()")
