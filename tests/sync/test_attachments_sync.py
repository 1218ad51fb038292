"""Attached files reach the centre after their application: chunked, resumable, once, by hash, own rows only."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import psycopg
import pytest
from archive_images import document_photo, small_scan, write
from station_cli import connect, station_world, sync, take
from station_helpers import factory

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from service_world import fixed_clock, withdrawal_form

from counter_app.services import open_counter
from counter_app.services.attachments import attach_files
from counter_app.services.sync import station_key
from counter_app.store.blobs import BlobStore
from counter_app.sync import central_cli
from counter_app.sync.engine import sync_once

pytestmark = pytest.mark.postgres


def held_files(central, station) -> dict[str, int]:
    with central.connect() as owner:
        return dict(owner.execute("SELECT sha256, bytes FROM central.attachment_files WHERE station_code = %s",
                                  (station.code,)).fetchall())


def held_links(central, station) -> list[tuple[str, str, str]]:
    with central.connect() as owner:
        return [(str(r[0]), r[1], r[2]) for r in owner.execute(
            "SELECT client_id, receipt_number, sha256 FROM central.attachments WHERE station_code = %s ORDER BY client_id",
            (station.code,)).fetchall()]


def chunk_bytes_held(central, station) -> int:
    with central.connect() as owner:
        return int(owner.execute("SELECT coalesce(sum(length(data)), 0) FROM central.attachment_chunks"
                                 " WHERE station_code = %s", (station.code,)).fetchone()[0])


def central_json(capsys, central, *argv) -> tuple[int, dict]:
    code = central_cli.main([*argv, "--dsn", central.dsn, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_files_arrive_after_their_application_once_deduplicated_with_identical_hashes(
        central, file_keyring, tmp_path, capsys, monkeypatch):
    station = central.add_station()
    data = station_world(tmp_path, station)
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    scan = write(tmp_path / "银行卡.png", small_scan("银行卡"))
    with open_counter(data, clock=fixed_clock) as counter:
        first = take(counter, "withdrawal", withdrawal_form())
        second = take(counter, "withdrawal", withdrawal_form(amount="100"))
        assert first.ok and second.ok, (first.errors, second.errors)
        attached = attach_files(counter, first.receipt_number, [write(tmp_path / "a.jpg", document_photo(1, (2400, 1800))),
                                                                scan], "id_card").value
        attached += attach_files(counter, second.receipt_number, [scan]).value  # the same scan again: stored once
    code, out = sync(capsys, monkeypatch, data)
    assert code == 0, out
    files = {a.sha256: a.bytes for a in attached}
    assert out["files"] == 2 and out["file_bytes"] == sum(files.values())
    assert held_files(central, station) == files
    assert sorted(held_links(central, station)) == sorted((a.id, a.receipt_number, a.sha256) for a in attached)
    assert chunk_bytes_held(central, station) == 0  # joined into the files, chunks dropped
    code, again = sync(capsys, monkeypatch, data)
    assert code == 0 and "files" not in again and len(held_links(central, station)) == 3
    code, listed = central_json(capsys, central, "attachments", first.receipt_number)
    assert code == 0 and listed["files"] == 2 and listed["station_code"] == station.code
    assert [(f["sha256"], f["content_sha256"], f["intact"]) for f in listed["attachments"]] == [
        (a.sha256, a.sha256, True) for a in attached[:2]]
    assert listed["attachments"][0]["original_sha256"] == attached[0].original_sha256
    code, missing = central_json(capsys, central, "attachments", "XX01-01-20990101-0001")
    assert code == 2 and missing["errors"][0]["field"] == "receipt_number"
    with open_counter(data, clock=fixed_clock) as counter, counter.store.unit_of_work() as uow:
        assert all(row.synced_at is not None for row in uow.attachments.iter_all())


class LineDropped(psycopg.OperationalError):
    pass


def test_a_sync_broken_mid_file_resumes_with_only_the_missing_chunks(central, file_keyring, tmp_path, capsys,
                                                                     monkeypatch):
    station = central.add_station()
    data = station_world(tmp_path, station)
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    with open_counter(data, clock=fixed_clock) as counter:
        taken = take(counter, "withdrawal", withdrawal_form())
        photos = [write(tmp_path / f"p{n}.jpg", document_photo(n, (2400, 1800))) for n in range(3)]
        attached = attach_files(counter, taken.receipt_number, photos).value
        total = sum(a.bytes for a in attached)
        sent: list[int] = []

        def drop_after_five(_sha, _offset, length):
            sent.append(length)
            if len(sent) == 5:
                raise LineDropped("server closed the connection unexpectedly")

        conns = factory(station)
        with pytest.raises(psycopg.OperationalError):
            sync_once(counter.store, conns, key=station_key(counter), chunk_bytes=64 * 1024, on_chunk=drop_after_five)
        completed_before = held_files(central, station)
        held_before = chunk_bytes_held(central, station) + sum(completed_before.values())
        assert held_before == sum(sent) and 0 < held_before < total
        report = sync_once(counter.store, conns, key=station_key(counter), chunk_bytes=64 * 1024)
    assert report.file_bytes == total - held_before  # nothing the centre held is sent again
    assert report.files == 3 - len(completed_before)
    assert held_files(central, station) == {a.sha256: a.bytes for a in attached}
    assert len(held_links(central, station)) == 3


def test_a_station_neither_sees_nor_writes_another_stations_files(central, file_keyring, tmp_path, capsys, monkeypatch):
    mine, other = central.add_station(), central.add_station()
    data = station_world(tmp_path, mine)
    assert connect(capsys, monkeypatch, data, mine)[0] == 0
    with open_counter(data, clock=fixed_clock) as counter:
        taken = take(counter, "withdrawal", withdrawal_form())
        [view] = attach_files(counter, taken.receipt_number, [write(tmp_path / "s.png", small_scan())]).value
    assert sync(capsys, monkeypatch, data)[0] == 0
    with other.connect() as conn:
        assert conn.execute("SELECT count(*) FROM central.attachment_files").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM central.attachments").fetchone()[0] == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute('INSERT INTO central.attachment_chunks (station_code, sha256, "offset", data)'
                         " VALUES (%s, %s, 0, %s)", (mine.code, "0" * 64, b"forged"))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM central.attachment_files")
    with mine.connect() as conn:
        assert conn.execute("SELECT sha256 FROM central.attachment_files").fetchall() == [(view.sha256,)]


def test_a_file_damaged_at_the_station_is_refused_by_the_centre_and_waits(central, file_keyring, tmp_path, capsys,
                                                                          monkeypatch):
    station = central.add_station()
    data = station_world(tmp_path, station)
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    with open_counter(data, clock=fixed_clock) as counter:
        taken = take(counter, "withdrawal", withdrawal_form())
        [view] = attach_files(counter, taken.receipt_number, [write(tmp_path / "s.png", small_scan())]).value
    BlobStore(data).path(view.sha256).write_bytes(small_scan("换"))
    code, _out = sync(capsys, monkeypatch, data)
    assert code == 0 and held_files(central, station) == {} and held_links(central, station) == []
    assert chunk_bytes_held(central, station) == 0  # the mismatched chunks were dropped
    with open_counter(data, clock=fixed_clock) as counter, counter.store.unit_of_work() as uow:
        assert uow.attachments.get(view.id).synced_at is None


def test_short_archive_day_photos_shrink_a_killed_sync_resumes_and_hashes_match(central, file_keyring, tmp_path,
                                                                                 drop_roles):
    """``benchmarks/bench_attachments.py`` with two 5 MB photos: a real SIGKILL in the middle of the upload."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from bench_attachments import run as archive_day

    figures = archive_day(central.dsn, tmp_path, photos=2, chunk_bytes=32 * 1024, pace_s=0.05, say=lambda _text: None)
    drop_roles(central.dsn, [figures["role"]])
    assert figures["before"] > 2 * 4_500_000 and figures["after"] <= 2 * 300_000
    assert figures["killed"] and 0 < figures["held_at_kill"] < figures["after"]
    assert figures["held_at_kill"] + figures["resumed_bytes"] == figures["after"]  # not a byte sent twice
    assert figures["identical"] and figures["centre_files"] == 2
