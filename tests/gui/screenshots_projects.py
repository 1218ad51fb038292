"""Screenshots of the 楼盘准入 and 跨省通办 forms (not a test; run under Xvfb).

    Xvfb :98 -screen 0 1920x1080x24 &
    DISPLAY=:98 QT_QPA_PLATFORM=xcb python tests/gui/screenshots_projects.py DATA_DIR OUT_DIR [KIND …]

DATA_DIR is a demo data dir (``--demo``): the loan picker shows the demo city's own estates. SHOT_SIZE
(1366x768 by default, or 1920x1080) sizes the window; PULLED=1 adds the old hand-made projects.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from datetime import date

from gui_helpers import send_key, send_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from screenshots import choose, settle, shoot, type_into, worker

from counter_app import services
from counter_app.domain.projects import project_key
from counter_app.gui.app import create_main_window
from counter_app.store.records_operations import ProjectRecord


def project_admission(window: Any, card: Any) -> None:
    type_into(window, "uscc", card.employer.uscc)
    choose(window, "admission_type", "backfill")
    choose(window, "district", "01")
    for key, text in (("project_name", "南山花园"), ("project_address", "南山镇花园路1号"), ("buildings", "12"),
                      ("units", "860"), ("land_cert_no", "示国用2025第0101号"), ("agreement_no", "HZ-2019-007"),
                      ("agreement_date", "2019-06-01"), ("agreement_valid_until", "2019-05-01"),
                      ("on_file", "住房公积金贷款合作申请表、开发企业情况、项目简介")):
        type_into(window, key, text)


def transfer_in(window: Any, card: Any) -> None:
    for key, text in (("id_number", card.worker.id_number), ("mobile", "13912345678"), ("source_city", "甘肃省兰州市"),
                      ("source_centre", "兰州住房公积金管理中心"), ("source_account", "620100123456"),
                      ("amount", "23456.70")):
        type_into(window, key, text)


def transfer_out(window: Any, card: Any) -> None:
    for key, text in (("id_number", card.worker.id_number), ("mobile", "13912345678"), ("target_city", "陕西省西安市"),
                      ("target_centre", "西安住房公积金管理中心"), ("target_account", "610100123456")):
        type_into(window, key, text)


def offsite_purchase_withdrawal(window: Any, card: Any) -> None:
    for key, text in (("id_number", card.worker.id_number), ("house_city", "陕西省西安市"),
                      ("house_address", "西安市雁塔区科技路1号"), ("document_no", "XA-2026-0001"),
                      ("event_date", "2026-11-01"), ("event_amount", "900000"), ("amount", "3000")):
        type_into(window, key, text)


def loan(window: Any, card: Any) -> None:
    type_into(window, "id_number", card.worker.id_number)
    choose(window, "borrower_category", "general")
    project = os.environ.get("LOAN_PROJECT", "无名小区")
    for key, text in (("monthly_income", "9000"), ("monthly_debt", "0"), ("project_name", project),
                      ("house_price", "300000"), ("amount", "100000"), ("months", "120")):
        type_into(window, key, text)
    choose(window, "method", "01")
    window.form.try_submit()
    settle(1200)


def loan_picker(window: Any, card: Any) -> None:
    """The loan's project field with its picker open on "n" (the demo city's admitted estates)."""
    type_into(window, "id_number", card.worker.id_number)
    choose(window, "borrower_category", "general")
    for key, text in (("monthly_income", "9000"), ("monthly_debt", "0")):
        type_into(window, key, text)
    line = window.findChild(QWidget, "project_name")
    line.setFocus()
    settle(300)
    send_text(line, os.environ.get("PICKER_QUERY", "n"))
    settle(600)


def loan_picked(window: Any, card: Any) -> None:
    """The project taken from the picker: its developer and agreement beside the field."""
    loan_picker(window, card)
    send_key(window.form.project_pickers["project_name"].popup(), Qt.Key.Key_Return)
    settle(1200)


def pulled_projects(counter: Any) -> None:
    """Projects as the centre's feed leaves them in the store (admitted, one suspended)."""
    for name, standing, no, until, note in (
            ("南山花园", "admitted", "HZ2026-031", date(2029, 12, 31), ""),
            ("南苑小区", "admitted", "HZ2025-007", date(2027, 6, 30), ""),
            ("南湖御景", "admitted", "HZ2026-044", date(2030, 3, 31), ""),
            ("东湖名苑", "suspended", None, None, "挪用监管资金")):
        with counter.store.unit_of_work(write=True) as uow:
            uow.projects.upsert(ProjectRecord(project_key=project_key(name), name=name, developer_uscc="91620102MA0000091X",
                                              standing=standing, developer_name="示范市安居置业有限公司",
                                              agreement_no=no, valid_until=until, note=note))
            uow.commit()


FILLERS = {"project-admission": project_admission, "transfer-in": transfer_in, "transfer-out": transfer_out,
           "offsite-purchase-withdrawal": offsite_purchase_withdrawal, "loan": loan, "loan-picker": loan_picker,
           "loan-picked": loan_picked}


def main(data_dir: str, out_dir: str, kinds: list[str]) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    size = os.environ.get("SHOT_SIZE", "1366x768")
    width, height = (int(n) for n in size.split("x"))
    counter = services.open_counter(data_dir, demo=True)
    card = worker(counter)
    if os.environ.get("PULLED"):
        pulled_projects(counter)
    window = create_main_window(data_dir)
    window.resize(width, height)
    window.show()
    kinds = kinds or list(FILLERS)
    if "card" in kinds:  # the worker's card with 缴存使用证明, then its print preview
        kinds = [k for k in kinds if k != "card"]
        window.show_card("worker", card.worker.id_number)
        settle(800)
        shoot(window, out, "card-certificate", size)
        window.card.findChild(QWidget, "card_certificate").click()
        for _ in range(60):
            settle(250)
            if window.printer.last_preview is not None:
                break
        preview = window.printer.last_preview
        preview.resize(1100, 760)
        settle(1200)
        preview.grab().save(str(out / "certificate-preview.png"))
        print(out / "certificate-preview.png")
        preview.close()
    for kind in kinds:
        window.open_business(kind.removesuffix("-picker").removesuffix("-picked"))
        FILLERS[kind](window, card)
        settle(400)
        if kind == "loan-picker":  # the list is a window of its own: grab the screen
            settle(400)
            path = out / f"{kind}-{size}.png"
            QApplication.primaryScreen().grabWindow(0, 0, 0, width, height).save(str(path))
            print(path)
        else:
            shoot(window, out, kind, size)
    window.close()
    counter.close()
    del app


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
