"""The station's sync engine: push the outbox, pull decisions and reference rows, all crash-safe.

Crash safety rests on four rules. (1) A row leaves the local outbox only after ``push_batch`` (or
``push_audit_batch``, for the audit log's rows) returned it as acknowledged, i.e. after the central
transaction committed; a crash in between means a resend, which the centre's ``ON CONFLICT
(client_id) DO NOTHING`` makes harmless. (2) Each pulled page is applied together with its cursor in
one local transaction, so a page is applied exactly once. (3) A station with no cursor yet is
filled from a consistent snapshot of the central reference tables (bulk inserts, bounded memory);
the feed then resumes at the snapshot's horizon and skips the transactions the snapshot already
contained. (4) The cursor is compared-and-set inside the local write transaction, so two syncs of
one station at once never apply a page twice.

Two guards keep a wrong centre from taking the station's data: the centre's identity, recorded at
connect, is checked before anything is sent (another database behind the same address is refused),
and a snapshot that would leave the station with less than half of the people rows it holds is
refused unless the centre marked that station's reload as intended.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

import psycopg

from counter_app.domain.audit_chain import ChainKey, ChainRow, payload_digest, payload_mac
from counter_app.domain.roles import is_role
from counter_app.domain.status import NOT_YET_RECEIVED, ApplicationStatus, can_move
from counter_app.faults import KeyringUnavailable
from counter_app.store import audit_key, receipt_key
from counter_app.store.records import OutboxItem
from counter_app.store.repositories.security import ClerkRecord
from counter_app.store.store import Store
from counter_app.store.types import utc_now
from counter_app.store.uow import UnitOfWork
from counter_app.sync import reference
from counter_app.sync.attachments import CHUNK_BYTES, ChunkHook, push_attachments
from counter_app.sync.protocol import (
    AuditPayload,
    Change,
    OutboxPayload,
    PushResult,
    RecordPayload,
    ack_feed,
    anchor_head,
    centre_identity,
    feed_horizon,
    my_clerks,
    parse_cursor,
    pull_changes,
    push_audit_batch,
    push_batch,
    push_record_batch,
    register_chain_key,
    reload_allowed,
    sealed_text,
    snapshot_xmax,
    touch,
)
from counter_app.sync.protocol import (
    receipt_key as fetch_receipt_key,
)

FEED_CURSOR = "central_feed_cursor"
FEED_SNAPSHOT = "central_feed_snapshot"
CENTRE = "centre"
CLERK = "clerk"  # the feed's entity for one of this station's clerks (central revision 0009)
STATUS_OF_DECISION = {"approve": ApplicationStatus.APPROVED, "reject": ApplicationStatus.REJECTED,
                      "needs-more": ApplicationStatus.NEEDS_MORE, "conflict": ApplicationStatus.CONFLICT}
SNAPSHOT_CHUNK = 5000
CENTRE_IDENTITY = "centre_identity"  # setting: the identity of the centre this station connected to
CENTRE_REBIND = "centre_rebind"  # setting: a new connection was saved; the next sync takes its centre
# A snapshot offering less than half of the people rows (employers, workers, accounts) the station
# holds is refused once the station holds at least this many (a handful is a test or a fresh store),
# unless what it holds is the demo city's (made up, replaced whole by a centre's first snapshot).
WIPE_GUARD_MIN = 100

ConnFactory = Callable[[], psycopg.Connection]


class SyncRefused(Exception):
    """The station will not go on with this centre: nothing of its own was replaced and nothing
    queued is lost; ``message`` says why and what to do, in Chinese."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    rejected: int = 0
    conflicts: int = 0
    files: int = 0  # attached files newly kept at the centre
    file_bytes: int = 0  # chunk bytes sent for them (a resumed file: only what the centre lacked)

    def as_dict(self) -> dict[str, int]:
        counts = {"pushed": self.pushed, "pulled": self.pulled, "rejected": self.rejected, "conflicts": self.conflicts}
        if self.files or self.file_bytes:
            counts.update(files=self.files, file_bytes=self.file_bytes)
        return counts


def sync_once(
    store: Store, central_conn_factory: ConnFactory, batch_size: int = 1000, page_size: int = 2000,
    key: ChainKey | None = None, chunk_bytes: int = CHUNK_BYTES, on_chunk: ChunkHook | None = None,
) -> SyncReport:
    """Push everything waiting, then the attached files of what the centre now holds, then pull
    everything new; raises ``psycopg.Error`` when the centre cannot be reached (nothing is lost: what
    was not acknowledged stays queued, a file's chunks already sent stay sent). With the station's
    audit ``key``: register it first (a no-op once registered) and anchor the audit head last."""
    report = SyncReport()
    key = key or _stored_key(store)
    try:
        with central_conn_factory() as conn:
            conn.autocommit = True  # each batch and page commits on its own
            check_centre(store, conn)  # before anything is sent: the outbox must reach the right centre
            touch(conn)
            ensure_receipt_key(store, conn)
            if key is not None:
                register_chain_key(conn, key.key, key.from_seq)
            push_outbox(store, conn, report, batch_size, key)
            files = push_attachments(store, conn, chunk_bytes, on_chunk)
            report.files, report.file_bytes = files.files, files.bytes_sent
            pull_all(store, conn, report, page_size)
            confirm_clerks(store, conn)
            anchor(store, conn)
    except (psycopg.Error, SyncRefused):
        with contextlib.suppress(Exception):  # the status flag is cosmetic: never hide the centre's error behind it
            _set_online(store, False)
        raise
    _set_online(store, True)
    return report


def check_centre(store: Store, conn: psycopg.Connection) -> str:
    """The centre must be the one this station connected to. The first sync of a station connected
    before identities were recorded takes the centre it finds; a connection saved since (``connect``,
    the settings dialog) takes the new centre and reloads from its snapshot (the feed position of
    another centre means nothing there), under the snapshot's guard."""
    found = centre_identity(conn)
    with store.unit_of_work() as uow:
        if uow.settings.get(CENTRE_IDENTITY) == found and not uow.settings.get(CENTRE_REBIND):
            return found  # the usual round: nothing to record
    with store.unit_of_work(write=True) as uow:
        recorded = uow.settings.get(CENTRE_IDENTITY)
        rebind = bool(uow.settings.get(CENTRE_REBIND))
        if recorded is not None and recorded != found and not rebind:
            raise SyncRefused("central_dsn", (
                "中心数据库不是本站连接时的那一个（连接串指向了另一个或新建的数据库），本次未同步：待传业务仍保留在本机，"
                "本机数据未改动。请核对连接串；确认要改用这个中心，请由站长重新连接中心（counter-app connect 或“站点设置”）"))
        if recorded != found:
            uow.settings.set(CENTRE_IDENTITY, found)
            if recorded is not None:
                uow.sync_state.set(FEED_CURSOR, None)
                uow.sync_state.set(FEED_SNAPSHOT, None)
        if rebind:
            uow.settings.set(CENTRE_REBIND, None)
        uow.commit()
    return found


def ensure_receipt_key(store: Store, conn: psycopg.Connection) -> bool:
    """Fetch this station's receipt key from the centre when the keyring does not hold it (a first
    sync, or a keyring that lost it); False when the keyring cannot keep it (receipts then carry the
    unkeyed code, and the next sync tries again)."""
    with store.unit_of_work() as uow:
        store_id = uow.settings.get("store_id")
    if not store_id:
        return False
    try:
        if receipt_key.read(store_id) is not None:
            return True
        key, issued_at = fetch_receipt_key(conn)
        receipt_key.save(store_id, receipt_key.ReceiptKey(key, issued_at.isoformat()))
    except KeyringUnavailable:
        return False
    with store.unit_of_work(write=True) as uow:
        uow.settings.set(receipt_key.MARK_KEY, {"issued_at": issued_at.isoformat()})
        uow.commit()
    return True


def _stored_key(store: Store) -> ChainKey | None:
    """The store's audit key from the OS keyring (None without one: nothing keyed to register)."""
    with store.unit_of_work() as uow:
        store_id = uow.settings.get("store_id")
    try:
        return audit_key.read(store_id) if store_id else None
    except KeyringUnavailable:
        return None


def _set_online(store: Store, ok: bool) -> None:
    with store.unit_of_work(write=True) as uow:
        uow.settings.set("sync_last_ok", ok)
        if ok:
            uow.settings.set("sync_last_at", utc_now().isoformat())
        uow.commit()


# --- push ---------------------------------------------------------------------------------------

AUDIT_FIELDS = tuple(f.name for f in fields(ChainRow))


INTEGRITY = "integrity"  # see services.payload_check (the outbox payload's seal)


def _application(item: OutboxItem, key: ChainKey | None = None) -> OutboxPayload:
    p = item.payload
    body = {k: v for k, v in p.items() if k != INTEGRITY}
    seal = p.get(INTEGRITY) if isinstance(p.get(INTEGRITY), dict) else {}
    digest, mac = seal.get("sha256"), seal.get("mac")
    if digest is None and key is not None:
        # Queued by a version that did not seal payloads yet: sealed now, on its way out.
        digest = payload_digest(body)
        mac = payload_mac(key.key, digest)
    return OutboxPayload(
        client_id=p["client_id"], station_code=p["station_code"], terminal=p["terminal"],
        receipt_number=p["receipt_number"], kind=p["kind"], subject_key=p["subject_key"],
        fields=p["fields"], materials=p.get("materials", []), clerk=p["clerk"], created_at=p["created_at"],
        sealed=sealed_text(body) if digest is not None else None, sha256=digest, mac=mac,
    )


def _audit(item: OutboxItem, _key: ChainKey | None = None) -> AuditPayload:
    p = item.payload
    return AuditPayload(client_id=item.client_id, row=ChainRow(**{k: p[k] for k in AUDIT_FIELDS}))


def _station_record(item: OutboxItem, key: ChainKey | None = None) -> RecordPayload:
    p = item.payload
    body = {k: v for k, v in p.items() if k != INTEGRITY}
    seal = p.get(INTEGRITY) if isinstance(p.get(INTEGRITY), dict) else {}
    digest, mac = seal.get("sha256"), seal.get("mac")
    if digest is None and key is not None:
        digest = payload_digest(body)
        mac = payload_mac(key.key, digest)
    return RecordPayload(
        client_id=p["client_id"], station_code=p["station_code"], kind=p["kind"], key=p["key"], data=p["data"],
        recorded_at=p["recorded_at"], sealed=sealed_text(body) if digest is not None else None, sha256=digest, mac=mac,
    )


@dataclass(frozen=True)
class Topic:
    """How one outbox topic is built from its stored payload and pushed; ``applications`` when its
    acknowledgement moves an application to "received"."""

    build: Callable[[Any, ChainKey | None], Any]
    push: Callable[[psycopg.Connection, list[Any]], PushResult]
    applications: bool = False


TOPICS = {
    "application": Topic(_application, push_batch, applications=True),
    "audit": Topic(_audit, push_audit_batch),
    "record": Topic(_station_record, push_record_batch),  # services/station_records.py
}


def _payload(item: OutboxItem, key: ChainKey | None = None) -> Any:
    """The payload to push, or why the row cannot be sent at all."""
    topic = TOPICS.get(item.topic)
    if topic is None:
        return f"未知的同步内容类型：{item.topic}"
    try:
        return topic.build(item, key)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        return f"待上传记录缺少字段或格式不正确：{exc}"


def anchor(store: Store, conn: psycopg.Connection) -> str | None:
    """Anchor the local audit head at the centre; the answer is kept for ``audit verify``."""
    with store.unit_of_work() as uow:
        head = uow.audit.head()
    if head is None or head.seq <= 0:
        return None
    answer = anchor_head(conn, head.seq, head.hash)
    with store.unit_of_work(write=True) as uow:
        uow.settings.set("audit_anchor", {"seq": head.seq, "hash": head.hash, "answer": answer,
                                          "at": utc_now().isoformat()})
        uow.commit()
    return answer


def push_outbox(store: Store, conn: psycopg.Connection, report: SyncReport, batch_size: int,
                key: ChainKey | None = None) -> None:
    """Send the outbox batch by batch until it is empty (or only refused rows remain); each topic of
    a batch goes in its own central transaction and is settled as soon as it is acknowledged."""
    while True:
        with store.unit_of_work(write=True) as uow:  # counted before sending: see OutboxRepository.claim
            items = uow.outbox.claim(batch_size)
            uow.commit()
        if not items:
            return
        groups: dict[str, list[Any]] = {}
        refused: list[tuple[str, str]] = []
        for item in items:
            built = _payload(item, key)
            if isinstance(built, str):
                refused.append((item.client_id, built))
            else:
                groups.setdefault(item.topic, []).append(built)
        for name, payloads in groups.items():
            topic = TOPICS[name]
            try:
                result = topic.push(conn, payloads)
            except psycopg.Error as exc:
                _record_failure(store, [p.client_id for p in payloads], exc)
                raise
            _settle(store, result.acked, result.rejected, topic.applications)
            report.pushed += len(result.acked)
            report.rejected += len(result.rejected)
        if refused:
            _settle(store, [], refused, False, prefix=UNSENDABLE)
            report.rejected += len(refused)


def _record_failure(store: Store, client_ids: list[str], exc: Exception) -> None:
    try:
        with store.unit_of_work(write=True) as uow:
            uow.outbox.record_failure(client_ids, str(exc).strip()[:500])
            uow.commit()
    except Exception:  # noqa: BLE001  bookkeeping only: never hide the original failure
        pass


def _settle(store: Store, acked: list[str], rejected: list[tuple[str, str]], applications: bool = True,
            prefix: str | None = None) -> None:
    """Remove what the centre holds from the outbox; keep refused rows aside with their reason."""
    with store.unit_of_work(write=True) as uow:
        uow.outbox.ack(acked)
        for client_id in acked if applications else ():
            app = uow.applications.get_by_client_id(client_id)
            # A decision may already have arrived (a resend after a lost acknowledgement).
            if app is not None and app.status in NOT_YET_RECEIVED:
                uow.applications.set_status(client_id, ApplicationStatus.RECEIVED, by=CENTRE)
        for client_id, reason in rejected:
            uow.outbox.reject(client_id, reason)
            refused_application(uow, client_id, reason, prefix or REFUSED)
        uow.commit()


REFUSED = "中心拒收："  # the reason of an application the centre refused at receipt starts so
UNSENDABLE = "无法上传中心："  # ... and of one whose queued row this station could not even read


def refused_application(uow: UnitOfWork, client_id: str, reason: str, prefix: str = REFUSED) -> bool:
    """An application the centre refused to receive is not waiting any more: it shows as not approved,
    with the centre's reason, and no longer counts against the balance or blocks a new application."""
    app = uow.applications.get_by_client_id(client_id)
    if app is None or app.status not in NOT_YET_RECEIVED:
        return False  # not an application (an audit row, a station record), or already further on
    uow.applications.set_status(client_id, ApplicationStatus.REJECTED, by=CENTRE, reason=prefix + reason)
    return True


# --- pull ---------------------------------------------------------------------------------------

def pull_all(store: Store, conn: psycopg.Connection, report: SyncReport, page_size: int) -> None:
    """Snapshot-load a new station, then follow the feed page by page (each page + cursor atomic)."""
    with store.unit_of_work() as uow:
        cursor = uow.sync_state.get(FEED_CURSOR)
        snapshot = uow.sync_state.get(FEED_SNAPSHOT)
    horizon = feed_horizon(conn) if cursor is not None else None
    if cursor is not None and horizon is not None and parse_cursor(cursor) < horizon:
        # The centre purged rows this station never applied (it fell behind, or was restored from
        # an old backup): page by page would skip them, so it starts again from a fresh snapshot.
        reset_pull(store)
        cursor = None
    if cursor is None:
        cursor, snapshot = snapshot_load(store, conn, report)
    while True:
        if snapshot is not None and parse_cursor(cursor)[0] >= snapshot_xmax(snapshot):
            snapshot = None  # past every transaction the snapshot could have contained
        page = pull_changes(conn, cursor, page_size, skip_snapshot=snapshot)
        with store.unit_of_work(write=True) as uow:
            # Compare-and-set: another sync of this station (GUI and CLI at once) may have applied
            # this page meanwhile; then start again from where it got to.
            current = uow.sync_state.get(FEED_CURSOR)
            if current != cursor:
                cursor, snapshot = current, uow.sync_state.get(FEED_SNAPSHOT)
                continue
            report.conflicts += apply_changes(uow, page.rows)
            uow.sync_state.set(FEED_CURSOR, page.next_cursor)
            uow.sync_state.set(FEED_SNAPSHOT, snapshot)
            uow.commit()
        report.pulled += len(page.rows)
        cursor = page.next_cursor
        if not page.more:
            ack_feed(conn, cursor)
            return


def apply_changes(uow: UnitOfWork, changes: Iterable[Change]) -> int:
    """Apply feed rows to the store; returns how many were conflict decisions."""
    conflicts = 0
    run: list[Any] = []  # consecutive upserts of one entity whose repository takes them at once
    run_entity = ""
    for change in changes:
        if run and change.entity != run_entity:
            _upsert_run(uow, run_entity, run)
            run = []
        if change.entity == "decision":
            conflicts += apply_decision(uow, change.payload)
        elif change.entity == CLERK and change.op == "upsert":
            apply_clerk(uow, change.payload)
        elif change.entity in reference.ENTITIES and change.op == "upsert":
            record = reference.from_payload(change.entity, change.payload)
            if hasattr(getattr(uow, reference.ENTITIES[change.entity].repository), "upsert_many"):
                run.append(record)
                run_entity = change.entity
            else:
                _upsert(uow, change.entity, record)
        # Deletions of reference rows are not applied: the store keeps no delete for them yet.
    if run:
        _upsert_run(uow, run_entity, run)
    return conflicts


def _upsert_run(uow: UnitOfWork, entity: str, records: list[Any]) -> None:
    getattr(uow, reference.ENTITIES[entity].repository).upsert_many(records)


def _upsert(uow: UnitOfWork, entity: str, record: Any) -> None:
    repo = getattr(uow, reference.ENTITIES[entity].repository)
    if entity in ("withdrawal_history", "policy_version"):
        repo.add(record)
    else:
        repo.upsert(record)


def confirm_clerks(store: Store, conn: psycopg.Connection) -> int:
    """Stamp the accounts the centre lists as active for this station (after the feed was applied, so a
    disable already took effect): the offline lock spares them for the policy's limit from now."""
    active = [name for name, on in my_clerks(conn) if on]
    with store.unit_of_work(write=True) as uow:
        count = uow.clerks.confirm(active, utc_now())
        uow.commit()
    return count


def apply_clerk(uow: UnitOfWork, payload: dict[str, Any]) -> bool:
    """The centre's version of one of this station's clerks (central revision 0009). The password
    hash comes only with an add or a reset: otherwise the clerk's own password stays, and so do the
    local lockout counters. A malformed row is skipped, never half-applied."""
    name = str(payload.get("username") or "")
    role = payload.get("role")
    hashed = payload.get("password_hash")
    held = uow.clerks.get(name)
    if not name or not is_role(role) or (hashed is not None and not str(hashed).startswith("$argon2id$")):
        return False
    if hashed is None and held is None:
        return False  # nothing to log in with: wait for the row that carries the code
    # A hash from the centre is a one-time code (add or reset): the clerk replaces it at first login.
    must_change = hashed is not None or (held is not None and held.must_change_password)
    record = ClerkRecord(username=name, display_name=str(payload.get("display_name") or name), role=str(role),
                         password_hash=str(hashed) if hashed is not None else held.password_hash,  # type: ignore[union-attr]
                         active=bool(payload.get("active", True)), source="centre",
                         created_at=held.created_at if held is not None else utc_now(),
                         must_change_password=must_change)
    uow.clerks.upsert([record])
    return True


def apply_decision(uow: UnitOfWork, payload: dict[str, Any]) -> int:
    """Set the application's status from the centre's decision; a conflict also keeps its details."""
    client_id = str(payload["client_id"])
    status = STATUS_OF_DECISION.get(payload["decision"])
    app = uow.applications.get_by_client_id(client_id)
    if app is None or status is None or not can_move(app.status, status):
        return 0  # unknown here, or withdrawn before it was ever sent: nothing to decide
    reason = payload.get("reason") or None
    at = _when(payload.get("decided_at"))
    uow.applications.set_status(client_id, status, by=payload.get("decided_by") or CENTRE, reason=reason, at=at)
    if status == ApplicationStatus.CONFLICT:
        uow.applications.set_conflict(client_id, {"reason": reason, "decided_at": at.isoformat() if at else None})
        return 1
    if app.conflict:  # a person at the centre resolved it with a real decision
        uow.applications.set_conflict(client_id, None)
    return 0


def reset_pull(store: Store) -> None:
    """Forget the feed position: the next sync reloads all reference data from a fresh snapshot
    (after the station moved to another district, or to repair a damaged store)."""
    with store.unit_of_work(write=True) as uow:
        uow.sync_state.set(FEED_CURSOR, None)
        uow.sync_state.set(FEED_SNAPSHOT, None)
        uow.commit()


def _when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value) if value else None


def snapshot_load(store: Store, conn: psycopg.Connection, report: SyncReport) -> tuple[str, str | None]:
    """Fill an empty (or re-initialised) station from one consistent snapshot of the centre.

    Returns the feed cursor and snapshot to resume from. All in one local transaction: an
    interruption leaves the station as it was, and the next sync starts the snapshot again."""
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        snap, xmin = conn.execute(
            "SELECT pg_current_snapshot()::text, pg_snapshot_xmin(pg_current_snapshot())::text").fetchone()
        with store.unit_of_work(write=True) as uow:
            loaded = uow.sync_state.get(FEED_CURSOR)
            if loaded is not None:  # another sync of this station got there first
                return loaded, uow.sync_state.get(FEED_SNAPSHOT)
            _guard_wipe(uow, conn)
            uow.clear_reference_data()
            uow.set_reference_origin(CENTRE)
            for entity in reference.ENTITIES.values():
                report.pulled += _load_table(conn, uow, entity)
            report.conflicts += _load_decisions(conn, uow)
            report.pulled += _load_clerks(conn, uow)
            cursor = f"{xmin}:0"
            uow.sync_state.set(FEED_CURSOR, cursor)
            uow.sync_state.set(FEED_SNAPSHOT, snap)
            uow.commit()
    return cursor, snap


def _people(uow: UnitOfWork) -> int:
    return uow.employers.count() + uow.workers.count() + uow.accounts.count()


def _guard_wipe(uow: UnitOfWork, conn: psycopg.Connection) -> None:
    """Refuse a snapshot that would take most of the station's people rows away (an empty or wrong
    centre), unless the centre marked this station's reload as intended; counted in the snapshot."""
    held = _people(uow)
    if held < WIPE_GUARD_MIN or uow.reference_origin() == "demo":
        return  # a handful of rows, or the demo city's made-up people: the centre's data replaces them
    row = conn.execute("SELECT (SELECT count(*) FROM central.employers) + (SELECT count(*) FROM central.workers)"
                       " + (SELECT count(*) FROM central.accounts)").fetchone()
    offered = int(row[0]) if row else 0
    if offered * 2 >= held or reload_allowed(conn):
        return
    raise SyncRefused("central_dsn", (
        f"中心只提供 {offered} 条单位、职工和账户资料，本机现有 {held} 条：照此下载会清空本机的大部分资料，"
        "已停止下载，本机资料未改动，待传业务不受影响。可能连错了中心数据库，或中心尚未导入资料；"
        "如确需以中心现有资料为准，请中心运行 counter-central allow-reload 标明后再同步"))


def _load_table(conn: psycopg.Connection, uow: UnitOfWork, entity: reference.Entity) -> int:
    repo = getattr(uow, entity.repository)
    count = 0
    with conn.cursor(name=f"snapshot_{entity.table}") as cur:  # server-side: memory stays bounded
        cur.itersize = SNAPSHOT_CHUNK
        cur.execute(f"SELECT {', '.join(reference.columns(entity.record))} FROM central.{entity.table}")
        while rows := cur.fetchmany(SNAPSHOT_CHUNK):
            records = [reference.from_row(entity.name, row) for row in rows]
            if hasattr(repo, "bulk_insert"):
                repo.bulk_insert(records)
            else:
                for record in records:
                    repo.add(record)
            count += len(records)
    return count


def _load_clerks(conn: psycopg.Connection, uow: UnitOfWork) -> int:
    """This station's clerks as the centre has them (RLS shows only its own). A clerk the station
    already has keeps the password set at the counter; the centre's flags (active, role) rule."""
    rows = conn.execute("SELECT username, name, role, active, password_hash FROM central.clerks").fetchall()
    applied = 0
    for username, name, role, active, hashed in rows:
        held = uow.clerks.get(username)
        applied += apply_clerk(uow, {"username": username, "display_name": name, "role": role, "active": active,
                                     "password_hash": hashed if held is None else None})
    return applied


def _load_decisions(conn: psycopg.Connection, uow: UnitOfWork) -> int:
    rows = conn.execute(
        "SELECT client_id::text, decision, reason, decided_at, decided_by FROM central.decisions ORDER BY id"
    ).fetchall()
    keys = ("client_id", "decision", "reason", "decided_at", "decided_by")
    return sum(apply_decision(uow, dict(zip(keys, row))) for row in rows)
