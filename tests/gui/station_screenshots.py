"""Screenshots of the 站务 pages on a demo city with a fortnight of work (not a test; run under Xvfb).

    Xvfb :99 -screen 0 1920x1080x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb python tests/gui/station_screenshots.py DATA_DIR OUT_DIR [1366x768 1920x1080]
"""

from __future__ import annotations

import random
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import uuid6
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from counter_app import services
from counter_app.domain.businesses import BUSINESSES
from counter_app.gui.app import create_main_window
from counter_app.gui.operations import runner
from counter_app.gui.station_menu import PAGES
from counter_app.services import operations as ops
from counter_app.store import ApplicationRecord

# Every business (withdrawals twice as often): the dashboard's legend must hold all of them.
KINDS = (*BUSINESSES, "withdrawal")


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def fortnight(counter: Any) -> None:
    """Applications on each of the last 14 days (written directly: a picture, not a test)."""
    rng = random.Random(7)
    now = counter.now()
    with counter.store.unit_of_work(write=True) as uow:
        people = [w.id_number for w in uow.workers.page(limit=200)]
        for back in range(13, -1, -1):
            when = now - timedelta(days=back, hours=rng.randrange(0, 3))
            for _ in range(rng.randrange(3, 12)):
                kind = rng.choice(KINDS)
                fields = {"amount": f"{rng.randrange(500, 20000)}.00"} if kind in ("withdrawal", "loan") else {}
                status = "approved" if back > 3 else rng.choice(("queued", "received", "approved"))
                number = uow.receipts.next_number(counter.station_code, counter.terminal, counter.local(when).date())
                uow.applications.add(ApplicationRecord(
                    client_id=str(uuid6.uuid7()), receipt_number=number, kind=kind, status=status,
                    subject_key=rng.choice(people), subject_name="", fields=fields, materials=[], clerk=counter.clerk,
                    station_code=counter.station_code, terminal=counter.terminal, created_at=when, updated_at=when))
        uow.commit()


def operations_data(counter: Any) -> None:
    now = counter.now()
    today = counter.today()
    ops.set_target(counter, 800, today.replace(month=7 if today.month > 6 else 1, day=1), today + timedelta(days=38))
    with counter.store.unit_of_work() as uow:
        employers = uow.employers.unregistered()[:4]
        registered = [e for e in uow.employers.query() if e.registered][:1]
    for index, employer in enumerate(employers):
        counter.clock = lambda back=60 - index * 15: now - timedelta(days=back)
        number = ops.open_case(counter, employer.uscc, counter.today(), "现场调查：该单位有职工未办理缴存登记").value.case.case_no
        if index < 3:
            ops.advance(counter, number, "notice_issued")
            ops.advance(counter, number, "delivered", ops.StepInput(document="直接送达"))
        if index == 0:
            counter.clock = lambda: now - timedelta(days=20)
            ops.advance(counter, number, "deadline_passed")
            ops.advance(counter, number, "referred", ops.StepInput(note="移送管理中心处罚"))
        counter.clock = lambda: now - timedelta(days=25)
        if index == 1:
            ops.take_complaint(counter, {"complainant": "王小明", "summary": "单位未为职工缴存住房公积金", "case_no": number})
    counter.clock = lambda: now
    ops.take_complaint(counter, {"complainant": "李红", "summary": "入职半年未开户", "uscc": employers[-1].uscc})
    if registered:
        counter.clock = lambda: now - timedelta(days=200)
        ops.track_deferral(counter, uscc=registered[0].uscc, from_month=f"{today.year}-01", to_month=f"{today.year}-06",
                           approved_on=today - timedelta(days=200), instalments=6)
    counter.clock = lambda: now


def main(data_dir: str, out_dir: str, sizes: list[str]) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    counter = services.open_counter(data_dir, demo=True)
    with counter.store.unit_of_work() as uow:
        fresh = not ops.list_cases(counter) and uow.applications.count() == 0
    if fresh:
        fortnight(counter)
        operations_data(counter)
        numbers = [r.receipt_number for r in services.list_records(counter, limit=6)]
        for n, score in zip(numbers, (5, 4, 5, 3, 5)):
            ops.rate(counter, n, score)
    for size in sizes:
        w, h = (int(v) for v in size.split("x"))
        window = create_main_window(data_dir)
        window.resize(w, h)
        window.show()
        for name in [n for n, _t, _c in PAGES]:  # every 站务 page
            page = window.station.show(name)
            runner().wait_for_done(20000)
            settle(600)
            path = out / f"{name.removeprefix('action_')}-{size}.png"
            window.grab().save(str(path))
            print(path, page.objectName())
        window.findChild(type(window.action_records), "action_customer_screen").setChecked(True)
        screen = window.station.screen
        form = window.open_business("withdrawal")
        card = next(c for c in (services.person_card(counter, h.key) for h in services.search(counter, "王", 30))
                    if c and c.accounts)
        form.set_values({"id_number": card.worker.id_number, "reason_code": "07", "amount": "1500"})
        window.station.link.update(form)
        settle(400)
        screen.grab().save(str(out / f"customer-screen-{size}.png"))
        screen.ask_rating("DEMO-01-20261123-0001")
        settle(200)
        screen.grab().save(str(out / f"customer-rating-{size}.png"))
        window.close()
    counter.close()
    del app


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:] or ["1366x768", "1920x1080"])
