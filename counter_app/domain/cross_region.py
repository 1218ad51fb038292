"""跨省通办 routing: where the centre sends each cross-region application it received.

A transfer in asks the source city's centre for the balance, a transfer out sends the balance to
the target city's centre (both through the national transfer platform, 全国住房公积金异地转移接续
平台), and a withdrawal for a house bought in another city asks that city's centre to confirm the
purchase (异地购房协查). Each business module says its own route; this module only collects them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from counter_app.domain.businesses import offsite_purchase_withdrawal, transfer_in, transfer_out
from counter_app.domain.route import Route

ROUTES: dict[str, Callable[[Mapping[str, Any]], Route]] = {
    transfer_in.KIND: transfer_in.route,
    transfer_out.KIND: transfer_out.route,
    offsite_purchase_withdrawal.KIND: offsite_purchase_withdrawal.route,
}


def route_of(kind: str, fields: Mapping[str, Any]) -> Route | None:
    """The route of an application of ``kind`` (None when the business stays in the city)."""
    make = ROUTES.get(kind)
    return make(fields) if make is not None else None
