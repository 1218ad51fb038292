"""The card's text block (wz.txt): 256 bytes of UCS-2 in fixed-width fields, read and written back."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from idcard_helpers import SAMPLE, card

from counter_app.devices.idcard import (
    ETHNICITIES,
    LAYOUT,
    TEXT_BYTES,
    CardRecord,
    ReaderError,
    encode_card_text,
    parse_card_text,
    photo_format,
    split_card_text,
)

# Characters a card may print: common CJK, digits, the fullwidth and ASCII marks addresses use.
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
TEXT = st.text(st.one_of(CJK, st.sampled_from("0123456789-（）()#·号")), min_size=1, max_size=35)
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


def test_the_layout_fills_the_block() -> None:
    assert sum(width for _, width in LAYOUT) * 2 == TEXT_BYTES
    assert len(ETHNICITIES) == 58 and ETHNICITIES["01"] == "汉" and ETHNICITIES["31"] == "达斡尔"


def test_a_known_block_reads_field_by_field() -> None:
    block = ("李四".ljust(15) + "2" + "03" + "19920229" + "宁夏回族自治区银川市兴庆区解放西街1号".ljust(35)
             + "64010419920229002X" + "银川市公安局兴庆分局".ljust(15) + "20150101" + "长期" + " " * 6 + " " * 18)
    record = parse_card_text(block.encode("utf-16-le"))
    assert (record.name, record.sex, record.ethnicity, record.birth_date) == ("李四", "2", "回", date(1992, 2, 29))
    assert record.id_number == "64010419920229002X" and record.valid_until is None
    assert record.issuer == "银川市公安局兴庆分局" and record.address.endswith("解放西街1号")
    assert record.as_json()["valid_until"] == "长期"


@given(name=st.text(CJK, min_size=1, max_size=15), address=TEXT, issuer=st.text(CJK, min_size=1, max_size=15),
       sex=st.sampled_from(["1", "2"]), code=st.sampled_from(sorted(ETHNICITIES)), born=DATES, start=DATES,
       until=st.one_of(st.none(), DATES), number=st.from_regex(r"\A[0-9]{17}[0-9X]\Z"))
def test_any_card_survives_the_block(name: str, address: str, issuer: str, sex: str, code: str, born: date,
                                     start: date, until: date | None, number: str) -> None:
    record = CardRecord(number, name, sex, code, born, address, issuer, start, until)
    block = encode_card_text(record)
    assert len(block) == TEXT_BYTES
    assert parse_card_text(block) == record
    assert parse_card_text(b"\xff\xfe" + block + b"\r\n") == record  # a BOM and a line end around it


def test_a_short_block_says_how_short() -> None:
    with pytest.raises(ReaderError, match="不完整（100字节") as caught:
        parse_card_text(encode_card_text(SAMPLE)[:100])
    assert caught.value.kind == "bad_data"


@pytest.mark.parametrize(("key", "value", "message"), [
    ("sex", "9", "性别代码「9」"), ("ethnicity", "77", "民族代码「77」"),
    ("birth_date", "19850230", "出生日期「19850230」不是有效日期"),
    ("valid_from", "2016-5-3", "有效期起始日期「2016-5-3」不是日期"), ("valid_until", "abcdefgh", "有效期截止日期"),
])
def test_a_bad_field_is_named(key: str, value: str, message: str) -> None:
    fields = split_card_text(encode_card_text(SAMPLE))
    fields[key] = value
    block = "".join(fields[k].ljust(w) for k, w in LAYOUT).encode("utf-16-le")
    with pytest.raises(ReaderError, match=message):
        parse_card_text(block)


@pytest.mark.parametrize(("marker", "kind"), [("I", "外国人永久居留身份证"), ("J", "港澳台居民居住证")])
def test_other_cards_sharing_the_layout_are_named_not_misread(marker: str, kind: str) -> None:
    block = bytearray(encode_card_text(SAMPLE))
    block[248:250] = marker.encode("utf-16-le")
    with pytest.raises(ReaderError, match=kind):
        parse_card_text(bytes(block))


def test_bytes_that_are_not_ucs2_are_refused() -> None:
    with pytest.raises(ReaderError, match="无法解码"):
        parse_card_text(b"\x00\xd8" * 128)  # lone surrogates


def test_a_value_too_wide_for_the_card_cannot_be_written() -> None:
    with pytest.raises(ValueError, match="name"):
        encode_card_text(card(name="一" * 16))
    with pytest.raises(ValueError, match="name"):
        encode_card_text(card(name="𠮷"))  # outside UCS-2


def test_photo_formats_by_magic_number() -> None:
    assert photo_format(SAMPLE.photo) == "bmp" and SAMPLE.photo_format == "bmp"
    assert photo_format(b"\xff\xd8\xff\xe0rest") == "jpeg"
    assert photo_format(b"\x89PNG\r\n\x1a\nrest") == "png"
    assert photo_format(b"") == photo_format(b"GIF89a") == ""


def test_the_json_shape_describes_the_photo() -> None:
    shape = SAMPLE.as_json()
    assert shape["photo"]["format"] == "bmp" and shape["photo"]["bytes"] == len(SAMPLE.photo)
    assert len(shape["photo"]["sha256"]) == 64 and "base64" not in shape["photo"]
    assert shape["sex_label"] == "男" and shape["ethnicity"] == "汉" and shape["birth_date"] == "1985-03-14"
    assert SAMPLE.as_json(photo=True)["photo"]["base64"].startswith("Qk")  # "BM"
    assert dataclasses.replace(SAMPLE, photo=b"").as_json()["photo"] == {"format": None, "bytes": 0, "sha256": None}
