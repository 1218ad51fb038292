"""The counter window: business menu, one search box, the current business, status bar (主窗口).

The window is built in two steps so that it paints as soon as possible. The shell (this module:
business bar, search box, menus, status labels) imports nothing of the store, none of the business
modules (the bar comes from ``business_menu``, which ``build_ui`` generates from the registry) and
does not touch PySide6's ``Qt`` namespace. ``complete()`` then adds the desk (``gui/desk.py``): search list,
records page, wizards, cards, printing, sync, lock and the 站务 menu, which use the services.
That is the one deferred import of the GUI outside ``app.py``: the services pull in SQLAlchemy,
Alembic, ReportLab and pydantic, about 0.9 s, which would make the first paint ~8× a bare window
(``benchmarks/bench_gui.py``); ``run_gui`` calls ``complete()`` once a worker thread has loaded them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from counter_app.gui.business_menu import MENU
from counter_app.gui.forms.ui_main_window import Ui_MainWindow
from counter_app.gui.i18n import catalog_text
from counter_app.gui.status import StatusPanel

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QResizeEvent

    from counter_app.gui.desk import Desk
    from counter_app.gui.printing import PrintController
    from counter_app.gui.wizard import BusinessForm
    from counter_app.services import Counter


# The left bar when the window is too low for the roomy buttons (APP_STYLE in app.py has those).
COMPACT_BAR = "QToolBar { spacing: 0px; } QToolButton { padding: 0px 8px; min-width: 84px; font-size: 13px; }"


def business_shortcut(number: int) -> str:
    """The key of the ``number``-th business in menu order: Ctrl+1…Ctrl+9, then Ctrl+Alt+1…Ctrl+Alt+9
    for the 10th to the 18th (a second row of the same digits); none after that."""
    if number <= 9:
        return f"Ctrl+{number}"
    return f"Ctrl+Alt+{number - 9}" if number <= 18 else ""


def business_tooltip(title: str, keys: str) -> str:
    """The button's tooltip names the key it really has (or none)."""
    return f"{title}（{keys}）" if keys else title


class MainWindow(QMainWindow, Ui_MainWindow):
    """One clerk's window on one counter; ``counter`` is the services' station session."""

    def __init__(self, counter: Counter | None, settings: QSettings, parent: QWidget | None = None, *,
                 complete: bool = True) -> None:
        """``counter`` None builds the window without a store; ``attach(counter)`` when it is open.

        ``complete=False`` builds the shell only (the start path); ``complete()`` adds the desk.
        """
        super().__init__(parent)
        self.desk: Desk | None = None  # read by changeEvent, which setupUi already triggers
        self.setupUi(self)
        self.counter, self.settings = counter, settings
        # A vertical bar of text buttons, set by property name: the enum values would need ``Qt``.
        self.business_bar.setProperty("orientation", "Vertical")
        self.business_bar.setProperty("toolButtonStyle", "ToolButtonTextOnly")
        self._needs_store = [self.action_records, self.action_print, self.action_sync, self.action_home]
        for action in self._needs_store:
            action.setEnabled(False)
        self.business_titles: dict[str, tuple[str, str]] = {}  # kind → (short, title): source texts
        self.business_actions: dict[str, QAction] = {}
        self._roomy_button: int | None = None  # a left-bar button's height in the roomy style
        self._businesses_end = self.business_bar.insertSeparator(self.action_records)
        for kind, action_name, short, title in MENU:
            self.add_business(kind, action_name, short, title)
        self.status = StatusPanel(self.statusbar, self)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.drafts_label.hide()  # shown by the desk when there are drafts
        self.drafts_view.hide()
        if complete:
            self.complete()
        if counter is not None:
            self.attach(counter)

    def complete(self) -> None:
        """Everything the first paint does without (see the module docstring)."""
        if self.desk is not None:
            return
        from counter_app.gui.desk import Desk  # the start path's one deferred import

        self.desk = Desk(self)
        self.fit_business_bar()  # the desk added the 站务 buttons

    def attach(self, counter: Counter, staffed: bool | None = None) -> None:
        """The store is open: everything that needs it starts working (``staffed``: whether the station
        has clerk accounts, when the caller already knows; else the desk asks the store)."""
        self.complete()
        assert self.desk is not None
        self.counter = counter
        for action in self._needs_store:
            action.setEnabled(True)
        self.desk.attach(counter, staffed)

    def add_business(self, kind: str, action_name: str, short: str, title: str) -> QAction:
        """The action ``action_<kind>`` in the bar and the menu, in registry order (its key follows it:
        ``business_shortcut``)."""
        number = len(self.business_actions) + 1
        action = QAction(catalog_text(short), self)
        action.setObjectName(action_name)
        keys = business_shortcut(number)
        action.setProperty("shortcut_keys", keys)  # set by the desk (QKeySequence before the paint costs)
        action.setToolTip(business_tooltip(catalog_text(title), keys))
        action.setStatusTip(catalog_text(title))
        action.triggered.connect(lambda _checked=False, kind=kind: self.open_business(kind))
        action.setEnabled(False)  # on at attach()
        self._needs_store.append(action)
        self.business_bar.insertAction(self._businesses_end, action)
        self.menu_business.addAction(action)
        self.business_actions[kind] = action
        self.business_titles[kind] = (short, title)
        return action

    # -- the desk's work, named on the window (actions, the station menu, tests) -------------
    def _desk(self) -> Desk:
        self.complete()
        assert self.desk is not None
        return self.desk

    @property
    def form(self) -> BusinessForm | None:
        """The open business wizard."""
        return self.desk.form if self.desk is not None else None

    @property
    def card(self) -> Any:
        return self.desk.card if self.desk is not None else None

    @property
    def printer(self) -> PrintController:
        return self._desk().printer

    @property
    def idle_lock(self) -> Any:
        return self.desk.idle_lock if self.desk is not None else None

    @property
    def background_sync(self) -> Any:
        return self.desk.background_sync if self.desk is not None else None

    def open_business(self, kind: str, prefill: dict[str, Any] | None = None) -> BusinessForm:
        return self._desk().open_business(kind, prefill)

    def show_card(self, kind: str, key: str) -> None:
        self._desk().show_card(kind, key)

    def show_home(self) -> None:
        self._desk().show_home()

    def refresh_home(self) -> None:
        self._desk().refresh_home()

    def show_records(self) -> None:
        self._desk().show_records()

    def sync_now(self) -> None:
        self._desk().sync_now()

    def start_background_sync(self) -> None:
        self._desk().start_background_sync()

    def _leave_form(self) -> None:
        if self.desk is not None:
            self.desk.leave_form()

    # -- language, closing ------------------------------------------------------------------
    def retranslate(self) -> None:
        """The language changed (the desk watches for it): Designer texts, catalog texts, and the desk
        (the wizard kept as typed)."""
        self.retranslateUi(self)
        for number, (kind, action) in enumerate(self.business_actions.items(), start=1):
            short, title = self.business_titles[kind]
            action.setText(catalog_text(short))
            action.setToolTip(business_tooltip(catalog_text(title), business_shortcut(number)))
        if self.status.last is not None:
            self.status.show(self.status.last)
        if self.desk is not None:
            self.desk.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_business_bar()

    def fit_business_bar(self) -> None:
        """Every button of the left bar on screen: where the roomy buttons would not fit (24 of them at
        1366×768), a compact style instead of Qt's overflow arrow hiding the 站务 pages."""
        bar = self.business_bar
        shown = [a for a in bar.actions() if a.isVisible()]
        separators = sum(1 for a in shown if a.isSeparator())
        if self._roomy_button is None:
            first = next((bar.widgetForAction(a) for a in shown if not a.isSeparator()), None)
            if first is None:
                return
            self._roomy_button = first.sizeHint().height()
        room = self.height() - self.menuBar().height() - self.statusBar().height() - 16
        compact = (len(shown) - separators) * self._roomy_button + separators * 10 > room
        if compact != bool(bar.property("compact")):
            bar.setProperty("compact", compact)
            bar.setStyleSheet(COMPACT_BAR if compact else "")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.desk is not None:
            self.desk.close()  # drafts saved, work in flight finished, the store closed
        elif self.counter is not None:
            self.counter.close()
        super().closeEvent(event)
