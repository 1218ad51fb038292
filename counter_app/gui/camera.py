"""Photographing documents with the counter's document camera (高拍仪) through QtMultimedia.

A document camera is a USB video device: the dialog shows its live picture and Space (or the
拍摄 button) keeps the current frame as a JPEG in the data dir's ``captures/`` folder; the form then
attaches those files like any other. Loaded only when the clerk opens it (QtMultimedia and its
FFmpeg backend are not part of the window's start).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoFrame, QVideoSink
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.gui.i18n import _t

PREVIEW = (720, 540)
JPEG_QUALITY = 92  # the archive copy is made from this by the attachment service


class CaptureDialog(QDialog):
    """Live preview and capture. ``captured`` lists the files kept, in order."""

    def __init__(self, out_dir: Path, parent: QWidget | None = None, *, use_camera: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("camera_dialog")
        self.setWindowTitle(_t("拍摄材料"))
        self.out_dir = out_dir
        self.captured: list[Path] = []
        self.last: QImage | None = None
        self.camera: QCamera | None = None
        self.session = QMediaCaptureSession(self)
        self.sink = QVideoSink(self)
        self.session.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self._frame)

        self.devices = QComboBox(self)
        self.devices.setObjectName("camera_device")
        self.devices.setAccessibleName(_t("摄像头"))
        self.preview = QLabel(_t("正在打开摄像头…"), self)
        self.preview.setObjectName("camera_preview")
        self.preview.setAccessibleName(_t("摄像头画面"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(*PREVIEW)
        self.preview.setStyleSheet("background: #202124; color: #e8eaed;")
        self.count = QLabel(self)
        self.count.setObjectName("capture_count")
        self.shoot = QPushButton(_t("拍摄（空格）"), self)
        self.shoot.setObjectName("capture")
        self.shoot.setAccessibleName(_t("拍摄"))
        self.shoot.setEnabled(False)
        self.finish = QPushButton(_t("完成（回车）"), self)
        self.finish.setObjectName("capture_done")
        self.finish.setAccessibleName(_t("完成拍摄"))
        self.finish.setDefault(True)

        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(self.shoot)
        bar.addWidget(self.finish)
        layout = QVBoxLayout(self)
        layout.addWidget(self.devices)
        layout.addWidget(self.preview, 1)
        layout.addLayout(bar)
        self.shoot.clicked.connect(self.take)
        self.finish.clicked.connect(self.accept)
        # Space is the capture key wherever the focus is: the buttons take no focus, the preview does.
        for button in (self.shoot, self.finish):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.preview.setFocus()
        self._say_count()
        cameras = QMediaDevices.videoInputs() if use_camera else []
        for device in cameras:
            self.devices.addItem(device.description(), device)
        self.devices.setVisible(len(cameras) > 1)
        self.devices.currentIndexChanged.connect(lambda _i: self._open(self.devices.currentData()))
        if cameras:
            self._open(QMediaDevices.defaultVideoInput())
        elif use_camera:
            self.preview.setText(_t("未检测到摄像头或高拍仪：请连接后重新打开，或改用“附加文件”"))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.take()
            return
        super().keyPressEvent(event)

    def _open(self, device: object) -> None:
        if self.camera is not None:
            self.camera.stop()
        self.camera = QCamera(device, self)
        self.camera.errorOccurred.connect(lambda _e, text: self.preview.setText(_t("摄像头出错：") + text))
        self.session.setCamera(self.camera)
        self.camera.start()

    def _frame(self, frame: QVideoFrame) -> None:
        image = frame.toImage()
        if image.isNull():
            return
        self.last = image
        self.shoot.setEnabled(True)
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    def take(self) -> Path | None:
        """Keep the current frame; None when there is no picture yet."""
        if self.last is None:
            return None
        self.out_dir.mkdir(parents=True, exist_ok=True)
        stamp = QDateTime.currentDateTime().toString("yyyyMMdd-HHmmss-zzz")
        path = self.out_dir / f"拍摄-{stamp}-{len(self.captured) + 1}.jpg"
        if not self.last.save(str(path), "JPG", JPEG_QUALITY):
            self.count.setText(_t("无法保存照片：") + str(path))
            return None
        self.captured.append(path)
        self._say_count()
        return path

    def _say_count(self) -> None:
        self.count.setText(_t("已拍摄 {n} 张").format(n=len(self.captured)) if self.captured else _t("对准材料后按空格拍摄"))

    def done(self, result: int) -> None:  # the camera is released however the dialog closes
        if self.camera is not None:
            self.camera.stop()
        super().done(result)
