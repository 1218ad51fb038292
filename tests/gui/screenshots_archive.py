"""Screenshots of attachments on the form and of the document-camera dialog (not a test; run under Xvfb).

    Xvfb :97 -screen 0 1920x1080x24 &
    DISPLAY=:97 QT_QPA_PLATFORM=xcb python tests/gui/screenshots_archive.py DATA_DIR OUT_DIR

The camera is a test pattern pushed as video frames (tests/gui/camera_pattern.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))
sys.path.insert(0, str(Path(__file__).parents[2]))

from archive_images import document_photo, write
from camera_pattern import feed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from screenshots import choose, settle, shoot, type_into, worker

from counter_app import services
from counter_app.gui.app import create_main_window
from counter_app.gui.camera import CaptureDialog


def main(data_dir: str, out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    counter = services.open_counter(data_dir, demo=True)
    card = worker(counter)
    window = create_main_window(data_dir)
    window.resize(1366, 768)
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
    materials = window.findChild(QWidget, "materials")
    files = Path(out_dir) / "inputs"
    for row, names in ((0, ["身份证正面.jpg", "身份证反面.jpg"]), (2, ["租赁合同.pdf"])):
        materials.setCurrentIndex(materials.model().index(row, 0))
        paths = [write(files / n, document_photo(row, (1600, 1200)) if n.endswith(".jpg") else _pdf()) for n in names]
        form.attachments.add(paths)
    materials.setCurrentIndex(materials.model().index(1, 0))
    dialog = CaptureDialog(files / "captures", window, use_camera=False)
    dialog.resize(800, 680)
    dialog.show()
    feed(dialog)
    settle(800)
    dialog.take()
    settle(300)
    shoot(dialog, out, "camera-dialog", "800x680")
    dialog.accept()
    form.attachments.add(list(dialog.captured))
    settle(400)
    shoot(window, out, "form-attachments", "1366x768")
    materials.model().item(3).setCheckState(Qt.CheckState.Checked)
    settle(1500)
    form.try_submit()
    settle(6000)
    shoot(window, out, "form-attached-done", "1366x768")
    window.close()
    counter.close()
    del app


def _pdf() -> bytes:
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    buffer = BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "lease")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
