"""GUI entry points: ``create_main_window`` (tests, embedding) and ``run_gui`` (the CLI) (启动)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from counter_app.gui.i18n import install_language

APP_STYLE = """
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"] {
    border: 2px solid #c62828; background: #fff5f5; }
QLineEdit[warned="true"], QComboBox[warned="true"] { border: 2px solid #ef6c00; }
QLabel[severity="error"] { color: #c62828; }
QLabel[severity="warning"] { color: #e65100; }
QLabel#missing_label[severity="ok"] { color: #2e7d32; }
QToolBar#business_bar QToolButton { padding: 6px 10px; min-width: 84px; font-size: 15px; }
"""


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with fonts, style and the saved language."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("counter-app")
        app.setOrganizationName("counter-app")
        from PySide6.QtGui import QIcon

        from counter_app.paths import resources_dir

        app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "counter-app.png")))
    assert isinstance(app, QApplication)
    if not app.property("counter_app_ready"):
        from counter_app.gui.i18n import register_fonts

        register_fonts(app, rare=False)
        QTimer.singleShot(300, lambda: register_fonts(app))  # the rare-character fallback, after the first paint
        app.setStyleSheet(APP_STYLE)
        app.setProperty("counter_app_ready", True)
    return app


def settings_for(data_dir: Path) -> QSettings:
    """GUI settings of one data directory (language, printers, window geometry)."""
    return QSettings(str(Path(data_dir) / "gui.ini"), QSettings.Format.IniFormat)


def create_main_window(data_dir: str | os.PathLike[str] | None, demo: bool = False, **counter_options: Any) -> Any:
    """The counter window on ``data_dir``, ready to use, without entering the event loop."""
    app = ensure_app()
    from counter_app import services
    from counter_app.gui.main_window import MainWindow

    counter = services.open_counter(data_dir, demo=demo, **counter_options)
    settings = settings_for(counter.data_dir)
    install_language(app, str(settings.value("language", "zh_CN")))
    return MainWindow(counter, settings)


def run_gui(data_dir: str | os.PathLike[str] | None = None, demo: bool = False) -> int:
    """``counter-app [--data-dir DIR] [--demo]``: the window until the clerk closes it.

    The window paints first; the store (and the libraries behind it) opens on a worker thread,
    so a clerk sees the counter at once even on a slow PC or with a demo city to seed.
    """
    app = ensure_app()
    from counter_app.gui.main_window import MainWindow
    from counter_app.paths import resolve_data_dir

    path = resolve_data_dir(data_dir)
    settings = settings_for(path)
    install_language(app, str(settings.value("language", "zh_CN")))
    window = MainWindow(None, settings, complete=False)  # the shell paints first …
    window.show()
    QTimer.singleShot(0, window.complete)  # … the rest follows at once
    from counter_app import crash

    handler = crash.install(path)  # scrubbed report, Chinese message, drafts saved, restart
    handler.form_values = lambda: window.form.values() if window.form is not None else {}
    handler.draft_savers.append(lambda: window.form.save_draft() if window.form is not None else None)

    def opened(counter: Any) -> None:
        from counter_app.gui.first_run import first_run_if_needed

        if not first_run_if_needed(counter, settings, window, demo):  # a new station: set it up first
            window.close()
            return
        from counter_app.gui.login import login_if_needed

        if not login_if_needed(counter, window):  # a station with clerk accounts: who is at the counter
            window.close()
            return
        window.attach(counter)
        app.setProperty("counter_app_attached", True)

    def failed(exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(window, "counter-app", f"无法打开数据目录 {path}：{exc}")
        window.close()

    def open_store() -> None:
        from counter_app.gui.operations import Operation

        Operation(lambda _p: _open(path, demo), success=opened, failure=failed).run(key="open_counter")

    # Started once the loop runs, so the first paint does not share the interpreter with the imports.
    QTimer.singleShot(0, open_store)
    return app.exec()


def _open(path: Path, demo: bool) -> Any:
    from counter_app import services

    return services.open_counter(path, demo=demo)
