"""Scans, photos and PDFs for the materials on the form (电子档案): chosen or photographed per material, counted.

The clerk moves to a material in the checklist and presses Ctrl+Shift+O (files) or Ctrl+Shift+P
(the document camera); the material is ticked as received and the files wait here, listed by
material, until the application is accepted — then the wizard attaches them on the runner
(``services.attach_groups``). Nothing is read or shrunk on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.gui.fields import CODE_ROLE, MaterialsList
from counter_app.gui.i18n import _t

FILES_KEY = "Ctrl+Shift+O"
CAMERA_KEY = "Ctrl+Shift+P"
FILTER = "扫描件或 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)"
# The document-camera dialog's factory (out_dir, parent) → dialog, set by the GUI launcher (``gui/app.py``), which
# alone may import on demand: QtMultimedia and its FFmpeg backend load only when a clerk opens the camera.
CAMERA: Callable[[Path, QWidget], Any] | None = None


class AttachmentsPanel(QWidget):
    """The files waiting for the current form, by material code ("" when no material was current)."""

    changed = Signal()

    def __init__(self, materials: MaterialsList, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.materials = materials
        self.data_dir = data_dir
        self.pending: dict[str, list[Path]] = {}
        self.names: dict[str, str] = {}
        self.add_files = QPushButton(_t("附加文件…"), self)
        self.add_files.setObjectName("attach_files")
        self.add_files.setAccessibleName(_t("为当前材料附加扫描件或 PDF"))
        self.add_files.setShortcut(QKeySequence(FILES_KEY))
        self.add_files.setToolTip(_t("为选中的材料附加扫描件、照片或 PDF（Ctrl+Shift+O）"))
        self.camera = QPushButton(_t("拍照…"), self)
        self.camera.setObjectName("capture_photo")
        self.camera.setAccessibleName(_t("用高拍仪或摄像头拍摄当前材料"))
        self.camera.setShortcut(QKeySequence(CAMERA_KEY))
        self.camera.setToolTip(_t("用高拍仪或摄像头拍摄选中的材料（Ctrl+Shift+P）"))
        self.summary = QLabel(self)
        self.summary.setObjectName("attachments_summary")
        self.summary.setAccessibleName(_t("已附加的文件"))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_files)
        buttons.addWidget(self.camera)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        self.add_files.clicked.connect(self.choose)
        self.camera.clicked.connect(self.photograph)
        self._show()

    # -- where the files go -------------------------------------------------------------------
    def current(self) -> tuple[str, str]:
        """(code, name) of the material the checklist's cursor is on; ("", 未归类) when none."""
        index = self.materials.currentIndex()
        if not index.isValid():
            return "", _t("未归类")
        return str(index.data(CODE_ROLE) or ""), str(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def add(self, paths: list[Path]) -> None:
        """Files for the current material, which is ticked as received."""
        if not paths:
            return
        code, name = self.current()
        index = self.materials.currentIndex()
        item = self.materials.model().itemFromIndex(index) if index.isValid() else None  # type: ignore[attr-defined]
        if item is not None and item.checkState() != Qt.CheckState.Checked:
            self.materials.toggle(index.row())  # a document scanned is a document received
        bucket = self.pending.setdefault(code, [])
        bucket += [p for p in paths if p not in bucket]
        self.names[code] = name
        self._show()
        self.changed.emit()

    def choose(self) -> None:
        self.add(self.ask_files())

    def ask_files(self) -> list[Path]:
        """The file dialog (a method, so tests can answer it)."""
        names, _ = QFileDialog.getOpenFileNames(self, _t("选择材料的扫描件或 PDF"), str(Path.home()), _t(FILTER))
        return [Path(n) for n in names]

    def photograph(self) -> None:
        dialog = self.camera_dialog()
        dialog.exec()
        self.add(list(dialog.captured))

    def camera_dialog(self) -> Any:
        if CAMERA is None:
            raise RuntimeError("no camera dialog: the GUI launcher sets attachments_panel.CAMERA")
        return CAMERA(self.data_dir / "captures", self)

    # -- after submit -------------------------------------------------------------------------
    def snapshot(self) -> dict[str, list[Path]]:
        return {code: list(paths) for code, paths in self.pending.items() if paths}

    def clear(self) -> None:
        self.pending.clear()
        self._show()

    def count(self) -> int:
        return sum(len(p) for p in self.pending.values())

    def _show(self) -> None:
        if not self.count():
            self.summary.setText(_t("尚未附加文件：在材料清单中选中一项后按 Ctrl+Shift+O 附加扫描件，或 Ctrl+Shift+P 拍照"))
            return
        parts = [_t("{name} {n} 个文件").format(name=self.names.get(code) or _t("未归类"), n=len(paths))
                 for code, paths in self.pending.items() if paths]
        self.summary.setText(_t("已附加：") + "；".join(parts) + _t("（受理后存档并上传中心）"))
