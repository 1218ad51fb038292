"""A bug never shows a traceback (a Chinese message, exit 3, a scrubbed report); a damaged store is a
fault of the machine: a Chinese message pointing to restore, exit 2."""

from __future__ import annotations

import json

from counter_app.cli import EXIT_INTERNAL, main


def test_damaged_store_gives_a_chinese_message_and_a_report(tmp_path, capsys):
    data_dir = tmp_path / "station"
    data_dir.mkdir()
    (data_dir / "station.sqlite3").write_bytes(b"this is not a database " * 100)
    code = main(["--data-dir", str(data_dir), "records", "--json"])
    captured = capsys.readouterr()
    error = json.loads(captured.out)["errors"][0]
    assert code == 2 and error["field"] == "data_dir"
    assert "已损坏" in error["message"] and "counter-app restore" in error["message"]
    assert "Traceback" not in captured.err + captured.out


def test_a_bug_gives_a_chinese_message_and_a_report(tmp_path, capsys, monkeypatch):
    from counter_app.cli import records

    def broken(args):
        raise KeyError("a bug")

    monkeypatch.setattr(records, "run", broken)
    data_dir = tmp_path / "station"
    code = main(["--data-dir", str(data_dir), "records", "--json"])
    err = capsys.readouterr().err
    assert code == EXIT_INTERNAL
    assert "程序内部错误" in err and "Traceback" not in err
    reports = list((data_dir / "crash").glob("crash-*.txt"))
    assert len(reports) == 1 and "Traceback" in reports[0].read_text(encoding="utf-8")


def test_a_reader_that_stops_early_is_not_an_error(tmp_path):
    # `counter-app search … --json | head` closes the pipe early: no crash report, no message.
    import subprocess
    import sys

    data_dir = tmp_path / "station"
    assert main(["--data-dir", str(data_dir), "demo-data", "--workers", "400", "--employers", "20"]) == 0
    # Every account number starts with 8: 400 hits of JSON, more than a pipe's 64 KiB buffer.
    script = ("import sys; from counter_app.cli import main; "
              f"sys.exit(main(['--data-dir', {str(data_dir)!r}, 'search', '8', '--limit', '400', '--json']))")
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.read(100)
    proc.stdout.close()  # the reader goes away
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 141, err.decode("utf-8")
    assert "内部错误" not in err.decode("utf-8") and not list((data_dir / "crash").glob("crash-*.txt"))
