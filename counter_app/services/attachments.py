"""Documents attached to an application (电子档案): attach, list, and print the archive cover sheet.

Each file is kept twice over when it was shrunk: the original as it came and the archive copy
(about 300 KB an A4 page, ``printing/scans.py``), both in the data dir's content-addressed folder
(``store/blobs.py``). One ``attach`` audit row per call seals every file's SHA-256 (archive copy and
original) under the application's receipt number, so ``audit verify`` finds a file swapped on disk
or a row pointed at another file. The archive copies go to the centre after their application
(``sync/attachments.py``); the originals stay at the station.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uuid6

from counter_app.domain.businesses import business
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.normalize import valid_text
from counter_app.domain.status import ApplicationStatus
from counter_app.printing.archive_cover import ArchiveData, ArchiveEntry, render_archive_cover, size_text
from counter_app.printing.scans import ScanError, archive_copy
from counter_app.services import audit
from counter_app.services.counter import Counter
from counter_app.services.operations.daily_close import log_print
from counter_app.store.blobs import BlobStore
from counter_app.store.records import ApplicationRecord
from counter_app.store.repositories.attachments import AttachmentRecord

__all__ = ["AttachmentView", "Cover", "attach_files", "attach_groups", "list_attachments", "print_archive_cover",
           "size_text"]

ACTION = "attach"
MAX_FILE_BYTES = 60_000_000  # a 100-megapixel photo is ~40 MB; anything bigger is not a document
UNSORTED = "未归类"


@dataclass(frozen=True)
class AttachmentView:
    """One attached file as lists and scripts show it (``archive --json``, ``attach --json``)."""

    id: str
    receipt_number: str
    material: str
    material_name: str
    name: str
    media_type: str
    pages: int
    bytes: int
    sha256: str
    original_sha256: str | None
    original_bytes: int | None
    synced: bool

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "receipt_number": self.receipt_number, "material": self.material,
                "material_name": self.material_name, "name": self.name, "media_type": self.media_type,
                "pages": self.pages, "bytes": self.bytes, "sha256": self.sha256,
                "original_sha256": self.original_sha256, "original_bytes": self.original_bytes, "synced": self.synced}


def blobs(counter: Counter) -> BlobStore:
    return BlobStore(counter.data_dir)


def attach_files(counter: Counter, receipt_number: str, files: Iterable[str | os.PathLike[str]],
                 material: str | None = None) -> Checked[list[AttachmentView]]:
    """Attach ``files`` to the application (under ``material``, a code of the policy's catalogue).
    All or nothing: one unreadable file refuses the call, naming it, and nothing is attached."""
    paths = [Path(f) for f in files]
    if not paths:
        return Checked.fail("files", "请选择要附加的文件")
    number = valid_text(receipt_number).strip().upper()
    with counter.store.unit_of_work() as uow:
        record = uow.applications.get_by_receipt(number)
    if record is None:
        return Checked.fail("receipt_number", f"本站没有受理编号为 {number} 的业务")
    if record.status == ApplicationStatus.CANCELLED:
        return Checked.fail("receipt_number", f"{number} 已撤销，不能再附加材料")
    code = (material or "").strip()
    catalogue = counter.policy_on(counter.local(record.taken_at).date()).materials
    if code and code not in catalogue:
        return Checked.fail("material", f"材料代码 {code} 不在本市材料目录中（可选：{'、'.join(sorted(catalogue))}）")
    prepared: list[tuple[Path, bytes, Any]] = []
    for path in paths:
        problem, data = _read(path)
        if problem:
            return Checked.fail("files", f"{path.name}：{problem}")
        try:
            prepared.append((path, data, archive_copy(data)))
        except ScanError as exc:
            return Checked.fail("files", f"{path.name}：{exc}")
    store = blobs(counter)
    rows: list[AttachmentRecord] = []
    now = counter.now()
    for path, data, copy in prepared:
        # Written before the transaction: a rolled-back attach leaves only unreferenced files, never a
        # row without its file.
        original = store.put(data) if copy.shrunk else None
        digest = store.put(copy.data)
        rows.append(AttachmentRecord(
            client_id=str(uuid6.uuid7()), application_client_id=record.client_id, receipt_number=number,
            material=code, name=valid_text(path.name)[:200], media_type=copy.media_type, sha256=digest,
            bytes=len(copy.data), pages=copy.pages, clerk=counter.clerk, attached_at=now,
            original_sha256=original, original_bytes=len(data) if original else None))
    with counter.store.unit_of_work(write=True) as uow:
        for row in rows:
            uow.attachments.add(row)
        audit.record(counter, ACTION, number, {"client_id": record.client_id, "files": [sealed(r) for r in rows]},
                     uow=uow)
        uow.commit()
    return Checked(value=[_view(counter, record, r) for r in rows])


def attach_groups(counter: Counter, receipt_number: str,
                  groups: Mapping[str, Sequence[str | os.PathLike[str]]]) -> Checked[list[AttachmentView]]:
    """The form's files by material code (the wizard, after its submit): each material's files all or
    nothing; what could not be attached is named (the application itself stays accepted)."""
    views: list[AttachmentView] = []
    errors: list[FieldError] = []
    for code, files in groups.items():
        result = attach_files(counter, receipt_number, files, code or None)
        views += result.value or []
        errors += result.errors
    return Checked(value=views, errors=tuple(errors))


def sealed(row: AttachmentRecord) -> dict[str, Any]:
    """What the ``attach`` audit row holds of one file (checked by ``audit verify``)."""
    return {"id": row.client_id, "material": row.material, "sha256": row.sha256, "bytes": row.bytes,
            "pages": row.pages, "original_sha256": row.original_sha256}


def _read(path: Path) -> tuple[str | None, bytes]:
    try:
        if not path.is_file():
            return "文件不存在", b""
        if path.stat().st_size > MAX_FILE_BYTES:
            return f"文件超过 {MAX_FILE_BYTES // 1_000_000} MB，不像是一份材料的扫描件", b""
        data = path.read_bytes()
    except OSError as exc:
        return f"无法读取（{exc.strerror or exc}）", b""
    if not data:
        return "文件是空的", b""
    return None, data


def list_attachments(counter: Counter, receipt_number: str) -> Checked[list[AttachmentView]]:
    number = valid_text(receipt_number).strip().upper()
    with counter.store.unit_of_work() as uow:
        record = uow.applications.get_by_receipt(number)
        rows = uow.attachments.for_application(record.client_id) if record else []
    if record is None:
        return Checked.fail("receipt_number", f"本站没有受理编号为 {number} 的业务")
    return Checked(value=[_view(counter, record, r) for r in rows])


def _material_name(counter: Counter, record: ApplicationRecord, code: str) -> str:
    if not code:
        return UNSORTED
    return str(counter.policy_on(counter.local(record.taken_at).date()).materials.get(code, code))


def _view(counter: Counter, record: ApplicationRecord, row: AttachmentRecord) -> AttachmentView:
    return AttachmentView(
        id=row.client_id, receipt_number=row.receipt_number, material=row.material,
        material_name=_material_name(counter, record, row.material), name=row.name, media_type=row.media_type,
        pages=row.pages, bytes=row.bytes, sha256=row.sha256, original_sha256=row.original_sha256,
        original_bytes=row.original_bytes, synced=row.synced_at is not None)


@dataclass(frozen=True)
class Cover:
    file: Path
    pages: int
    attachments: list[AttachmentView]

    def as_dict(self) -> dict[str, Any]:
        return {"file": str(self.file), "pages": self.pages, "attachments": [a.as_dict() for a in self.attachments],
                "total_pages": sum(a.pages for a in self.attachments)}


def print_archive_cover(counter: Counter, receipt_number: str, out: str | os.PathLike[str] | None = None
                        ) -> Checked[Cover]:
    """The application's archive cover sheet (档案封面) with the index of its files, as PDF."""
    listed = list_attachments(counter, receipt_number)
    if not listed.ok or listed.value is None:
        return Checked(value=None, errors=listed.errors)
    number = valid_text(receipt_number).strip().upper()
    with counter.store.unit_of_work() as uow:
        record = uow.applications.get_by_receipt(number)
    assert record is not None  # listed above
    taken_on = counter.local(record.taken_at).date()
    version = counter.policy_on(taken_on)
    spec = business(record.kind)
    subject = audit.masked(record.subject_key)
    data = ArchiveData(
        centre_name=version.centre_name, station_name=counter.station_name, receipt_number=number,
        business=spec.title, subject=f"{subject} {record.subject_name}".strip(), taken_on=taken_on, clerk=record.clerk,
        entries=tuple(ArchiveEntry(a.material_name, a.name, a.pages, a.bytes, a.sha256, a.original_sha256,
                                   a.original_bytes) for a in listed.value),
        materials_ticked=tuple(str(version.materials.get(c, c)) for c in record.materials),
        printed_at=counter.local(counter.now()))
    path = Path(out) if out else counter.data_dir / "prints" / counter.today().isoformat() / f"{number}-archive.pdf"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        pages = render_archive_cover(data, path)
    except OSError as exc:
        return Checked(value=None, errors=(FieldError("out", f"无法写入 {path}：{exc.strerror or exc}"),))
    log_print(counter, "archive_cover", path, pages, subject=number)
    return Checked(value=Cover(path, pages, listed.value))
