"""Screenshots of 日结 (not a test; run under Xvfb): the close confirmation, the reopened day, the revised
close, and a business form opened on a closed day.

    Xvfb :99 -screen 0 1920x1080x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb python tests/gui/day_screenshots.py DATA_DIR OUT_DIR

DATA_DIR is a fresh directory (a demo city is made there, with a supervisor 王站长 and a clerk 张柜员).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog

from counter_app import services

CLERK = ("zhang", "Zhang-pass-2026", "张柜员")
SUPERVISOR = ("wang", "Wang-pass-2026", "王站长")


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(predicate: Any, ms: int = 20000) -> Any:
    for _ in range(ms // 50):
        value = predicate()
        if value:
            return value
        settle(50)
    raise TimeoutError("the window did not get there")


def approve(parent: Any) -> None:
    dialog = wait_for(lambda: parent.findChild(QDialog, "approval_dialog"))
    dialog.credentials.username.setText(SUPERVISOR[0])
    dialog.credentials.password.setText(SUPERVISOR[1])
    dialog.approve_button.click()


def main(data_dir: str, out_dir: str) -> None:
    from station_screenshots import fortnight

    from counter_app.gui.app import create_main_window
    from counter_app.services import clerks

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with services.open_counter(data_dir, demo=True) as counter:
        if not clerks.has_clerks(counter):
            assert clerks.add_clerk(counter, SUPERVISOR[0], SUPERVISOR[1], "supervisor", SUPERVISOR[2]).ok
            counter.clerk = SUPERVISOR[0]
            assert clerks.add_clerk(counter, CLERK[0], CLERK[1], "clerk", CLERK[2]).ok
            counter.clerk = CLERK[0]
            fortnight(counter)
    window = create_main_window(data_dir, clerk=CLERK[0])
    window.resize(1366, 768)
    window.show()
    settle(500)
    window.findChild(QAction, "action_station_close").trigger()
    page = window.station.pages["action_station_close"]
    page.close_button.click()
    dialog = wait_for(lambda: page.confirm_dialog)
    settle(400)
    dialog.grab().save(str(out / "close-confirmation.png"))
    window.grab().save(str(out / "close-confirmation-window.png"))
    dialog.confirm.click()
    approve(dialog)
    wait_for(lambda: "已日结" in page.page_summary.text())
    preview = wait_for(lambda: window.printer.last_preview)
    settle(600)
    preview.grab().save(str(out / "close-sheet-preview.png"))
    preview.close()
    window.printer.last_preview = None
    page.reopen_button.click()
    reopen = wait_for(lambda: page.reopen_dialog)
    reopen.reason.setEditText("漏录一笔提取业务，需补录")
    settle(300)
    reopen.grab().save(str(out / "reopen-dialog.png"))
    reopen.confirm.click()
    approve(reopen)
    wait_for(lambda: "已重开" in page.page_summary.text())
    settle(400)
    window.grab().save(str(out / "reopened-day.png"))
    page.close_button.click()
    dialog = wait_for(lambda: page.confirm_dialog)
    settle(300)
    dialog.grab().save(str(out / "close-confirmation-revision-2.png"))
    dialog.confirm.click()
    approve(dialog)
    wait_for(lambda: "已日结（第2次日结）" in page.page_summary.text())
    preview = wait_for(lambda: window.printer.last_preview)
    sheet = Path(page.last_report.close.sheet_path)
    settle(600)
    preview.grab().save(str(out / "close-sheet-revision-2-preview.png"))
    preview.close()
    print("sheet", sheet)
    settle(300)
    window.grab().save(str(out / "closed-revision-2.png"))
    window.business_actions["withdrawal"].trigger()
    wait_for(lambda: window.form is not None)
    settle(500)
    window.grab().save(str(out / "warned-form.png"))
    window.close()
    del app


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
