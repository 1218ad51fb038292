"""A 20-page application of 5 MB phone photos: attach, shrink, sync with a SIGKILL mid-upload, resume, compare hashes.

Run ``python benchmarks/bench_attachments.py [--photos 20] [--chunk-kb 32]`` (a throwaway PostgreSQL, a throwaway
data dir and keyring). Prints each photo's size before and after shrinking, the attach time, the bytes the killed
sync had got to the centre, the bytes the resumed sync sent (never a whole file twice: resumed + held = total), and
the centre's hashes (recomputed from the bytes it keeps) against the station's. ``tests/sync/test_attachments_sync.py``
runs the same with three photos.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

ROOT = Path(__file__).resolve().parents[1]
for folder in ("tests", "tests/sync", "tests/services", ""):
    sys.path.insert(0, str(ROOT / folder))  # this checkout's counter_app, the suite's helpers

from archive_images import document_photo  # noqa: E402

# The killed sync: a real process, chunks slowed to a township line's pace so the kill lands mid-file.
DRIVER = """
import sys, time
from counter_app.services import open_counter
from counter_app.services.sync import central_connection, station_key
from counter_app.sync.engine import sync_once
with open_counter(sys.argv[1]) as counter:
    sync_once(counter.store, central_connection(counter), key=station_key(counter), chunk_bytes=int(sys.argv[2]),
              on_chunk=lambda *_: time.sleep(float(sys.argv[3])))
"""


def held_bytes(owner_dsn: str, station: str) -> tuple[int, int]:
    """(chunk bytes held, bytes of completed files) for the station at the centre."""
    with psycopg.connect(owner_dsn, autocommit=True) as conn:
        chunks = conn.execute("SELECT coalesce(sum(length(data)), 0) FROM central.attachment_chunks"
                              " WHERE station_code = %s", (station,)).fetchone()[0]
        files = conn.execute("SELECT coalesce(sum(bytes), 0) FROM central.attachment_files WHERE station_code = %s",
                             (station,)).fetchone()[0]
    return int(chunks), int(files)


def run(owner_dsn: str, work: Path, photos: int = 20, chunk_bytes: int = 32 * 1024, pace_s: float = 0.02,
        say: Any = print) -> dict[str, Any]:
    """The whole day of one application's archive; returns the figures (also said as it goes)."""
    from service_world import build_world, complete, fixed_clock, withdrawal_form

    from counter_app.cli import main as counter_app
    from counter_app.services import open_counter, submit_application
    from counter_app.services.attachments import attach_files
    from counter_app.services.audit import ensure_key, verify_chain
    from counter_app.services.sync import central_connection, station_key
    from counter_app.sync import central_cli, central_db
    from counter_app.sync.engine import sync_once

    code = "B" + os.urandom(4).hex().upper()
    with psycopg.connect(owner_dsn, autocommit=True) as conn:
        creds = central_db.add_station(conn, code, "基准测试服务站", "D1")
    data = work / "station"
    with open_counter(data, clock=fixed_clock) as counter:
        build_world(counter.store, station=(code, "基准测试服务站", "D1"))
        ensure_key(counter)
    parts = conninfo_to_dict(owner_dsn)
    parts.pop("password", None)
    parts["user"] = creds.role
    stdin, sys.stdin = sys.stdin, io.StringIO(creds.password + "\n")
    try:
        with redirect_stdout(io.StringIO()):
            assert counter_app(["--data-dir", str(data), "connect", "--dsn", make_conninfo(**parts), "--station", code,
                                "--json"]) == 0
    finally:
        sys.stdin = stdin

    files = []
    made = time.perf_counter()
    for n in range(photos):
        path = work / f"photo-{n + 1:02d}.jpg"
        path.write_bytes(document_photo(n))
        files.append(path)
    say(f"made {photos} photos in {time.perf_counter() - made:.1f} s")
    with open_counter(data) as counter:
        taken = submit_application(counter, "withdrawal", complete(counter, "withdrawal", withdrawal_form()))
        assert taken.ok, taken.errors
        start = time.perf_counter()
        attached = attach_files(counter, taken.receipt_number, files, "id_card")
        attach_s = time.perf_counter() - start
        assert attached.ok, attached.errors
        views = attached.value
        assert verify_chain(counter).ok
    before = sum(v.original_bytes or v.bytes for v in views)
    after = sum(v.bytes for v in views)
    for v in views:
        say(f"  {v.name}: {(v.original_bytes or v.bytes) / 1e6:.2f} MB → {v.bytes / 1e3:.0f} KB")
    say(f"attach {photos} photos: {attach_s:.1f} s ({attach_s / photos:.2f} s a photo); "
        f"{before / 1e6:.1f} MB → {after / 1e6:.2f} MB ({after / photos / 1e3:.0f} KB a page)")

    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests" / "sync")]))
    proc = subprocess.Popen([sys.executable, "-c", DRIVER, str(data), str(chunk_bytes), str(pace_s)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed = False
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        chunks, done = held_bytes(owner_dsn, code)
        if chunks + done >= after * 0.4 and chunks > 0:  # part-way, and inside a file
            proc.send_signal(signal.SIGKILL)
            killed = True
            break
        time.sleep(0.01)
    _out, err = proc.communicate()
    assert killed or proc.returncode == 0, err.decode()
    chunks, done = held_bytes(owner_dsn, code)
    say(f"sync killed (SIGKILL) with {chunks + done} of {after} bytes at the centre "
        f"({done} in {_count_files(owner_dsn, code)} whole files, {chunks} in chunks of an unfinished file)"
        if killed else "the sync finished before it could be killed")

    start = time.perf_counter()
    with open_counter(data) as counter:
        report = sync_once(counter.store, central_connection(counter), key=station_key(counter), chunk_bytes=chunk_bytes)
    resume_s = time.perf_counter() - start
    held = chunks + done
    verdict = "no byte sent twice" if held + report.file_bytes == after else "MISMATCH"
    say(f"resumed sync: sent {report.file_bytes} bytes in {resume_s:.1f} s; held before + resumed = "
        f"{held + report.file_bytes} = total {after}: {verdict}")

    out = io.StringIO()
    with redirect_stdout(out):
        assert central_cli.main(["attachments", taken.receipt_number, "--dsn", owner_dsn, "--json"]) == 0
    listed = json.loads(out.getvalue())
    local = {v.id: v.sha256 for v in views}
    same = all(f["sha256"] == local[f["id"]] == f["content_sha256"] for f in listed["attachments"])
    say(f"centre holds {listed['files']} files, {listed['pages']} pages, {listed['bytes']} bytes; "
        f"hashes identical to the station's: {same}")
    return {"photos": photos, "before": before, "after": after, "attach_s": attach_s, "killed": killed,
            "held_at_kill": held, "chunks_at_kill": chunks, "resumed_bytes": report.file_bytes, "resumed_files": report.files,
            "centre_files": listed["files"], "identical": same and listed["files"] == photos, "role": creds.role}


def _count_files(owner_dsn: str, station: str) -> int:
    with psycopg.connect(owner_dsn, autocommit=True) as conn:
        return int(conn.execute("SELECT count(*) FROM central.attachment_files WHERE station_code = %s",
                                (station,)).fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--chunk-kb", type=int, default=32)
    parser.add_argument("--pace-ms", type=float, default=20.0, help="pause after each chunk (a slow line)")
    args = parser.parse_args()
    from pgcluster import destroy_cluster, start_cluster

    from counter_app.sync import central_db

    work = Path(tempfile.mkdtemp(prefix="bench-attach-"))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring_file_backend.FileKeyring")
    os.environ.setdefault("COUNTER_TEST_KEYRING", str(work / "keyring.json"))
    cluster = start_cluster()
    try:
        with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
        dsn = cluster.dsn("bench")
        central_db.init_central(dsn)
        figures = run(dsn, work, args.photos, args.chunk_kb * 1024, args.pace_ms / 1000)
        print(json.dumps(figures))
    finally:
        destroy_cluster(cluster)


if __name__ == "__main__":
    main()
