"""Screenshots of 读卡 (F8) for people to look at (not a test; run under Xvfb): a good card, an expired one.

    Xvfb :93 -screen 0 1920x1080x24 &
    DISPLAY=:93 QT_QPA_PLATFORM=xcb python tests/gui/screenshots_idcard.py DATA_DIR OUT_DIR 1366x768 1920x1080
"""

from __future__ import annotations

import dataclasses
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))

from gui_helpers import send_key
from idcard_helpers import SAMPLE, write_sim_card
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from screenshots import settle

from counter_app import services
from counter_app.domain.ids import make_resident_id
from counter_app.gui.app import create_main_window


def screen_shot(out: Path, name: str, size: str) -> None:
    settle(500)
    w, h = (int(v) for v in size.split("x"))
    path = out / f"{name}-{size}.png"
    QApplication.primaryScreen().grabWindow(0, 0, 0, w, h).save(str(path))
    print(path)


def read(window: Any) -> None:
    line = window.findChild(QWidget, "id_number")
    line.setFocus()
    settle(200)
    send_key(line, Qt.Key.Key_F8)
    if not window.form.card_reader.panel.isVisible():  # no window manager under Xvfb: the window may not be active
        print("F8 not delivered (inactive window): clicking 读卡")
        window.form.card_reader.button.click()
    settle(1500)


def main(data_dir: str, out_dir: str, sizes: list[str]) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    counter = services.open_counter(data_dir, demo=True)
    cards = out / "cards"
    good = write_sim_card(cards, name="good.json")
    expired = write_sim_card(cards, dataclasses.replace(SAMPLE, name="李秀英", sex="2", ethnicity_code="03",
                                                       id_number=make_resident_id("640104", SAMPLE.birth_date, 122),
                                                       address="宁夏回族自治区银川市兴庆区解放西街1号",
                                                       issuer="银川市公安局兴庆分局",
                                                       valid_from=date(2006, 5, 3), valid_until=date(2016, 5, 3)),
                             name="expired.json")
    for size in sizes:
        w, h = (int(v) for v in size.split("x"))
        for draft in services.list_drafts(counter):
            services.discard_draft(counter, draft.kind)
        window: Any = create_main_window(data_dir)
        window.setGeometry(0, 0, w, h)
        window.show()
        window.activateWindow()
        settle(300)
        os.environ["COUNTER_IDCARD_READER"] = f"sim:{good}"
        window.open_business("open-account")
        settle(1000)
        read(window)
        screen_shot(out, "open-account-card-read", size)
        window.form.request_cancel()
        settle(300)
        box = window.form.findChild(QWidget, "confirm_cancel") if window.form else None
        if box is not None:
            box.done(16384)  # Yes
        settle(300)
        os.environ["COUNTER_IDCARD_READER"] = f"sim:{expired}"
        window.open_business("withdrawal")
        settle(1000)
        read(window)
        screen_shot(out, "withdrawal-card-expired", size)
        window.close()
        settle(300)
    counter.close()
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:] or ["1366x768"])
