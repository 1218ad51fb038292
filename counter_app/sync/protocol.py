"""Station ↔ centre sync protocol on a psycopg connection: idempotent push, cursor-paged pull (store-agnostic).

Push (``push_batch``): the batch goes as one array per column (binary parameters) into one
``INSERT … SELECT … FROM unnest(…) ON CONFLICT … DO NOTHING`` inside one transaction —
no temporary table, since station roles may not create any (issue #17). A resend
of an application the centre already holds is therefore harmless and acknowledged again (the inbox
is partitioned by district since central revision 0017: a client id held anywhere in the city is
skipped by its ``inbox_claim_key`` trigger, which keeps the city-wide keys). When the
bulk insert fails on some row (a central constraint, a forged station code refused by row-level
security), the range is split in halves under savepoints until each bad row is isolated: it is
rejected alone with its reason (also stored in ``central.rejections``) and the rest goes in.
Audit rows (``push_audit_batch``) take the same road into ``central.station_audit``. Each
application carries the exact canonical text that was sealed at the counter, its SHA-256 and the
station's MAC over it; each audit row its canonical text. The centre recomputes them on receipt
(central revision 0007) and refuses a row that does not match, alone, with its reason.

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

from counter_app.domain.audit_chain import ChainRow, at_text, canonical, canonical_json

INITIAL_CURSOR = "0:0"


def _loads(data: str | bytes) -> Any:
    return json.loads(data, parse_float=Decimal)


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
    "inbox_payload_missing": "申请缺少受理时封存的校验值，中心拒收",
    "inbox_payload_hash": "申请内容与受理时封存的校验值不符（在本机被改动），中心拒收",
    "inbox_payload_mac": "申请内容的密钥校验码不符（在本机被改动），中心拒收",
    "inbox_payload_columns": "申请各栏与受理时封存的内容不一致（被改动），中心拒收",
    "inbox_created_in_future": "申请时间晚于中心当前时间（服务站时钟有误），中心拒收",
}


@dataclass(frozen=True)
class OutboxPayload:
    """One application as the station sends it (a row of ``central.inbox``). ``sealed`` is the
    canonical text sealed at the counter, ``sha256`` its digest and ``mac`` the station's MAC."""

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
    sealed: str | None = None
    sha256: str | None = None
    mac: str | None = None


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


def _row(item: OutboxPayload) -> tuple[Any, ...] | str:
    """The column values of one item, or the reason it cannot even be sent (PostgreSQL text cannot
    hold NUL; times must parse). Everything else — a malformed id, bad JSON escapes, constraints, a
    foreign station code, a payload that no longer matches its seal — is found by the server and
    rejected for that row alone."""
    created = item.created_at
    if not isinstance(created, datetime):
        try:
            created = datetime.fromisoformat(created)
        except (ValueError, TypeError):
            return "申请时间格式不正确"
    if created.tzinfo is None:
        created = created.astimezone()  # a naive time is the station's local time
    row = (str(item.client_id), item.station_code, item.terminal, item.receipt_number, item.kind,
           item.subject_key, _dumps(item.fields), _dumps(item.materials), item.clerk, created,
           item.sealed, item.sha256, item.mac)
    try:
        texts = [t for t in (*row[:9], *row[10:]) if t is not None]
        if "\x00" in "".join(texts):  # one C-level scan instead of many
            return "申请内容含有非法字符"
        "".join(texts).encode("utf-8")
    except (TypeError, UnicodeEncodeError):
        return "申请内容含有非法字符"
    return row


@dataclass(frozen=True)
class _Target:
    """Where one kind of outbox row goes: the insert from one array per column, the query of what
    the centre holds, the reasons of its constraints."""

    insert: str
    types: tuple[str, ...]  # PostgreSQL array element type of each column
    held: str
    reasons: dict[str, str]
    noun: str  # what a row is, in the clerk's words


def _unnest(columns: tuple[str, ...], types: tuple[str, ...]) -> str:
    arrays = ", ".join(f"%s::{t}[]" for t in types)
    return f"unnest({arrays}) AS t({', '.join(columns)})"


_APP_COLUMNS = ("client_id", "station_code", "terminal", "receipt_number", "kind", "subject_key", "fields",
                "materials", "clerk", "created_at", "payload_text", "payload_sha256", "payload_mac")
_APP_TYPES = ("text",) * 9 + ("timestamptz", "text", "text", "text")
_APPLICATIONS = _Target(
    "INSERT INTO central.inbox (client_id, station_code, terminal, receipt_number, kind, subject_key, fields,"
    " materials, clerk, created_at, payload_text, payload_sha256, payload_mac)"
    " SELECT client_id::uuid, station_code, terminal, receipt_number, kind, subject_key, fields::jsonb,"
    f" materials::jsonb, clerk, created_at, payload_text, payload_sha256, payload_mac FROM {_unnest(_APP_COLUMNS, _APP_TYPES)}"
    # The district (the inbox's partition key) is the login's, by the column's default (central revision
    # 0017); a client id already held anywhere in the city is skipped by the inbox_claim_key trigger.
    " ON CONFLICT (client_id, district) DO NOTHING",
    _APP_TYPES,
    # Which rows of the batch the centre now holds for this station (RLS hides other stations' rows):
    # inserted now, or already there from an earlier send whose acknowledgement was lost.
    "SELECT t.i FROM unnest(%s::text[]) WITH ORDINALITY AS t(cid, i) JOIN central.inbox x ON x.client_id = t.cid::uuid",
    _REASONS, "申请",
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


def _columns(rows: list[tuple[Any, ...]], width: int) -> list[list[Any]]:
    return [[row[c] for row in rows] for c in range(width)]


def _move(conn: psycopg.Connection, good: list[tuple[int, tuple[Any, ...]]], lo: int, hi: int,
          rejected: dict[int, str], target: _Target) -> None:
    """Insert ``good[lo..hi]``; on a row error split the range until the bad rows stand alone."""
    try:
        with conn.transaction():
            conn.execute(target.insert, _columns([row for _, row in good[lo:hi + 1]], len(target.types)))
    except psycopg.Error as exc:
        if not _is_row_error(exc):
            raise
        if lo == hi:
            rejected[good[lo][0]] = _reason(exc, target)
            return
        mid = (lo + hi) // 2
        _move(conn, good, lo, mid, rejected, target)
        _move(conn, good, mid + 1, hi, rejected, target)


def push_batch(conn: psycopg.Connection, items: Sequence[OutboxPayload]) -> PushResult:
    """Send one batch in one transaction; return what the centre now holds and what it refused."""
    return _push(conn, _APPLICATIONS, items, [_row(item) for item in items],
                 [str(item.receipt_number) for item in items])


def _push(conn: psycopg.Connection, target: _Target, items: Sequence[Any], rows: list[tuple[Any, ...] | str],
          labels: list[str]) -> PushResult:
    """Insert ``rows`` (a string is a row refused before sending); ``labels`` name each row in the
    centre's copy of the refusals (the receipt number of an application)."""
    _require_idle(conn)
    result = PushResult()
    if not items:
        return result
    rejected: dict[int, str] = {i: row for i, row in enumerate(rows) if isinstance(row, str)}
    good = [(i, row) for i, row in enumerate(rows) if not isinstance(row, str)]
    with conn.transaction():
        if good:
            _move(conn, good, 0, len(good) - 1, rejected, target)
        sent = [(i, row) for i, row in good if i not in rejected]  # their ids may not even cast to uuid
        held = {sent[int(r[0]) - 1][0] for r in conn.execute(target.held, [[row[0] for _, row in sent]]).fetchall()} \
            if sent else set()
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


_AUDIT_COLUMNS = ("client_id", "seq", "at", "row_station_code", "terminal", "clerk", "action", "subject",
                  "details", "prev_hash", "hash", "canonical")
_AUDIT_TYPES = ("text", "text", "timestamptz") + ("text",) * 9
_AUDIT = _Target(
    # The sending station comes from the login, never from the row: no station can write into another's log.
    "INSERT INTO central.station_audit (client_id, station_code, seq, at, row_station_code, terminal, clerk,"
    " action, subject, details, prev_hash, hash, canonical)"
    " SELECT client_id::uuid, (SELECT s.code FROM central.stations s WHERE s.role = current_user),"
    " seq::bigint, at, row_station_code, terminal, clerk, action, subject, details::jsonb, prev_hash, hash, canonical"
    f" FROM {_unnest(_AUDIT_COLUMNS, _AUDIT_TYPES)}"
    " ON CONFLICT (client_id) DO NOTHING",
    _AUDIT_TYPES,
    "SELECT t.i FROM unnest(%s::text[]) WITH ORDINALITY AS t(cid, i)"
    " JOIN central.station_audit a ON a.client_id = t.cid::uuid",
    {
        "station_audit_seq_key": "审计记录序号与中心已有的记录重复（审计链分叉）",
        "station_audit_seq_check": "审计记录序号不正确",
        "station_audit_action_check": "审计记录缺少操作类型",
        "station_audit_details_check": "审计记录详情格式不正确",
        "station_audit_prev_hash_check": "审计记录的前一条哈希值格式不正确",
        "station_audit_hash_check": "审计记录哈希值格式不正确",
        "station_audit_station_code_fkey": "中心没有登记此服务站",
        "station_audit_hmac": "审计记录的密钥校验不符（在本机被改动），中心拒收",
        "station_audit_canonical": "审计记录各栏与其签名内容不一致（被改动），中心拒收",
        "station_audit_unsigned": "审计记录缺少签名内容，中心拒收",
    },
    "审计记录",
)
_strict_dumps = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
_BIGINT_MAX = 2**63 - 1


def _audit_row(item: AuditPayload) -> tuple[Any, ...] | str:
    """The column values of one audit row, or why it cannot be sent. Its time must be the chain's own
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
        signed = canonical(row)
    except (TypeError, ValueError, RecursionError):
        return "审计记录详情格式不正确"
    texts = (str(item.client_id), row.station_code, row.terminal, row.clerk, row.action, row.subject, details,
             row.prev_hash, row.hash, signed)
    try:
        joined = "".join(texts)
        # PostgreSQL text holds no NUL (nor jsonb a \u0000); lone surrogates cannot be encoded at all.
        if "\x00" in joined or "\\u0000" in details:
            return "审计记录含有非法字符"
        joined.encode("utf-8")
    except (TypeError, UnicodeEncodeError):
        return "审计记录含有非法字符"
    return (texts[0], str(seq), at, *texts[1:])


def push_audit_batch(conn: psycopg.Connection, items: Sequence[AuditPayload]) -> PushResult:
    """Send audit rows in one transaction, like ``push_batch``: idempotent on ``client_id``, a bad
    row refused alone with its reason; the centre files them under the station of the login."""
    return _push(conn, _AUDIT, items, [_audit_row(item) for item in items],
                 [f"审计#{item.row.seq}" for item in items])


# --- station records (enforcement, complaints, ratings, contacts, daily close, coverage) ---------

@dataclass(frozen=True)
class RecordPayload:
    """One station record as the station sends it (a row of ``central.station_records``): ``data``
    is the whole record as it is now, ``sealed`` the canonical text sealed when it was queued."""

    client_id: str
    station_code: str
    kind: str
    key: str
    data: dict[str, Any]
    recorded_at: datetime | str
    sealed: str | None = None
    sha256: str | None = None
    mac: str | None = None


_RECORD_COLUMNS = ("client_id", "station_code", "kind", "record_key", "data", "recorded_at", "payload_text",
                   "payload_sha256", "payload_mac")
_RECORD_TYPES = ("text",) * 5 + ("timestamptz", "text", "text", "text")
_RECORDS = _Target(
    "INSERT INTO central.station_records (client_id, station_code, kind, record_key, data, recorded_at,"
    " payload_text, payload_sha256, payload_mac)"
    " SELECT client_id::uuid, station_code, kind, record_key, data::jsonb, recorded_at, payload_text,"
    f" payload_sha256, payload_mac FROM {_unnest(_RECORD_COLUMNS, _RECORD_TYPES)}"
    " ON CONFLICT (client_id) DO NOTHING",
    _RECORD_TYPES,
    "SELECT t.i FROM unnest(%s::text[]) WITH ORDINALITY AS t(cid, i)"
    " JOIN central.station_records r ON r.client_id = t.cid::uuid",
    {
        "station_records_kind_check": "中心不受理此类站务记录",
        "station_records_key_check": "站务记录缺少编号",
        "station_records_data_check": "站务记录内容格式不正确",
        "station_records_station_code_fkey": "中心没有登记此服务站",
        "station_records_in_future": "站务记录时间晚于中心当前时间（服务站时钟有误），中心拒收",
        "station_records_payload_missing": "站务记录缺少封存的校验值，中心拒收",
        "station_records_payload_hash": "站务记录内容与封存的校验值不符（在本机被改动），中心拒收",
        "station_records_payload_mac": "站务记录的密钥校验码不符（在本机被改动），中心拒收",
        "station_records_payload_columns": "站务记录各栏与封存的内容不一致（被改动），中心拒收",
    },
    "站务记录",
)


def _record_row(item: RecordPayload) -> tuple[Any, ...] | str:
    """The column values of one station record, or why it cannot be sent."""
    at = item.recorded_at
    if not isinstance(at, datetime):
        try:
            at = datetime.fromisoformat(at)
        except (ValueError, TypeError):
            return "站务记录时间格式不正确"
    if at.tzinfo is None:
        at = at.astimezone()
    try:
        data = _strict_dumps(item.data)
    except (TypeError, ValueError, RecursionError):
        return "站务记录内容格式不正确"
    texts = (str(item.client_id), item.station_code, item.kind, item.key, data)
    extra = tuple(t for t in (item.sealed, item.sha256, item.mac) if t is not None)
    try:
        joined = "".join((*texts, *extra))
        if "\x00" in joined or "\\u0000" in data:
            return "站务记录含有非法字符"
        joined.encode("utf-8")
    except (TypeError, UnicodeEncodeError):
        return "站务记录含有非法字符"
    return (*texts, at, item.sealed, item.sha256, item.mac)


def push_record_batch(conn: psycopg.Connection, items: Sequence[RecordPayload]) -> PushResult:
    """Send station records in one transaction, like ``push_batch``: idempotent on ``client_id``, a
    bad row refused alone with its reason, the sealed text checked on receipt."""
    return _push(conn, _RECORDS, items, [_record_row(item) for item in items],
                 [f"{item.kind}:{item.key}"[:120] for item in items])


def sealed_text(payload: dict[str, Any]) -> str:
    """The canonical text of an application payload, as sealed at the counter (without its seal)."""
    return canonical_json(payload)


def register_chain_key(conn: psycopg.Connection, key: bytes, from_seq: int) -> str:
    """Register this station's audit key at the centre ("registered" or "same"); a different key
    than the one registered raises (the back office must look into it)."""
    with conn.transaction():
        return conn.execute("SELECT central.register_chain_key(%s, %s)", (key, from_seq)).fetchone()[0]


def anchor_head(conn: psycopg.Connection, seq: int, hash_: str) -> str:
    """Anchor the station's current audit head at the centre ("ok", or "regressed" when it went back)."""
    with conn.transaction():
        return conn.execute("SELECT central.anchor_audit_head(%s, %s)", (seq, hash_)).fetchone()[0]


def anchored_head(conn: psycopg.Connection) -> tuple[int, str] | None:
    """The last head this station anchored at the centre, or None."""
    with conn.transaction():
        row = conn.execute("SELECT seq, hash FROM central.my_audit_anchor()").fetchone()
    return None if row is None or row[0] is None else (int(row[0]), str(row[1]))


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


def ack_feed(conn: psycopg.Connection, cursor: str) -> None:
    """Tell the centre how far this station has applied the feed (what ``counter-central purge`` may remove)."""
    xid, seq = parse_cursor(cursor)
    with conn.transaction():
        conn.execute("SELECT central.ack_feed(%s, %s)", (str(xid), seq))


def feed_horizon(conn: psycopg.Connection) -> tuple[int, int] | None:
    """The greatest feed position the centre has purged (None if nothing was): a cursor behind it may
    have missed rows, so that station reloads a snapshot."""
    with conn.transaction():
        row = conn.execute("SELECT central.feed_horizon()").fetchone()
    return parse_cursor(row[0]) if row and row[0] else None


def touch(conn: psycopg.Connection) -> None:
    """Tell the centre this station is alive (recorded as the station's last contact)."""
    with conn.transaction():
        conn.execute("SELECT central.touch_station()")


def receipt_key(conn: psycopg.Connection) -> tuple[bytes, datetime]:
    """This station's receipt key as the centre issued it (made on the first call; central revision 0015)."""
    with conn.transaction():
        row = conn.execute("SELECT key, issued_at FROM central.receipt_key()").fetchone()
    return bytes(row[0]), row[1]


def my_clerks(conn: psycopg.Connection) -> list[tuple[str, bool]]:
    """This station's clerks at the centre (row-level security shows only its own): name, active."""
    with conn.transaction():
        return [(r[0], bool(r[1])) for r in conn.execute("SELECT username, active FROM central.clerks").fetchall()]


def centre_identity(conn: psycopg.Connection) -> str:
    """The identity the central database was given at its creation (central revision 0018)."""
    with conn.transaction():
        row = conn.execute("SELECT central.centre_identity()").fetchone()
    if not row or not row[0]:
        raise psycopg.errors.UndefinedObject("中心数据库没有标识：请中心运行 counter-central init 升级数据库")
    return str(row[0])


def reload_allowed(conn: psycopg.Connection) -> bool:
    """Whether the centre marked a full reload of this station as intended (``counter-central allow-reload``)."""
    row = conn.execute("SELECT coalesce(bool_or(reload_allowed_until > now()), false) FROM central.stations"
                       " WHERE role = current_user").fetchone()
    return bool(row and row[0])
