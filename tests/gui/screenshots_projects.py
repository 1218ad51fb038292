"""Screenshots of the 楼盘准入 and 跨省通办 forms (not a test; run under Xvfb).

    Xvfb :98 -screen 0 1920x1080x24 &
    DISPLAY=:98 QT_QPA_PLATFORM=xcb python tests/gui/screenshots_projects.py DATA_DIR OUT_DIR [KIND …]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from PySide6.QtWidgets import QApplication
from screenshots import choose, settle, shoot, type_into, worker

from counter_app import services
from counter_app.gui.app import create_main_window


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
    for key, text in (("monthly_income", "9000"), ("monthly_debt", "0"), ("project_name", "无名小区"),
                      ("house_price", "300000"), ("amount", "100000"), ("months", "120")):
        type_into(window, key, text)
    choose(window, "method", "01")
    window.form.try_submit()
    settle(1200)


FILLERS = {"project-admission": project_admission, "transfer-in": transfer_in, "transfer-out": transfer_out,
           "offsite-purchase-withdrawal": offsite_purchase_withdrawal, "loan": loan}


def main(data_dir: str, out_dir: str, kinds: list[str]) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    counter = services.open_counter(data_dir, demo=True)
    card = worker(counter)
    window = create_main_window(data_dir)
    window.resize(1366, 768)
    window.show()
    for kind in kinds or list(FILLERS):
        window.open_business(kind)
        FILLERS[kind](window, card)
        settle(400)
        shoot(window, out, kind, "1366x768")
    window.close()
    counter.close()
    del app


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
