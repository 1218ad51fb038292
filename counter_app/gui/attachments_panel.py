"""Scans, photos and PDFs for the materials on the form (电子档案): chosen or photographed per material, counted.

The clerk moves to a material in the checklist and presses Ctrl+Shift+O (files), Ctrl+Shift+P
(the document camera) or Ctrl+Shift+S (the scanner, where the PC has one); the material is ticked as
received and the files wait here, listed by material, until the application is accepted — then the
wizard attaches them on the runner (``services.attach_groups``). Nothing is read, scanned or shrunk on
the GUI thread. A draft keeps the files waiting (``to_draft``/``from_draft``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.gui.fields import CODE_ROLE, MaterialsList
from counter_app.gui.i18n import _t
from counter_app.gui.operations import Operation
from counter_app.gui.scan_dialog import ScanDialog
from counter_app.services.scanning import ScannerDevice, list_scanners

FILES_KEY = "Ctrl+Shift+O"
CAMERA_KEY = "Ctrl+Shift+P"
SCAN_KEY = "Ctrl+Shift+S"
SCANNERS_FRESH_S = 60.0  # probing USB and the network takes seconds: one probe serves the forms of a minute
FILTER = "扫描件或 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)"
# The document-camera dialog's factory (out_dir, parent) → dialog, set by the GUI launcher (``gui/app.py``), which
# alone may import on demand: QtMultimedia and its FFmpeg backend load only when a clerk opens the camera.
CAMERA: Callable[[Path, QWidget], Any] | None = None
# The scanners found last, and when (time.monotonic()); None before the first probe.
_scanners: tuple[float, list[ScannerDevice]] | None = None


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
        self.scan = QPushButton(_t("扫描…"), self)
        self.scan.setObjectName("scan_page")
        self.scan.setAccessibleName(_t("用扫描仪扫描当前材料"))
        self.scan.setShortcut(QKeySequence(SCAN_KEY))
        self.scanners: list[ScannerDevice] = []
        self.summary = QLabel(self)
        self.summary.setObjectName("attachments_summary")
        self.summary.setAccessibleName(_t("已附加的文件"))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_files)
        buttons.addWidget(self.camera)
        buttons.addWidget(self.scan)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        self.add_files.clicked.connect(self.choose)
        self.camera.clicked.connect(self.photograph)
        self.scan.clicked.connect(self.scan_pages)
        self._show()
        self.find_scanners()

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

    # -- the scanner -------------------------------------------------------------------------
    def find_scanners(self) -> None:
        """Switch the scan source on when the PC has a scanner (probed off the GUI thread)."""
        global _scanners
        known = _scanners
        if known is not None:
            self._scanners_found(known[1])
            if time.monotonic() - known[0] < SCANNERS_FRESH_S:
                return
        else:
            self.scan.setEnabled(False)
            self.scan.setToolTip(_t("正在查找扫描仪…"))

        def found(devices: list[ScannerDevice]) -> None:
            global _scanners
            _scanners = (time.monotonic(), devices)
            self._scanners_found(devices)

        Operation(lambda _p: list_scanners(), success=found, owner=self).run()

    def _scanners_found(self, devices: list[ScannerDevice]) -> None:
        self.scanners = list(devices)
        self.scan.setEnabled(bool(devices))
        if devices:
            self.scan.setToolTip(_t("用扫描仪扫描选中的材料（Ctrl+Shift+S）：{name}").format(name=devices[0].name))
        else:
            self.scan.setToolTip(_t("未找到扫描仪：请连接扫描仪、安装驱动后重新打开表单；也可以附加文件或用高拍仪拍照"))

    def scan_pages(self) -> None:
        if not self.scanners:
            return
        dialog = self.scan_dialog()
        dialog.exec()
        self.add(list(dialog.captured))

    def scan_dialog(self) -> Any:
        return ScanDialog(self.data_dir / "captures", self.scanners, self)

    # -- drafts ------------------------------------------------------------------------------
    def to_draft(self) -> dict[str, Any]:
        """The files waiting, for the form's draft: {code: {"name": material, "files": [paths]}}."""
        return {code: {"name": self.names.get(code, ""), "files": [str(p) for p in paths]}
                for code, paths in self.pending.items() if paths}

    def from_draft(self, saved: Any) -> list[str]:
        """Put a draft's files back (after those added meanwhile); the names of files no longer on disk."""
        missing: list[str] = []
        if not isinstance(saved, dict):
            return missing
        for code, entry in saved.items():
            if not isinstance(entry, dict):
                continue
            bucket = self.pending.setdefault(str(code), [])
            for name in entry.get("files") or []:
                path = Path(str(name))
                if not path.is_file():
                    missing.append(path.name)
                elif path not in bucket:
                    bucket.append(path)
            if bucket:
                self.names.setdefault(str(code), str(entry.get("name") or ""))
        self._show()
        return missing

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
            self.summary.setText(_t("尚未附加文件：在材料清单中选中一项后按 Ctrl+Shift+O 附加扫描件，Ctrl+Shift+P 拍照，"
                                    "或 Ctrl+Shift+S 扫描"))
            return
        parts = [_t("{name} {n} 个文件").format(name=self.names.get(code) or _t("未归类"), n=len(paths))
                 for code, paths in self.pending.items() if paths]
        self.summary.setText(_t("已附加：") + "；".join(parts) + _t("（受理后存档并上传中心）"))
