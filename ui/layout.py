"""The main window's default dock layout: one that fits a 1280×720 laptop and grows with it.

The map takes the middle, at least half of the window's area on every screen from 1280×720 up.
The timeline is a strip under the map (it is always in use). On the right, the comparison table
sits on top (it is the map's legend while comparing) and every other panel is a tab below it:
Layers, Oblasts, Regions, Chart, Problems (and Welcome while nothing is loaded), so each one is
reachable without undocking and none draws over another. View → Reset layout applies it again.

Docks are found by object name (``dock_<key>``), so a feature that adds its dock later (e.g. the
regions) is placed with :func:`place_dock` when it arrives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

if TYPE_CHECKING:
    from collections.abc import Iterable

LAYOUT_VERSION = 4
"""Bumped whenever the default layout changes, so an older saved layout is not restored."""
BOTTOM = ("timeline",)
RIGHT_TOP = ("compare",)
RIGHT_TABS = ("welcome", "layers", "oblasts", "regions", "chart", "problems")
"""Tabs of the right column, in order; the first one present holds the others."""
DEFAULT_SIZE = (1500, 950)
"""The window's size where the screen has room for it."""
FRAME_ROOM = (16, 40)
"""Left for the window manager's frame and title bar on a smaller screen (px)."""


def docks_of(window: QMainWindow) -> dict[str, QDockWidget]:
    """The window's docks by key (``dock_layers`` → ``layers``): its direct children only (a
    recursive search walks every widget of every panel, 5–15 ms a call at launch)."""
    found = window.findChildren(QDockWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return {d.objectName().removeprefix("dock_"): d for d in found}


def right_width(window_width: int) -> int:
    """Width of the right column: 28 % of the window, 330–560 px."""
    return max(330, min(560, round(0.28 * window_width)))


def initial_geometry(available: QRect) -> QRect:
    """Where a window without saved geometry opens: its default size, or the screen's room."""
    width = min(DEFAULT_SIZE[0], available.width() - FRAME_ROOM[0])
    height = min(DEFAULT_SIZE[1], available.height() - FRAME_ROOM[1])
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def available_geometry(widget: QWidget) -> QRect:
    """The available geometry of the screen ``widget`` is on (the primary one before shown)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def _present(docks: dict[str, QDockWidget], keys: Iterable[str]) -> list[QDockWidget]:
    return [docks[k] for k in keys if k in docks]


def arrange(window: QMainWindow) -> None:
    """Lay every dock out as described in the module docstring (floating docks come home)."""
    docks = docks_of(window)
    for dock in docks.values():
        dock.setFloating(False)
        window.removeDockWidget(dock)
    area = Qt.DockWidgetArea
    for dock in _present(docks, BOTTOM):
        window.addDockWidget(area.BottomDockWidgetArea, dock)
        if dock.titleBarWidget() is None:
            dock.setTitleBarWidget(QWidget(dock))  # a strip: its controls say what it is
    top, tabs = _present(docks, RIGHT_TOP), _present(docks, RIGHT_TABS)
    for dock in [*top, *tabs[:1]]:
        window.addDockWidget(area.RightDockWidgetArea, dock, Qt.Orientation.Vertical)
    for dock in tabs[1:]:
        window.tabifyDockWidget(tabs[0], dock)
    for dock in docks.values():
        dock.show()
    if "welcome" in docks:
        docks["welcome"].hide()
    raise_tab(window, "layers")
    if window.isVisible():
        resize_defaults(window)
    else:
        _SizesOnShow(window)


class _SizesOnShow(QObject):
    """Applies :func:`resize_defaults` once the window is first shown (sizes set before are
    lost when the layout first settles); :func:`keep_restored_sizes` cancels it."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("layout_sizes_on_show")
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QMainWindow):
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: resize_defaults(watched))
            self.deleteLater()
        return False


def keep_restored_sizes(window: QMainWindow) -> None:
    """A saved layout was restored: do not apply the default sizes on show."""
    for pending in window.findChildren(_SizesOnShow):
        window.removeEventFilter(pending)
        pending.deleteLater()


def resize_defaults(window: QMainWindow) -> None:
    """Give the right column its default width.

    Its height is shared by the comparison, which never gets less than the height of its
    numbers (``ComparePanel.minimumSizeHint``: Gained, Lost and Net show without scrolling), and
    the tabs below, which take the rest.
    """
    docks = docks_of(window)
    right = _present(docks, RIGHT_TOP + RIGHT_TABS)
    if right:
        window.resizeDocks(right[:1], [right_width(window.width())], Qt.Orientation.Horizontal)


def raise_tab(window: QMainWindow, key: str) -> None:
    """Bring the tab ``key`` to the front of the right column (if it is there and shown)."""
    dock = docks_of(window).get(key)
    if dock is not None and not dock.isHidden():
        dock.raise_()


def place_dock(window: QMainWindow, dock: QDockWidget) -> None:
    """Put a dock that arrives after :func:`arrange` where the default layout has it."""
    key = dock.objectName().removeprefix("dock_")
    if key not in RIGHT_TABS:
        return
    docks = docks_of(window)
    others = [d for d in _present(docks, RIGHT_TABS) if d is not dock and not d.isFloating()]
    holder = next((d for d in others if not d.isHidden()), None)
    if holder is not None:
        window.tabifyDockWidget(holder, dock)
        front = "welcome" if not docks.get("welcome", dock).isHidden() else "layers"
        raise_tab(window, front)


def dock_floating_over(window: QMainWindow) -> None:
    """Dock again every floating dock restored on top of the window (it would hide panels)."""
    frame = window.frameGeometry()
    for dock in docks_of(window).values():
        if dock.isFloating() and dock.frameGeometry().intersects(frame):
            dock.setFloating(False)
