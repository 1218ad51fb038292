"""The simulated reader ``sim:FILE``: a JSON card, a vendor's wz.txt, no card, bad files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from idcard_helpers import SAMPLE, card, write_sim_card

from counter_app.devices.idcard import ReaderError, encode_card_text
from counter_app.devices.readers import open_reader


def test_a_json_card_with_its_photo(tmp_path: Path) -> None:
    path = write_sim_card(tmp_path)
    assert open_reader(f"sim:{path}").read() == SAMPLE


def test_labels_and_names_are_taken_for_codes(tmp_path: Path) -> None:
    path = write_sim_card(tmp_path, card(photo=b""), sex="女", ethnicity="蒙古族", valid_until="长期",
                          id_number=SAMPLE.id_number.lower())
    record = open_reader(f"sim:{path}").read()
    assert (record.sex, record.ethnicity_code, record.valid_until) == ("2", "02", None)
    assert record.id_number == SAMPLE.id_number  # x → X, as a card holds it


def test_the_file_is_read_again_at_each_read(tmp_path: Path) -> None:
    path = write_sim_card(tmp_path)
    reader = open_reader(f"sim:{path}")
    assert reader.read().name == SAMPLE.name
    write_sim_card(tmp_path, card(name="赵六"))
    assert reader.read().name == "赵六"


def test_a_vendor_wz_txt_with_zp_bmp_beside_it(tmp_path: Path) -> None:
    (tmp_path / "wz.txt").write_bytes(encode_card_text(SAMPLE))
    (tmp_path / "zp.bmp").write_bytes(SAMPLE.photo)
    assert open_reader(f"sim:{tmp_path / 'wz.txt'}").read() == SAMPLE


def test_no_card_on_the_simulated_reader(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text(json.dumps({"absent": True}))
    with pytest.raises(ReaderError, match="未放卡") as caught:
        open_reader(f"sim:{path}").read()
    assert caught.value.kind == "no_card"


@pytest.mark.parametrize(("content", "message"), [
    ({"name": "张三"}, "缺少：id_number、sex、birth_date、valid_from"),
    ({"id_number": "1", "name": "甲", "sex": "1", "birth_date": "1985-13-01", "valid_from": "2020-01-01"},
     "出生日期（birth_date）「1985-13-01」"),
    ({"id_number": "1", "name": "甲" * 16, "sex": "1", "birth_date": "1985-01-01", "valid_from": "2020-01-01"},
     "超出身份证可容纳的长度"),
    ({"id_number": "1", "name": "甲", "sex": "1", "birth_date": "1985-01-01", "valid_from": "2020-01-01",
      "photo": "nowhere.bmp"}, "照片"),
    ([1, 2], "应为一个 JSON 对象"),
])
def test_bad_card_files_say_what_is_wrong(tmp_path: Path, content: object, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReaderError, match=message) as caught:
        open_reader(f"sim:{path}").read()
    assert caught.value.kind == "config"


def test_a_missing_or_garbled_file(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="无法读取"):
        open_reader(f"sim:{tmp_path / 'none.json'}").read()
    (tmp_path / "junk.json").write_bytes(b"{not json")
    with pytest.raises(ReaderError, match=r"既不是 JSON 也不是 wz\.txt"):
        open_reader(f"sim:{tmp_path / 'junk.json'}").read()


def test_a_birth_date_is_a_date(tmp_path: Path) -> None:
    record = open_reader(f"sim:{write_sim_card(tmp_path)}").read()
    assert isinstance(record.birth_date, date)


def test_a_huge_file_is_not_read_into_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as f:
        f.truncate((1 << 20) + 1)
    with pytest.raises(ReaderError, match="过大"):
        open_reader(f"sim:{path}").read()
