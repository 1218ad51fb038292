"""Screenshots of a page scanned and straightened on the form, and of the archive cover's preview (not a test).

    Xvfb :93 -screen 0 1366x768x24 &
    DISPLAY=:93 QT_QPA_PLATFORM=xcb python tests/gui/screenshots_scanner.py DATA_DIR OUT_DIR

The scanner is a fake ``scanimage`` (tests/scanner_helpers.py) whose page lies 4° askew; the whole
screen is grabbed, so the dialog is seen over the form. The cover's PDF is copied to OUT_DIR.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))
sys.path.insert(0, str(Path(__file__).parents[2]))

from archive_images import write
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget
from scanner_helpers import install_fake_scanimage, text_page
from screenshots import choose, settle, type_into, worker

from counter_app import services
from counter_app.gui.app import create_main_window


def grab(out: Path, name: str) -> Path:
    settle(500)
    screen = QApplication.primaryScreen()
    size = screen.size()
    path = out / f"{name}-{size.width()}x{size.height()}.png"
    screen.grabWindow(0).save(str(path))
    print(path)
    return path


def wait(condition, ms: int = 30000) -> None:  # type: ignore[no-untyped-def]
    for _ in range(ms // 50):
        if condition():
            return
        settle(50)
    raise RuntimeError("timed out")


def main(data_dir: str, out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fake = Path(tempfile.mkdtemp(prefix="fake-scanner-"))
    install_fake_scanimage(fake / "bin")
    os.environ["PATH"] = f"{fake / 'bin'}{os.pathsep}{os.environ['PATH']}"
    os.environ["FAKE_SCAN_PAGE"] = str(write(fake / "page.png", text_page(4.0)))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    counter = services.open_counter(data_dir, demo=True)
    card = worker(counter)
    window = create_main_window(data_dir)
    window.resize(QApplication.primaryScreen().size())  # no window manager under Xvfb to maximise it
    window.show()
    settle(1500)
    window.open_business("withdrawal")
    settle(600)
    type_into(window, "id_number", card.worker.id_number)
    choose(window, "reason_code", "07")
    choose(window, "variant", "public")
    for key, text in (("amount", "1200"), ("document_no", "ZL2026000123"), ("bank_card", "6222020200112233445")):
        type_into(window, key, text)
    settle(800)
    form = window.form
    panel = form.attachments
    wait(panel.scan.isEnabled)
    materials = window.findChild(QWidget, "materials")
    materials.setCurrentIndex(materials.model().index(0, 0))
    dialog = panel.scan_dialog()
    dialog.show()
    dialog.scan()
    settle(300)
    grab(out, "scan-running")
    wait(lambda: bool(dialog.captured))
    grab(out, "scan-dialog")
    dialog.accept()
    panel.add(list(dialog.captured))
    settle(600)
    grab(out, "form-scanned")
    for row in range(materials.model().rowCount()):
        materials.model().item(row).setCheckState(materials.model().item(row).checkState().Checked)
    settle(1500)
    form.try_submit()
    wait(lambda: bool(form.receipt_number.text()))
    settle(1500)
    window.action_records.trigger()
    wait(lambda: window.records.selected() is not None)
    grab(out, "records-page")
    window.records.print_archive_cover.click()
    wait(lambda: window.printer.last_preview is not None)
    settle(1500)
    grab(out, "cover-preview")
    shutil.copy(window.printer.last_preview.pdf, out / "archive-cover.pdf")
    window.printer.last_preview.close()
    window.close()
    QCoreApplication.processEvents()
    counter.close()
    del app


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
