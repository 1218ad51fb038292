"""``counter-app search``: JSON hits with masked ID numbers (full only with --reveal), Chinese lines."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))  # the service tests' world

from service_world import W, build_world, fixed_clock, submit_good

from counter_app.cli import main
from counter_app.domain.ids import make_resident_id, make_uscc_of, mask_id_number
from counter_app.services import open_counter
from counter_app.store import AccountRecord, EmployerRecord, Store, WorkerRecord

ZHANG = make_resident_id("620102", date(1985, 6, 1), 123)
USCC = make_uscc_of("91620121", "MA000000")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    with Store.open(tmp_path) as store, store.unit_of_work(write=True) as uow:
        uow.employers.upsert(EmployerRecord(uscc=USCC, name="青山镇兴旺建材有限公司", township="青山镇",
                                            account_no="600000000001"))
        uow.workers.upsert(WorkerRecord(id_number=ZHANG, name="张三", employer_uscc=USCC, township="青山镇"))
        uow.accounts.upsert(AccountRecord(account_no="800000000001", id_number=ZHANG, status="02"))
        uow.commit()
    return tmp_path


def _search(capsys, data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "search", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_hit_has_the_contract_keys_and_a_masked_id(capsys, data_dir: Path) -> None:
    code, out, _ = _search(capsys, data_dir, "zs", "--json")
    assert code == 0
    (hit,) = json.loads(out)
    assert hit == {
        "kind": "worker", "key": mask_id_number(ZHANG), "name": "张三", "id_masked": mask_id_number(ZHANG),
        "account_no": "800000000001", "status": "02", "employer": "青山镇兴旺建材有限公司", "township": "青山镇",
        "score": hit["score"], "pending": False, "receipt_numbers": [],
    }
    assert ZHANG not in out  # privacy: the full number never appears


def test_reveal_shows_the_full_id_number(capsys, data_dir: Path) -> None:
    code, out, _ = _search(capsys, data_dir, ZHANG, "--json", "--reveal")
    (hit,) = json.loads(out)
    assert code == 0 and hit["key"] == hit["id_number"] == ZHANG and hit["score"] == 100


def test_employer_hits_carry_the_uscc(capsys, data_dir: Path) -> None:
    code, out, _ = _search(capsys, data_dir, "兴旺", "--json")
    (hit,) = json.loads(out)
    assert code == 0 and (hit["kind"], hit["uscc"], hit["account_no"]) == ("employer", USCC, "600000000001")


def test_plain_output_is_chinese_and_masked(capsys, data_dir: Path) -> None:
    code, out, _ = _search(capsys, data_dir, "ｚｈａｎｇｓａｎ")
    assert code == 0
    assert out.startswith("职工  张三  " + mask_id_number(ZHANG)) and "封存" in out and ZHANG not in out
    code, out, _ = _search(capsys, data_dir, "没有这个人")
    assert code == 0 and "未找到" in out


def test_limit_and_bad_input(capsys, data_dir: Path) -> None:
    code, out, _ = _search(capsys, data_dir, "z", "--json", "--limit", "1")
    assert code == 0 and len(json.loads(out)) == 1
    code, out, _ = _search(capsys, data_dir, "z", "--json", "--limit", "0")
    assert code == 2 and json.loads(out)["errors"][0]["field"] == "limit"
    code, _, err = _search(capsys, data_dir, " ")
    assert code == 2 and "请输入要查询的内容" in err


def test_a_person_opened_here_is_listed_pending_with_the_receipt(capsys, tmp_path: Path) -> None:
    with open_counter(tmp_path, clock=fixed_clock) as counter:
        build_world(counter.store)
        taken = submit_good(counter, "open-account")  # 吴十, not in the centre's data
        assert taken.ok, taken.errors
    code, out, _ = _search(capsys, tmp_path, "wushi", "--json")
    (hit,) = [h for h in json.loads(out) if h["name"] == "吴十"]
    assert code == 0 and hit["pending"] is True and hit["receipt_numbers"] == [taken.receipt_number]
    assert hit["key"] == mask_id_number(W.stranger) and hit["account_no"] is None and W.stranger not in out
    code, out, _ = _search(capsys, tmp_path, "吴十")
    line = next(line for line in out.splitlines() if "吴十" in line)
    assert code == 0 and f"待中心审核（受理编号 {taken.receipt_number}）" in line and W.stranger not in out
