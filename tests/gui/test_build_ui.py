"""Generated GUI files are in step with their sources, and every visible text has an English translation."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from counter_app.gui import build_ui


def test_forms_catalog_strings_and_qm_files_are_up_to_date() -> None:
    assert build_ui.check() == [], "run: python -m counter_app.gui.build_ui"


def test_every_source_text_has_an_english_translation(tmp_path: Path) -> None:
    shipped = build_ui.resources_dir() / "translations"
    shutil.copytree(shipped, tmp_path / "translations")
    build_ui.update_translations(tmp_path / "translations")  # picks up texts added since the last build
    root = ET.parse(tmp_path / "translations" / "counter_app_en.ts").getroot()
    untranslated = [m.findtext("source") for m in root.iter("message")
                    if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert untranslated == []
    sources = {m.findtext("source") for m in root.iter("message")}
    assert {"提取", "查找(&F)", "受理成功", "尚缺或有误："} <= sources
