"""``counter-app preregister import|list|establish``, ``report preregistrations`` and ``policy summary``
as scripts use them (the CLI runs on the real clock)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "services"))

import pytest
from service_world import build_world, fixed_clock

from counter_app.cli import main
from counter_app.domain.ids import make_uscc_of
from counter_app.services import open_counter

NEW = make_uscc_of("91620102", "MA01AB23")


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "station"
    with open_counter(path, clock=fixed_clock) as counter:
        build_world(counter.store)
    return path


def run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), *args])
    return code, capsys.readouterr()


def test_import_list_establish_and_count(data_dir, tmp_path, capsys) -> None:
    """报告：“开展好新办企业“多证合一”工作……上半年共计办理*笔企业预缴登记手续”, from a script."""
    path = tmp_path / "feed.csv"
    path.write_text("uscc,name,legal_rep,address,contact_name,contact_mobile,registered_on,township\n"
                    f"{NEW},示范市南山新材料有限公司,王强,示范市南山镇创业路3号,李梅,13912345678,2026-11-02,南山镇\n"
                    "91620102MA01AB250X,坏代码公司,,,,,,\n", encoding="utf-8")
    code, out = run(capsys, data_dir, "preregister", "import", str(path), "--json")
    assert code == 0, out.err
    result = json.loads(out.out)
    assert (result["rows"], result["imported"], result["refused"]) == (2, 1, 1)
    assert result["problems"][0]["message"].startswith("第3行：")
    code, out = run(capsys, data_dir, "preregister", "import", str(path))
    assert code == 0 and "已导入 1 户，1 行未导入" in out.out and "未导入：第3行" in out.err
    code, out = run(capsys, data_dir, "preregister", "list", "--json")
    [listed] = json.loads(out.out)
    assert (listed["uscc"], listed["status"], listed["registered_on"], listed["district"]) == (
        NEW, "pending", "2026-11-02", "01")
    rest = tmp_path / "rest.json"
    rest.write_text(json.dumps({"bank_name": "中国建设银行", "bank_account": "62000001234567890", "worker_ratio": "10",
                                "employer_ratio": "10", "first_month": "2027-01",
                                "materials": ["business_license", "legal_rep_id", "agent_id", "authorization",
                                              "bank_account_proof"]}), encoding="utf-8")
    code, out = run(capsys, data_dir, "preregister", "establish", NEW, "--json-file", str(rest))
    assert code == 0, out.out + out.err
    receipt = json.loads(out.out)["receipt_number"]
    code, out = run(capsys, data_dir, "records", "--json")
    [record] = json.loads(out.out)
    assert record["receipt_number"] == receipt and record["fields"]["employer_name"] == "示范市南山新材料有限公司"
    code, out = run(capsys, data_dir, "preregister", "list")
    assert "已受理建制" in out.out and receipt in out.out
    code, out = run(capsys, data_dir, "report", "preregistrations", "--json")
    counts = json.loads(out.out)
    assert (counts["received"], counts["established"], counts["pending"]) == (1, 1, 0)
    code, out = run(capsys, data_dir, "preregister", "establish", make_uscc_of("91620102", "MA01AB99"),
                    "--json-file", str(rest), "--json")
    assert code == 2 and json.loads(out.out)["errors"][0]["field"] == "uscc"


def test_bad_feed_file_exits_2(data_dir, tmp_path, capsys) -> None:
    code, out = run(capsys, data_dir, "preregister", "import", str(tmp_path / "nowhere.csv"), "--json")
    assert code == 2 and json.loads(out.out)["errors"][0]["field"] == "file"
    code, out = run(capsys, data_dir, "report", "preregistrations", "--from", "2026-12-01", "--to", "2026-11-01")
    assert code == 2 and "Traceback" not in out.err


def test_policy_summary_lists_demo_values_and_the_held_back_citation(data_dir, capsys) -> None:
    """Demo values “remain only where the reports are silent, and are marked so”, visible in the summary."""
    code, out = run(capsys, data_dir, "policy", "summary", "--date", "2026-11-23", "--json")
    assert code == 0
    data = json.loads(out.out)
    assert data["version"] == "2026-09-20" and data["citations"]["verified"] is False
    assert "待核对" in data["citations"]["warning"]
    demo = {d["key"]: d["value"] for d in data["demo"]}
    assert demo["loan.categories.general.district"] == "800000" and "contribution.ratio_max" not in demo
    code, out = run(capsys, data_dir, "policy", "summary", "--date", "2025-06-01")
    assert code == 0 and "法律依据：已核对" in out.out and "演示值（" in out.out
    code, out = run(capsys, data_dir, "policy", "summary", "--date", "2020-01-01", "--json")
    assert code == 2 and json.loads(out.out)["errors"][0]["field"] == "date"
