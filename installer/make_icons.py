"""Render resources/icons/counter-app.svg to the PNG and ICO files the installers need (run by hand).

    .venv/bin/python installer/make_icons.py

Qt's own SVG renderer and ICO writer: no extra tools. The outputs are committed, so a build machine
without a display or Qt image plugins still has them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (256, 48)
ICO_SIZE = 256  # Windows scales the 256 px PNG-in-ICO down for smaller views


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "counter-app.svg"))
    if not renderer.isValid():
        print("counter-app.svg 无法解析", file=sys.stderr)
        return 1
    for size in PNG_SIZES:
        name = "counter-app.png" if size == 256 else f"counter-app-{size}.png"
        render(renderer, size).save(str(ICONS / name))
    if not render(renderer, ICO_SIZE).save(str(ICONS / "counter-app.ico"), "ICO"):
        print("无法写入 counter-app.ico（缺少 Qt 的 ico 插件）", file=sys.stderr)
        return 1
    print("\n".join(sorted(p.name for p in ICONS.iterdir())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
