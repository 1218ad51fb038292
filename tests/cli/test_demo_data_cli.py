"""``counter-app demo-data``: loads a demo city into the data dir, summary in Chinese or JSON."""

from __future__ import annotations

import json
from pathlib import Path

from counter_app.cli import main
from counter_app.store import Store


def _run(capsys, data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "demo-data", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_summary_and_the_store_holds_the_city(capsys, tmp_path: Path) -> None:
    code, out, _ = _run(capsys, tmp_path, "--workers", "150", "--employers", "20", "--seed", "4", "--json")
    assert code == 0
    summary = json.loads(out)
    assert (summary["workers"], summary["employers"], summary["accounts"], summary["seed"]) == (150, 20, 150, 4)
    assert 0 < summary["unregistered_employers"] < 20 and summary["data_dir"] == str(tmp_path)
    with Store.open(tmp_path) as store, store.unit_of_work() as uow:
        assert uow.workers.count() == 150 and uow.employers.count() == 20
    assert summary["loans"] >= 0 and summary["withdrawals"] >= 0


def test_chinese_summary_by_default(capsys, tmp_path: Path) -> None:
    code, out, _ = _run(capsys, tmp_path, "--workers", "30", "--employers", "5")
    assert code == 0
    assert "已生成演示数据" in out and "职工 30 人" in out and "单位 5 家" in out


def test_refuses_to_overwrite_without_replace(capsys, tmp_path: Path) -> None:
    _run(capsys, tmp_path, "--workers", "10", "--employers", "3")
    code, out, _ = _run(capsys, tmp_path, "--workers", "20", "--employers", "3", "--json")
    assert code == 2
    assert json.loads(out)["errors"][0]["field"] == "replace"
    code, out, _ = _run(capsys, tmp_path, "--workers", "20", "--employers", "3", "--replace", "--json")
    assert code == 0 and json.loads(out)["workers"] == 20
    with Store.open(tmp_path) as store, store.unit_of_work() as uow:
        assert uow.workers.count() == 20


def test_bad_counts_name_the_field(capsys, tmp_path: Path) -> None:
    code, out, _ = _run(capsys, tmp_path, "--workers", "-1", "--employers", "0", "--json")
    assert code == 2
    assert {e["field"] for e in json.loads(out)["errors"]} == {"workers", "employers"}
    code, _, err = _run(capsys, tmp_path, "--workers", "-1")
    assert code == 2 and "职工人数" in err


def test_same_seed_gives_the_same_people(capsys, tmp_path: Path) -> None:
    for name in ("a", "b"):
        _run(capsys, tmp_path / name, "--workers", "25", "--employers", "4", "--seed", "9")
    people = []
    for name in ("a", "b"):
        with Store.open(tmp_path / name) as store, store.unit_of_work() as uow:
            people.append([(w.id_number, w.name) for w in uow.workers.page(limit=100)])
    assert people[0] == people[1] and len(people[0]) == 25
