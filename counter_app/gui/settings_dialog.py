"""Settings of this counter PC: interface language, remembered printers, the ID card reader (设置)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from counter_app.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from counter_app.gui.i18n import LANGUAGES, _t, install_language

DOCUMENT_KEYS = ("receipt", "form", "notice")
READER_KEY = "devices/idcard_reader"  # the reader 读卡 (F8) uses: vendor, vendor:LIBRARY or sim:FILE


class SettingsDialog(QDialog, Ui_SettingsDialog):
    """Language switches at once: every window retranslates on ``LanguageChange``."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.settings = settings
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.value("language", "zh_CN"))))
        self._show_printers()
        self.idcard_reader.setText(str(settings.value(READER_KEY, "") or ""))
        self.forget_printers.clicked.connect(self._forget)
        self.accepted.connect(self.apply)

    def _show_printers(self) -> None:
        names = [f"{key}: {self.settings.value(f'printers/{key}')}" for key in DOCUMENT_KEYS
                 if self.settings.value(f"printers/{key}")]
        self.printers.setText("\n".join(names) or _t("无"))

    def _forget(self) -> None:
        self.settings.remove("printers")
        self._show_printers()

    def apply(self) -> None:
        reader = self.idcard_reader.text().strip()
        if reader:
            self.settings.setValue(READER_KEY, reader)
        else:
            self.settings.remove(READER_KEY)
        language = self.language.currentData()
        if language != self.settings.value("language", "zh_CN"):
            self.settings.setValue("language", language)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                install_language(app, language)
