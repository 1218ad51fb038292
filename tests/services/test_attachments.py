"""Attachments (电子档案): shrunk archive copies with originals kept, sealed in the audit log, a cover sheet."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess

from archive_images import document_photo, small_scan, write
from PIL import Image
from reportlab.pdfgen.canvas import Canvas
from service_world import submit_good

from counter_app.services import audit
from counter_app.services.attachments import attach_files, list_attachments, print_archive_cover
from counter_app.services.backup import backup, backup_dir, files_beside, restore
from counter_app.store.blobs import BlobStore, sha256_of


def two_page_pdf(path):
    canvas = Canvas(str(path))
    for n in (1, 2):
        canvas.drawString(72, 720, f"page {n}")
        canvas.showPage()
    canvas.save()
    return path


def attach_rows(data_dir) -> list[tuple]:
    db = sqlite3.connect(data_dir / "station.sqlite3")
    try:
        return db.execute("SELECT name, material, sha256, original_sha256, pages FROM attachments ORDER BY id").fetchall()
    finally:
        db.close()


def test_a_photo_is_shrunk_the_original_kept_and_both_sealed_in_the_audit_log(counter, data_dir, tmp_path):
    taken = submit_good(counter, "withdrawal")
    photo = document_photo(1, size=(3000, 2250))
    original = write(tmp_path / "身份证.jpg", photo)
    result = attach_files(counter, taken.receipt_number, [original], "id_card")
    assert result.ok, result.errors
    [view] = result.value
    assert view.media_type == "image/jpeg" and view.pages == 1 and view.material_name == "居民身份证原件"
    assert view.bytes <= 300_000 < len(photo)
    assert view.original_sha256 == sha256_of(photo) and view.original_bytes == len(photo)
    blobs = BlobStore(data_dir)
    assert blobs.read(view.original_sha256) == photo  # the original is never dropped
    shrunk = Image.open(io.BytesIO(blobs.read(view.sha256)))
    assert max(shrunk.size) <= 2339 and max(shrunk.size) >= 1200  # A4 at 200 dpi at most, still readable
    row = audit.list_entries(counter, limit=1, action="attach")[0]
    assert row.subject == taken.receipt_number
    assert row.details["client_id"] == taken.client_id
    assert row.details["files"] == [{"id": view.id, "material": "id_card", "sha256": view.sha256, "bytes": view.bytes,
                                     "pages": 1, "original_sha256": view.original_sha256}]
    assert audit.verify_chain(counter).ok


def test_pdfs_and_small_scans_are_kept_as_they_are_and_the_same_file_is_stored_once(counter, data_dir, tmp_path):
    taken = submit_good(counter, "withdrawal")
    pdf = two_page_pdf(tmp_path / "合同.pdf")
    scan = write(tmp_path / "scan.png", small_scan())
    result = attach_files(counter, taken.receipt_number, [pdf, scan, scan])
    assert result.ok, result.errors
    first, second, third = result.value
    assert (first.media_type, first.pages, first.sha256) == ("application/pdf", 2, sha256_of(pdf.read_bytes()))
    assert (second.media_type, second.original_sha256, second.material_name) == ("image/png", None, "未归类")
    assert second.sha256 == third.sha256 and second.id != third.id
    assert len(list(BlobStore(data_dir))) == 2


def test_bad_input_attaches_nothing_and_names_the_file(counter, data_dir, tmp_path):
    taken = submit_good(counter, "withdrawal")
    good = write(tmp_path / "ok.png", small_scan())
    fake = write(tmp_path / "fake.jpg", b"this is not a picture")
    result = attach_files(counter, taken.receipt_number, [good, fake])
    assert [(e.field, e.message) for e in result.errors] == [
        ("files", "fake.jpg：不是可识别的图片或 PDF 文件（支持 JPEG、PNG、TIFF、PDF）")]
    broken = write(tmp_path / "broken.pdf", b"%PDF-1.4\n garbage")
    assert attach_files(counter, taken.receipt_number, [broken]).errors[0].message == "broken.pdf：PDF 文件已损坏或无法读取"
    assert attach_files(counter, taken.receipt_number, [tmp_path / "nope.png"]).errors[0].message == "nope.png：文件不存在"
    assert attach_files(counter, taken.receipt_number, [good], "no_such_code").errors[0].field == "material"
    assert attach_files(counter, "CG01-01-20991231-0001", [good]).errors[0].field == "receipt_number"
    assert attach_rows(data_dir) == [] and list(BlobStore(data_dir)) == []


def test_a_sideways_photo_is_turned_upright(counter, tmp_path):
    taken = submit_good(counter, "withdrawal")
    photo = write(tmp_path / "p.jpg", document_photo(2, size=(2400, 1800), exif_rotate=True))
    [view] = attach_files(counter, taken.receipt_number, [photo]).value
    width, height = Image.open(io.BytesIO(BlobStore(counter.data_dir).read(view.sha256))).size
    assert height > width


def test_a_swapped_file_fails_audit_verify(counter, data_dir, tmp_path):
    taken = submit_good(counter, "withdrawal")
    [view, other] = attach_files(counter, taken.receipt_number, [write(tmp_path / "a.png", small_scan("甲")),
                                                                 write(tmp_path / "b.png", small_scan("乙"))]).value
    assert audit.verify_chain(counter).ok
    blobs = BlobStore(data_dir)
    blobs.path(view.sha256).write_bytes(blobs.read(other.sha256))  # someone swaps the scan on disk
    verdict = audit.verify_chain(counter)
    assert not verdict.ok
    assert verdict.payload_bad.where == "attachment" and verdict.payload_bad.receipt_number == taken.receipt_number
    assert verdict.message.startswith(f"回执 {taken.receipt_number}：附件“a.png”的归档件文件内容与登记的哈希值不符")


def test_a_row_pointed_at_another_file_or_a_file_removed_fails_audit_verify(counter, data_dir, tmp_path):
    taken = submit_good(counter, "withdrawal")
    [a, b] = attach_files(counter, taken.receipt_number, [write(tmp_path / "a.png", small_scan("甲")),
                                                          write(tmp_path / "b.png", small_scan("乙"))]).value
    db = sqlite3.connect(data_dir / "station.sqlite3")
    db.execute("UPDATE attachments SET sha256 = ? WHERE client_id = ?", (b.sha256, a.id))
    db.commit()
    assert "的登记信息与附加时封存的哈希值不符" in audit.verify_chain(counter).message
    db.execute("UPDATE attachments SET sha256 = ? WHERE client_id = ?", (a.sha256, a.id))
    db.commit()
    db.close()
    assert audit.verify_chain(counter).ok
    BlobStore(data_dir).path(b.sha256).unlink()
    assert "“b.png”的归档件文件缺失" in audit.verify_chain(counter).message


def test_the_cover_sheet_lists_every_file_with_pages_and_hashes(counter, tmp_path):
    taken = submit_good(counter, "withdrawal")
    attach_files(counter, taken.receipt_number, [write(tmp_path / "身份证.jpg", document_photo(3, size=(2600, 1950)))],
                 "id_card")
    attach_files(counter, taken.receipt_number, [two_page_pdf(tmp_path / "购房合同.pdf")])
    cover = print_archive_cover(counter, taken.receipt_number, tmp_path / "cover.pdf")
    assert cover.ok, cover.errors
    listed = list_attachments(counter, taken.receipt_number).value
    assert cover.value.as_dict()["total_pages"] == 3 and cover.value.pages == 1
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "cover.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    for needle in ("业务档案封面", taken.receipt_number, "卷内文件目录", "身份证.jpg", "购房合同.pdf", "未归类",
                   "原件", listed[0].sha256[:8], listed[1].sha256[-8:]):
        assert needle in text, needle
    assert json.loads(json.dumps(cover.value.as_dict()))["attachments"][1]["pages"] == 2


def test_a_backup_keeps_the_attachment_files_and_a_restore_puts_back_the_missing_ones(counter, data_dir, tmp_path):
    taken = submit_good(counter, "withdrawal")
    [a, b] = attach_files(counter, taken.receipt_number, [write(tmp_path / "a.png", small_scan("甲")),
                                                          write(tmp_path / "b.png", small_scan("乙"))]).value
    target = tmp_path / "usb" / "station-backup.sqlite3"
    info = backup(data_dir, target)
    blobs = BlobStore(data_dir)
    assert info.files == len(list(blobs)) == 2
    kept = files_beside(target)
    assert sorted(p.name for p in kept.glob("??/*")) == sorted([a.sha256, b.sha256])
    assert backup(data_dir, target).files == 2  # a second backup to the same place: nothing new, nothing doubled

    # The disk loses the attachment folder; the backup brings the files back and the log verifies again.
    for sha in (a.sha256, b.sha256):
        blobs.path(sha).unlink()
    assert "归档件文件缺失" in audit.verify_chain(counter).message
    (kept / b.sha256[:2] / b.sha256).write_bytes(b"not the scan")  # a file damaged on the backup disk
    result = restore(data_dir, target)
    assert result.files_restored == 1  # the damaged one is not put back as if it were the scan
    assert blobs.read(a.sha256) == small_scan("甲") and not blobs.exists(b.sha256)
    assert "“b.png”的归档件文件缺失" in audit.verify_chain(counter).message


def test_an_automatic_copy_inside_the_data_dir_does_not_copy_the_files_again(counter, data_dir, tmp_path):
    taken = submit_good(counter, "withdrawal")
    attach_files(counter, taken.receipt_number, [write(tmp_path / "a.png", small_scan("甲"))])
    target = backup_dir(data_dir) / "manual-in-data-dir.sqlite3"
    assert backup(data_dir, target).files == 0 and not files_beside(target).exists()
