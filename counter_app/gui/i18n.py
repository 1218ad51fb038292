"""Languages, fonts and zh_CN formatting of the GUI (界面语言与格式).

Source strings are Chinese; English comes from ``resources/translations/counter_app_en.qm``.
Qt's own dialogs (确定/取消, the print dialog) use Qt's shipped ``qtbase_*.qm``. Money and dates
are formatted here, from ``Decimal``/ISO strings, never through float.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from counter_app.domain.clock import china_time
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


def money(value: Any) -> str:
    """¥1,234.50 from a Decimal or a "1234.50" string; '' for nothing; the input if not a number."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return f"¥{amount:,.2f}"


def day(value: Any) -> str:
    """A date as the clerk reads it: 2026年11月23日 (zh_CN) or 2026-11-23 (English)."""
    if value is None or value == "":
        return ""
    text = value.isoformat() if isinstance(value, date) else str(value)
    if QLocale().language() != QLocale.Language.Chinese or len(text) < 10:
        return text[:10] if len(text) >= 10 else text
    y, m, d = text[:4], text[5:7], text[8:10]
    if not (y.isdigit() and m.isdigit() and d.isdigit()):
        return text
    return f"{int(y)}年{int(m)}月{int(d)}日"


def moment(value: Any) -> str:
    """A timestamp as 2026年11月23日 14:05 (the seconds and zone are noise at the counter)."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = china_time(value)  # stored in UTC; the counter works on China time
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    clock = text[11:16] if len(text) >= 16 else ""
    return f"{day(text[:10])} {clock}".strip()
