"""Issue #17: damage in the reference tables (workers, their indexes), not only in the station's own
tables. Whatever finds it — the backup's check, a read that meets the damaged page — the store takes
no more business until it is restored, whichever page that business would read; the command line
says so in Chinese (exit 2, no traceback) and writes nothing."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

from service_world import complete, establish_form, fixed_clock, withdrawal_form
from store_damage import DB, corrupt_root

from counter_app.cli import main
from counter_app.services import open_counter


def cli(capsys, monkeypatch, data_dir: Path, *argv: str) -> tuple[int, object, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = main(["--data-dir", str(data_dir), *argv])
    captured = capsys.readouterr()
    out = captured.out.strip()
    return code, json.loads(out) if out.startswith(("{", "[")) else out, captured.err


def form_file(tmp_path: Path, data_dir: Path, kind: str, form: dict) -> str:
    with open_counter(data_dir, clock=fixed_clock) as counter:
        filled = complete(counter, kind, form)
    path = tmp_path / f"{kind}.json"
    path.write_text(json.dumps(filled, ensure_ascii=False), encoding="utf-8")
    return str(path)


def applications(data_dir: Path) -> int:
    db = sqlite3.connect(f"file:{data_dir / DB}?mode=ro", uri=True)
    try:
        return db.execute("SELECT count(*) FROM applications").fetchone()[0]
    finally:
        db.close()


def refused(code: int, out, err: str) -> bool:
    return (code == 2 and out["errors"][0]["field"] == "data_dir" and "counter-app restore" in out["errors"][0]["message"]
            and "Traceback" not in err)


def test_damage_the_backup_found_refuses_a_business_that_never_reads_it_until_restore(data_dir, tmp_path, capsys,
                                                                                     monkeypatch):
    # Gap: a page of the workers' name index damaged; `apply withdrawal` (which reads the worker by
    # ID number, never that index) went on with a receipt, even after the backup had found it.
    good = tmp_path / "good.sqlite3"
    assert cli(capsys, monkeypatch, data_dir, "backup", str(good))[0] == 0
    withdrawal = form_file(tmp_path, data_dir, "withdrawal", withdrawal_form())
    corrupt_root(data_dir, "ix_workers_name")
    code, out, _ = cli(capsys, monkeypatch, data_dir, "backup", str(tmp_path / "later.sqlite3"), "--json")
    assert code == 2 and "损坏" in out["errors"][0]["message"]
    before, taken = (data_dir / DB).read_bytes(), applications(data_dir)
    assert refused(*cli(capsys, monkeypatch, data_dir, "apply", "withdrawal", "--json-file", withdrawal))
    assert (data_dir / DB).read_bytes() == before and applications(data_dir) == taken  # nothing written
    # Restoring is what the message says to do, and it works over the damaged store (kept aside).
    code, out, _ = cli(capsys, monkeypatch, data_dir, "restore", str(good), "--yes", "--json")
    assert code == 0, out
    assert Path(out["safety_copy"]).read_bytes()[:16] == b"SQLite format 3\x00"
    code, out, _ = cli(capsys, monkeypatch, data_dir, "apply", "withdrawal", "--json-file", withdrawal)
    assert code == 0 and out["receipt_number"], out


def test_a_read_that_meets_the_damage_is_said_plainly_and_remembered(data_dir, tmp_path, capsys, monkeypatch):
    # The workers' table damaged: the search that reads it is refused in Chinese (exit 2, no
    # traceback), and so is then an establishment, which reads no worker at all.
    establish = form_file(tmp_path, data_dir, "establish-employer", establish_form())
    corrupt_root(data_dir, "workers")
    assert refused(*cli(capsys, monkeypatch, data_dir, "search", "张三", "--json"))
    taken = applications(data_dir)
    assert refused(*cli(capsys, monkeypatch, data_dir, "apply", "establish-employer", "--json-file", establish))
    assert applications(data_dir) == taken
