"""Start the desktop application."""

from __future__ import annotations

import sys


def run_app(paths: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Frontline Atlas")
    window = QLabel("Frontline Atlas — the map window is being built.\n" + "\n".join(paths))
    window.setWindowTitle("Frontline Atlas")
    window.resize(800, 600)
    window.show()
    return app.exec()
