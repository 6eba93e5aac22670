"""The application's icon and desktop identity, shared by the window and the desktop entry."""

from __future__ import annotations

from geo.resources import resource_path
from ui.file_types import APP_ID


def apply_identity() -> None:
    """Window icon from the resources (checkout or build) and the desktop file name.

    ``setDesktopFileName`` lets Wayland compositors and docks match the windows to the
    installed ``frontline-atlas.desktop`` entry (its icon and name).
    """
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QIcon

    icon = QIcon(str(resource_path("icons", f"{APP_ID}.svg")))
    for png in sorted(resource_path("icons", "png").glob("*.png")):
        side = int(png.stem)  # named by size (64.png): Qt then reads the file only when drawn
        icon.addFile(str(png), QSize(side, side))
    QGuiApplication.setWindowIcon(icon)
    QGuiApplication.setDesktopFileName(APP_ID)
