"""The counter desk: everything of the main window that works with the store (柜台工作区).

Search list, home lists (drafts, recent applications), records page, business wizards and cards,
printing, sync, the screen lock and the 站务 menu. The window (``main_window``) paints its shell
first and adds the desk in ``complete()``; the parts a reader or a test looks for are also named
on the window (``window.search``, ``window.records``, ``window.drafts_model`` …).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QMenu, QMessageBox

from counter_app import __version__, services
from counter_app.domain.catalog import BUSINESSES, business
from counter_app.gui.autosave import DraftWriter
from counter_app.gui.background_sync import BackgroundSync
from counter_app.gui.card import CardView, card_view, read_card
from counter_app.gui.fields import MaterialsList
from counter_app.gui.formats import moment
from counter_app.gui.i18n import _t, catalog_text
from counter_app.gui.loan_panel import LoanPanel
from counter_app.gui.lock import IdleLock, install_idle_lock
from counter_app.gui.operations import Operation, runner
from counter_app.gui.prepay_panel import PrepayPanel, SettlePanel
from counter_app.gui.printing import PrintController
from counter_app.gui.records import RecordsModel, RecordsPage
from counter_app.gui.search import SearchController
from counter_app.gui.settings_dialog import READER_KEY, SettingsDialog
from counter_app.gui.station_menu import install_station_menu
from counter_app.gui.station_settings import StationSettingsDialog
from counter_app.gui.wizard import BusinessForm
from counter_app.services import clerks, sync

if TYPE_CHECKING:
    from counter_app.gui.main_window import MainWindow

SHORTCUTS = {
    "action_search": ("Ctrl+F", "F3"), "action_records": ("Ctrl+Q",), "action_print": ("Ctrl+P",),
    "action_sync": ("F5",), "action_home": ("Ctrl+H",), "action_settings": ("Ctrl+,",),
    "action_quit": ("Ctrl+Shift+Q",), "action_shortcuts": ("F1",),
}
STATUS_MS = 10_000
SCAN_DELAY_MS = 3000  # the whole-file integrity check starts once the clerk's first screen is up
# The side panels a business may name (BusinessSpec.side_panel).
PANELS = {"loan": LoanPanel, "prepay": PrepayPanel, "settle": SettlePanel}
KIND_ROLE = Qt.ItemDataRole.UserRole  # a draft's business kind in the home list


class Desk(QObject):
    """The working parts of one window; ``attach(counter)`` once the store is open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = w = window
        self.counter: services.Counter | None = window.counter
        self.form: BusinessForm | None = None
        self.card: CardView | None = None
        self.card_loading = False  # a search hit's card is being read (the page turns to it once read)
        self._card_request: object | None = None  # the latest card asked for; any other answer is stale
        self.idle_lock: IdleLock | None = None
        self.background_sync: BackgroundSync | None = None
        self.drafts: dict[str, DraftWriter] = {}  # one writer per kind: a reopened wizard reads after it
        for name, keys in SHORTCUTS.items():
            getattr(w, name).setShortcuts([QKeySequence(key) for key in keys])
        for spec in BUSINESSES.values():  # registered at run time, so not in the generated bar
            if spec.kind not in w.business_actions:
                w.add_business(spec.kind, spec.action_name, spec.short, spec.title)
        for action in w.business_actions.values():  # Ctrl+1…9, then Ctrl+Alt+1…9 (main_window.business_shortcut)
            if action.property("shortcut_keys"):
                action.setShortcut(QKeySequence(action.property("shortcut_keys")))
        self.search = w.search = SearchController(self.counter, w.search_box, w)
        self.search.opened.connect(self.show_card)
        self.records = w.records = RecordsPage(self.counter, w)
        self.records.print_requested.connect(lambda document, number: self.printer.request(document, number))
        w.records_layout.addWidget(self.records)
        self.printer = PrintController(self.counter, w.settings, w)
        self.recent_model = w.recent_model = RecordsModel(self)
        w.recent_view.setModel(self.recent_model)
        self.drafts_model = w.drafts_model = QStandardItemModel(self)
        w.drafts_view.setModel(self.drafts_model)
        for view in (w.drafts_view, w.recent_view):
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        w.recent_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        w.recent_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        w.recent_view.setAlternatingRowColors(True)
        self._status_timer = QTimer(self, interval=STATUS_MS, timeout=self.refresh_status)
        self._wire()
        w.installEventFilter(self)  # the language changes: the window retranslates
        station_actions = install_station_menu(w)  # 站务: coverage, cases, complaints, deferrals, close, statistics
        w._needs_store += station_actions
        for action in station_actions:
            action.setEnabled(self.counter is not None)

    def _wire(self) -> None:
        w = self.window
        w.action_search.triggered.connect(self.search.focus)
        w.addAction(w.action_search)
        w.action_home.triggered.connect(self.show_home)
        w.action_records.triggered.connect(self.show_records)
        w.action_print.triggered.connect(lambda: self.printer.ask_reprint())
        w.action_sync.triggered.connect(self.sync_now)
        w.action_settings.triggered.connect(self.open_settings)
        w.action_station_settings = QAction(_t("站点设置(&S)…"), w)
        w.action_station_settings.setObjectName("action_station_settings")
        for menu in w.menuBar().findChildren(QMenu):
            if w.action_settings in menu.actions():
                menu.insertAction(w.action_settings, w.action_station_settings)
        w.action_station_settings.triggered.connect(self.open_station_settings)
        w.action_quit.triggered.connect(w.close)
        w.action_shortcuts.triggered.connect(self.show_shortcuts)
        w.action_about.triggered.connect(self.show_about)
        w.pages.currentChanged.connect(lambda _index: self.search.hide())
        w.drafts_view.activated.connect(lambda index: self.open_business(index.data(KIND_ROLE)))
        w.recent_view.activated.connect(
            lambda index: self.printer.request("receipt", self.recent_model.record(index.row()).receipt_number))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.window.retranslate()
        return False

    def attach(self, counter: services.Counter, staffed: bool | None = None) -> None:
        """The store is open: everything that needs it starts working."""
        self.counter = self.search.counter = self.records.counter = self.printer.counter = counter
        self.refresh_status()
        self._status_timer.start()
        # None on a station without clerk accounts
        self.idle_lock = install_idle_lock(self.window, counter, staffed=staffed)
        if self.idle_lock is not None:
            self.window.menu_tools.insertAction(self.window.action_quit, self.idle_lock.action)
            self.idle_lock.unlocked.connect(self.refresh_status)  # a supervisor may have taken over
        self.start_background_sync()
        self.show_home()
        QTimer.singleShot(SCAN_DELAY_MS, self.check_store)

    def check_store(self) -> None:
        """The whole store file checked off the GUI thread (the open checked only the station's own
        tables): damage found stops business at once, with what to do."""
        counter = self.counter
        if counter is None:
            return
        Operation(lambda _p: services.store_damage(counter), success=self._store_checked, owner=self).run(
            key="store_scan")

    def _store_checked(self, damage: str | None) -> None:
        if damage is None:
            return
        box = QMessageBox(QMessageBox.Icon.Critical, _t("数据文件已损坏"), damage, parent=self.window)
        box.setObjectName("store_damaged")
        box.open()  # window-modal, not blocking: the clerk reads it; the store takes no more writes
        self.window.statusbar.showMessage(_t("本机数据文件已损坏，已停止办理新业务：请从备份恢复"))

    def refresh_status(self) -> None:
        """The status bar's figures, read off the GUI thread."""
        counter = self.counter
        if counter is None:
            return
        Operation(lambda _p: services.station_status(counter), success=self.window.status.show,
                  failure=self.window.status.unknown, owner=self).run(key="station_status")

    def start_background_sync(self) -> None:
        """With a centre configured, sync every minute in the background (backing off offline)."""
        counter = self.counter
        if self.background_sync is not None or counter is None:
            return

        def started(status: services.StationStatus) -> None:
            if status.connection == "not_configured" or self.background_sync is not None:
                return
            self.background_sync = BackgroundSync(counter, self)
            self.background_sync.round_done.connect(lambda _report, _error: self.refresh_status())
            self.background_sync.start()

        Operation(lambda _p: services.station_status(counter), success=started, owner=self).run()

    def writer(self, kind: str) -> DraftWriter:
        assert self.counter is not None
        if kind not in self.drafts:
            self.drafts[kind] = DraftWriter(self.counter, kind)
        return self.drafts[kind]

    # -- pages ------------------------------------------------------------------------------
    def show_home(self) -> None:
        self._drop_pending_card()
        self.leave_form()
        self.refresh_home()
        self.window.pages.setCurrentWidget(self.window.home_page)
        self.window.search_box.setFocus()

    def refresh_home(self) -> None:
        """This clerk's drafts and the latest applications, read once the drafts asked for are written."""
        counter, writers = self.counter, list(self.drafts.values())
        if counter is None:
            return

        def op(_p: Any) -> tuple[list[Any], list[Any]]:
            for writer in writers:
                writer.wait_idle()
            return services.list_drafts(counter), services.list_records(counter, limit=20)

        Operation(op, success=self._show_home_lists, owner=self).run(key="home")

    def _show_home_lists(self, lists: tuple[list[Any], list[Any]]) -> None:
        drafts, recent = lists
        w = self.window
        self.drafts_model.clear()
        for draft in drafts:
            spec = business(draft.kind)
            subject = draft.fields.get(spec.subject_field) or ""
            name = draft.fields.get("name") or draft.fields.get("employer_name") or ""
            item = QStandardItem(f"{catalog_text(spec.short)}　{subject} {name}　{_t('保存于')} {moment(draft.updated_at)}")
            item.setData(draft.kind, KIND_ROLE)
            item.setEditable(False)
            self.drafts_model.appendRow(item)
        w.drafts_label.setVisible(bool(drafts))
        w.drafts_view.setVisible(bool(drafts))
        self.recent_model.set_records(recent)
        w.recent_view.resizeColumnsToContents()
        if drafts and w.pages.currentWidget() is w.home_page and w.focusWidget() in (None, w.search_box) \
                and not w.search_box.text():
            w.drafts_view.setFocus()  # a draft waiting is the likeliest next step

    def show_records(self) -> None:
        self._drop_pending_card()
        self.leave_form()
        self.records.refresh()
        self.window.pages.setCurrentWidget(self.window.records_page)
        self.records.setFocus()

    def show_card(self, kind: str, key: str) -> None:
        """The card of a worker (ID number) or an employer (USCC) found by the search box.

        Read on the runner (the look-up is audited, a write); meanwhile the status bar says so and the
        screen stays as it was. Once read, the page turns to the card and the focus goes to it, unless the
        clerk went somewhere else meanwhile (home, records, a business, another card)."""
        counter = self.counter
        if counter is None:
            return
        request = self._card_request = object()
        self.card_loading = True
        self.window.statusbar.showMessage(_t("正在读取信息卡…"))

        def read(_p: Any) -> Any:
            return read_card(counter, kind, key)

        Operation(read, success=lambda card: self._card_read(request, card),
                  failure=lambda exc: self._card_failed(request, exc), owner=self).run(key="card")

    def _drop_pending_card(self) -> None:
        """The clerk went elsewhere: a card still being read is not shown."""
        if self._card_request is not None:
            self._card_request = None
            self.card_loading = False
            self._clear_loading_message()

    def _clear_loading_message(self) -> None:
        bar = self.window.statusbar
        if bar.currentMessage() == _t("正在读取信息卡…"):
            bar.clearMessage()

    def _card_read(self, request: object, card: Any) -> None:
        if request is not self._card_request:
            return  # superseded, or the clerk went elsewhere
        self._card_request = None
        self.card_loading = False
        self._clear_loading_message()
        w = self.window
        if card is None:
            w.statusbar.showMessage(_t("未找到该记录"), 5000)
            return
        self.leave_form()
        if self.card is not None:
            self.card.setParent(None)
            self.card.deleteLater()
        self.card = card_view(self.counter, card, w)
        self.card.business_requested.connect(self.open_business)
        self.card.print_requested.connect(lambda document, argument: self.printer.request(document, argument))
        w.card_layout.addWidget(self.card)
        w.pages.setCurrentWidget(w.card_page)
        self.card.setFocus()

    def _card_failed(self, request: object, exc: BaseException) -> None:
        if request is not self._card_request:
            return
        self._card_request = None
        self.card_loading = False
        reason = getattr(exc, "message", None) or (str(exc).strip().splitlines() or [""])[0]
        self.window.statusbar.showMessage(_t("未能读取信息卡：") + reason, 10000)

    # -- the current business ---------------------------------------------------------------
    def open_business(self, kind: str, prefill: dict[str, Any] | None = None) -> BusinessForm:
        """Show the wizard of ``kind``: its draft comes back; ``prefill`` sets fields (from a card)."""
        assert self.counter is not None
        self._drop_pending_card()
        w = self.window
        if prefill is None and self.card is not None and w.pages.currentWidget() is w.card_page:
            prefill = self.card.prefill(kind)  # Ctrl+number from a card: as the card's own button
        if self.form is None or self.form.spec.kind != kind:
            self.leave_form()
            panel = PANELS.get(business(kind).side_panel or "")
            extra = (lambda form: panel(self.counter, form)) if panel is not None else None
            self.form = BusinessForm(self.counter, business(kind), w.business_page, extra=extra,
                                     drafts=self.writer(kind))
            if self.form.card_reader is not None:  # the PC's reader (设置), read at each 读卡
                self.form.card_reader.setting = lambda: w.settings.value(READER_KEY)
            self.form.closed.connect(self.show_home)
            self.form.submitted.connect(lambda _result: self.refresh_status())
            self.form.print_requested.connect(self.printer.request_for(kind))
            w.business_layout.addWidget(self.form)
            self.form.restore_draft()
        if prefill:
            self.form.set_values({**self.form.values(), **prefill})
            for key in prefill:
                self.form.touched.add(key)
        w.pages.setCurrentWidget(w.business_page)
        self.form.first_input().setFocus()
        return self.form

    def leave_form(self) -> None:
        """Take the current wizard down: what was typed stays as its draft; a submit still running
        finishes and is reported in the status bar."""
        if self.form is None:
            return
        form, self.form = self.form, None
        form.retire(late_submit=self._late_submit)
        form.setParent(None)  # out of the widget tree now, so findChild() sees one wizard only
        form.deleteLater()

    def _late_submit(self, result: services.SubmitResult) -> None:
        bar = self.window.statusbar
        if result.ok:
            bar.showMessage(_t("已受理，受理编号：") + (result.receipt_number or ""), 15000)
            self.refresh_status()
        else:
            bar.showMessage(_t("未能受理，录入内容已存为草稿：") + "；".join(e.message for e in result.errors), 15000)

    # -- sync, settings, help ---------------------------------------------------------------
    def sync_now(self) -> None:
        """同步 (F5): one round now, off the GUI thread; the background runner keeps its rhythm."""
        w = self.window
        if w.status.last is not None and w.status.last.connection == "not_configured":
            w.statusbar.showMessage(_t("未配置中心：请在“站点设置”中连接管理中心"), 8000)
            return
        w.action_sync.setEnabled(False)
        w.statusbar.showMessage(_t("正在同步…"))
        counter = self.counter

        def done(report: Any) -> None:
            w.action_sync.setEnabled(True)
            w.statusbar.showMessage(_t("同步完成：") + sync.summary(report), 8000)
            self.refresh_status()
            self.start_background_sync()  # a centre connected since the window opened

        def failed(exc: BaseException) -> None:
            w.action_sync.setEnabled(True)
            reason = getattr(exc, "message", None) or str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            w.statusbar.showMessage(_t("同步失败，数据仍在本机待上传：") + reason, 10000)
            self.refresh_status()

        Operation(lambda _p: sync.sync_now(counter), success=done, failure=failed, owner=self).run(key="sync")

    def open_settings(self) -> None:
        SettingsDialog(self.window.settings, self.window).open()

    def open_station_settings(self) -> None:
        """Station code, terminal, centre connection and backups (站点设置)."""
        StationSettingsDialog(self.counter, self.window.settings, parent=self.window).open()

    def show_shortcuts(self) -> None:
        lines = [f"{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}\t{a.text()}"
                 for a in self.window.findChildren(QAction) if not a.shortcut().isEmpty()]
        lines += ["Enter\t" + _t("下一个待填项（跳过已填写、选填和按证件号码填写的项）"),
                  "Tab\t" + _t("下一项（跳过按证件号码填写的项）"),
                  "Shift+Tab\t" + _t("上一项"), "F2\t" + _t("修改已预填的项"), "Ctrl+Enter\t" + _t("提交"),
                  "F7\t" + _t("材料已全部收齐（勾选全部材料）"), "F9\t" + _t("填入本次最多可提取或可贷的金额"),
                  "Esc\t" + _t("取消（有输入时先确认）"), "Ctrl+N\t" + _t("打印一次性告知单"),
                  "F8\t" + _t("读身份证"),
                  _t("材料清单") + "\t" + _t(MaterialsList.KEYS_HINT)]
        QMessageBox.information(self.window, _t("快捷键一览"), "\n".join(lines))

    def show_about(self) -> None:
        QMessageBox.about(self.window, _t("关于"), _t("住房公积金乡镇服务站窗口系统") + f" {__version__}")

    def retranslate(self) -> None:
        w = self.window
        self.recent_model.retranslate()
        if self.form is not None and w.pages.currentWidget() is w.business_page:
            kind = self.form.spec.kind
            self.leave_form()  # saves the draft …
            self.open_business(kind)  # … and the rebuilt wizard restores it once written

    def close(self) -> None:
        """The window closes: drafts saved, the clerk logged out, work in flight finished, store closed."""
        if self.form is not None:
            self.form.retire()
        self._status_timer.stop()
        if self.background_sync is not None:
            self.background_sync.stop()
        counter = self.counter
        if self.idle_lock is not None and counter is not None:
            self.idle_lock.stop()
            Operation(lambda _p: clerks.logout(counter)).run()  # the log shows when the clerk left
        runner().wait_for_done(10_000)  # nothing of ours still uses the store
        if counter is not None:
            counter.close()

