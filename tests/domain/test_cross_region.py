"""跨省通办 routes: each cross-region business says where the centre sends it; the others stay in the city."""

from __future__ import annotations

from decimal import Decimal

from counter_app.domain.businesses import BUSINESSES
from counter_app.domain.cross_region import ROUTES, route_of
from counter_app.domain.route import PLATFORM


def test_each_cross_region_business_has_its_route():
    came = route_of("transfer-in", {"source_city": "甘肃省兰州市", "source_centre": "兰州住房公积金管理中心",
                                    "source_account": "620100123456", "amount": "12000.00"})
    went = route_of("transfer-out", {"target_city": "陕西省西安市", "target_centre": "西安住房公积金管理中心",
                                     "target_account": "610100123456"})
    bought = route_of("offsite-purchase-withdrawal", {"house_city": "陕西省西安市", "document_no": "XA-2026-0001",
                                                      "amount": "30000"})
    assert came is not None and went is not None and bought is not None
    assert (came.direction, came.channel, came.centre, came.amount) == ("转入", PLATFORM, "兰州住房公积金管理中心",
                                                                        Decimal("12000.00"))
    assert (went.direction, went.channel, went.reference, went.amount) == ("转出", PLATFORM, "610100123456", None)
    assert (bought.direction, bought.city, bought.reference, bought.amount) == (
        "异地购房提取", "陕西省西安市", "XA-2026-0001", Decimal("30000"))
    assert "协查" in bought.channel


def test_only_registered_cross_region_kinds_are_routed():
    assert set(ROUTES) <= set(BUSINESSES)
    for kind in set(BUSINESSES) - set(ROUTES):
        assert route_of(kind, {}) is None, kind
