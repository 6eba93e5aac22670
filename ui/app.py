"""Start the desktop application: ``frontline-atlas [PATH ...]``.

Imports are lazy: the window is built and painted first; the geo engine (shapely readers,
pyproj, fiona) is imported by the worker when the first load starts.
"""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import TracebackType

    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow


def create_app() -> QApplication:
    """The QApplication, named so that ``QSettings()`` finds the app's settings."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("frontline-atlas")
    app.setApplicationName("Frontline Atlas")
    from ui.app_identity import apply_identity

    apply_identity(app)
    return app  # type: ignore[return-value]


def create_window(paths: list[str]) -> MainWindow:
    """Build the main window and queue the opening of ``paths`` (the demo when empty)."""
    from PySide6.QtCore import QTimer

    from ui.main_window import MainWindow
    from viewmodels.app_viewmodel import AppViewModel

    app_vm = AppViewModel()
    window = MainWindow(app_vm)
    from ui.regions_feature import install_regions

    install_regions(window)
    if paths:
        QTimer.singleShot(0, lambda: app_vm.open_paths(paths))
    else:
        QTimer.singleShot(0, app_vm.open_demo)
    return window


def _install_excepthook(window: MainWindow) -> None:
    """An unexpected exception in a slot becomes a status-bar message; the session survives."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        traceback.print_exception(kind, exc, tb)
        window.statusBar().showMessage(f"unexpected error: {kind.__name__}: {exc}", 15000)

    sys.excepthook = hook


def run_app(paths: list[str]) -> int:
    """Open the map window with ``paths`` (files or folders) and run the event loop."""
    app = create_app()
    window = create_window(paths)
    _install_excepthook(window)
    window.show()
    return app.exec()
