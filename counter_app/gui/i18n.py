"""Languages and fonts of the GUI (界面语言).

Source strings are Chinese; English comes from ``resources/translations/counter_app_en.qm``.
Qt's own dialogs (确定/取消, the print dialog) use Qt's shipped ``qtbase_*.qm``. Money and dates
are formatted in ``formats``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from counter_app.paths import resources_dir

LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
_installed: list[QTranslator] = []


def register_fonts(app: QApplication, *, rare: bool = True) -> list[str]:
    """Register the bundled CJK fonts so a PC without them still shows Chinese (and 𠮷).

    The main font is read only when the system has no Simplified Chinese font (a 10 MB file is
    not worth reading at every start); ``rare=False`` leaves the rare-character fallback for later.
    """
    families: list[str] = []
    fonts = resources_dir() / "fonts"
    system_cjk = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    wanted = (["HanaMinA.ttf"] if rare else []) if system_cjk else ["wqy-zenhei.ttc"] + (["HanaMinA.ttf"] if rare else [])
    for name in wanted:
        path = fonts / name
        if path.exists():
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)[:1]
    if families and not system_cjk:
        # No system CJK font: the UI font, then the bundled sans font, then the rare-character one.
        # With a system CJK font the app font stays as it is: fontconfig's fallback picks a sans face
        # and finds the registered rare-character font only for what nothing else has.
        font = QFont(app.font())
        chain = [*font.families(), *[f for f in families if "Hana" not in f], *[f for f in families if "Hana" in f]]
        font.setFamilies(list(dict.fromkeys(chain)))
        app.setFont(font)
    return families


def install_language(app: QApplication, language: str) -> str:
    """Install the translators of ``language`` (zh_CN or en); returns the language installed."""
    language = language if language in LANGUAGES else "zh_CN"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{language}", qt_dir)] if language != "en" else []
    if language != "zh_CN":
        candidates.append((f"counter_app_{language}", str(resources_dir() / "translations")))
    for name, directory in candidates:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh_CN" else QLocale(
        QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    return language


def _t(text: str) -> str:
    """Translate a GUI text (lupdate collects ``_t("…")`` calls: ``-tr-function-alias tr+=_t``)."""
    return QCoreApplication.translate("", text)


def catalog_text(text: str) -> str:
    """A catalog label in the current language (sources collected by ``build_ui``)."""
    return QCoreApplication.translate("catalog", text) if text else text
