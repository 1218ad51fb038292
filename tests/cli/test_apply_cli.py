"""``counter-app apply KIND --json-file F``: receipt JSON, refusals as field errors (exit 2, nothing
written), broken files named ``json_file``, standard input, and one run of the installed command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from service_world import (
    BEFORE_ANY_APPLICATION,
    CJK,
    RECEIPT,
    W,
    build_world,
    fixed_clock,
    table_counts,
)

from counter_app.cli import main
from counter_app.services import open_counter

# Forms that do not depend on the day the test runs (the CLI uses the real clock).
RETIREMENT = {"id_number": W.active, "reason_code": "03", "amount": "50000.00", "bank_card": "6222020000000000000",
              "materials": ["id_card", "retirement_cert", "bank_card"]}
NEW_MOBILE = {"id_number": W.active, "new_mobile": "13987654321", "materials": ["id_card"]}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-world") / "station"
    with open_counter(path, clock=fixed_clock) as counter:
        build_world(counter.store)
    return path


@pytest.fixture
def data_dir(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "station"
    shutil.copytree(template, target)
    return target


def write(tmp_path: Path, payload, name: str = "form.json") -> Path:
    path = tmp_path / name
    path.write_text(payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return path


def apply(capsys, data_dir: Path, kind: str, form_file: Path | str) -> tuple[int, dict, str]:
    code = main(["--data-dir", str(data_dir), "apply", kind, "--json-file", str(form_file)])
    out = capsys.readouterr()
    return code, json.loads(out.out), out.err


def counts(data_dir: Path) -> dict[str, int]:
    with open_counter(data_dir) as counter:
        return table_counts(counter)


def test_accepted_withdrawal_prints_receipt_client_id_and_status(capsys, data_dir, tmp_path):
    code, payload, _ = apply(capsys, data_dir, "withdrawal", write(tmp_path, RETIREMENT))
    assert code == 0
    assert set(payload) == {"receipt_number", "client_id", "status"}
    assert payload["status"] == "queued"
    match = RECEIPT.match(payload["receipt_number"])
    assert match and match["station"] == "CG01" and match["terminal"] == "01" and match["seq"] == "0001"
    with open_counter(data_dir) as counter:
        from counter_app.services import get_record

        record = get_record(counter, payload["receipt_number"])
    assert record.client_id == payload["client_id"] and record.fields["amount"] == "50000.00"
    assert counts(data_dir)["outbox"] == 1


def test_warnings_go_to_stderr_in_chinese(capsys, data_dir, tmp_path):
    form = {**RETIREMENT, "bank_card": "6222020000000000001"}  # fails Luhn: a warning, not a refusal
    code, _, err = apply(capsys, data_dir, "withdrawal", write(tmp_path, form))
    assert code == 0 and "提示：bank_card：" in err


def test_refused_form_exits_2_with_field_errors_and_writes_nothing(capsys, data_dir, tmp_path):
    code, payload, _ = apply(capsys, data_dir, "withdrawal", write(tmp_path, {**RETIREMENT, "amount": "100"}))
    assert code == 2
    assert list(payload) == ["errors"]
    assert [e["field"] for e in payload["errors"]] == ["amount"]
    assert all(set(e) == {"field", "message"} and CJK.search(e["message"]) for e in payload["errors"])
    assert counts(data_dir) == BEFORE_ANY_APPLICATION


def test_every_problem_of_a_form_is_reported_at_once(capsys, data_dir, tmp_path):
    form = {"id_number": "123", "reason_code": "77", "amount": "abc"}
    code, payload, _ = apply(capsys, data_dir, "withdrawal", write(tmp_path, form))
    assert code == 2
    assert {"id_number", "reason_code", "amount", "bank_card"} <= {e["field"] for e in payload["errors"]}


@pytest.mark.parametrize(("text", "words"), [
    ("{\"id_number\": ", "不是有效的 JSON"),
    ("[1, 2]", "JSON 对象"),
    ("", "不是有效的 JSON"),
])
def test_broken_json_file_exits_2_naming_json_file(capsys, data_dir, tmp_path, text, words):
    code, payload, _ = apply(capsys, data_dir, "withdrawal", write(tmp_path, text))
    assert code == 2
    assert payload["errors"][0]["field"] == "json_file" and words in payload["errors"][0]["message"]
    assert counts(data_dir) == BEFORE_ANY_APPLICATION


def test_missing_file_exits_2_naming_json_file(capsys, data_dir, tmp_path):
    code, payload, _ = apply(capsys, data_dir, "withdrawal", tmp_path / "nowhere.json")
    assert code == 2 and payload["errors"][0]["field"] == "json_file" and "无法读取" in payload["errors"][0]["message"]


def test_utf8_file_with_a_byte_order_mark_and_full_width_values(capsys, data_dir, tmp_path):
    path = tmp_path / "bom.json"
    form = {**NEW_MOBILE, "id_number": W.active.translate(str.maketrans("0123456789", "０１２３４５６７８９"))}
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(form, ensure_ascii=False).encode("utf-8"))
    code, payload, _ = apply(capsys, data_dir, "info-change", path)
    assert code == 0 and payload["status"] == "queued"


def test_form_from_standard_input(capsys, data_dir, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(NEW_MOBILE)))
    code, payload, _ = apply(capsys, data_dir, "info-change", "-")
    assert code == 0 and payload["receipt_number"].endswith("-0001")


def test_a_record_as_records_json_prints_it_is_accepted_as_a_form(capsys, data_dir, tmp_path):
    code, payload, _ = apply(capsys, data_dir, "info-change", write(tmp_path, {"fields": NEW_MOBILE, "kind": "x"}))
    assert code == 0 and payload["status"] == "queued"


def test_unknown_kind_is_a_usage_error(capsys, data_dir, tmp_path):
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(data_dir), "apply", "mortgage", "--json-file", str(write(tmp_path, {}))])
    assert caught.value.code == 2
    assert "参数错误" in capsys.readouterr().err


def test_the_installed_command_in_a_real_process(data_dir, tmp_path):
    command = Path(sys.executable).with_name("counter-app")
    assert command.exists(), command

    def run(form: Path) -> subprocess.CompletedProcess:
        argv = [str(command), "--data-dir", str(data_dir), "apply", "info-change", "--json-file", str(form)]
        return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", timeout=120)

    done = run(write(tmp_path, NEW_MOBILE))
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert RECEIPT.match(payload["receipt_number"]) and payload["status"] == "queued"
    refused = run(write(tmp_path, {**NEW_MOBILE, "new_mobile": "13800000001"}, "same.json"))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    # Same value as before, and the first change is still pending at the centre.
    assert {e["field"] for e in json.loads(refused.stdout)["errors"]} == {"new_mobile", "id_number"}
    assert counts(data_dir)["applications"] == 1
