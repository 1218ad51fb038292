"""``counter-app idcard read``: the simulator and the vendor library (stub), exit codes and the JSON shape."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from idcard_helpers import SAMPLE, build_stub, card, write_sim_card

from counter_app.cli import main
from counter_app.devices.idcard import encode_card_text

KEYS = {"id_number", "name", "sex", "sex_label", "ethnicity_code", "ethnicity", "birth_date", "address", "issuer",
        "valid_from", "valid_until", "photo", "checked_on", "valid", "errors", "warnings"}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main(["idcard", "read", *argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_a_valid_card_from_the_simulator(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, payload = run_json(capsys, "--reader", f"sim:{write_sim_card(tmp_path)}", "--date", "2026-12-06")
    assert code == 0
    assert set(payload) == KEYS
    assert payload | {"photo": None} == {
        "id_number": SAMPLE.id_number, "name": "张晓明", "sex": "1", "sex_label": "男", "ethnicity_code": "01",
        "ethnicity": "汉", "birth_date": "1985-03-14", "address": SAMPLE.address, "issuer": "北京市公安局朝阳分局",
        "valid_from": "2016-05-03", "valid_until": "2036-05-03", "photo": None, "checked_on": "2026-12-06",
        "valid": True, "errors": [], "warnings": [],
    }
    assert payload["photo"]["format"] == "bmp" and payload["photo"]["bytes"] == len(SAMPLE.photo)


def test_an_expired_card_exits_1_naming_its_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_sim_card(tmp_path, card(valid_from=date(2006, 5, 3), valid_until=date(2016, 5, 3)))
    code, payload = run_json(capsys, "--reader", f"sim:{path}", "--date", "2026-12-06")
    assert code == 1
    assert payload["valid"] is False and payload["name"] == "张晓明"  # the card is still shown
    (error,) = payload["errors"]
    assert error["field"] == "id_number" and "2016-05-03到期" in error["message"]


def test_no_card_exits_2_naming_the_reader(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "none.json"
    path.write_text('{"absent": true}')
    code, payload = run_json(capsys, "--reader", f"sim:{path}")
    assert code == 2
    assert payload == {"errors": [{"field": "reader", "message": "未放卡或卡片放置不正确，请把身份证平放在读卡区后重试"}]}


def test_bad_date_and_bad_reader(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, payload = run_json(capsys, "--reader", "sim:x", "--date", "2026-13-01")
    assert code == 2 and payload["errors"][0]["field"] == "date"
    code, payload = run_json(capsys, "--reader", "usb")
    assert code == 2 and payload["errors"][0]["field"] == "reader" and "无法识别" in payload["errors"][0]["message"]
    code, payload = run_json(capsys, "--reader", f"sim:{write_sim_card(tmp_path)}", "--port", "1001")
    assert code == 2 and payload["errors"][0]["field"] == "port"


def test_the_photo_saved_and_in_base64(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "photo.bmp"
    code, payload = run_json(capsys, "--reader", f"sim:{write_sim_card(tmp_path)}", "--photo-out", str(out),
                             "--with-photo")
    assert code == 0 and out.read_bytes() == SAMPLE.photo
    assert base64.b64decode(payload["photo"]["base64"]) == SAMPLE.photo and payload["photo_file"] == str(out)


def test_the_reader_from_the_environment_and_the_human_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COUNTER_IDCARD_READER", f"sim:{write_sim_card(tmp_path)}")
    assert main(["idcard", "read", "--date", "2036-04-20"]) == 0
    out = capsys.readouterr().out
    assert "张晓明　男　汉族　出生 1985-03-14" in out and f"公民身份号码 {SAMPLE.id_number}" in out
    assert "提示：身份证有效期至2036-05-03，还有13天到期" in out


def test_the_vendor_library_in_a_fresh_process(tmp_path: Path) -> None:
    """The whole path a counter PC takes: the entry point, ctypes, the vendor library (the stub)."""
    stub = build_stub(tmp_path / "lib")
    (tmp_path / "card.bin").write_bytes(encode_card_text(SAMPLE))
    (tmp_path / "photo.bmp").write_bytes(SAMPLE.photo)
    env = {"IDCARD_STUB_TEXT": str(tmp_path / "card.bin"), "IDCARD_STUB_PHOTO": str(tmp_path / "photo.bmp"),
           "IDCARD_STUB_OUT": str(tmp_path / "lib"), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "counter_app", "idcard", "read", "--reader", f"vendor:{stub}",
                           "--port", "1001", "--date", "2026-12-06", "--json"], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["id_number"] == SAMPLE.id_number and payload["photo"]["bytes"] == len(SAMPLE.photo)


def test_reading_a_card_loads_neither_the_store_nor_printing(tmp_path: Path) -> None:
    """A script may call ``idcard read`` once per card: it must not wait for the services to load."""
    path = write_sim_card(tmp_path)
    probe = ("import sys\nfrom counter_app.cli import main\n"
             f"code = main(['idcard', 'read', '--reader', 'sim:{path}', '--json'])\n"
             "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'reportlab', 'PySide6')"
             " or m.startswith('counter_app.services') or m.startswith('counter_app.store'))\n"
             "print('HEAVY', heavy, code, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert "HEAVY [] 0" in done.stderr, done.stderr
