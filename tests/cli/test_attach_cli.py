"""``counter-app attach`` and ``counter-app archive``: files onto an application, its cover sheet, exits and JSON."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from archive_images import document_photo, small_scan, write

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from service_world import build_world, fixed_clock, submit_good

from counter_app.cli import main
from counter_app.services import open_counter
from counter_app.store.blobs import BlobStore


def cli(capsys, monkeypatch, data_dir: Path, *argv: str) -> tuple[int, object]:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = main(["--data-dir", str(data_dir), *argv])
    captured = capsys.readouterr()
    out = captured.out.strip() or captured.err.strip()
    return code, json.loads(out) if out.startswith(("{", "[")) else out


@pytest.fixture
def taken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    monkeypatch.delenv("COUNTER_APP_PASSWORD", raising=False)
    data = tmp_path / "station"
    with open_counter(data, clock=fixed_clock) as counter:
        build_world(counter.store)
        receipt = submit_good(counter, "withdrawal").receipt_number
    return data, receipt


def test_attach_then_archive_then_a_swapped_file_fails_audit_verify(taken, tmp_path, capsys, monkeypatch):
    data, receipt = taken
    photo = write(tmp_path / "户口簿.jpg", document_photo(5, size=(2800, 2100)))
    scan = write(tmp_path / "卡.png", small_scan("银行卡"))
    code, out = cli(capsys, monkeypatch, data, "attach", receipt, str(photo), "--material", "id_card", "--json")
    assert code == 0, out
    [shrunk] = out["attachments"]
    assert out["receipt_number"] == receipt and shrunk["bytes"] <= 300_000 < shrunk["original_bytes"]
    code, text = cli(capsys, monkeypatch, data, "attach", receipt, str(scan))
    assert code == 0 and text.endswith(f"已为 {receipt} 附加 1 个文件") and "未归类" in text
    code, cover = cli(capsys, monkeypatch, data, "archive", receipt, "--out", str(tmp_path / "cover.pdf"), "--json")
    assert code == 0 and cover["pages"] == 1 and cover["total_pages"] == 2
    assert [a["name"] for a in cover["attachments"]] == ["户口簿.jpg", "卡.png"]
    assert (tmp_path / "cover.pdf").read_bytes().startswith(b"%PDF")
    assert cli(capsys, monkeypatch, data, "audit", "verify")[0] == 0
    blobs = BlobStore(data)
    blobs.path(shrunk["original_sha256"]).write_bytes(small_scan("假"))  # the original swapped on disk
    code, out = cli(capsys, monkeypatch, data, "audit", "verify", "--json")
    assert code == 1 and "原件文件内容与登记的哈希值不符" in out["message"] and out["payload"]["where"] == "attachment"


def test_bad_input_exits_2_naming_the_field(taken, tmp_path, capsys, monkeypatch):
    data, receipt = taken
    code, out = cli(capsys, monkeypatch, data, "attach", receipt, str(tmp_path / "missing.jpg"), "--json")
    assert code == 2 and out["errors"] == [{"field": "files", "message": "missing.jpg：文件不存在"}]
    scan = write(tmp_path / "s.png", small_scan())
    code, out = cli(capsys, monkeypatch, data, "attach", "CG01-01-20990101-0001", str(scan), "--json")
    assert code == 2 and out["errors"][0]["field"] == "receipt_number"
    code, out = cli(capsys, monkeypatch, data, "archive", "CG01-01-20990101-0001", "--json")
    assert code == 2 and out["errors"][0]["field"] == "receipt_number"
