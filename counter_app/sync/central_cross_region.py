"""跨省通办 at the centre: the worklist of cross-region applications to route (转入、转出、异地购房提取).

The station takes the application; the centre sends it on: a transfer through the national
transfer platform to or from the other city's centre, an offsite purchase to that city's centre for
its check. ``counter-central cross-region`` lists what is waiting (or everything with ``--all``),
each with its route from the business module, and writes it as a worksheet for the platform's clerk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
from openpyxl import Workbook

from counter_app.domain.businesses import BUSINESSES
from counter_app.domain.clock import CHINA_TZ
from counter_app.domain.cross_region import ROUTES, route_of
from counter_app.domain.ids import mask_id_number
from counter_app.domain.money import format_money

DECISION_LABELS = {"approve": "已办结", "reject": "不予办理", "needs-more": "需补充材料", "conflict": "由中心核实"}
COLUMNS = ("receipt_number", "station_code", "station_name", "kind_title", "subject", "direction", "channel", "city",
           "centre", "reference", "amount", "received_at", "status")
HEADERS = ("回执编号", "服务站代码", "服务站", "业务", "申请人", "方向", "途径", "对方城市", "对方中心",
           "对方账号/合同编号", "金额（元）", "中心接收时间", "状态")
WIDTHS = (26, 10, 16, 30, 22, 14, 30, 16, 26, 24, 14, 18, 14)


def worklist(conn: psycopg.Connection, include_decided: bool = False) -> list[dict[str, Any]]:
    """Cross-region applications the centre received, oldest first: those not yet decided, or all."""
    rows = conn.execute(
        "SELECT i.receipt_number, i.station_code, s.name, i.kind, i.subject_key, i.fields, i.received_at, d.decision"
        " FROM central.inbox i JOIN central.stations s ON s.code = i.station_code"
        " LEFT JOIN LATERAL (SELECT decision FROM central.decisions x WHERE x.client_id = i.client_id"
        "                    ORDER BY x.id DESC LIMIT 1) d ON true"
        " WHERE i.kind = ANY(%s) AND (%s OR d.decision IS NULL OR d.decision = 'needs-more')"
        " ORDER BY i.received_at, i.receipt_number", (list(ROUTES), include_decided)).fetchall()
    out = []
    for number, station, station_name, kind, subject, fields, received_at, decision in rows:
        route = route_of(kind, fields)
        assert route is not None  # the query asked for routed kinds only
        spec = BUSINESSES.get(kind)
        out.append({
            "receipt_number": number, "station_code": station, "station_name": station_name, "kind": kind,
            "kind_title": spec.title if spec else kind, "subject": mask_id_number(subject),
            "direction": route.direction, "channel": route.channel, "city": route.city, "centre": route.centre,
            "reference": route.reference, "amount": str(route.amount) if route.amount is not None else None,
            "received_at": received_at.astimezone(CHINA_TZ).isoformat(timespec="minutes"),
            "status": DECISION_LABELS.get(decision, "待转办") if decision else "待转办",
        })
    return out


def write_xlsx(rows: list[dict[str, Any]], out: Path) -> None:
    """The worklist as a worksheet (headers in Chinese, amounts as printed)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "跨省通办转办"
    sheet.append(HEADERS)
    for row in rows:
        values = dict(row, amount=format_money(row["amount"]) if row["amount"] is not None else "")
        sheet.append([str(values[c] or "") for c in COLUMNS])
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    tmp = out.with_name(out.name + ".part")
    book.save(tmp)
    tmp.replace(out)  # a half-written file never carries the real name
