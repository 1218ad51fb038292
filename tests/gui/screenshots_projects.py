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


FILLERS = {"project-admission": project_admission}


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
