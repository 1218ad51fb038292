"""A test pattern for the document-camera dialog: a drawn page pushed as video frames (no camera needed)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameInput


def pattern(width: int = 1280, height: int = 960, label: str = "居民身份证复印件") -> QImage:
    """A sheet of paper on a dark desk, with a title, lines of text and colour bars (to see the colours survive)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3c4043"))
    painter = QPainter(image)
    sheet = QRect(width // 8, height // 12, width * 3 // 4, height * 10 // 12)
    painter.fillRect(sheet, QColor("#fbfaf6"))
    font = QFont("WenQuanYi Zen Hei", height // 24)
    painter.setFont(font)
    painter.setPen(QColor("#202124"))
    painter.drawText(sheet.adjusted(0, height // 30, 0, 0), Qt.AlignmentFlag.AlignHCenter, label)
    font.setPointSize(height // 48)
    painter.setFont(font)
    for line in range(12):
        painter.drawText(sheet.left() + width // 20, sheet.top() + height // 6 + line * height // 20,
                         f"第{line + 1}行  姓名 张三  公民身份号码 110105199001011234")
    colours = ("#d93025", "#f9ab00", "#188038", "#1a73e8", "#9334e6")
    bar = sheet.width() // len(colours)
    for n, colour in enumerate(colours):
        painter.fillRect(sheet.left() + n * bar, sheet.bottom() - height // 12, bar, height // 16, QColor(colour))
    painter.end()
    return image


def feed(dialog, image: QImage | None = None) -> QVideoFrameInput:
    """Put a frame input into the dialog's capture session and push one frame of the pattern."""
    frames = QVideoFrameInput(dialog)
    dialog.session.setVideoFrameInput(frames)
    frames.sendVideoFrame(QVideoFrame(image or pattern()))
    return frames
