"""Render ``frontline-atlas.svg`` to the PNG sizes desktops use, plus ``.ico`` and ``.icns``.

    .venv/bin/python resources/icons/render_icons.py

The PNGs (16 … 512 px) go to ``resources/icons/png/<N>.png`` for the freedesktop icon theme
(``ui/desktop_install.py``), the window icon and the macOS/Windows builds
(``frontline-atlas.icns``, ``frontline-atlas.ico`` from Qt's image-format plugins). Run it again
after editing the SVG; ``tests/ui/test_icons.py`` fails when the committed PNGs are stale.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

HERE = Path(__file__).resolve().parent
SVG = HERE / "frontline-atlas.svg"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> QImage:
    """The icon as a ``QImage`` of ``size`` × ``size`` pixels, transparent background."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImageWriter

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    (HERE / "png").mkdir(exist_ok=True)
    for size in SIZES:
        render(size).save(str(HERE / "png" / f"{size}.png"))
    for fmt, sizes in (("ico", ICO_SIZES), ("icns", (512,))):
        writer = QImageWriter(str(HERE / f"frontline-atlas.{fmt}"), fmt.encode())
        if not writer.write(render(max(sizes))):
            print(f"{fmt}: {writer.errorString()}", file=sys.stderr)
            return 1
    print(f"wrote {len(SIZES)} PNGs, .ico and .icns in {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
