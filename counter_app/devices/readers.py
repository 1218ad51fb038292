"""Which ID card reader a setting names: ``sim:FILE``, ``vendor`` or ``vendor:LIBRARY``."""

from __future__ import annotations

import os

from counter_app.devices.idcard import CardReader, ReaderError
from counter_app.devices.idcard_sim import SimReader
from counter_app.devices.idcard_vendor import VendorReader

ENV_READER = "COUNTER_IDCARD_READER"  # overrides the PC's setting (docs/CONTRACTS.md)
DEFAULT_READER = "vendor"


def open_reader(spec: str | None, port: int | None = None) -> CardReader:
    """The reader ``spec`` names (empty: the vendor library); ReaderError (config) for anything else."""
    text = (spec or DEFAULT_READER).strip()
    kind, _, rest = text.partition(":")
    if kind == "sim":
        if not rest.strip():
            raise ReaderError("模拟读卡器需要卡文件：sim:文件路径", "config")
        return SimReader(rest.strip())
    if kind == "vendor":
        return VendorReader(rest.strip() or None, port=port)
    raise ReaderError(f"读卡器设置「{text}」无法识别：应为 vendor、vendor:驱动库路径 或 sim:卡文件", "config")


def configured_reader(setting: str | None = None) -> str:
    """The reader this PC uses: ``COUNTER_IDCARD_READER``, else the PC's setting, else ``vendor``."""
    return os.environ.get(ENV_READER, "").strip() or (setting or "").strip() or DEFAULT_READER
