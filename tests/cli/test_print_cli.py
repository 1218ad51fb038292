"""``counter-app print …`` as scripts use it: files written, JSON shape, refusals with exit 2."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "services"))

import pytest
from service_world import E, build_world, complete, fixed_clock, withdrawal_form

from counter_app.cli import main
from counter_app.services import open_counter, submit_application


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "station"
    with open_counter(path, clock=fixed_clock) as counter:
        build_world(counter.store)
    return path


@pytest.fixture
def counter(data_dir):
    counter = open_counter(data_dir, clock=fixed_clock)
    yield counter
    counter.close()


def run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), "print", *args])
    return code, capsys.readouterr()


def test_receipt_then_reprint_then_form(counter, data_dir, tmp_path, capsys):
    number = submit_application(counter, "withdrawal", complete(counter, "withdrawal", withdrawal_form())).receipt_number
    counter.close()
    code, out = run(capsys, data_dir, "receipt", number, "--out", str(tmp_path / "r.pdf"), "--json")
    assert code == 0 and json.loads(out.out) == {"file": str(tmp_path / "r.pdf"), "pages": 1, "reprint": False}
    code, out = run(capsys, data_dir, "receipt", number, "--out", str(tmp_path / "r2.pdf"), "--json")
    assert code == 2 and json.loads(out.out)["errors"][0]["field"] == "reprint_reason"
    code, out = run(capsys, data_dir, "receipt", number, "--out", str(tmp_path / "r2.pdf"), "--reprint-reason", "遗失")
    assert code == 0 and (tmp_path / "r2.pdf").stat().st_size > 1000
    code, out = run(capsys, data_dir, "form", number, "--out", str(tmp_path / "f.pdf"))
    assert code == 0 and (tmp_path / "f.pdf").exists()


def test_notice_and_letters(data_dir, tmp_path, capsys):
    code, out = run(capsys, data_dir, "notice", "--uscc", E.unregistered, "--out", str(tmp_path / "n.pdf"), "--json")
    assert code == 0 and json.loads(out.out)["pages"] >= 1
    code, out = run(capsys, data_dir, "notice", "--uscc", E.registered, "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and "已办理" in out.err and not (tmp_path / "x.pdf").exists()
    code, out = run(capsys, data_dir, "letters", "--template", "online-guide", "--out", str(tmp_path / "l.pdf"),
                    "--limit", "3", "--json")
    assert code == 0 and json.loads(out.out) == {"files": [str(tmp_path / "l.pdf")], "pages": 3}
