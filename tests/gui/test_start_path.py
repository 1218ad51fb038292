"""What the counter window does before its first paint (the cold-start budget of #5).

Measured in a fresh interpreter, as ``run_gui`` starts: no store libraries, no business modules (the
bar comes from the generated ``gui/business_menu.py``), no platformdirs when the data directory is
given, and no PySide6 ``Qt`` namespace (building its ~100 Python enum classes costs about 40 ms, a
third of a bare window).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

SHELL = """
import json, sys
import PySide6.QtCore as core
from counter_app.gui import app as gui
from counter_app.gui.main_window import MainWindow
qapp = gui.ensure_app()
window = MainWindow(None, gui.settings_for(__import__("pathlib").Path(sys.argv[1])), complete=False)
window.show()
qapp.processEvents()
painted = {"qt_namespace": "Qt" in core.__dict__, "modules": sorted(sys.modules),
           "bar": [a.text() for a in window.business_bar.actions() if a.text()],
           "vertical": window.business_bar.width() < window.business_bar.height()}
window.complete()
painted["after_complete_qt_namespace"] = "Qt" in core.__dict__
painted["search_shortcuts"] = [k.toString() for k in window.action_search.shortcuts()]
print(json.dumps(painted))
window.close()
"""


def test_the_shell_paints_without_store_libraries_or_the_qt_namespace(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", SHELL, str(tmp_path)], env=env, capture_output=True, text=True,
                         timeout=120, check=True).stdout
    painted = json.loads(out.strip().splitlines()[-1])
    heavy = [m for m in painted["modules"]
             if m.split(".")[0] in ("sqlalchemy", "alembic", "pydantic", "pypinyin", "platformdirs")
             or m.startswith(("counter_app.services", "counter_app.store", "counter_app.domain", "counter_app.gui.operations"))]
    assert heavy == [], f"imported before the first paint: {heavy}"
    assert painted["qt_namespace"] is False, "something before the first paint touched PySide6.QtCore.Qt"
    assert painted["bar"][:3] == ["开户", "单位建制", "提取"] and "同步" in painted["bar"]
    assert painted["vertical"], "the business bar stands on the left, top to bottom"
    assert painted["after_complete_qt_namespace"] is True
    assert painted["search_shortcuts"] == ["Ctrl+F", "F3"]


def test_lazy_imports_only_at_the_entry_point() -> None:
    """Function-level imports in the GUI are the start path's only (``app.py`` and the window's
    ``complete``): everywhere else the dependency graph is there for readers and tools to see."""
    gui = Path(__file__).resolve().parents[2] / "counter_app" / "gui"
    found = []
    for path in sorted(gui.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    found.append(f"{path.relative_to(gui)}:{function.name}")
    allowed = {"app.py", "main_window.py:complete"}
    assert [f for f in found if f.split(":")[0] not in allowed and f not in allowed] == []
    assert not (gui / "lazy.py").exists(), "no lazy proxy: services are imported normally"
