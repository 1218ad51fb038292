"""Second-generation ID card (二代身份证) readers: the card record, the card's text layout, the reader interface.

A reader returns the card's text block as the chip holds it (GA 450: 256 bytes of UCS-2, little
endian, fixed-width fields padded with spaces; vendor SDKs write it out as ``wz.txt``) and the photo
the vendor's library decoded (``zp.bmp``). ``parse_card_text`` turns that block into a ``CardRecord``;
whether the card may be used on a given day is a business rule (``domain/idcard.py``), not the device's.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

TEXT_BYTES = 256  # the card's text block: 128 UCS-2 characters
# (field, width in characters) in the order the chip stores them; the last 18 are reserved.
LAYOUT: tuple[tuple[str, int], ...] = (
    ("name", 15), ("sex", 1), ("ethnicity", 2), ("birth_date", 8), ("address", 35),
    ("id_number", 18), ("issuer", 15), ("valid_from", 8), ("valid_until", 8), ("reserved", 18),
)
LONG_TERM = "长期"  # the validity end of a card issued at 46 or older
# GB 3304 ethnicity codes (01–56 in this order, then 97, 98); the card shows the name without 族.
_NAMES = (
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克",
    "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌",
    "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",
    "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)
ETHNICITIES: dict[str, str] = {f"{n:02d}": name for n, name in enumerate(_NAMES, 1)} | {"97": "其他", "98": "外国血统中国籍人士"}
SEXES = {"1": "男", "2": "女"}
# Byte 248 (the reserved block's 15th character) marks other cards sharing the layout: I 外国人永久居留身份证,
# J 港澳台居民居住证. Their fields differ; only resident ID cards are read here.
OTHER_CARDS = {"I": "外国人永久居留身份证", "J": "港澳台居民居住证"}


class ReaderError(Exception):
    """The reader could not give a card; ``message`` says in Chinese what the clerk can do."""

    def __init__(self, message: str, kind: str = "reader") -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind  # "no_device", "no_card", "library", "bad_data", "config"


@dataclass(frozen=True)
class CardRecord:
    """What one card holds. ``valid_until`` is None for a long-term (长期) card."""

    id_number: str
    name: str
    sex: str  # "1" 男, "2" 女 (GB/T 2261.1, as the chip stores it)
    ethnicity_code: str
    birth_date: date
    address: str
    issuer: str
    valid_from: date
    valid_until: date | None
    photo: bytes = field(default=b"", repr=False)

    @property
    def ethnicity(self) -> str:
        return ETHNICITIES.get(self.ethnicity_code, self.ethnicity_code)

    @property
    def photo_format(self) -> str:
        return photo_format(self.photo)

    def as_json(self, photo: bool = False) -> dict[str, Any]:
        """The CLI's shape (docs/CONTRACTS.md): dates ISO, ``valid_until`` "长期" for a long-term card,
        the photo described (and, with ``photo``, in base64)."""
        picture: dict[str, Any] = {"format": self.photo_format or None, "bytes": len(self.photo),
                                   "sha256": hashlib.sha256(self.photo).hexdigest() if self.photo else None}
        if photo:
            picture["base64"] = base64.b64encode(self.photo).decode("ascii")
        return {
            "id_number": self.id_number, "name": self.name, "sex": self.sex, "sex_label": SEXES.get(self.sex, ""),
            "ethnicity_code": self.ethnicity_code, "ethnicity": self.ethnicity,
            "birth_date": self.birth_date.isoformat(), "address": self.address, "issuer": self.issuer,
            "valid_from": self.valid_from.isoformat(),
            "valid_until": self.valid_until.isoformat() if self.valid_until else LONG_TERM,
            "photo": picture,
        }


class CardReader(Protocol):
    """A reader: ``read`` waits for nothing; it returns the card on the reader now or raises ReaderError."""

    description: str

    def read(self) -> CardRecord: ...


def photo_format(data: bytes) -> str:
    """"bmp", "jpeg", "png" by the file's magic number; "" for none or anything else."""
    if data[:2] == b"BM":
        return "bmp"
    if data[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    return ""


def _date(text: str, label: str) -> date:
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        raise ReaderError(f"卡内{label}「{text}」不是日期（应为8位数字）", "bad_data")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise ReaderError(f"卡内{label}「{text}」不是有效日期", "bad_data") from None


def split_card_text(raw: bytes) -> dict[str, str]:
    """The fields of the text block, trailing padding removed (a UTF-16 byte-order mark is skipped)."""
    if raw[:2] == b"\xff\xfe":
        raw = raw[2:]
    if len(raw) < TEXT_BYTES:
        raise ReaderError(f"身份证文字信息不完整（{len(raw)}字节，应为{TEXT_BYTES}字节），请重新读卡", "bad_data")
    try:
        text = raw[:TEXT_BYTES].decode("utf-16-le")
    except UnicodeDecodeError:
        raise ReaderError("身份证文字信息无法解码（不是UCS-2编码），请重新读卡", "bad_data") from None
    fields: dict[str, str] = {}
    at = 0
    for key, width in LAYOUT:
        fields[key] = text[at:at + width].rstrip(" \x00")
        at += width
    return fields


def parse_card_text(raw: bytes, photo: bytes = b"") -> CardRecord:
    """A ``CardRecord`` from the card's 256-byte text block; ReaderError (bad_data) names what is wrong."""
    f = split_card_text(raw)
    other = OTHER_CARDS.get(f["reserved"][14:15])  # the card type, byte 248 of the block
    if other is not None:
        raise ReaderError(f"这是{other}，本读卡功能只读居民身份证，请手工录入", "bad_data")
    if f["sex"] not in SEXES:
        raise ReaderError(f"卡内性别代码「{f['sex']}」无法识别", "bad_data")
    if f["ethnicity"] not in ETHNICITIES:
        raise ReaderError(f"卡内民族代码「{f['ethnicity']}」无法识别", "bad_data")
    if not f["name"] or not f["id_number"]:
        raise ReaderError("卡内没有姓名或证件号码，请重新读卡", "bad_data")
    until = f["valid_until"]
    return CardRecord(
        id_number=f["id_number"].upper(), name=f["name"].strip(), sex=f["sex"], ethnicity_code=f["ethnicity"],
        birth_date=_date(f["birth_date"], "出生日期"), address=f["address"].strip(), issuer=f["issuer"].strip(),
        valid_from=_date(f["valid_from"], "有效期起始日期"),
        valid_until=None if until.startswith(LONG_TERM) else _date(until, "有效期截止日期"),
        photo=photo,
    )


def encode_card_text(card: CardRecord) -> bytes:
    """The 256-byte text block of ``card`` (the inverse of ``parse_card_text``): the simulator writes
    card files with it, and the tests feed it to the stub vendor library."""
    values = {
        "name": card.name, "sex": card.sex, "ethnicity": card.ethnicity_code,
        "birth_date": card.birth_date.strftime("%Y%m%d"), "address": card.address, "id_number": card.id_number,
        "issuer": card.issuer, "valid_from": card.valid_from.strftime("%Y%m%d"),
        "valid_until": card.valid_until.strftime("%Y%m%d") if card.valid_until else LONG_TERM, "reserved": "",
    }
    parts = []
    for key, width in LAYOUT:
        value = values[key]
        if len(value) > width or any(ord(ch) > 0xFFFF for ch in value):
            raise ValueError(f"{key} does not fit the card's {width} UCS-2 characters: {value!r}")
        parts.append(value.ljust(width))
    return "".join(parts).encode("utf-16-le")
