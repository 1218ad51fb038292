"""``counter-app apply project-admission|transfer-in|transfer-out|offsite-purchase-withdrawal``,
``records --kind`` with the new kinds, and ``print certificate --id ID --out F``."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from service_world import W, build_world, fixed_clock, offsite_purchase_form, project_admission_form, transfer_in_form
from service_world import transfer_out_form as transfer_out

from counter_app.cli import main
from counter_app.domain.certificate import verify
from counter_app.services import open_counter, required_materials


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


def _json(capsys, *args: str) -> tuple[int, object]:
    code = main([*args, "--json"] if "apply" not in args else list(args))
    return code, json.loads(capsys.readouterr().out)


def _with_materials(data_dir: Path, kind: str, form: dict) -> dict:
    with open_counter(data_dir) as counter:
        return {**form, "materials": [m.code.split("|")[0] for m in required_materials(counter, kind, form)]}


def test_each_new_kind_applies_by_cli_and_records_lists_it(capsys, data_dir, tmp_path) -> None:
    bought = (date.today() - timedelta(days=30)).isoformat()  # the CLI runs on today's clock
    forms = {
        "project-admission": project_admission_form(),
        "transfer-in": transfer_in_form(id_number=W.newcomer),
        "transfer-out": transfer_out(id_number=W.senior),
        "offsite-purchase-withdrawal": offsite_purchase_form(event_date=bought),
    }
    taken = {}
    for kind, form in forms.items():
        path = tmp_path / f"{kind}.json"
        path.write_text(json.dumps(_with_materials(data_dir, kind, form), ensure_ascii=False), encoding="utf-8")
        code, out = _json(capsys, "--data-dir", str(data_dir), "apply", kind, "--json-file", str(path))
        assert code == 0, out
        assert isinstance(out, dict) and out["status"] == "queued"
        taken[kind] = out["receipt_number"]
    for kind, receipt in taken.items():
        code, rows = _json(capsys, "--data-dir", str(data_dir), "records", "--kind", kind)
        assert code == 0 and isinstance(rows, list)
        assert [(r["kind"], r["receipt_number"]) for r in rows] == [(kind, receipt)]


def test_a_refused_transfer_names_the_field(capsys, data_dir, tmp_path) -> None:
    path = tmp_path / "f.json"
    path.write_text(json.dumps(transfer_in_form(source_centre="兰州市", materials=["id_card"]), ensure_ascii=False),
                    encoding="utf-8")
    code, out = _json(capsys, "--data-dir", str(data_dir), "apply", "transfer-in", "--json-file", str(path))
    assert code == 2 and isinstance(out, dict) and [e["field"] for e in out["errors"]] == ["source_centre"]


def test_print_certificate_writes_the_pdf_with_its_number(capsys, data_dir, tmp_path) -> None:
    out_pdf = tmp_path / "zm.pdf"
    code, out = _json(capsys, "--data-dir", str(data_dir), "print", "certificate", "--id", W.active.lower(),
                      "--out", str(out_pdf))
    assert code == 0 and isinstance(out, dict)
    assert out["file"] == str(out_pdf) and out["pages"] == 1 and out["number"].startswith("ZM")
    assert out_pdf.read_bytes().startswith(b"%PDF")


def test_print_certificate_for_someone_without_an_account_is_a_field_error(capsys, data_dir, tmp_path) -> None:
    code, out = _json(capsys, "--data-dir", str(data_dir), "print", "certificate", "--id", W.stranger,
                      "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and isinstance(out, dict) and out["errors"][0]["field"] == "id_number"
    assert not (tmp_path / "x.pdf").exists()
    assert verify("GJJZM1|x|0000-0000-0000-0000", bytes(32)) is False  # the unkeyed first format is no longer taken
