"""A bug or a damaged store never shows a traceback: a Chinese message, exit 3, a scrubbed report."""

from __future__ import annotations

from counter_app.cli import EXIT_INTERNAL, main


def test_damaged_store_gives_a_chinese_message_and_a_report(tmp_path, capsys):
    data_dir = tmp_path / "station"
    data_dir.mkdir()
    (data_dir / "station.sqlite3").write_bytes(b"this is not a database " * 100)
    code = main(["--data-dir", str(data_dir), "records", "--json"])
    err = capsys.readouterr().err
    assert code == EXIT_INTERNAL
    assert "程序内部错误" in err and "Traceback" not in err
    reports = list((data_dir / "crash").glob("crash-*.txt"))
    assert len(reports) == 1 and "Traceback" in reports[0].read_text(encoding="utf-8")
