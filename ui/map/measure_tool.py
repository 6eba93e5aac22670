"""The measure tool on the map: gestures in, a line or polygon with its figure out.

Follows the pattern of :mod:`ui.map.region_tools`: :class:`MeasureTool` implements the map's
tool protocol (``MapView.set_tool``) and only turns gestures into
:class:`~viewmodels.measure_viewmodel.MeasureViewModel` commands (QGIS's: left-click adds a
vertex, right-click or double-click ends, Backspace takes one back, Esc clears, Ctrl+C copies
the result). :class:`MeasureOverlay` draws the shape and its figure;
:class:`MeasureToolBinding` gives the map's mouse to the tool while a measure mode is on, and
takes it from (or yields it to) the region tools.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QGraphicsItem

    from viewmodels.measure_viewmodel import MeasureViewModel

XY = tuple[float, float]
COLOR = "#d6008f"
"""Magenta: apart from the map's gained/lost colours and the regions' orange."""
Z_MEASURE = 700.0


class MeasureTool:
    """Turns map gestures into measure commands (xy in display metres)."""

    def __init__(self, vm: MeasureViewModel) -> None:
        self._vm = vm

    def mouse_press(self, event: Any, xy: XY) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._vm.add_vertex(xy)
        elif event.button() == Qt.MouseButton.RightButton:
            self._vm.finish()

    def mouse_move(self, event: Any, xy: XY) -> None:
        self._vm.move_cursor(xy)

    def mouse_release(self, event: Any, xy: XY) -> None:
        return None

    def mouse_double_click(self, event: Any, xy: XY) -> None:
        self._vm.finish()

    def key_press(self, event: Any) -> bool:
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Copy):
            copy_result(self._vm)
        elif key == Qt.Key.Key_Escape:
            if self._vm.vertices():
                self._vm.clear()
            else:
                self._vm.set_mode("none")
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._vm.undo_vertex()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._vm.finish()
        else:
            return False
        return True

    def cancel(self) -> None:
        """The tool is taken away: forget the shape."""
        self._vm.clear()


def copy_result(vm: MeasureViewModel) -> str:
    """Put the result line on the clipboard; return it."""
    text = vm.text()
    if text:
        QGuiApplication.clipboard().setText(text)
    return text


class MeasureOverlay(QObject):
    """The measured line or polygon, its vertices and its figure, in the map's view box.

    A child of the viewmodel, so it lives as long as the viewmodel does.

    Parameters
    ----------
    vm : MeasureViewModel
        What to draw.
    add_item, remove_item : callable
        ``MapView.add_overlay_item`` and ``ViewBox.removeItem``.
    """

    def __init__(
        self,
        vm: MeasureViewModel,
        add_item: Callable[[QGraphicsItem], None],
        remove_item: Callable[[QGraphicsItem], None],
    ) -> None:
        super().__init__(vm)
        self._vm, self._remove = vm, remove_item
        fill = pg.mkBrush(214, 0, 143, 40)
        self.line = pg.PlotCurveItem(pen=pg.mkPen(COLOR, width=2.5), brush=fill)
        self.points = pg.ScatterPlotItem(
            size=7, symbol="o", pen=pg.mkPen(COLOR, width=1.5), brush=pg.mkBrush("w")
        )
        self.label = pg.TextItem(anchor=(0.0, 1.2))
        for offset, item in enumerate((self.line, self.points, self.label)):
            item.setZValue(Z_MEASURE + offset)
            add_item(item)
        vm.sig_shape_changed.connect(self._on_vm_shape_changed)
        self._on_vm_shape_changed()

    def close(self) -> None:
        self._vm.sig_shape_changed.disconnect(self._on_vm_shape_changed)
        for item in (self.line, self.points, self.label):
            self._remove(item)

    def _on_vm_shape_changed(self) -> None:
        path = self._vm.path()
        if not path:
            self.line.setData([], [])
            self.points.setData([], [])
            for item in (self.line, self.points, self.label):
                item.setVisible(False)  # empty items still cost a repaint
            return
        closed = self._vm.mode() == "area" and len(path) >= 3
        xy = np.asarray([*path, path[0]] if closed else path, dtype=float)
        self.line.setData(xy[:, 0], xy[:, 1], fillLevel="enclosed" if closed else None)
        vertices = np.asarray(self._vm.vertices(), dtype=float)
        self.points.setData(vertices[:, 0], vertices[:, 1])
        self.line.setVisible(True)
        self.points.setVisible(True)
        self.label.setHtml(
            f"<div style='color:{COLOR}; background:rgba(255,255,255,220); "
            f"font-weight:bold'>&nbsp;{html.escape(self._vm.text())}&nbsp;</div>"
        )
        self.label.setPos(*path[-1])
        view_box = self.label.getViewBox()
        right = view_box is not None and path[-1][0] > view_box.viewRect().center().x()
        self.label.setAnchor((1.0, 1.2) if right else (0.0, 1.2))  # keep it inside the map
        self.label.setVisible(True)


class MeasureToolBinding(QObject):
    """Keeps the map's tool on :class:`MeasureTool` while a measure mode is on.

    A child of the viewmodel, so it lives as long as the viewmodel does.

    Parameters
    ----------
    vm : MeasureViewModel
        Holds the mode.
    set_tool, current_tool : callable
        The map's ``set_tool`` and ``tool``.
    regions : object, optional
        The regions' viewmodel (``set_tool``, ``sig_tool_changed``): turning measuring on puts
        its drawing tool away, and picking a drawing tool turns measuring off.
    """

    def __init__(
        self,
        vm: MeasureViewModel,
        set_tool: Callable[[Any], None],
        current_tool: Callable[[], Any],
        regions: Any = None,
    ) -> None:
        super().__init__(vm)
        self._vm, self._set_tool, self._current = vm, set_tool, current_tool
        self._regions = regions
        self.tool = MeasureTool(vm)
        vm.sig_mode_changed.connect(self._on_vm_mode_changed)
        if regions is not None:
            regions.sig_tool_changed.connect(self._on_regions_tool_changed)

    def _on_vm_mode_changed(self, mode: str) -> None:
        if mode == "none":
            if self._current() is self.tool:
                self._set_tool(None)
            return
        if self._regions is not None:
            self._regions.set_tool("none")
        self._set_tool(self.tool)

    def _on_regions_tool_changed(self, tool: str) -> None:
        if tool != "none":
            self._vm.set_mode("none")
