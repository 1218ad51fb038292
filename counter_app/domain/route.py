"""A cross-region application's way out of the city (跨省通办): each such business module says its own."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

PLATFORM = "全国住房公积金异地转移接续平台"


@dataclass(frozen=True)
class Route:
    """Where the centre sends one application: the direction, the channel and the other side."""

    direction: str  # 转入 / 转出 / 异地购房提取
    channel: str  # the national transfer platform, or the other city's check of a purchase
    city: str
    centre: str  # the other side's fund centre ("" when the form names none)
    reference: str  # the other side's account, or the purchase contract
    amount: Decimal | None
