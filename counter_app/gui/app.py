"""GUI entry points: ``create_main_window`` (tests, embedding) and ``run_gui`` (the CLI) (启动).

This is where the GUI's start-up order lives, and with it the only lazy imports of the GUI (with
``MainWindow.complete``): ``run_gui`` paints the window's shell before the services (SQLAlchemy,
Alembic, ReportLab, pydantic: ~0.9 s) are imported, and imports them on a worker thread while the
clerk can already see the window and type into the search box (``benchmarks/bench_gui.py``).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.gui.gui_settings import settings_for
from counter_app.gui.i18n import install_language, register_fonts
from counter_app.gui.main_window import MainWindow
from counter_app.paths import resources_dir

if TYPE_CHECKING:
    from counter_app.services import Counter

__all__ = ["Opening", "create_main_window", "ensure_app", "open_station", "run_gui", "settings_for", "start_counter"]

APP_STYLE = """
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"] {
    border: 2px solid #c62828; background: #fff5f5; }
QLineEdit[warned="true"], QComboBox[warned="true"] { border: 2px solid #ef6c00; }
QLineEdit[guarded="true"], QComboBox[guarded="true"] { background: #eef4fb; color: #1f4e79; }
QLabel[severity="error"] { color: #c62828; }
QLabel[severity="warning"] { color: #e65100; }
QLabel#missing_label[severity="ok"] { color: #2e7d32; }
QToolBar#business_bar QToolButton { padding: 4px 10px; min-width: 84px; font-size: 15px; }
"""


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with fonts, style and the saved language."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("counter-app")
        app.setOrganizationName("counter-app")
        app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "counter-app.png")))
    assert isinstance(app, QApplication)
    if not app.property("counter_app_ready"):
        register_fonts(app, rare=False)
        QTimer.singleShot(300, lambda: register_fonts(app))  # the rare-character fallback, after the first paint
        app.setStyleSheet(APP_STYLE)
        app.setProperty("counter_app_ready", True)
    return app


def create_main_window(data_dir: str | os.PathLike[str] | None, demo: bool = False, **counter_options: Any) -> MainWindow:
    """The counter window on ``data_dir``, ready to use, without entering the event loop."""
    app = ensure_app()
    from counter_app import services  # the services' libraries: a caller that wants the window now pays for them

    counter = services.open_counter(data_dir, demo=demo, **counter_options)
    _plug_devices()
    settings = settings_for(counter.data_dir)
    install_language(app, str(settings.value("language", "zh_CN")))
    return MainWindow(counter, settings)


def run_gui(data_dir: str | os.PathLike[str] | None = None, demo: bool = False) -> int:
    """``counter-app [--data-dir DIR] [--demo]``: the window until the clerk closes it.

    The window's shell paints first; the store (and the libraries behind it) opens on a worker
    thread, then the desk is added and attached, so a clerk sees the counter at once even on a
    slow PC or with a demo city to seed.
    """
    app = ensure_app()
    path = Path(data_dir) if data_dir else _platform_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    settings = settings_for(path)
    install_language(app, str(settings.value("language", "zh_CN")))
    window = MainWindow(None, settings, complete=False)  # the shell paints first …
    window.show()
    from counter_app import crash  # faulthandler, traceback …: after the first paint

    handler = crash.install(path)  # scrubbed report, Chinese message, drafts saved, restart
    handler.form_values = lambda: window.form.values() if window.form is not None else {}
    handler.draft_savers.append(lambda: window.form.save_draft_now() if window.form is not None else None)

    def opened(opening: Opening) -> None:
        if start_counter(window, opening, settings, demo):
            app.setProperty("counter_app_attached", True)
        else:
            window.close()

    def failed(exc: BaseException) -> None:
        QMessageBox.critical(window, "counter-app", f"无法打开数据目录 {path}：{exc}")
        window.close()

    def open_store() -> None:
        from counter_app.gui.operations import Operation  # it builds PySide6's Qt namespace (~20 ms): after the paint

        Operation(lambda _p: open_station(path, demo), success=opened, failure=failed).run(key="open_counter")

    # Started once the loop runs, so the first paint does not share the interpreter with the imports.
    QTimer.singleShot(0, open_store)
    return app.exec()


@dataclass(frozen=True)
class Opening:
    """The opened counter and what the start-up asks of its store, read together on the worker."""

    counter: Counter
    needs_setup: bool  # no station set yet: the first-run wizard
    staffed: bool  # the station has clerk accounts: login, then the idle lock


def start_counter(window: MainWindow, opening: Opening, settings: Any, demo: bool) -> bool:
    """On the GUI thread, once the store is open: the first run or the login if needed, then the desk
    attached. False when the clerk closed the wizard or the login (the app then exits). Reads nothing:
    the store's answers came with ``opening``."""
    from counter_app.gui.first_run import first_run_if_needed
    from counter_app.gui.login import login_if_needed

    counter = opening.counter
    window.complete()  # … the desk, once the worker has loaded the services
    if not first_run_if_needed(counter, settings, window, demo, needed=opening.needs_setup):
        return False  # a new station is set up first
    # The wizard, once finished, has made the supervisor's account: the station is staffed from now on.
    staffed = opening.staffed or (opening.needs_setup and not demo)
    if not login_if_needed(counter, window, staffed=staffed):  # who is at the counter
        return False
    window.attach(counter, staffed=staffed)
    return True


def _platform_data_dir() -> Path:
    from counter_app.user_data import default_data_dir  # platformdirs: only without --data-dir

    return default_data_dir()


def open_station(path: Path, demo: bool) -> Opening:
    """The store of ``path`` opened, and asked what the start needs (on the runner's worker)."""
    # On the worker thread, so the window stays responsive: the services and the desk's modules
    # (importing creates no widget; ``complete()`` then only builds) before the store opens.
    from counter_app import services
    from counter_app.gui import desk  # noqa: F401
    from counter_app.services import clerks
    from counter_app.services.station_config import needs_setup

    _plug_devices()
    counter = services.open_counter(path, demo=demo)
    try:
        return Opening(counter, needs_setup=needs_setup(counter), staffed=clerks.has_clerks(counter))
    except BaseException:
        counter.close()
        raise


def _plug_devices() -> None:
    """The counter's devices for the forms: the document camera's dialog, built only when opened."""
    from counter_app.gui import attachments_panel

    attachments_panel.CAMERA = _camera_dialog


def _camera_dialog(out_dir: Path, parent: Any) -> Any:
    from counter_app.gui.camera import CaptureDialog  # QtMultimedia and FFmpeg: only when a clerk opens the camera

    return CaptureDialog(out_dir, parent)
