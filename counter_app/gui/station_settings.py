"""Station settings dialog (站点设置): what the first-run wizard set, changeable later; backups.

Tabs: station, centre connection, printers and language (the wizard's field groups) and backups
(back up now, restore an automatic copy or a file). A restore replaces the data under the open
window, so the dialog emits ``restored`` and the window should restart the app.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app import crash
from counter_app.gui.approval import ask_approval
from counter_app.gui.first_run import (
    CentreFields,
    DeviceFields,
    StationFields,
    available_printers,
    mirror_to_gui_settings,
)
from counter_app.gui.i18n import _t
from counter_app.gui.operations import Operation
from counter_app.services import backup as backups
from counter_app.services import settings as station
from counter_app.services.approvals import settings_request

PATH_ROLE = Qt.ItemDataRole.UserRole
KIND_LABELS = {backups.PRE_MIGRATION: "升级前自动备份", backups.BEFORE_RESTORE: "恢复前自动备份"}


class BackupPanel(QWidget):
    """The automatic copies, newest first; back up now; restore (confirmed, off the GUI thread)."""

    restored = Signal(str)  # the file restored from

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_t("升级程序前和恢复备份前会自动保存一份数据。"), self))
        self.list = QListWidget(self)
        self.list.setObjectName("backups")
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (("backup_now", _t("立即备份…"), self.backup_now),
                                 ("restore_selected", _t("恢复所选备份…"), self.restore_selected),
                                 ("restore_file", _t("从文件恢复…"), self.restore_file)):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        layout.addLayout(row)
        self.status = QLabel(self)
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        # Replaceable in tests: the file dialogs and the confirmation.
        self.choose_save_file: Callable[[], str] = self._ask_save_file
        self.choose_open_file: Callable[[], str] = self._ask_open_file
        self.confirm: Callable[[str], bool] = self._ask_confirm
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for info in backups.list_backups(self.data_dir):
            kind = next((label for prefix, label in KIND_LABELS.items() if info.path.name.startswith(prefix)),
                        "备份")
            text = (f"{info.modified:%Y-%m-%d %H:%M}　{_t(kind)}　{_t('数据版本')} {info.revision or '?'}"
                    f"　{info.size / 1_048_576:.1f} MB")
            item = QListWidgetItem(text)
            item.setData(PATH_ROLE, str(info.path))
            self.list.addItem(item)
        self.buttons["restore_selected"].setEnabled(self.list.count() > 0)

    def backup_now(self) -> None:
        target = self.choose_save_file()
        if target:
            self._run(lambda _p: backups.backup(self.data_dir, target), _t("已备份到 ") + target)

    def restore_selected(self) -> None:
        item = self.list.currentItem() or self.list.item(0)
        if item is not None:
            self._restore(str(item.data(PATH_ROLE)))

    def restore_file(self) -> None:
        source = self.choose_open_file()
        if source:
            self._restore(source)

    def _restore(self, source: str) -> None:
        try:
            backups.validate_backup(source)  # say what is wrong before asking anything
        except backups.BackupError as exc:
            self._show(exc.message, ok=False)
            return
        question = _t("将用所选备份替换本机数据（当前数据会先自动另存一份），恢复后程序需要重新启动。确定恢复吗？")
        if self.confirm(question):
            self._run(lambda _p: backups.restore(self.data_dir, source),
                      _t("已恢复，请重新启动程序。"), then=lambda: self.restored.emit(source))

    def _run(self, work: Callable[[Any], Any], done_text: str, then: Callable[[], None] | None = None) -> None:
        for button in self.buttons.values():
            button.setEnabled(False)
        self._show(_t("正在处理，请稍候…"), ok=True)

        def finished(_result: Any) -> None:
            self._settle(done_text, ok=True)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self._settle(getattr(exc, "message", None) or _t("操作失败：") + str(exc), ok=False)

        Operation(work, success=finished, failure=failed).run(key="backup")

    def _settle(self, text: str, ok: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
        self.refresh()
        self._show(text, ok)

    def _show(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setProperty("severity", "ok" if ok else "error")
        self.status.style().polish(self.status)

    def _ask_save_file(self) -> str:
        return QFileDialog.getSaveFileName(self, _t("备份到"), str(Path.home() / "counter-app-backup.sqlite3"),
                                           _t("服务站数据 (*.sqlite3)"))[0]

    def _ask_open_file(self) -> str:
        return QFileDialog.getOpenFileName(self, _t("选择备份文件"), str(Path.home()),
                                           _t("服务站数据 (*.sqlite3)"))[0]

    def _ask_confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, _t("恢复数据"), question)
        return answer == QMessageBox.StandardButton.Yes


def _relaunch_app() -> None:
    crash.relaunch()
    QApplication.quit()


class StationSettingsDialog(QDialog):
    """OK saves through ``services.settings`` and stays open on a problem, naming the field."""

    def __init__(self, counter: Any, gui_settings: QSettings | None = None, printers: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("station_settings")
        self.setWindowTitle(_t("站点设置"))
        self.counter, self.gui_settings = counter, gui_settings
        self.printers = available_printers() if printers is None else printers
        self.station, self.centre = StationFields(counter), CentreFields()
        self.devices = DeviceFields(self.printers)
        self.backups = BackupPanel(counter.data_dir)
        current = station.load_settings(counter)
        for group in (self.station, self.centre, self.devices):
            group.load(current)
        self.tabs = QTabWidget(self)
        for widget, title in ((self.station, _t("服务站")), (self.centre, _t("中心连接")),
                              (self.devices, _t("打印机和语言")), (self.backups, _t("备份与恢复"))):
            self.tabs.addTab(widget, title)
        self.backups.restored.connect(self._restart_after_restore)
        self.relaunch: Callable[[], None] = _relaunch_app  # replaceable in tests
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _restart_after_restore(self, _source: str) -> None:
        """The window still shows the old data: the app starts again on the restored store."""
        QMessageBox.information(self, _t("恢复数据"), _t("数据已恢复，程序将重新启动。"))
        self.relaunch()

    def accept(self, approval: Any = None) -> None:
        values = {**self.station.values(), **self.centre.values(), **self.devices.values()}
        problems = self.centre.problems() or station.save_settings(self.counter, values, self.printers, approval=approval)
        if any(p.field == "approval" for p in problems):  # a staffed station: a supervisor approves first
            ask_approval(self, self.counter, settings_request(), self.accept)
            return
        for index, group in enumerate((self.station, self.centre, self.devices)):
            if not group.show_problems(problems):
                self.tabs.setCurrentIndex(index)
                return
        self.centre.save_password()
        mirror_to_gui_settings(station.load_settings(self.counter), self.gui_settings)
        super().accept()
