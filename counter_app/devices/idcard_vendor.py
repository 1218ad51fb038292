"""The vendor driver ``vendor[:LIBRARY]``: a CVR/termb-style reader library loaded through ctypes.

The common second-generation ID card SDK (CVR ``termb.dll`` / ``libtermb.so``, and the like) exports
``CVR_InitComm(int port)``, ``CVR_Authenticate()``, ``CVR_Read_Content(int active)`` and
``CVR_CloseComm()`` (some vendors without the ``CVR_`` prefix), each returning 1 on success. Ports
1001–1016 are USB, 1–16 serial. ``Read_Content(1)`` writes the card's text block ``wz.txt`` (UCS-2)
and the decoded photo ``zp.bmp`` into the library's folder or the working folder; most versions also
have accessors (``GetPeopleName(char *buf, int *len)`` … in GBK, ``GetBMPData``). A file is taken
only when this read wrote it (a stale ``wz.txt`` is another person's card), and removed once read;
otherwise the accessors.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from counter_app.devices.idcard import (
    ETHNICITIES,
    LONG_TERM,
    SEXES,
    CardRecord,
    ReaderError,
    parse_card_text,
)

USB_PORTS = tuple(range(1001, 1017))
SERIAL_PORTS = tuple(range(1, 17))
READ_BASE = 1  # Read_Content's "active": the text block, the photo
AUTH_TRIES = 3  # a card laid down a moment ago may need a second look
AUTH_PAUSE_S = 0.15
PHOTO_BUFFER = 64 * 1024  # a 102×126 24-bit BMP is 38,862 bytes
TEXT_BUFFER = 256
# Text accessors: record field → exported name (GBK text into a buffer, its length through the pointer).
ACCESSORS = {
    "name": "GetPeopleName", "sex": "GetPeopleSex", "ethnicity": "GetPeopleNation", "birth_date": "GetPeopleBirthday",
    "address": "GetPeopleAddress", "id_number": "GetPeopleIDCode", "issuer": "GetDepartment",
    "valid_from": "GetStartDate", "valid_until": "GetEndDate",
}
_LOCK = threading.Lock()  # vendor libraries keep one port open per process: one read at a time
# A read still holding the port after this long is hung in the library: later reads give up rather than
# pile up behind it (each would hold one of the GUI runner's few threads).
LOCK_WAIT_S = 3.0


def default_libraries() -> tuple[str, ...]:
    """Library names to try when none is configured (``COUNTER_IDCARD_LIB`` or ``vendor:PATH``)."""
    if sys.platform == "win32":
        return ("termb.dll", "Termb.dll", "sdtapi.dll")
    found = ctypes.util.find_library("termb")
    return tuple(n for n in (found, "libtermb.so") if n)


def _load(name: str) -> Any:
    loader = getattr(ctypes, "WinDLL", ctypes.CDLL) if sys.platform == "win32" else ctypes.CDLL  # stdcall on Windows
    return loader(name)


def _function(lib: Any, name: str, argtypes: list[Any]) -> Callable[..., int] | None:
    """``CVR_<name>``, else ``<name>`` (vendors differ), with its C signature; None when absent."""
    for symbol in (f"CVR_{name}", name):
        try:
            fn = getattr(lib, symbol)
        except AttributeError:
            continue
        fn.argtypes, fn.restype = argtypes, ctypes.c_int
        return fn  # type: ignore[no-any-return]
    return None


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class VendorReader:
    """A reader through the vendor's library. ``port`` None tries USB 1001–1016, then serial 1–16."""

    def __init__(self, library: str | None = None, port: int | None = None, output_dir: str | Path | None = None) -> None:
        self.library = library or os.environ.get("COUNTER_IDCARD_LIB") or None
        env_port = os.environ.get("COUNTER_IDCARD_PORT", "").strip()
        self.port = port if port is not None else (int(env_port) if env_port.isdigit() else None)
        out = output_dir or os.environ.get("COUNTER_IDCARD_OUTPUT") or None
        self.output_dir = Path(out) if out else None
        self.description = f"身份证阅读器（{self.library or '厂商驱动'}）"
        self._lib: Any = None

    # -- the library -------------------------------------------------------------------------
    def _open_library(self) -> Any:
        if self._lib is not None:
            return self._lib
        names = (self.library,) if self.library else default_libraries()
        for name in names:
            try:
                self._lib = _load(name)
                return self._lib
            except OSError:
                continue
        shown = "、".join(names) or "termb"
        raise ReaderError(f"未找到身份证阅读器驱动库（{shown}）：请安装读卡器厂商的驱动，"
                          "或在“设置”中指定驱动库（环境变量 COUNTER_IDCARD_LIB）", "library")

    def _output_dirs(self, lib: Any) -> list[Path]:
        dirs = [self.output_dir] if self.output_dir else []
        own = Path(getattr(lib, "_name", "") or "")
        if own.is_absolute():
            dirs.append(own.parent)
        dirs.append(Path.cwd())
        return list(dict.fromkeys(d for d in dirs if d is not None))

    # -- reading -----------------------------------------------------------------------------
    def read(self) -> CardRecord:
        lib = self._open_library()
        init = _function(lib, "InitComm", [ctypes.c_int])
        auth = _function(lib, "Authenticate", [])
        read = _function(lib, "Read_Content", [ctypes.c_int])
        close = _function(lib, "CloseComm", [])
        if init is None or auth is None or read is None or close is None:
            raise ReaderError("驱动库不是二代身份证阅读器的通用接口（缺少 InitComm/Authenticate/Read_Content/"
                              "CloseComm），请确认所选的驱动库", "library")
        if not _LOCK.acquire(timeout=LOCK_WAIT_S):
            raise ReaderError("上一次读卡仍未结束（阅读器无响应），请拔下读卡器的USB线重新插上后再读", "no_device")
        try:
            ports = (self.port,) if self.port else USB_PORTS + SERIAL_PORTS
            port = next((p for p in ports if init(p) == 1), None)
            if port is None:
                where = f"端口{self.port}" if self.port else "USB口和串口"
                raise ReaderError(f"未连接身份证阅读器（{where}均无应答），请检查读卡器的连接和电源", "no_device")
            try:
                return self._read_open(lib, auth, read)
            finally:
                close()
        finally:
            _LOCK.release()

    def _read_open(self, lib: Any, auth: Callable[..., int], read: Callable[..., int]) -> CardRecord:
        for attempt in range(AUTH_TRIES):
            if auth() == 1:
                break
            if attempt + 1 < AUTH_TRIES:
                time.sleep(AUTH_PAUSE_S)
        else:
            raise ReaderError("未放卡或卡片放置不正确，请把身份证平放在读卡区后重试", "no_card")
        dirs = self._output_dirs(lib)
        before = {d: {name: _mtime(d / name) for name in ("wz.txt", "zp.bmp")} for d in dirs}
        result = read(READ_BASE)
        if result != 1:
            why = "读卡器异常" if result == 99 else "读卡失败"
            raise ReaderError(f"{why}（返回码{result}），请取下身份证重新放置后再读", "no_card")
        text = photo = None
        for d in dirs:  # only what this read wrote
            if text is None and _mtime(d / "wz.txt") not in (None, before[d]["wz.txt"]):
                text = _take(d / "wz.txt")
            if photo is None and _mtime(d / "zp.bmp") not in (None, before[d]["zp.bmp"]):
                photo = _take(d / "zp.bmp")
        if photo is None:
            photo = _photo_from(lib)
        if text is not None:
            return parse_card_text(text, photo)
        return _record_from_accessors(lib, photo)


def _take(path: Path) -> bytes | None:
    """The file's bytes, and the file removed: the SDK's copy of a person's card and photo is not left
    on the counter PC for the next user of the folder to find."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    with contextlib.suppress(OSError):
        path.unlink()
    return data


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _call_text(fn: Callable[..., int]) -> str:
    buf = ctypes.create_string_buffer(TEXT_BUFFER)
    size = ctypes.c_int(TEXT_BUFFER)
    if fn(buf, ctypes.byref(size)) != 1:
        return ""
    raw = buf.raw[:max(0, min(size.value, TEXT_BUFFER))].split(b"\x00", 1)[0]
    return raw.decode("gb18030", errors="replace").strip()


def _photo_from(lib: Any) -> bytes:
    for name in ("GetBMPData", "GetJpgData"):
        fn = getattr(lib, name, None)
        if fn is None:
            continue
        fn.argtypes, fn.restype = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)], ctypes.c_int
        buf = ctypes.create_string_buffer(PHOTO_BUFFER)
        size = ctypes.c_int(PHOTO_BUFFER)
        if fn(buf, ctypes.byref(size)) == 1 and 0 < size.value <= PHOTO_BUFFER:
            return buf.raw[:size.value]
    return b""


def _record_from_accessors(lib: Any, photo: bytes) -> CardRecord:
    """The card through the text accessors (GBK), when the library wrote no fresh ``wz.txt``."""
    values: dict[str, str] = {}
    for key, name in ACCESSORS.items():
        fn = getattr(lib, name, None)
        if fn is None:
            raise ReaderError("读卡器驱动既未输出 wz.txt，也没有读取文字信息的函数；请在“设置”中指定驱动的"
                              "输出目录（环境变量 COUNTER_IDCARD_OUTPUT）", "library")
        fn.argtypes, fn.restype = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)], ctypes.c_int
        values[key] = _call_text(fn)
    code = getattr(lib, "GetNationCode", None)
    if code is not None:
        code.argtypes, code.restype = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)], ctypes.c_int
        nation = _call_text(code)
    else:
        names = {name: c for c, name in ETHNICITIES.items()} | {name + "族": c for c, name in ETHNICITIES.items()}
        nation = names.get(values["ethnicity"], values["ethnicity"])
    sex = {label: c for c, label in SEXES.items()}.get(values["sex"], values["sex"])
    if not values["id_number"] or not values["name"]:
        raise ReaderError("读卡器没有返回姓名或证件号码，请重新读卡", "bad_data")
    try:
        dates = {k: _digits(values[k]) for k in ("birth_date", "valid_from", "valid_until")}
        born = date(int(dates["birth_date"][:4]), int(dates["birth_date"][4:6]), int(dates["birth_date"][6:8]))
        start = date(int(dates["valid_from"][:4]), int(dates["valid_from"][4:6]), int(dates["valid_from"][6:8]))
        end = None if LONG_TERM in values["valid_until"] else date(
            int(dates["valid_until"][:4]), int(dates["valid_until"][4:6]), int(dates["valid_until"][6:8]))
    except ValueError:
        raise ReaderError("读卡器返回的日期无法识别（出生日期或有效期限），请重新读卡", "bad_data") from None
    if sex not in SEXES or nation not in ETHNICITIES:
        raise ReaderError("读卡器返回的性别或民族无法识别，请重新读卡", "bad_data")
    return CardRecord(id_number=values["id_number"].upper(), name=values["name"], sex=sex, ethnicity_code=nation,
                      birth_date=born, address=values["address"], issuer=values["issuer"], valid_from=start,
                      valid_until=end, photo=photo)
