"""The pyqtgraph pieces of the canvas: a map ViewBox and a GraphicsView that routes input.

Input goes, in order, to the active tool (``MapView.set_tool``: left and right buttons, keys),
then to pyqtgraph's ViewBox: wheel zooms around the cursor, left-drag pans, Shift+left-drag zooms
to a box, right-drag zooms. There is no context menu (the app has its own menus). Keyboard:
arrows pan, +/- zoom, Home or F fit. Screen-space overlays (labels, scale bar, north arrow) are
drawn in ``drawForeground`` by a callback, so they are never scaled with the view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter

PAN_FRACTION = 0.15
ZOOM_STEP = 1.25
TOOL_BUTTONS = Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton
"""Buttons a tool takes (the regions edit tool deletes a vertex on right-click)."""


class MapTool(Protocol):
    """What a canvas tool implements (xy in display metres)."""

    def mouse_press(self, event: QMouseEvent, xy: tuple[float, float]) -> None: ...
    def mouse_move(self, event: QMouseEvent, xy: tuple[float, float]) -> None: ...
    def mouse_release(self, event: QMouseEvent, xy: tuple[float, float]) -> None: ...
    def mouse_double_click(self, event: QMouseEvent, xy: tuple[float, float]) -> None: ...
    def key_press(self, event: QKeyEvent) -> bool: ...


class MapViewBox(pg.ViewBox):
    """Aspect-locked ViewBox in display metres; Shift+drag zooms to a box."""

    def __init__(self) -> None:
        super().__init__(lockAspect=True, enableMenu=False, invertY=False)
        self.setMouseMode(pg.ViewBox.PanMode)
        self.disableAutoRange()
        self.setLimits(minXRange=500.0, maxXRange=8.0e6, minYRange=500.0, maxYRange=8.0e6)

    def mouseDragEvent(self, ev: Any, axis: int | None = None) -> None:
        boxed = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.state["mouseMode"] = pg.ViewBox.RectMode if boxed else pg.ViewBox.PanMode
        try:
            super().mouseDragEvent(ev, axis)
        finally:
            self.state["mouseMode"] = pg.ViewBox.PanMode

    def zoom_by(self, factor: float) -> None:
        """Zoom around the view centre; ``factor`` > 1 zooms in."""
        self.scaleBy((1.0 / factor, 1.0 / factor))

    def pan_by(self, fx: float, fy: float) -> None:
        """Pan by fractions of the view's width and height."""
        rect = self.viewRect()
        self.translateBy((fx * rect.width(), fy * rect.height()))


class MapGraphicsView(pg.GraphicsView):
    """Hosts the :class:`MapViewBox`; routes mouse and keys to a tool, draws overlays."""

    def __init__(self, view_box: MapViewBox, parent: Any = None) -> None:
        super().__init__(parent, background=None)
        self.setOptimizationFlag(self.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.view_box = view_box
        self.setCentralItem(view_box)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.tool: MapTool | None = None
        self.on_cursor: Callable[[tuple[float, float] | None], None] | None = None
        self.on_fit: Callable[[], None] | None = None
        self.on_foreground: Callable[[QPainter, QRectF], None] | None = None

    def view_xy(self, pos: QPointF) -> tuple[float, float]:
        """Widget position → display metres."""
        point = self.view_box.mapSceneToView(self.mapToScene(pos.toPoint()))
        return float(point.x()), float(point.y())

    def _tool_takes(self, event: QMouseEvent) -> bool:
        """A tool takes left and right presses and releases, and moves with either held."""
        return self.tool is not None and bool((event.button() | event.buttons()) & TOOL_BUTTONS)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._tool_takes(event) and self.tool is not None:
            self.tool.mouse_press(event, self.view_xy(event.position()))
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        xy = self.view_xy(event.position())
        if self.on_cursor is not None:
            self.on_cursor(xy)
        if self.tool is not None:
            self.tool.mouse_move(event, xy)
            if event.buttons() & TOOL_BUTTONS:
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._tool_takes(event) and self.tool is not None:
            self.tool.mouse_release(event, self.view_xy(event.position()))
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.tool is not None:
            self.tool.mouse_double_click(event, self.view_xy(event.position()))
            return
        super().mouseDoubleClickEvent(event)

    def leaveEvent(self, event: Any) -> None:
        if self.on_cursor is not None:
            self.on_cursor(None)
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.tool is not None and self.tool.key_press(event):
            return
        key = event.key()
        pans: dict[object, tuple[float, float]] = {
            Qt.Key.Key_Left: (-PAN_FRACTION, 0.0),
            Qt.Key.Key_Right: (PAN_FRACTION, 0.0),
            Qt.Key.Key_Up: (0.0, PAN_FRACTION),
            Qt.Key.Key_Down: (0.0, -PAN_FRACTION),
        }
        if key in pans:
            self.view_box.pan_by(*pans[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.view_box.zoom_by(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.view_box.zoom_by(1.0 / ZOOM_STEP)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_F) and self.on_fit is not None:
            self.on_fit()
        else:
            super().keyPressEvent(event)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        if self.on_foreground is not None:
            painter.save()
            painter.resetTransform()
            self.on_foreground(painter, QRectF(self.viewport().rect()))
            painter.restore()
