"""The counter window: business menu, one search box, the current business, status bar (主窗口).

The window is built in two steps so that it paints as soon as possible: the shell (business bar,
search box, menus, status bar) before the first paint, the rest (search list, records page, 站务
menu, models) in ``complete()`` right after. Nothing before the first paint touches PySide6's
``Qt`` namespace: building its ~100 Python enum classes costs ~40 ms, a third of a bare start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from counter_app.domain.catalog import BUSINESSES, business
from counter_app.gui.forms.ui_main_window import Ui_MainWindow
from counter_app.gui.i18n import _t, catalog_text, moment
from counter_app.gui.lazy import services
from counter_app.gui.status import StatusPanel

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QCloseEvent


# Set in ``complete()``: assigning a shortcut makes PySide6 build the ``Qt`` namespace.
SHORTCUTS = {
    "action_search": ("Ctrl+F", "F3"), "action_records": ("Ctrl+Q",), "action_print": ("Ctrl+P",),
    "action_sync": ("F5",), "action_home": ("Ctrl+H",), "action_settings": ("Ctrl+,",),
    "action_quit": ("Ctrl+Shift+Q",), "action_shortcuts": ("F1",),
}


class MainWindow(QMainWindow, Ui_MainWindow):
    """One clerk's window on one counter; ``counter`` is the services' station session."""

    def __init__(self, counter: Any, settings: QSettings, parent: QWidget | None = None, *,
                 complete: bool = True) -> None:
        """``counter`` None builds the window without a store; ``attach(counter)`` when it is open.

        ``complete=False`` builds the shell only (the start path); ``complete()`` adds the rest.
        """
        super().__init__(parent)
        self._completed = False  # read by changeEvent, which setupUi already triggers
        self.setupUi(self)
        self.counter, self.settings = counter, settings
        self.form: Any = None  # the open BusinessForm
        self.card: QWidget | None = None
        self.idle_lock: Any = None  # the screen lock, once a store with clerk accounts is attached
        self.background_sync: Any = None  # the sync thread, once a centre is configured
        self._printer: Any = None
        # A vertical bar of text buttons, set by property name: the enum values would need ``Qt``.
        self.business_bar.setProperty("orientation", "Vertical")
        self.business_bar.setProperty("toolButtonStyle", "ToolButtonTextOnly")
        self.business_actions = self._business_actions()
        self.status = StatusPanel(None, self.statusbar, self)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._needs_store = [*self.business_actions.values(), self.action_records, self.action_print,
                             self.action_sync, self.action_home]
        for action in self._needs_store:
            action.setEnabled(False)
        self.drafts_label.hide()  # shown by refresh_home when there are drafts
        self.drafts_view.hide()
        if complete:
            self.complete()
        if counter is not None:
            self.attach(counter)

    def complete(self) -> None:
        """The parts the first paint does without: search list, records page, 站务 menu, wiring."""
        if self._completed:
            return
        self._completed = True
        from PySide6.QtGui import QKeySequence, QStandardItemModel
        from PySide6.QtWidgets import QAbstractItemView

        from counter_app.gui.records import RecordsModel, RecordsPage
        from counter_app.gui.search import SearchController
        from counter_app.gui.station_menu import install_station_menu

        for name, keys in SHORTCUTS.items():
            getattr(self, name).setShortcuts([QKeySequence(key) for key in keys])
        for number, action in enumerate(self.business_actions.values(), start=1):
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        self.search = SearchController(self.counter, self.search_box, self)
        self.search.opened.connect(self.show_card)
        self.records = RecordsPage(self.counter, self)
        self.records.print_requested.connect(lambda document, number: self.printer.request(document, number))
        self.records_layout.addWidget(self.records)
        self.recent_model = RecordsModel(self)
        self.recent_view.setModel(self.recent_model)
        self.drafts_model = QStandardItemModel(self)
        self.drafts_view.setModel(self.drafts_model)
        for view in (self.drafts_view, self.recent_view):
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recent_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent_view.setAlternatingRowColors(True)
        self._wire()
        station_actions = install_station_menu(self)  # 站务: coverage, cases, complaints, deferrals, close, statistics
        self._needs_store += station_actions
        for action in station_actions:
            action.setEnabled(self.counter is not None)

    def attach(self, counter: Any) -> None:
        """The store is open: everything that needs it starts working."""
        self.complete()
        self.counter = self.search.counter = self.records.counter = counter
        if self._printer is not None:
            self._printer.counter = counter
        self.status.attach(counter)
        for action in self._needs_store:
            action.setEnabled(True)
        from counter_app.gui.lock import install_idle_lock

        self.idle_lock = install_idle_lock(self, counter)  # None on a station without clerk accounts
        if self.idle_lock is not None:
            self.menu_tools.insertAction(self.action_quit, self.idle_lock.action)
            self.idle_lock.unlocked.connect(self.status.refresh)  # a supervisor may have taken over
        self.start_background_sync()
        self.show_home()

    def start_background_sync(self) -> None:
        """With a centre configured, sync every minute in the background (backing off offline)."""
        if self.background_sync is not None or self.counter is None:
            return
        status = services.station_status(self.counter)
        if status.connection == "not_configured":
            return
        from counter_app.gui.background_sync import BackgroundSync

        self.background_sync = BackgroundSync(self.counter, self)
        self.background_sync.round_done.connect(lambda _report, _error: self.status.refresh())
        self.background_sync.start()

    @property
    def printer(self) -> Any:
        """The PrintController, made on first use (QtPdf and printing load only when needed)."""
        if self._printer is None:
            from counter_app.gui.printing import PrintController

            self._printer = PrintController(self.counter, self.settings, self)
        return self._printer

    # -- actions ----------------------------------------------------------------------------
    def _business_actions(self) -> dict[str, QAction]:
        """One action per catalog business (``action_<kind>``); Ctrl+1…Ctrl+6 in catalog order follow."""
        actions: dict[str, QAction] = {}
        first_fixed = self.action_records
        for number, spec in enumerate(BUSINESSES.values(), start=1):
            action = QAction(catalog_text(spec.short), self)
            action.setObjectName(spec.action_name)
            action.setToolTip(f"{catalog_text(spec.title)}（Ctrl+{number}）")
            action.setStatusTip(catalog_text(spec.title))
            action.triggered.connect(lambda _checked=False, kind=spec.kind: self.open_business(kind))
            self.business_bar.insertAction(first_fixed, action)
            self.menu_business.addAction(action)
            actions[spec.kind] = action
        self.business_bar.insertSeparator(first_fixed)
        return actions

    def _wire(self) -> None:
        self.action_search.triggered.connect(self.search.focus)
        self.addAction(self.action_search)
        self.action_home.triggered.connect(self.show_home)
        self.action_records.triggered.connect(self.show_records)
        self.action_print.triggered.connect(lambda: self.printer.ask_reprint())
        self.action_sync.triggered.connect(self.sync_now)
        self.action_settings.triggered.connect(self.open_settings)
        self.action_station_settings = QAction(_t("站点设置(&S)…"), self)
        self.action_station_settings.setObjectName("action_station_settings")
        for menu in self.menuBar().findChildren(QMenu):
            if self.action_settings in menu.actions():
                menu.insertAction(self.action_settings, self.action_station_settings)
        self.action_station_settings.triggered.connect(self.open_station_settings)
        self.action_quit.triggered.connect(self.close)
        self.action_shortcuts.triggered.connect(self.show_shortcuts)
        self.action_about.triggered.connect(self.show_about)
        self.pages.currentChanged.connect(lambda _index: self.search.hide())
        self.drafts_view.activated.connect(self._resume_draft)
        self.recent_view.activated.connect(
            lambda index: self.printer.request("receipt", self.recent_model.record(index.row()).receipt_number))

    # -- pages ------------------------------------------------------------------------------
    def show_home(self) -> None:
        self._leave_form()
        self.refresh_home()
        self.pages.setCurrentWidget(self.home_page)
        (self.drafts_view if self.drafts_model.rowCount() else self.search_box).setFocus()

    def refresh_home(self) -> None:
        from PySide6.QtGui import QStandardItem

        self.drafts_model.clear()
        for draft in services.list_drafts(self.counter):
            spec = business(draft.kind)
            subject = draft.fields.get(spec.subject_field) or ""
            name = draft.fields.get("name") or draft.fields.get("employer_name") or ""
            item = QStandardItem(f"{catalog_text(spec.short)}　{subject} {name}　{_t('保存于')} {moment(draft.updated_at)}")
            item.setData(draft.kind, kind_role())
            item.setEditable(False)
            self.drafts_model.appendRow(item)
        self.drafts_label.setVisible(self.drafts_model.rowCount() > 0)
        self.drafts_view.setVisible(self.drafts_model.rowCount() > 0)
        self.recent_model.set_records(services.list_records(self.counter, limit=20))
        self.recent_view.resizeColumnsToContents()

    def _resume_draft(self, index: Any) -> None:
        self.open_business(index.data(kind_role()))

    def show_records(self) -> None:
        self._leave_form()
        self.records.refresh()
        self.pages.setCurrentWidget(self.records_page)
        self.records.setFocus()

    def show_card(self, kind: str, key: str) -> None:
        """The card of a worker (ID number) or an employer (USCC) found by the search box."""
        from counter_app.gui.card import make_card

        self._leave_form()
        if self.card is not None:
            self.card.setParent(None)
            self.card.deleteLater()
        self.card = make_card(self.counter, kind, key, self)
        if self.card is None:
            self.statusbar.showMessage(_t("未找到该记录"), 5000)
            return
        self.card.business_requested.connect(self.open_business)
        self.card_layout.addWidget(self.card)
        self.pages.setCurrentWidget(self.card_page)
        self.card.setFocus()

    # -- the current business ---------------------------------------------------------------
    def open_business(self, kind: str, prefill: dict[str, Any] | None = None) -> Any:
        """Show the wizard of ``kind``: its draft comes back; ``prefill`` sets fields (from a card)."""
        from counter_app.gui.wizard import BusinessForm

        if self.form is None or self.form.spec.kind != kind:
            self._leave_form()
            self.form = BusinessForm(self.counter, business(kind), self.business_page, extra=self._extra_panel(kind))
            self.form.closed.connect(self.show_home)
            self.form.submitted.connect(lambda _result: self.status.refresh())
            self.form.print_requested.connect(self.printer.request_for(kind))
            self.business_layout.addWidget(self.form)
            self.form.restore_draft()
        if prefill:
            self.form.set_values({**self.form.values(), **prefill})
            for key in prefill:
                self.form.field_committed(key)
        self.pages.setCurrentWidget(self.business_page)
        self.form.first_input().setFocus()
        return self.form

    def _extra_panel(self, kind: str) -> Any:
        """The side panel the business names (``BusinessSpec.side_panel``), built beside its form."""
        name = business(kind).side_panel
        if name is None:
            return None
        from counter_app.gui.loan_panel import LoanPanel
        from counter_app.gui.prepay_panel import PrepayPanel

        panels = {"loan": LoanPanel, "prepay": PrepayPanel}
        return lambda form: panels[name](self.counter, form)

    def _leave_form(self) -> None:
        """Take the current wizard down; what was typed stays as its draft."""
        if self.form is None:
            return
        if self.form.has_input():
            self.form.save_draft()
        form, self.form = self.form, None
        form.setParent(None)  # out of the widget tree now, so findChild() sees one wizard only
        form.deleteLater()

    # -- sync, settings, help ---------------------------------------------------------------
    def sync_now(self) -> None:
        """同步 (F5): one round now, off the GUI thread; the background runner keeps its rhythm."""
        if self.status.last is not None and self.status.last.connection == "not_configured":
            self.statusbar.showMessage(_t("未配置中心：请在“站点设置”中连接管理中心"), 8000)
            return
        self.action_sync.setEnabled(False)
        self.statusbar.showMessage(_t("正在同步…"))

        def done(report: Any) -> None:
            self.action_sync.setEnabled(True)
            self.statusbar.showMessage(_t("同步完成：") + services.sync.summary(report), 8000)
            self.status.refresh()
            self.start_background_sync()  # a centre connected since the window opened

        def failed(exc: BaseException) -> None:
            self.action_sync.setEnabled(True)
            reason = getattr(exc, "message", None) or str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            self.statusbar.showMessage(_t("同步失败，数据仍在本机待上传：") + reason, 10000)
            self.status.refresh()

        from counter_app.gui.operations import Operation

        Operation(lambda _p: services.sync.sync_now(self.counter), success=done, failure=failed).run(key="sync")

    def open_settings(self) -> None:
        from counter_app.gui.settings_dialog import SettingsDialog

        SettingsDialog(self.settings, self).open()

    def open_station_settings(self) -> None:
        """Station code, terminal, centre connection and backups (站点设置)."""
        from counter_app.gui.station_settings import StationSettingsDialog

        StationSettingsDialog(self.counter, self.settings, parent=self).open()

    def show_shortcuts(self) -> None:
        from PySide6.QtGui import QKeySequence
        from PySide6.QtWidgets import QMessageBox

        lines = [f"{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}\t{a.text()}"
                 for a in self.findChildren(QAction) if not a.shortcut().isEmpty()]
        lines += ["Enter\t" + _t("下一项"), "Ctrl+Enter\t" + _t("提交"), "Esc\t" + _t("取消（有输入时先确认）"),
                  "Ctrl+N\t" + _t("打印一次性告知单")]
        QMessageBox.information(self, _t("快捷键一览"), "\n".join(lines))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from counter_app import __version__

        QMessageBox.about(self, _t("关于"), _t("住房公积金乡镇服务站窗口系统") + f" {__version__}")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if self._completed:  # QEvent's ~180 enum members are built after the first paint, not before
            from PySide6.QtCore import QEvent

            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The language changed: Designer texts, catalog texts, and the open wizard (kept as typed)."""
        self.retranslateUi(self)
        for number, (kind, action) in enumerate(self.business_actions.items(), start=1):
            spec = business(kind)
            action.setText(catalog_text(spec.short))
            action.setToolTip(f"{catalog_text(spec.title)}（Ctrl+{number}）")
        if self.status.last is not None:
            self.status.show(self.status.last)
        if not self._completed:
            return
        from PySide6.QtCore import Qt

        self.recent_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.recent_model.columnCount() - 1)
        if self.form is not None and self.pages.currentWidget() is self.business_page:
            kind = self.form.spec.kind
            self._leave_form()  # saves the draft …
            self.open_business(kind)  # … and the rebuilt wizard restores it

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.form is not None and self.form.has_input():
            self.form.save_draft()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.status.stop()
        if self.background_sync is not None:
            self.background_sync.stop()
        if self.idle_lock is not None:
            from counter_app.services import clerks

            self.idle_lock.stop()
            clerks.logout(self.counter)  # the log shows when the clerk left
        from counter_app.gui.operations import runner

        runner().wait_for_done(10_000)  # nothing of ours still uses the store
        if self.counter is not None:
            self.counter.close()
        super().closeEvent(event)


def kind_role() -> int:
    """The item role of a draft's business kind."""
    from PySide6.QtCore import Qt

    return Qt.ItemDataRole.UserRole
