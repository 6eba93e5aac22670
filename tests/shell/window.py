"""The app shell for UI tests: the real viewmodels and main window on the real geo engine,
settings in an ini file under the test's temporary directory, work done synchronously."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from tests.shell.deepstate import engine
from ui.main_window import MainWindow
from viewmodels.app_viewmodel import AppViewModel

if TYPE_CHECKING:
    from pathlib import Path


def shell_app(tmp_path: Path) -> AppViewModel:
    """An :class:`AppViewModel` with settings in ``tmp_path`` and a synchronous worker."""
    loader, delta, changes, _ = engine()
    settings = QSettings(str(tmp_path / "atlas.ini"), QSettings.Format.IniFormat)
    return AppViewModel(settings, synchronous=True, loader=loader, delta=delta, changes=changes)


def shell_window(qtbot, tmp_path: Path, *, regions: bool = False) -> MainWindow:
    """The main window on :func:`shell_app` (errors ignored), with the regions feature if asked."""
    window = MainWindow(shell_app(tmp_path), error=lambda _w, _m: None)
    if regions:
        from ui.regions_feature import install_regions

        install_regions(window)
    qtbot.addWidget(window)
    return window
