"""The simulated ID card reader ``sim:FILE``: the card is described in a file, read again at each read.

FILE is either JSON (keys of ``CardRecord``, dates ``YYYY-MM-DD``, ``valid_until`` a date or "长期",
``sex`` "1"/"2" or 男/女, ``ethnicity`` a GB 3304 code or a name such as 汉, ``photo`` a picture file
beside it; ``"absent": true`` is a reader with no card on it), or a vendor SDK's ``wz.txt`` (the card's
256-byte UCS-2 block) with its ``zp.bmp`` beside it. Tests and demos use it; so can a clerk training.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from counter_app.devices.idcard import (
    ETHNICITIES,
    LONG_TERM,
    SEXES,
    CardRecord,
    ReaderError,
    encode_card_text,
    parse_card_text,
)

_NO_CARD = "未放卡或卡片放置不正确，请把身份证平放在读卡区后重试"
MAX_FILE_BYTES = 1 << 20  # a card (and its description) is a few hundred bytes; a photo lives in its own file


def _iso(card: dict[str, Any], key: str, label: str) -> date:
    value = card.get(key)
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ReaderError(f"模拟卡文件的{label}（{key}）「{value}」不是 YYYY-MM-DD 日期", "config") from None


def _code(value: Any, table: dict[str, str], suffix: str = "") -> str:
    text = str(value or "").strip()
    if text in table:
        return text
    by_name = {name: code for code, name in table.items()} | {name + suffix: code for code, name in table.items()}
    return by_name.get(text, text)


def card_from_json(card: dict[str, Any], base: Path) -> CardRecord:
    """A record from the JSON description; it goes through the card's own text block, so a simulated
    card can hold only what a real one can (widths, codes, UCS-2)."""
    missing = [k for k in ("id_number", "name", "sex", "birth_date", "valid_from") if not card.get(k)]
    if missing:
        raise ReaderError("模拟卡文件缺少：" + "、".join(missing), "config")
    until = str(card.get("valid_until") or LONG_TERM)
    photo = b""
    if card.get("photo"):
        path = base / str(card["photo"])
        try:
            photo = path.read_bytes()
        except OSError:
            raise ReaderError(f"模拟卡文件的照片 {path} 无法读取", "config") from None
    record = CardRecord(
        id_number=str(card["id_number"]).strip(), name=str(card["name"]).strip(),
        sex=_code(card["sex"], SEXES), ethnicity_code=_code(card.get("ethnicity", "01"), ETHNICITIES, "族"),
        birth_date=_iso(card, "birth_date", "出生日期"), address=str(card.get("address", "")).strip(),
        issuer=str(card.get("issuer", "")).strip(), valid_from=_iso(card, "valid_from", "有效期起始日期"),
        valid_until=None if until == LONG_TERM else _iso(card, "valid_until", "有效期截止日期"),
    )
    try:
        block = encode_card_text(record)
    except ValueError:
        raise ReaderError("模拟卡文件的内容超出身份证可容纳的长度", "config") from None
    return parse_card_text(block, photo)


class SimReader:
    """``sim:FILE``: the card described in FILE."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.description = f"模拟读卡器（{self.path}）"

    def read(self) -> CardRecord:
        try:
            if self.path.stat().st_size > MAX_FILE_BYTES:
                raise ReaderError(f"模拟读卡器的卡文件 {self.path} 过大，不像一张身份证的描述", "config")
            raw = self.path.read_bytes()
        except OSError:
            raise ReaderError(f"模拟读卡器的卡文件 {self.path} 无法读取", "config") from None
        if raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"["):  # not JSON: a wz.txt block (UCS-2)
            photo = self.path.with_name("zp.bmp")
            return parse_card_text(raw, photo.read_bytes() if photo.is_file() else b"")
        try:
            card = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ReaderError(f"模拟读卡器的卡文件 {self.path} 既不是 JSON 也不是 wz.txt", "config") from None
        if not isinstance(card, dict):
            raise ReaderError(f"模拟读卡器的卡文件 {self.path} 应为一个 JSON 对象", "config")
        if card.get("absent"):
            raise ReaderError(_NO_CARD, "no_card")
        return card_from_json(card, self.path.parent)
