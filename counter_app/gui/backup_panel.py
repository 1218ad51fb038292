"""Backups in the station settings (备份与恢复, ``ui/backup_panel.ui``): the automatic copies, back up now,
restore a copy or a file. Listing, checking, copying and restoring all run off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QMessageBox, QWidget

from counter_app.gui.forms.ui_backup_panel import Ui_BackupPanel
from counter_app.gui.i18n import _t
from counter_app.gui.operations import Operation
from counter_app.services import backup as backup_service

PATH_ROLE = Qt.ItemDataRole.UserRole
KIND_LABELS = {backup_service.PRE_MIGRATION: "升级前自动备份", backup_service.BEFORE_RESTORE: "恢复前自动备份"}


class BackupPanel(QWidget, Ui_BackupPanel):
    """The automatic copies, newest first; back up now; restore (confirmed, off the GUI thread)."""

    restored = Signal(str)  # the file restored from

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.data_dir: Path | None = None
        self.list, self.status = self.backups, self.backup_status
        # The buttons keep their objectNames (uic names the attributes after them).
        self.buttons = {"backup_now": self.backup_now, "restore_selected": self.restore_selected,
                        "restore_file": self.restore_file}
        self.backup_now.clicked.connect(self.back_up_now)
        self.restore_selected.clicked.connect(self.restore_chosen)
        self.restore_file.clicked.connect(self.restore_from_file)
        self.busy = False
        # Replaceable in tests: the file dialogs and the confirmation.
        self.choose_save_file: Callable[[], str] = self._ask_save_file
        self.choose_open_file: Callable[[], str] = self._ask_open_file
        self.confirm: Callable[[str], bool] = self._ask_confirm

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi(self)
        super().changeEvent(event)

    def set_data_dir(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.refresh()

    def refresh(self) -> None:
        """Read the list of copies (each file's schema version is read from it) off the GUI thread."""
        data_dir = self.data_dir
        if data_dir is None:
            return
        Operation(lambda _p: backup_service.list_backups(data_dir), success=self._show_list,
                  owner=self).run(key=f"backups-{id(self)}")

    def _show_list(self, found: list[Any]) -> None:
        self.list.clear()
        for info in found:
            kind = next((label for prefix, label in KIND_LABELS.items() if info.path.name.startswith(prefix)), "备份")
            text = (f"{info.modified:%Y-%m-%d %H:%M}　{_t(kind)}　{_t('数据版本')} {info.revision or '?'}"
                    f"　{info.size / 1_048_576:.1f} MB")
            item = QListWidgetItem(text)
            item.setData(PATH_ROLE, str(info.path))
            self.list.addItem(item)
        self.buttons["restore_selected"].setEnabled(not self.busy and self.list.count() > 0)

    def back_up_now(self) -> None:
        target = self.choose_save_file()
        if target and self.data_dir is not None:
            data_dir = self.data_dir
            self._run(lambda _p: backup_service.backup(data_dir, target), _t("已备份到 ") + target)

    def restore_chosen(self) -> None:
        item = self.list.currentItem() or self.list.item(0)
        if item is not None:
            self._restore(str(item.data(PATH_ROLE)))

    def restore_from_file(self) -> None:
        source = self.choose_open_file()
        if source:
            self._restore(source)

    def _restore(self, source: str) -> None:
        """Say what is wrong with the file before asking anything (the check opens it: off the GUI thread)."""
        self._set_busy(True)
        self._show(_t("正在检查备份文件…"), ok=True)

        def checked(_info: Any) -> None:
            self._set_busy(False)
            self._show("", ok=True)
            question = _t("将用所选备份替换本机数据（当前数据会先自动另存一份），恢复后程序需要重新启动。确定恢复吗？")
            if self.confirm(question) and self.data_dir is not None:
                data_dir = self.data_dir
                self._run(lambda _p: backup_service.restore(data_dir, source),
                          _t("已恢复，请重新启动程序。"), then=lambda: self.restored.emit(source))

        def refused(exc: BaseException) -> None:
            self._set_busy(False)
            self._show(getattr(exc, "message", None) or _t("操作失败：") + str(exc), ok=False)

        Operation(lambda _p: backup_service.validate_backup(source), success=checked, failure=refused,
                  owner=self).run(key="backup")

    def _run(self, work: Callable[[Any], Any], done_text: str, then: Callable[[], None] | None = None) -> None:
        self._set_busy(True)
        self._show(_t("正在处理，请稍候…"), ok=True)

        def finished(_result: Any) -> None:
            self._settle(done_text, ok=True)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self._settle(getattr(exc, "message", None) or _t("操作失败：") + str(exc), ok=False)

        Operation(work, success=finished, failure=failed, owner=self).run(key="backup")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in self.buttons.values():
            button.setEnabled(not busy)
        if not busy:
            self.buttons["restore_selected"].setEnabled(self.list.count() > 0)

    def _settle(self, text: str, ok: bool) -> None:
        self._set_busy(False)
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
