"""Files attached to applications (电子档案): the rows linking application ↔ material ↔ file hash."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from counter_app.store import schema as s
from counter_app.store.repositories._base import Repository, to_record, to_records, values_of


@dataclass(frozen=True)
class AttachmentRecord:
    """One attached file; ``sha256`` is the archived copy, ``original_sha256`` the file as it came
    when the archived copy is a shrunk one (None: archived as it came)."""

    client_id: str
    application_client_id: str
    receipt_number: str
    material: str
    name: str
    media_type: str
    sha256: str
    bytes: int
    pages: int
    clerk: str
    attached_at: datetime
    original_sha256: str | None = None
    original_bytes: int | None = None
    synced_at: datetime | None = None


class AttachmentRepository(Repository):
    def add(self, record: AttachmentRecord) -> None:
        self._c.execute(s.attachments.insert().values(**values_of(record)))

    def for_receipt(self, receipt_number: str) -> list[AttachmentRecord]:
        c = s.attachments.c
        stmt = select(s.attachments).where(c.receipt_number == receipt_number).order_by(c.id)
        return to_records(AttachmentRecord, self._c.execute(stmt))

    def for_application(self, client_id: str) -> list[AttachmentRecord]:
        c = s.attachments.c
        stmt = select(s.attachments).where(c.application_client_id == client_id).order_by(c.id)
        return to_records(AttachmentRecord, self._c.execute(stmt))

    def get(self, client_id: str) -> AttachmentRecord | None:
        row = self._c.execute(select(s.attachments).where(s.attachments.c.client_id == client_id)).first()
        return to_record(AttachmentRecord, row)

    def unsynced(self, limit: int = 1000) -> list[AttachmentRecord]:
        """Not yet held by the centre, oldest first."""
        c = s.attachments.c
        stmt = select(s.attachments).where(c.synced_at.is_(None)).order_by(c.id).limit(limit)
        return to_records(AttachmentRecord, self._c.execute(stmt))

    def mark_synced(self, client_ids: Iterable[str], at: datetime) -> None:
        ids = list(client_ids)
        if ids:
            self._c.execute(update(s.attachments).where(s.attachments.c.client_id.in_(ids)).values(synced_at=at))

    def iter_all(self) -> Iterator[AttachmentRecord]:
        for row in self._c.execute(select(s.attachments).order_by(s.attachments.c.id)):
            yield to_record(AttachmentRecord, row)  # type: ignore[misc]
