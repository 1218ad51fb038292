"""Screenshots of keyboard entry (#15): the keyboard checklist, a wizard with derived and pre-filled
fields, the confirmation of a legal date that is not today. Not a test: for people to look at.

    Xvfb :99 -screen 0 1920x1080x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb python tests/gui/screenshots_keyboard.py OUT_DIR
    (or QT_QPA_PLATFORM=offscreen: each window is grabbed and the dialogs drawn over the window)
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from gui_helpers import send_key, send_text
from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from counter_app import services
from counter_app.domain.ids import make_resident_id
from counter_app.gui.app import create_main_window


def wait(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settled(window: Any) -> None:
    for _ in range(100):
        if window.form is None or window.form.settled:
            break
        wait(50)
    wait(300)


def key(k: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    send_key(QApplication.focusWidget(), k, modifiers)


def type_and_tab(window: Any, name: str, text: str) -> None:
    widget = window.findChild(QWidget, name)
    widget.setFocus()
    wait(50)
    send_text(widget, text)
    key(Qt.Key.Key_Tab)
    settled(window)


def over(window: QWidget, *dialogs: QWidget) -> QPixmap:
    """The screen under Xvfb; offscreen (no screen to grab): the window with its dialogs drawn over it."""
    if QApplication.platformName() == "xcb":
        return QApplication.primaryScreen().grabWindow(0)
    picture = window.grab()
    painter = QPainter(picture)
    for dialog in dialogs:
        at = window.mapFromGlobal(dialog.mapToGlobal(QPoint(0, 0)))
        painter.drawPixmap(at, dialog.grab())
    painter.end()
    return picture


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="shots-keyboard-"))
    window = create_main_window(data, demo=True)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    wait(500)

    # 1. A wizard with derived fields: the ID number filled sex and birth date (skipped by Enter/Tab).
    window.open_business("open-account")
    combo = window.findChild(QWidget, "id_type")
    combo.setCurrentIndex(combo.findData("01"))
    type_and_tab(window, "id_number", make_resident_id("620102", date(1991, 8, 17), 902))
    type_and_tab(window, "name", "林晓测试")
    print("focus after Tab from name:", QApplication.focusWidget().objectName())
    window.grab().save(str(out / "wizard-derived-fields.png"))

    # 2. A pre-filled bank card the clerk tried to type over (refused, with the hint).
    counter = window.counter
    card = next(services.person_card(counter, h.key) for h in services.search(counter, "王", limit=50)
                if h.kind == "worker" and services.person_card(counter, h.key).accounts)
    window.open_business("withdrawal")
    window.findChild(QWidget, "reason_code").setCurrentIndex(window.findChild(QWidget, "reason_code").findData("07"))
    type_and_tab(window, "id_number", card.worker.id_number)
    window.findChild(QWidget, "document_no").setFocus()
    wait(50)
    send_text(QApplication.focusWidget(), "ZL2026-0099")
    key(Qt.Key.Key_Tab)  # to the pre-filled bank card …
    send_text(QApplication.focusWidget(), "6222")  # … typing is refused
    wait(300)
    window.grab().save(str(out / "wizard-prefilled-guarded.png"))

    # 3. The keyboard checklist: 1, Down … Space, with the cursor where it was.
    materials = window.findChild(QWidget, "materials")
    materials.setFocus()
    wait(50)
    key(Qt.Key.Key_1)
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Space)
    settled(window)
    window.grab().save(str(out / "keyboard-checklist.png"))
    print("ticked rows:", [r for r in range(materials.model().rowCount())
                           if materials.model().item(r).checkState() == Qt.CheckState.Checked],
          "current:", materials.currentIndex().row())

    # 4. 立案 with an investigation date that is not today: shown back for confirmation.
    window.findChild(QAction, "action_station_cases").trigger()
    page = window.station.pages["action_station_cases"]
    page.findChild(QPushButton, "open_case").click()
    dialog = page.last_dialog
    wait(300)
    with counter.store.unit_of_work() as uow:
        employer = uow.employers.unregistered()[0]
    dialog.inputs["uscc"].setFocus()
    wait(50)
    send_text(QApplication.focusWidget(), employer.uscc)
    key(Qt.Key.Key_Tab)
    send_text(QApplication.focusWidget(), (counter.today() - timedelta(days=12)).strftime("%Y%m%d"))
    key(Qt.Key.Key_Tab)
    send_text(QApplication.focusWidget(), "现场调查：未办理缴存登记，职工12人")
    dialog.buttons.accepted.emit()
    wait(500)
    box = dialog.findChild(QMessageBox, "confirm_legal_date")
    over(window, dialog, box).save(str(out / "legal-date-confirmation.png"))
    box.defaultButton().click()
    wait(200)
    dialog.reject()
    window.close()


if __name__ == "__main__":
    app = QApplication.instance() or QApplication(sys.argv[:1])
    main(Path(sys.argv[1]))
