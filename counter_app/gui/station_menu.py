"""The 站务 menu (station operations): its actions and left-bar buttons; each page is made on first use."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from counter_app.gui.cases import CasesPage
from counter_app.gui.customer_screen import CustomerScreen, CustomerScreenLink
from counter_app.gui.daily_close import DailyClosePage
from counter_app.gui.dashboard import DashboardPage
from counter_app.gui.i18n import _t
from counter_app.gui.letters_print import LettersPrintDialog
from counter_app.gui.overdue_page import OverduePage
from counter_app.gui.station_pages import ComplaintsPage, CoveragePage, DeferralsPage

PAGES: tuple[tuple[str, str, type[QWidget]], ...] = (  # action name, menu text, page class
    ("action_station_coverage", QT_TR_NOOP("扩面"), CoveragePage),
    ("action_station_cases", QT_TR_NOOP("建制执法"), CasesPage),
    ("action_station_complaints", QT_TR_NOOP("投诉"), ComplaintsPage),
    ("action_station_deferrals", QT_TR_NOOP("缓缴跟踪"), DeferralsPage),
    ("action_station_close", QT_TR_NOOP("日结"), DailyClosePage),
    ("action_station_dashboard", QT_TR_NOOP("统计"), DashboardPage),
    ("action_station_overdue", QT_TR_NOOP("逾期催收"), OverduePage),
)


class StationMenu(QObject):
    """The 站务 section of the window: its actions, pages made on first use, the customer screen."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)  # language changes and closing reach the section too
        self.pages: dict[str, QWidget] = {}
        self.menu = QMenu(_t("站务(&S)"), window)
        self.menu.setObjectName("menu_station")
        window.menuBar().insertMenu(window.menu_tools.menuAction(), self.menu)
        window.business_bar.addSeparator()
        self.actions: list[QAction] = []
        for name, text, _factory in PAGES:
            action = QAction(_t(text), window)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False, n=name: self.show(n))
            self.menu.addAction(action)
            window.business_bar.addAction(action)
            self.actions.append(action)
        self.menu.addSeparator()
        self.screen_action = QAction(_t("客户屏（服务评价）"), window)
        self.screen_action.setObjectName("action_customer_screen")
        self.screen_action.setCheckable(True)
        self.screen_action.toggled.connect(self.toggle_screen)
        self.menu.addAction(self.screen_action)
        self.actions.append(self.screen_action)
        self.letters_action = QAction(_t("批量打印信函(&L)…"), window)
        self.letters_action.setObjectName("action_print_letters")
        self.letters_action.triggered.connect(self.print_letters)
        self.menu.addAction(self.letters_action)
        self.actions.append(self.letters_action)
        self.screen: Any = None
        self.link: Any = None

    def show(self, name: str) -> QWidget:
        """Open the page of the action ``name`` (made on first use), refreshed."""
        page = self.pages.get(name)
        if page is None:
            cls = next(factory for n, _t_, factory in PAGES if n == name)
            page = cls(self.window.counter, self.window.pages)  # type: ignore[call-arg]
            page.setObjectName(name.replace("action_", "page_"))
            self.window.pages.addWidget(page)
            self.pages[name] = page
        self.window._leave_form()  # the open business keeps its draft, as with 查询
        page.counter = self.window.counter
        page.refresh()
        self.window.pages.setCurrentWidget(page)
        page.setFocus()
        return page

    def print_letters(self) -> Any:
        """The batch-letters dialog (made on use: the print service loads only then)."""
        dialog = LettersPrintDialog(self.window.counter, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def toggle_screen(self, on: bool) -> None:
        if on and self.screen is None:
            self.screen = CustomerScreen()
            self.link = CustomerScreenLink(self.window, self.screen)
        if self.screen is None:
            return
        if on:
            self.screen.place_on_second_screen()
        else:
            self.screen.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Close and self.screen is not None:
                self.screen.close()
        return False

    def retranslate(self) -> None:
        self.menu.setTitle(_t("站务(&S)"))
        for action, (_name, text, _f) in zip(self.actions, PAGES):
            action.setText(_t(text))
        self.screen_action.setText(_t("客户屏（服务评价）"))
        self.letters_action.setText(_t("批量打印信函(&L)…"))


def install_station_menu(window: Any) -> list[QAction]:
    """Add the 站务 menu and its left-bar buttons to ``window`` (kept as ``window.station``);
    returns the actions that need the store."""
    window.station = StationMenu(window)
    return list(window.station.actions)
