"""``counter-app printers`` and ``counter-app print … --printer`` against the suite's real CUPS server."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "services"))

import pytest
from service_world import E, W, build_world, complete, fixed_clock, withdrawal_form
from test_overdue_followup import make_overdue

from counter_app.cli import main
from counter_app.services import open_counter, submit_application
from counter_app.services.printing import print_history


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "station"
    with open_counter(path, clock=fixed_clock) as counter:
        build_world(counter.store)
    return path


@pytest.fixture
def receipt(data_dir):
    with open_counter(data_dir, clock=fixed_clock) as counter:
        result = submit_application(counter, "withdrawal", complete(counter, "withdrawal", withdrawal_form()))
    return result.receipt_number


def cli(capsys, *args):
    code = main(list(args))
    return code, capsys.readouterr()


def test_printers_json_lists_the_default(print_server, capsys) -> None:
    code, out = cli(capsys, "printers", "--json")
    listed = json.loads(out.out)
    assert code == 0 and listed["default"] == "counter-a4"
    receipt_printer = next(p for p in listed["printers"] if p["name"] == "counter-receipt")
    assert receipt_printer == {"name": "counter-receipt", "info": "回执打印机（虚拟 PDF）", "state": "idle",
                               "accepting": True, "default": False, "media": receipt_printer["media"],
                               "duplex": False}
    assert {"A4", "A5"} <= set(receipt_printer["media"])
    code, out = cli(capsys, "printers")
    assert code == 0 and "* counter-a4" in out.out and "默认打印机：counter-a4" in out.out


def test_print_receipt_to_a_printer(print_server, data_dir, receipt, capsys) -> None:
    code, out = cli(capsys, "--data-dir", str(data_dir), "print", "receipt", receipt, "--printer", "counter-receipt",
                    "--json")
    result = json.loads(out.out)
    assert code == 0 and result["printer"] == "counter-receipt" and result["route"] == "cups"
    assert result["pages"] == 1 and Path(result["file"]).exists() and result["bytes"] < 300_000
    landed = print_server.job_pdf("counter-receipt", result["job_id"])
    text = subprocess.run(["pdftotext", str(landed), "-"], check=True, capture_output=True, text=True).stdout
    assert receipt in text


def test_notice_and_letters_to_a_printer(print_server, data_dir, capsys) -> None:
    code, out = cli(capsys, "--data-dir", str(data_dir), "print", "notice", "--uscc", E.unregistered,
                    "--printer", "office-duplex", "--duplex", "--copies", "2")
    assert code == 0 and "已送打印机“office-duplex”" in out.out and "任务号" in out.out
    code, out = cli(capsys, "--data-dir", str(data_dir), "print", "letters", "--template", "online-guide",
                    "--printer", "counter-a4", "--limit", "3", "--per-job", "2", "--json")
    sent = json.loads(out.out)
    assert code == 0 and sent["letters"] == 3 and len(sent["jobs"]) == 2 and not sent["cancelled"]
    assert [int(subprocess.run(["pdfinfo", str(print_server.job_pdf("counter-a4", j["job_id"]))], check=True,
                               capture_output=True, text=True).stdout.split("Pages:")[1].split()[0])
            for j in sent["jobs"]] == [2, 1]


def test_out_and_printer_together_or_neither_are_refused_in_chinese(print_server, data_dir, receipt, tmp_path,
                                                                      capsys) -> None:
    code, out = cli(capsys, "--data-dir", str(data_dir), "print", "receipt", receipt, "--out",
                    str(tmp_path / "r.pdf"), "--printer", "counter-a4", "--json")
    assert code == 2 and json.loads(out.out)["errors"][0]["field"] == "printer"
    assert "只能选其一" in json.loads(out.out)["errors"][0]["message"]
    code, out = cli(capsys, "--data-dir", str(data_dir), "print", "form", receipt)
    assert code == 2 and "--out" in out.err and "--printer" in out.err
    assert not (tmp_path / "r.pdf").exists()


def test_a_wrong_printer_leaves_the_receipt_unprinted(print_server, data_dir, receipt, capsys) -> None:
    code, out = cli(capsys, "--data-dir", str(data_dir), "print", "receipt", receipt, "--printer", "Nowhere")
    assert code == 2 and "没有名为“Nowhere”的打印机" in out.err
    code, out = cli(capsys, "--data-dir", str(data_dir), "print", "receipt", receipt, "--printer", "counter-a4",
                    "--duplex")
    assert code == 2 and "不支持双面打印" in out.err
    with open_counter(data_dir, clock=fixed_clock) as counter:
        assert print_history(counter, receipt) == []  # so the next print is not a 补打


def test_no_print_service_is_a_clear_message(data_dir, monkeypatch, capsys) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("CUPS_SERVER", f"127.0.0.1:{port}")
    code, out = cli(capsys, "printers")
    assert code == 2 and "无法连接打印服务" in out.err


def test_a_loan_schedule_and_collection_notices_to_a_printer(print_server, data_dir, capsys) -> None:
    code, out = cli(capsys, "--data-dir", str(data_dir), "print", "schedule", "--loan", "DK0000000001",
                    "--printer", "counter-a4", "--json")
    sent = json.loads(out.out)
    assert code == 0 and sent["printer"] == "counter-a4" and Path(sent["file"]).exists()
    landed = print_server.job_pdf("counter-a4", sent["job_id"])
    assert pdf_pages(landed) == sent["pages"] >= 5

    code, out = cli(capsys, "--data-dir", str(data_dir), "print", "collection", "--overdue", "--printer", "counter-a4")
    assert code == 0 and "本站没有逾期贷款" in out.out  # nothing overdue: no job
    with open_counter(data_dir, clock=fixed_clock) as counter:
        make_overdue(counter)
    code, out = cli(capsys, "--data-dir", str(data_dir), "print", "collection", "--overdue", "--printer", "counter-a4",
                    "--json")
    sent = json.loads(out.out)
    assert code == 0 and sent["pages"] == 1 and "DK0000000001" in pdf_text(print_server.job_pdf("counter-a4",
                                                                                                 sent["job_id"]))


def test_a_certificate_to_a_printer_carries_its_number(print_server, data_dir, capsys) -> None:
    code, out = cli(capsys, "--data-dir", str(data_dir), "print", "certificate", "--id", W.active,
                    "--printer", "counter-a4", "--json")
    sent = json.loads(out.out)
    assert code == 0 and sent["printer"] == "counter-a4" and sent["number"].startswith("ZM")
    assert Path(sent["file"]).exists()
    landed = print_server.job_pdf("counter-a4", sent["job_id"])
    assert pdf_pages(landed) == sent["pages"] == 1 and sent["number"] in pdf_text(landed)


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(info.split("Pages:")[1].split()[0])


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
