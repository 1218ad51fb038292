"""Station settings dialog (站点设置, ``ui/station_settings.ui``): what the first-run wizard set, changeable later.

Tabs: station, centre connection, printers and language (the wizard's field groups) and backups
(``gui/backup_panel.py``: back up now, restore an automatic copy or a file). A restore replaces the data under the open
window, so the dialog emits ``restored`` and the window should restart the app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget

from counter_app import crash
from counter_app.domain.errors import FieldError
from counter_app.gui.approval import ask_approval
from counter_app.gui.first_run import (
    CentreFields,
    DeviceFields,
    StationFields,
    available_printers,
    mirror_to_gui_settings,
)
from counter_app.gui.forms.ui_station_settings import Ui_StationSettingsDialog
from counter_app.gui.i18n import _t
from counter_app.gui.operations import Operation
from counter_app.services import settings as station
from counter_app.services.approvals import settings_request


def _relaunch_app() -> None:
    crash.relaunch()
    QApplication.quit()


class StationSettingsDialog(QDialog, Ui_StationSettingsDialog):
    """OK saves through ``services.settings`` and stays open on a problem, naming the field.

    The settings are read and saved off the GUI thread; meanwhile the fields and OK are off (nothing
    can be typed that the read would overwrite), and the status line says what is happening.
    """

    loaded = Signal()  # the stored settings are in the fields

    def __init__(self, counter: Any, gui_settings: QSettings | None = None, printers: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.counter, self.gui_settings = counter, gui_settings
        self.printers = available_printers() if printers is None else printers
        self.station, self.centre = StationFields(counter), CentreFields()
        self.devices = DeviceFields(self.printers)
        self.groups = (self.station, self.centre, self.devices)
        for layout, group in zip((self.station_tab_layout, self.centre_tab_layout, self.devices_tab_layout),
                                 self.groups, strict=True):
            layout.addWidget(group)
        self.backups = self.backup_panel
        self.backups.set_data_dir(counter.data_dir)
        self.backups.restored.connect(self._restart_after_restore)
        self.relaunch: Callable[[], None] = _relaunch_app  # replaceable in tests
        self.ok_button = self.settings_buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.settings_buttons.accepted.connect(self.accept)
        self.busy = False
        self._set_busy(_t("正在读取设置…"))
        Operation(lambda _p: station.load_settings(counter), success=self._loaded, failure=self._failed,
                  owner=self).run(key=f"station-settings-{id(self)}")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi(self)
        super().changeEvent(event)

    def _set_busy(self, text: str = "") -> None:
        """``text`` set: reading or saving (fields and OK off); empty: the clerk's turn."""
        self.busy = bool(text)
        for group in self.groups:
            group.setEnabled(not self.busy)
        self.ok_button.setEnabled(not self.busy)
        self.settings_status.setText(text)
        self.settings_status.setProperty("severity", "")
        self.settings_status.style().polish(self.settings_status)

    def _loaded(self, current: station.StationSettings) -> None:
        for group in self.groups:
            group.load(current)
        self._set_busy()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy()
        self.settings_status.setText(_t("操作失败：") + (getattr(exc, "message", None) or str(exc)))
        self.settings_status.setProperty("severity", "error")
        self.settings_status.style().polish(self.settings_status)

    def _restart_after_restore(self, _source: str) -> None:
        """The window still shows the old data: the app starts again on the restored store."""
        QMessageBox.information(self, _t("恢复数据"), _t("数据已恢复，程序将重新启动。"))
        self.relaunch()

    def accept(self, approval: Any = None) -> None:
        """Check the form, then save off the GUI thread; the dialog closes once the store took it."""
        if self.busy:
            return
        values = {**self.station.values(), **self.centre.values(), **self.devices.values()}
        problems = self.centre.problems()
        if problems:
            self._show_problems(problems)
            return
        counter, printers = self.counter, self.printers
        dsn, password = values["central_dsn"], self.centre.password.text()

        def save(_p: Any) -> tuple[list[FieldError], station.StationSettings | None]:
            found = station.save_settings(counter, values, printers, approval=approval)
            if any(p.severity == "error" for p in found):
                return found, None
            if dsn and password:
                station.save_connection(counter, dsn, password)  # the OS keyring may be slow too
            return found, station.load_settings(counter)

        self._set_busy(_t("正在保存设置…"))
        Operation(save, success=self._saved, failure=self._failed, owner=self).run(key=f"station-settings-{id(self)}")

    def _saved(self, outcome: tuple[list[FieldError], station.StationSettings | None]) -> None:
        self._set_busy()
        problems, saved = outcome
        if any(p.field == "approval" for p in problems):  # a staffed station: a supervisor approves first
            ask_approval(self, self.counter, settings_request(), self.accept)
            return
        if not self._show_problems(problems):
            return
        if saved is not None:
            mirror_to_gui_settings(saved, self.gui_settings)
        super().accept()

    def _show_problems(self, problems: list[FieldError]) -> bool:
        """Each group shows its fields' problems; False (on the first group's tab) when one blocks."""
        for index, group in enumerate(self.groups):
            if not group.show_problems(problems):
                self.tabs.setCurrentIndex(index)
                return False
        return True
