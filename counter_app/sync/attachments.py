"""Attachments to the centre (电子档案): each file once by hash, in chunks that survive a killed sync.

After the outbox is pushed, every attached file whose application the centre holds goes up:
(1) unless the centre already keeps a file of that SHA-256 for this station (deduplicated), the
chunks it lacks are sent, each chunk its own transaction keyed by its offset — a sync killed in
the middle of a file resumes with the missing chunks, never the whole file; (2)
``central.complete_attachment_file`` joins them and checks the whole against its hash; (3) the
link rows (application ↔ material ↔ file) go in keyed by their client id, ``ON CONFLICT DO
NOTHING``, and only then are they marked synced here. Row-level security at the centre keeps
each station to its own rows (central revision 0014).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import psycopg

from counter_app.domain.status import NOT_YET_RECEIVED, ApplicationStatus
from counter_app.store.blobs import BlobStore
from counter_app.store.repositories.attachments import AttachmentRecord
from counter_app.store.store import Store
from counter_app.store.types import utc_now

CHUNK_BYTES = 256 * 1024  # a chunk lost to a dropped line costs at most this much again
LINK_BATCH = 200
MISMATCH = "中心收到的文件与其哈希值不符（本机文件可能已损坏），已丢弃，下次同步重新上传"

ChunkHook = Callable[[str, int, int], None]  # (sha256, offset, length) after each chunk is committed


@dataclass
class FileReport:
    """What one round moved: files newly kept at the centre, chunk bytes sent, links acknowledged."""

    files: int = 0
    bytes_sent: int = 0
    linked: int = 0
    deduplicated: int = 0
    problems: list[str] = field(default_factory=list)


def push_attachments(store: Store, conn: psycopg.Connection, chunk_bytes: int = CHUNK_BYTES,
                     on_chunk: ChunkHook | None = None) -> FileReport:
    """Upload every unsynced attachment whose application has reached the centre."""
    report = FileReport()
    blobs = BlobStore(store.path.parent)
    ready = _ready(store)
    done: set[str] = set()
    for start in range(0, len(ready), LINK_BATCH):
        batch = ready[start:start + LINK_BATCH]
        linked = []
        for row, station in batch:
            key = f"{station}:{row.sha256}"
            if key not in done:
                if not _ensure_file(conn, blobs, station, row.sha256, chunk_bytes, report, on_chunk):
                    continue
                done.add(key)
            linked.append((row, station))
        _link(conn, linked)
        with store.unit_of_work(write=True) as uow:
            uow.attachments.mark_synced([row.client_id for row, _ in linked], utc_now())
            uow.commit()
        report.linked += len(linked)
    return report


def _ready(store: Store) -> list[tuple[AttachmentRecord, str]]:
    """Unsynced attachments whose application the centre has acknowledged, with its station code."""
    out = []
    with store.unit_of_work() as uow:
        for row in uow.attachments.unsynced():
            app = uow.applications.get_by_client_id(row.application_client_id)
            if app is None or app.status in NOT_YET_RECEIVED or app.status == ApplicationStatus.CANCELLED:
                continue  # not at the centre yet (or never will be): the file waits with it
            out.append((row, app.station_code))
    return out


def _ensure_file(conn: psycopg.Connection, blobs: BlobStore, station: str, sha256: str, chunk_bytes: int,
                 report: FileReport, on_chunk: ChunkHook | None) -> bool:
    """Make the centre keep the file; False when it could not (named in ``report.problems``)."""
    kept = conn.execute("SELECT 1 FROM central.attachment_files WHERE station_code = %s AND sha256 = %s",
                        (station, sha256)).fetchone()
    if kept is not None:
        report.deduplicated += 1
        return True
    size = blobs.size(sha256)
    held = dict(conn.execute('SELECT "offset", length(data) FROM central.attachment_chunks'
                             " WHERE station_code = %s AND sha256 = %s", (station, sha256)).fetchall())
    for offset in range(0, size, chunk_bytes):
        length = min(chunk_bytes, size - offset)
        if held.get(offset) == length:
            continue  # sent by an earlier, interrupted round
        data = blobs.read_range(sha256, offset, length)
        conn.execute('INSERT INTO central.attachment_chunks (station_code, sha256, "offset", data)'
                     " VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING", (station, sha256, offset, data))
        report.bytes_sent += len(data)
        if on_chunk is not None:
            on_chunk(sha256, offset, len(data))
    row = conn.execute("SELECT central.complete_attachment_file(%s, %s)", (sha256, size)).fetchone()
    answer = row[0] if row else None
    if answer == "done":
        report.files += 1
        return True
    report.problems.append(f"{sha256[:16]}…：{MISMATCH if answer == 'mismatch' else '中心尚缺部分数据，下次同步补传'}")
    return False


def _link(conn: psycopg.Connection, linked: list[tuple[AttachmentRecord, str]]) -> None:
    if not linked:
        return
    with conn.transaction():
        conn.cursor().executemany(
            "INSERT INTO central.attachments (client_id, station_code, application_client_id, receipt_number, material,"
            " name, media_type, sha256, bytes, pages, original_sha256, original_bytes, attached_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (client_id) DO NOTHING",
            [(r.client_id, station, r.application_client_id, r.receipt_number, r.material, r.name, r.media_type,
              r.sha256, r.bytes, r.pages, r.original_sha256, r.original_bytes, r.attached_at) for r, station in linked])


def held_at_centre(conn: psycopg.Connection, receipt_number: str) -> dict[str, object] | None:
    """``counter-central attachments``: what the centre holds for one application (owner's view), with each
    file's SHA-256 recomputed from the bytes kept. None when the centre has no such application."""
    app = conn.execute("SELECT client_id, station_code, kind FROM central.inbox WHERE receipt_number = %s",
                       (receipt_number,)).fetchone()
    if app is None:
        return None
    rows = conn.execute(
        "SELECT a.client_id, a.material, a.name, a.media_type, a.pages, a.bytes, a.sha256,"
        " encode(sha256(f.data), 'hex'), a.original_sha256, a.original_bytes, a.attached_at, a.received_at"
        " FROM central.attachments a JOIN central.attachment_files f USING (station_code, sha256)"
        " WHERE a.application_client_id = %s ORDER BY a.attached_at, a.client_id", (app[0],)).fetchall()
    files = [{"id": str(r[0]), "material": r[1], "name": r[2], "media_type": r[3], "pages": r[4], "bytes": r[5],
              "sha256": r[6], "content_sha256": r[7], "intact": r[6] == r[7], "original_sha256": r[8],
              "original_bytes": r[9], "attached_at": r[10].isoformat(), "received_at": r[11].isoformat()}
             for r in rows]
    return {"receipt_number": receipt_number, "station_code": app[1], "kind": app[2],
            "application_client_id": str(app[0]), "files": len(files), "pages": sum(f["pages"] for f in files),
            "bytes": sum(f["bytes"] for f in files), "attachments": files}
