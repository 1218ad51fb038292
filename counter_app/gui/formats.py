"""Money, dates and times as the counter shows them (金额与日期格式), from ``Decimal``/ISO text, never float."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QLocale

from counter_app.domain.clock import china_time


def money(value: Any) -> str:
    """¥1,234.50 from a Decimal or a "1234.50" string; '' for nothing; the input if not a number."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return f"¥{amount:,.2f}"


def day(value: Any) -> str:
    """A date as the clerk reads it: 2026年11月23日 (zh_CN) or 2026-11-23 (English)."""
    if value is None or value == "":
        return ""
    text = value.isoformat() if isinstance(value, date) else str(value)
    if QLocale().language() != QLocale.Language.Chinese or len(text) < 10:
        return text[:10] if len(text) >= 10 else text
    y, m, d = text[:4], text[5:7], text[8:10]
    if not (y.isdigit() and m.isdigit() and d.isdigit()):
        return text
    return f"{int(y)}年{int(m)}月{int(d)}日"


def moment(value: Any) -> str:
    """A timestamp as 2026年11月23日 14:05 (the seconds and zone are noise at the counter)."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = china_time(value)  # stored in UTC; the counter works on China time
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    clock = text[11:16] if len(text) >= 16 else ""
    return f"{day(text[:10])} {clock}".strip()
