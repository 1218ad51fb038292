"""What the clerk reads: no internal code word on any business form, 站务 page, card, list or print
preview (issue #16 item 3), and every business button's tooltip names the key it really has."""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import fill, send_text, settle
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from station_screenshots import fortnight, operations_data
from test_wizard import a_worker, an_employer, open_form

from counter_app.domain.businesses import BUSINESSES
from counter_app.gui.operations import runner
from counter_app.gui.printing import DOCUMENTS, PreviewDialog, document_title
from counter_app.gui.station_menu import PAGES

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the shared code-word rule
from code_words import code_words

GUI = Path(__file__).resolve().parents[2] / "counter_app" / "gui"


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a clerk can see under ``root``: labels, buttons, fields and their
    placeholders and tooltips, every choice of every list, table cells and headers, tab and group titles."""
    texts: list[tuple[str, str]] = [("window title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue
        where = f"{type(w).__name__}#{w.objectName()}"
        texts.append((where + " tooltip", w.toolTip()))
        if isinstance(w, (QLabel, QAbstractButton, QLineEdit)):
            texts.append((where, w.text()))
        if isinstance(w, QLineEdit):
            texts.append((where + " placeholder", w.placeholderText()))
        if isinstance(w, QGroupBox):
            texts.append((where, w.title()))
        if isinstance(w, QTabWidget):
            texts += [(where, w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QComboBox):
            texts.append((where + " placeholder", w.placeholderText()))
            texts += [(f"{where} choice", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model, top = w.model(), QModelIndex()
            try:
                columns = model.columnCount(top)
            except TypeError:  # a list model (QAbstractListModel keeps columnCount private)
                columns = 1
            for column in range(columns):
                texts.append((where + " header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")))
            for row in range(min(model.rowCount(top), 50)):
                for column in range(columns):
                    index = model.index(row, column)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = index.data(role)
                        if isinstance(value, str):
                            texts.append((f"{where} cell {row},{column}", value))
    for action in root.findChildren(type(getattr(root, "action_records", None)) or QWidget):
        texts += [("action", action.text()), ("action tooltip", action.toolTip())]
    return [(where, plain(text)) for where, text in texts if text]


def plain(text: str) -> str:
    """Rich text as the clerk reads it (the markup is not shown)."""
    if "<" not in text or ">" not in text:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def codes_in(root: QWidget, data: list[str]) -> list[str]:
    return [f"{where}: {text!r} → {words}" for where, text in shown_texts(root)
            if (words := code_words(text, data))]


def wait(qtbot: Any, window: Any) -> None:
    runner().wait_for_done(20000)
    QCoreApplication.processEvents()
    settle(qtbot, window)


@pytest.fixture
def known(counter: Any) -> dict[str, Any]:
    worker = a_worker(counter)
    return {"id_number": worker.worker.id_number, "uscc": an_employer(counter).uscc, "clerk": counter.clerk}


def test_every_business_form_shows_labels_not_codes(qtbot: Any, window: Any, known: dict[str, Any]) -> None:
    seen = 0
    for kind, spec in BUSINESSES.items():
        open_form(qtbot, window, kind)
        wait(qtbot, window)
        if spec.subject_field in ("id_number", "uscc"):  # a known subject: the form fills what the store knows
            fill(qtbot, window, spec.subject_field, known[spec.subject_field])
            wait(qtbot, window)
        found = codes_in(window, [known["clerk"]])
        assert found == [], f"{kind}:\n" + "\n".join(found)
        seen += 1
    assert seen == len(BUSINESSES) >= 15


def test_info_change_shows_the_current_value_as_its_label(qtbot: Any, window: Any, known: dict[str, Any]) -> None:
    form = open_form(qtbot, window, "info-change")
    fill(qtbot, window, "id_number", known["id_number"])
    wait(qtbot, window)
    shown = 0
    for key, editor in form.editors.items():
        widget = editor.widget
        if key.startswith("new_") and isinstance(widget, QComboBox) and widget.placeholderText():
            current = widget.placeholderText().removeprefix("现为：")
            labels = {widget.itemText(i) for i in range(widget.count())}
            assert any(current == label or label.endswith(" " + current) for label in labels), (key, current)
            assert not current.isdigit(), (key, current)  # "现为：01" was the fault
            shown += 1
    assert shown >= 2  # id_type, sex, marital_status: the known worker has at least two


def test_cards_search_and_records_show_labels_not_codes(qtbot: Any, window: Any, counter: Any,
                                                        known: dict[str, Any]) -> None:
    fortnight(counter)  # a fortnight of applications of every kind in the lists
    for show in (lambda: window.show_card("worker", known["id_number"]),
                 lambda: window.show_card("employer", known["uscc"]),
                 window.show_records, window.show_home):
        show()
        wait(qtbot, window)
        found = codes_in(window, [known["clerk"]])
        assert found == [], "\n".join(found)
    window.search_box.setFocus()
    with qtbot.waitSignal(window.search.results_shown, timeout=10000):
        send_text(window.search_box, "wang")
    assert window.search.model.rowCount() > 0
    found = codes_in(window, [known["clerk"], "wang"])  # what the clerk typed is data
    assert found == [], "\n".join(found)


def test_every_station_page_shows_labels_not_codes(qtbot: Any, window: Any, counter: Any,
                                                   known: dict[str, Any]) -> None:
    fortnight(counter)
    operations_data(counter)
    for name, _text, _cls in PAGES:
        window.station.show(name)
        wait(qtbot, window)
        found = codes_in(window, [known["clerk"]])
        assert found == [], f"{name}:\n" + "\n".join(found)
    assert len(PAGES) >= 7


def documents_previewed() -> set[str]:
    """Every document key the GUI passes to a preview (``preview``/``_preview``/``request``), read
    from the source: a new preview with a key missing from DOCUMENTS fails here."""
    keys: set[str] = set()
    for path in GUI.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("preview", "_preview", "request") and len(node.args) >= 2):
                literal = node.args[1] if node.func.attr != "request" else node.args[0]
                if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
                    keys.add(literal.value)
    return keys


def test_every_preview_title_is_a_label(qtbot: Any, window: Any, tmp_path: Path) -> None:
    used = documents_previewed()
    assert {"receipt", "establishment_notice", "case_dossier", "daily_close"} <= used
    assert used <= set(DOCUMENTS)
    pdf = tmp_path / "some-file_name.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    for document in DOCUMENTS:
        dialog = PreviewDialog(pdf, document, window.settings, window)
        qtbot.addWidget(dialog)
        found = [f"{where}: {text!r}" for where, text in shown_texts(dialog)
                 if "tooltip" not in where and code_words(text)]
        assert found == [], document
        assert document not in dialog.windowTitle()
        dialog.close()


def test_business_buttons_have_the_shortcut_their_tooltip_names(qtbot: Any, window: Any) -> None:
    keys = []
    for number, (kind, action) in enumerate(window.business_actions.items(), start=1):
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert shortcut, f"{kind} (number {number}) has no shortcut"
        assert action.toolTip().endswith(f"（{shortcut}）"), (kind, action.toolTip())
        keys.append(shortcut)
    assert len(set(keys)) == len(keys) == len(BUSINESSES)
    assert keys[9] == "Ctrl+Alt+1"
    tenth = list(BUSINESSES)[9]
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.form is not None and window.form.spec.kind == tenth)


def test_a_document_key_is_never_a_title() -> None:
    assert document_title("some_new_document") == "打印文件"
