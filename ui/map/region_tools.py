"""Map tools that draw and edit regions, and a small host that feeds them a view box's mouse.

A tool is any object with ``mouse_press(event, xy)``, ``mouse_move(event, xy)``,
``mouse_release(event, xy)``, ``mouse_double_click(event, xy)`` and ``key_press(event) -> bool``
(xy in display metres), the protocol of ``MapView.set_tool``. Tools only translate gestures
into :class:`~viewmodels.regions_viewmodel.RegionsViewModel` commands.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import shapely
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent

from ui.bind import Bindings

if TYPE_CHECKING:
    from collections.abc import Callable

    from pyqtgraph import GraphicsView, ViewBox

    from ui.map.region_items import RegionsOverlay
    from viewmodels.regions_viewmodel import RegionsViewModel

XY = tuple[float, float]
HIT_PX = 8.0
_drags = itertools.count(1)


class _Tool:
    """Shared plumbing: the viewmodel, the overlay and the size of a screen pixel in metres."""

    def __init__(
        self, vm: RegionsViewModel, overlay: RegionsOverlay, pixel_m: Callable[[], float]
    ) -> None:
        self._vm, self._overlay, self._pixel_m = vm, overlay, pixel_m

    def mouse_press(self, event: Any, xy: XY) -> None:
        return None

    def mouse_move(self, event: Any, xy: XY) -> None:
        return None

    def mouse_release(self, event: Any, xy: XY) -> None:
        return None

    def mouse_double_click(self, event: Any, xy: XY) -> None:
        return None

    def key_press(self, event: Any) -> bool:
        return False

    def cancel(self) -> None:
        """Abandon any gesture in progress."""
        self._overlay.set_preview(None)

    def _finish(self, xy: list[XY]) -> None:
        self._overlay.set_preview(None)
        self._vm.add_region(xy)
        self._vm.set_tool("edit")


class PolygonTool(_Tool):
    """Click vertices; double-click or Enter closes; Backspace drops the last; Esc cancels."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.vertices: list[XY] = []
        self._cursor: XY | None = None

    def mouse_press(self, event: Any, xy: XY) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.vertices and _distance(self.vertices[-1], xy) < 2 * self._pixel_m():
            return
        self.vertices.append(xy)
        self._show()

    def mouse_move(self, event: Any, xy: XY) -> None:
        self._cursor = xy
        self._show()

    def mouse_double_click(self, event: Any, xy: XY) -> None:
        self.mouse_press(event, xy)
        self._close()

    def key_press(self, event: Any) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._close()
        elif key == Qt.Key.Key_Backspace and self.vertices:
            self.vertices.pop()
            self._show()
        elif key == Qt.Key.Key_Escape:
            self.cancel()
        else:
            return False
        return True

    def cancel(self) -> None:
        self.vertices = []
        super().cancel()

    def _close(self) -> None:
        if len(self.vertices) >= 3:
            vertices, self.vertices = self.vertices, []
            self._finish(vertices)

    def _show(self) -> None:
        tail = [self._cursor] if self._cursor is not None and self.vertices else []
        self._overlay.set_preview([*self.vertices, *tail], closed=len(self.vertices) >= 2)


class RectangleTool(_Tool):
    """Drag from one corner to the opposite one; Esc cancels."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._start: XY | None = None

    def mouse_press(self, event: Any, xy: XY) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._start = xy

    def mouse_move(self, event: Any, xy: XY) -> None:
        if self._start is not None:
            self._overlay.set_preview(_corners(self._start, xy), closed=True)

    def mouse_release(self, event: Any, xy: XY) -> None:
        start, self._start = self._start, None
        if start is None:
            return
        small = 3 * self._pixel_m()
        if abs(xy[0] - start[0]) < small or abs(xy[1] - start[1]) < small:
            self.cancel()
            return
        self._finish(_corners(start, xy))

    def key_press(self, event: Any) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self._start = None
            self.cancel()
            return True
        return False


class EditTool(_Tool):
    """Select a region; drag a vertex or the whole region; double-click an edge to insert a
    vertex; right-click a vertex (or Delete on the selected one) to remove it."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._drag: tuple[str, int, int] | None = None
        self._last: XY | None = None

    def mouse_press(self, event: Any, xy: XY) -> None:
        selected, vertex = self._vm.selected(), self._vertex_at(xy)
        if event.button() == Qt.MouseButton.RightButton:
            if selected is not None and vertex is not None:
                self._vm.delete_vertex(selected, vertex)
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if selected is not None and vertex is not None:
            self._vm.select(selected, vertex)
            self._drag = ("vertex", selected, next(_drags))
        else:
            hit = self._region_at(xy)
            self._vm.select(hit)
            self._drag = ("region", hit, next(_drags)) if hit is not None else None
        self._last = xy

    def mouse_move(self, event: Any, xy: XY) -> None:
        if self._drag is None or self._last is None:
            return
        kind, region_id, token = self._drag
        if kind == "vertex":
            vertex = self._vm.selected_vertex()
            if vertex is not None:
                self._vm.move_vertex(region_id, vertex, xy, drag=token)
        else:
            dx, dy = xy[0] - self._last[0], xy[1] - self._last[1]
            if dx or dy:
                self._vm.move_region(region_id, dx, dy, drag=token)
        self._last = xy

    def mouse_release(self, event: Any, xy: XY) -> None:
        self._drag, self._last = None, None

    def mouse_double_click(self, event: Any, xy: XY) -> None:
        selected = self._vm.selected()
        if selected is None or self._vertex_at(xy) is not None:
            return
        ring = np.asarray(self._vm.region(selected).xy)
        edge, distance, foot = _nearest_edge(ring, np.asarray(xy, dtype=float))
        if distance <= HIT_PX * self._pixel_m():
            self._vm.insert_vertex(selected, edge + 1, (float(foot[0]), float(foot[1])))
            self._vm.select(selected, edge + 1)

    def key_press(self, event: Any) -> bool:
        selected = self._vm.selected()
        if event.key() not in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) or selected is None:
            return False
        vertex = self._vm.selected_vertex()
        if vertex is None:
            self._vm.delete_region(selected)
        else:
            self._vm.delete_vertex(selected, vertex)
        return True

    def _vertex_at(self, xy: XY) -> int | None:
        selected = self._vm.selected()
        if selected is None:
            return None
        ring = np.asarray(self._vm.region(selected).xy)
        distances = np.hypot(ring[:, 0] - xy[0], ring[:, 1] - xy[1])
        best = int(np.argmin(distances))
        return best if distances[best] <= HIT_PX * self._pixel_m() else None

    def _region_at(self, xy: XY) -> int | None:
        """The topmost visible region under ``xy``; the selected one also within a few pixels
        of its outline, so that the first click of a double-click on an edge keeps it."""
        selected = self._vm.selected()
        states = [s for s in self._vm.regions() if s.visible]
        states.sort(key=lambda s: s.id == selected)
        for state in reversed(states):
            polygon = shapely.Polygon(state.xy)
            slack = HIT_PX * self._pixel_m() if state.id == selected else 0.0
            if (
                shapely.dwithin(polygon, shapely.Point(xy), slack)
                if slack
                else shapely.contains_xy(polygon, *xy)
            ):
                return state.id
        return None


def _distance(a: XY, b: XY) -> float:
    return float(np.hypot(a[0] - b[0], a[1] - b[1]))


def _corners(a: XY, b: XY) -> list[XY]:
    return [(a[0], a[1]), (b[0], a[1]), (b[0], b[1]), (a[0], b[1])]


def _nearest_edge(ring: np.ndarray, point: np.ndarray) -> tuple[int, float, np.ndarray]:
    """Index of the closed ring's edge nearest ``point``, the distance and the foot point."""
    start, end = ring, np.roll(ring, -1, axis=0)
    seg = end - start
    t = np.clip(((point - start) * seg).sum(1) / np.maximum((seg * seg).sum(1), 1e-12), 0, 1)
    feet = start + t[:, None] * seg
    distances = np.hypot(*(feet - point).T)
    best = int(np.argmin(distances))
    return best, float(distances[best]), feet[best]


TOOL_CLASSES: dict[str, type[_Tool]] = {
    "polygon": PolygonTool,
    "rectangle": RectangleTool,
    "edit": EditTool,
}


def make_tool(
    name: str, vm: RegionsViewModel, overlay: RegionsOverlay, pixel_m: Callable[[], float]
) -> _Tool | None:
    """The tool called ``name`` (``none`` gives ``None``)."""
    cls = TOOL_CLASSES.get(name)
    return cls(vm, overlay, pixel_m) if cls else None


def view_box_pixel_m(view_box: ViewBox) -> Callable[[], float]:
    """A callable giving the current size of one screen pixel in display metres."""
    return lambda: float(max(view_box.viewPixelSize()))


class ViewBoxToolHost(QObject):
    """Routes a ``pyqtgraph`` view's mouse and keys to a tool (for hosts without ``set_tool``).

    While a tool is set, left and right clicks go to it instead of panning or the context menu;
    the wheel still zooms.
    """

    _MOUSE: ClassVar[dict[QEvent.Type, str]] = {
        QEvent.Type.MouseButtonPress: "mouse_press",
        QEvent.Type.MouseMove: "mouse_move",
        QEvent.Type.MouseButtonRelease: "mouse_release",
        QEvent.Type.MouseButtonDblClick: "mouse_double_click",
    }

    def __init__(self, view: GraphicsView, view_box: ViewBox) -> None:
        super().__init__(view)
        self._view, self._view_box = view, view_box
        self.tool: Any = None
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)

    def set_tool(self, tool: Any) -> None:
        self.tool = tool

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.tool is None:
            return False
        if event.type() == QEvent.Type.KeyPress:
            return bool(self.tool.key_press(event))
        method = self._MOUSE.get(event.type())
        if method is None or watched is not self._view.viewport():
            return False
        if not isinstance(event, QMouseEvent):
            return False
        scene = self._view.mapToScene(event.position().toPoint())
        point = self._view_box.mapSceneToView(QPointF(scene))
        getattr(self.tool, method)(event, (float(point.x()), float(point.y())))
        return True


class RegionToolsBinding:
    """Keeps the map's active tool in step with ``RegionsViewModel.tool()``.

    Parameters
    ----------
    vm : RegionsViewModel
        Holds the chosen tool.
    overlay : RegionsOverlay
        Where tools draw their preview.
    set_tool : callable
        The host's ``set_tool`` (``MapView.set_tool`` or :meth:`ViewBoxToolHost.set_tool`).
    pixel_m : callable
        Size of a screen pixel in display metres (:func:`view_box_pixel_m`).
    """

    def __init__(
        self,
        vm: RegionsViewModel,
        overlay: RegionsOverlay,
        set_tool: Callable[[Any], None],
        pixel_m: Callable[[], float],
    ) -> None:
        self._vm, self._overlay, self._set_tool, self._pixel_m = vm, overlay, set_tool, pixel_m
        self.tool: _Tool | None = None
        self._bindings = Bindings()
        self._bindings.connect(vm.sig_tool_changed, self._on_vm_tool_changed)
        self._on_vm_tool_changed(vm.tool())

    def close(self) -> None:
        """Disconnect from the viewmodel and give the mouse back to panning."""
        self._bindings.unbind()
        if self.tool is not None:
            self.tool.cancel()
        self.tool = None
        self._set_tool(None)

    def _on_vm_tool_changed(self, name: str) -> None:
        if self.tool is not None:
            self.tool.cancel()
        self.tool = make_tool(name, self._vm, self._overlay, self._pixel_m)
        self._set_tool(self.tool)
