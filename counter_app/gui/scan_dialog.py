"""Scanning documents on the counter's scanner (扫描仪): a page per Enter, shown straightened, Esc cancels.

The scan runs on the operation runner (``services.scanning``): the window stays live for the 10–40 s
a flatbed takes, and Esc stops the scanner's process mid-page (nothing half-scanned is kept). Each
page is kept as scanned in the data dir's ``captures/``; the preview shows it as the archive copy will
stand, turned back by the skew found (纠偏).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from counter_app.gui.i18n import _t
from counter_app.gui.operations import Cancelled, Handle, Operation, Progress
from counter_app.services.scanning import ScanCancelled, ScannedPage, ScannerDevice, scan_page

PREVIEW = (440, 560)  # an A4 page upright; the dialog fits a 1366×768 screen


class ScanDialog(QDialog):
    """Scan pages one by one. ``captured`` lists the files kept, in order; ``skews`` the skew of each."""

    def __init__(self, out_dir: Path, scanners: list[ScannerDevice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scan_dialog")
        self.setWindowTitle(_t("扫描材料"))
        self.out_dir = out_dir
        self.captured: list[Path] = []
        self.skews: list[float] = []
        self.handle: Handle | None = None

        self.devices = QComboBox(self)
        self.devices.setObjectName("scan_device")
        self.devices.setAccessibleName(_t("扫描仪"))
        for device in scanners:
            self.devices.addItem(device.name, device)
        self.preview = QLabel(_t("将材料正面朝下放在扫描仪上，按回车开始扫描"), self)
        self.preview.setObjectName("scan_preview")
        self.preview.setAccessibleName(_t("扫描结果"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setMinimumSize(*PREVIEW)
        self.preview.setStyleSheet("background: #f1f3f4; color: #3c4043;")
        self.status = QLabel(self)
        self.status.setObjectName("scan_status")
        self.status.setAccessibleName(_t("扫描状态"))
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("scan_progress")
        self.progress.setRange(0, 0)  # a scanner does not say how far it is
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.start = QPushButton(_t("扫描（回车）"), self)
        self.start.setObjectName("scan_start")
        self.start.setAccessibleName(_t("扫描一页"))
        self.start.setDefault(True)
        self.stop = QPushButton(_t("取消扫描（Esc）"), self)
        self.stop.setObjectName("scan_cancel")
        self.stop.setAccessibleName(_t("取消正在进行的扫描"))
        self.stop.setEnabled(False)
        self.finish = QPushButton(_t("完成"), self)
        self.finish.setObjectName("scan_done")
        self.finish.setAccessibleName(_t("完成扫描"))

        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.start)
        bar.addWidget(self.stop)
        bar.addWidget(self.finish)
        layout = QVBoxLayout(self)
        layout.addWidget(self.devices)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(bar)
        self.devices.setVisible(len(scanners) > 1)
        self.start.clicked.connect(self.scan)
        self.stop.clicked.connect(self.cancel)
        self.finish.clicked.connect(self.accept)
        self._say_count()

    @property
    def scanning(self) -> bool:
        return self.handle is not None and self.handle.running

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.scanning:
            self.cancel()  # Esc stops the scan first; a second Esc closes the dialog
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.scan()
            return
        super().keyPressEvent(event)

    def scan(self) -> None:
        device = self.devices.currentData()
        if self.scanning or device is None:
            return
        out_dir, number = self.out_dir, len(self.captured) + 1

        def op(progress: Progress) -> ScannedPage:
            try:
                return scan_page(out_dir, device, number, cancelled=lambda: progress.cancelled)
            except ScanCancelled as exc:
                raise Cancelled() from exc

        self.start.setEnabled(False)
        self.stop.setEnabled(True)
        self.progress.show()
        self.status.setText(_t("正在扫描第 {n} 页…").format(n=number))
        self.handle = Operation(op, success=self._scanned, failure=self._failed, cancelled=self._cancelled,
                                owner=self).run(key=f"scan-{id(self)}")

    def cancel(self) -> None:
        if self.scanning and self.handle is not None:
            self.status.setText(_t("正在取消…"))
            self.handle.cancel()

    def _idle(self) -> None:
        self.progress.hide()
        self.start.setEnabled(True)
        self.stop.setEnabled(False)

    def _scanned(self, page: ScannedPage) -> None:
        self._idle()
        self.captured.append(page.path)
        self.skews.append(page.skew)
        image = QImage.fromData(page.preview)
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        straight = (_t("已纠偏 {deg}°").format(deg=f"{abs(page.skew):.1f}") if page.skew else _t("页面端正"))
        self.status.setText(_t("第 {n} 页已扫描（{straight}）").format(n=len(self.captured), straight=straight)
                            + _t("，按回车扫描下一页"))

    def _failed(self, exc: BaseException) -> None:
        self._idle()
        self.status.setText(str(exc))

    def _cancelled(self) -> None:
        self._idle()
        self.status.setText(_t("扫描已取消，没有保留这一页"))

    def _say_count(self) -> None:
        self.status.setText(_t("已扫描 {n} 页").format(n=len(self.captured)) if self.captured else "")

    def done(self, result: int) -> None:  # closing stops a scan still running
        if self.scanning and self.handle is not None:
            self.handle.cancel()
        super().done(result)
