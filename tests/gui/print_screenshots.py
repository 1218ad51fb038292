"""Screenshots of printing to a printer, and renders of what the printer got (not a test; run under Xvfb).

    Xvfb :99 -screen 0 1920x1080x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb python tests/gui/print_screenshots.py OUT_DIR

Starts its own CUPS server with cups-pdf queues (as the suite does; root), shows the preview of a
receipt, the printer chooser, the preview after Ctrl+P, the batch-letters dialog and the station
settings' printer rows, then renders each job's PDF as cups-pdf wrote it (pdftoppm).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent / "services")]

from cupsserver import destroy_server, start_server  # noqa: E402
from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget  # noqa: E402
from service_world import W, build_world, complete, fixed_clock, withdrawal_form  # noqa: E402

from counter_app.services import open_counter, submit_application  # noqa: E402
from counter_app.services.print_jobs import list_printers, print_letters_to_printer, send_to_printer  # noqa: E402
from counter_app.services.printing import print_one_time_notice, print_receipt  # noqa: E402
from counter_app.services.settings import save_settings  # noqa: E402


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition: Any, timeout_ms: int = 20000) -> None:
    waited = 0
    while not condition():
        settle(50)
        waited += 50
        if waited > timeout_ms:
            raise TimeoutError("timed out")


def shoot(widget: QWidget, out: Path, name: str) -> Path:
    settle(600)  # QPdfView renders pages in the background
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def render(pdf: Path, out: Path, name: str) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(out / name)], check=True)
    print(*sorted(out.glob(f"{name}*.png")))


def main(out_dir: str) -> None:
    from counter_app.gui.letters_print import LettersPrintDialog
    from counter_app.gui.printing import PreviewDialog, PrintOptionsDialog

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    server = start_server()
    server.add_pdf_queue("counter-a4", "A4 激光打印机（虚拟 PDF）", default=True)
    server.add_pdf_queue("counter-receipt", "回执打印机（虚拟 PDF）", page_size="A5")
    server.add_file_queue("office-duplex", "双面激光打印机")
    os.environ["CUPS_SERVER"] = server.server
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        with tempfile.TemporaryDirectory(prefix="print-shots-") as tmp:
            counter = open_counter(Path(tmp) / "station", clock=fixed_clock)
            build_world(counter.store)
            save_settings(counter, {"printer_receipt": "counter-receipt", "paper_receipt": "A5"})
            number = submit_application(counter, "withdrawal", complete(counter, "withdrawal", withdrawal_form())
                                        ).receipt_number
            printed = print_receipt(counter, number, Path(tmp) / f"receipt-{number}.pdf")
            window = QMainWindow()
            window.resize(1100, 900)
            window.show()
            settings = QSettings(str(Path(tmp) / "gui.ini"), QSettings.Format.IniFormat)
            preview = PreviewDialog(printed.path, "receipt", settings, window, counter=counter)
            preview.show()
            wait_for(lambda: preview.choice is not None)
            shoot(preview, out, "preview-receipt")

            options = PrintOptionsDialog(list_printers().printers, preview.choice, preview)
            options.show()
            shoot(options, out, "print-options-receipt")
            options.printer.setCurrentIndex(options.printer.findData("office-duplex"))
            options.duplex.setChecked(True)
            shoot(options, out, "print-options-office-duplex")
            options.close()

            preview.print_pdf()  # Ctrl+P
            wait_for(lambda: preview.last_job is not None)
            shoot(preview, out, "preview-receipt-sent")
            render(server.job_pdf("counter-receipt", preview.last_job.job_id), out, "job-receipt")
            preview.close()

            notice = print_one_time_notice(counter, "withdrawal", {"id_number": W.active,
                                                                  "reason_code": "07", "variant": "public",
                                                                  "materials": ["id_card"]}, Path(tmp) / "n.pdf")
            preview = PreviewDialog(notice.path, "notice", settings, window, counter=counter)
            preview.show()
            wait_for(lambda: preview.choice is not None)
            shoot(preview, out, "preview-notice")
            preview.close()
            job = send_to_printer(counter, notice.path, "one_time_notice")
            render(server.job_pdf("counter-a4", job.job_id), out, "job-notice")
            sent = print_letters_to_printer(counter, "online-guide", "counter-a4", limit=3)
            render(server.job_pdf("counter-a4", sent.jobs[0].job_id), out, "job-letters")

            letters = LettersPrintDialog(counter, window)
            letters.show()
            wait_for(lambda: letters.start_button.isEnabled())
            shoot(letters, out, "letters-print")
            letters.close()
            counter.close()
    finally:
        destroy_server(server)
        del app


if __name__ == "__main__":
    main(sys.argv[1])
