"""Drawing and editing regions with the mouse on a locked-aspect pyqtgraph host."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
import shapely
from PySide6.QtCore import QPoint, QPointF, Qt

from geo.projection import to_display, to_lonlat
from tests.viewmodels.test_regions_stats import KURAKHOVE
from ui.map.region_items import RegionsOverlay
from ui.map.region_tools import RegionToolsBinding, ViewBoxToolHost, view_box_pixel_m
from viewmodels.regions_viewmodel import RegionsViewModel


class Canvas:
    """A PlotWidget with locked aspect around Kurakhove, the overlay and the tool binding."""

    def __init__(self, qtbot) -> None:
        self.vm = RegionsViewModel()
        self.widget = pg.PlotWidget()
        qtbot.addWidget(self.widget)
        self.widget.resize(800, 600)
        self.vb = self.widget.getViewBox()
        self.vb.setAspectLocked(True)
        cx, cy = (float(v[0]) for v in to_display(np.array([KURAKHOVE[0]]), [KURAKHOVE[1]]))
        self.vb.setRange(xRange=(cx - 30e3, cx + 30e3), yRange=(cy - 20e3, cy + 20e3), padding=0)
        self.centre = (cx, cy)
        self.overlay = RegionsOverlay(self.vm, self.vb.addItem, self.vb.removeItem)
        self.host = ViewBoxToolHost(self.widget, self.vb)
        self.binding = RegionToolsBinding(
            self.vm, self.overlay, self.host.set_tool, view_box_pixel_m(self.vb)
        )
        self.widget.show()
        qtbot.waitExposed(self.widget)
        self.qtbot = qtbot

    def pixel(self, dx_km: float, dy_km: float) -> QPoint:
        """The widget pixel nearest the point ``dx, dy`` km from the centre."""
        return self.pixel_of((self.centre[0] + dx_km * 1e3, self.centre[1] + dy_km * 1e3))

    def pixel_of(self, xy: tuple[float, float]) -> QPoint:
        """The widget pixel nearest display point ``xy``."""
        return self.widget.mapFromScene(self.vb.mapViewToScene(QPointF(*xy)))

    def view_xy(self, pixel: QPoint) -> tuple[float, float]:
        """Where a click on ``pixel`` lands, in display metres (through the view box)."""
        point = self.vb.mapSceneToView(QPointF(self.widget.mapToScene(pixel)))
        return (point.x(), point.y())

    def click(self, pixel: QPoint, button=Qt.MouseButton.LeftButton) -> None:
        self.qtbot.mouseClick(self.widget.viewport(), button, pos=pixel)

    def drag(self, start: QPoint, end: QPoint) -> None:
        port = self.widget.viewport()
        self.qtbot.mousePress(port, Qt.MouseButton.LeftButton, pos=start)
        for t in (0.3, 0.6, 1.0):
            step = QPoint(round(start.x() + t * (end.x() - start.x())),
                          round(start.y() + t * (end.y() - start.y())))  # fmt: skip
            self.qtbot.mouseMove(port, step)
        self.qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, pos=end)

    def double_click(self, pixel: QPoint) -> None:
        self.qtbot.mouseDClick(self.widget.viewport(), Qt.MouseButton.LeftButton, pos=pixel)
        self.qtbot.mouseRelease(self.widget.viewport(), Qt.MouseButton.LeftButton, pos=pixel)

    def key(self, key: Qt.Key) -> None:
        self.qtbot.keyClick(self.widget, key)


def assert_lonlat_matches(region_lonlat, clicked: list[tuple[float, float]]) -> None:
    """Each clicked vertex, mapped with to_lonlat, is a vertex of the stored lon/lat ring."""
    ring = shapely.get_coordinates(region_lonlat.exterior)
    for x, y in clicked:
        lon, lat = to_lonlat(np.array([x]), np.array([y]))
        assert np.min(np.hypot(ring[:, 0] - lon[0], ring[:, 1] - lat[0])) < 1e-9


@pytest.fixture
def canvas(qtbot) -> Canvas:
    return Canvas(qtbot)


def test_polygon_tool_clicks_vertices_and_closes_on_double_click(canvas: Canvas) -> None:
    canvas.vm.set_tool("polygon")
    pixels = [canvas.pixel(-10, -5), canvas.pixel(8, -6), canvas.pixel(5, 9), canvas.pixel(-7, 6)]
    for pixel in pixels:
        canvas.click(pixel)
    canvas.double_click(pixels[-1])  # a real double-click: a click, then the double-click
    (state,) = canvas.vm.regions()
    clicked = [canvas.view_xy(p) for p in pixels]
    assert np.allclose(state.xy, clicked)
    assert_lonlat_matches(state.lonlat, clicked)
    assert canvas.vm.tool() == "edit"


def test_polygon_tool_keys(canvas: Canvas) -> None:
    canvas.vm.set_tool("polygon")
    pixels = [canvas.pixel(-10, -5), canvas.pixel(8, -6), canvas.pixel(5, 9), canvas.pixel(0, 0)]
    for pixel in pixels:
        canvas.click(pixel)
    canvas.key(Qt.Key.Key_Backspace)
    canvas.key(Qt.Key.Key_Return)
    (state,) = canvas.vm.regions()
    assert np.allclose(state.xy, [canvas.view_xy(p) for p in pixels[:3]])
    canvas.vm.set_tool("polygon")
    for pixel in pixels[:3]:
        canvas.click(pixel)
    canvas.key(Qt.Key.Key_Escape)
    canvas.key(Qt.Key.Key_Return)
    assert len(canvas.vm.regions()) == 1


def test_rectangle_tool_drag(canvas: Canvas) -> None:
    canvas.vm.set_tool("rectangle")
    start, end = canvas.pixel(-10, -7.5), canvas.pixel(10, 7.5)
    canvas.drag(start, end)
    (state,) = canvas.vm.regions()
    (x0, y0), (x1, y1) = canvas.view_xy(start), canvas.view_xy(end)
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    assert np.allclose(state.xy, corners)
    assert_lonlat_matches(state.lonlat, corners)
    assert abs(x1 - x0) == pytest.approx(20e3, abs=200)


def test_edit_tool_vertex_drag_insert_delete_move_and_undo(canvas: Canvas) -> None:
    vm = canvas.vm
    cx, cy = canvas.centre
    region_id = vm.add_region([(cx - 10e3, cy - 5e3), (cx + 10e3, cy - 5e3), (cx, cy + 10e3)])
    vm.set_tool("edit")
    original = vm.region(region_id).xy
    canvas.drag(canvas.pixel(-10, -5), canvas.pixel(-15, -8))
    moved = vm.region(region_id).xy
    assert np.allclose(moved[0], canvas.view_xy(canvas.pixel(-15, -8)))
    assert moved[1:] == original[1:]
    edge = canvas.pixel_of(tuple(np.add(moved[0], moved[1]) / 2))  # middle of the south edge
    south_mid = canvas.view_xy(edge)
    canvas.click(edge)
    canvas.double_click(edge)
    assert len(vm.region(region_id).xy) == 4
    assert vm.selected_vertex() == 1
    assert np.hypot(*(np.subtract(vm.region(region_id).xy[1], south_mid))) < 500
    inserted = canvas.pixel_of(vm.region(region_id).xy[1])
    canvas.click(inserted, Qt.MouseButton.RightButton)  # right-click deletes a vertex
    assert vm.region(region_id).xy == moved
    before = vm.region(region_id).xy
    canvas.drag(canvas.pixel(0, 0), canvas.pixel(3, 2))  # drag inside: move the region
    after = vm.region(region_id).xy
    shift = np.subtract(canvas.view_xy(canvas.pixel(3, 2)), canvas.view_xy(canvas.pixel(0, 0)))
    assert np.allclose(np.subtract(after, before), shift)
    canvas.qtbot.keyClick(canvas.widget, Qt.Key.Key_Delete)  # no vertex selected: the region
    assert vm.regions() == []
    steps = vm.undo_stack.count()
    assert steps == 6  # add, vertex drag, insert, delete vertex, move, delete region
    for _ in range(steps):
        vm.undo_stack.undo()
    assert vm.regions() == []
    for _ in range(steps - 1):
        vm.undo_stack.redo()
    assert vm.region(region_id).xy == after
    vm.undo_stack.redo()
    assert vm.regions() == []


def test_overlay_draws_regions_and_handles(canvas: Canvas) -> None:
    vm = canvas.vm
    cx, cy = canvas.centre
    region_id = vm.add_region([(cx, cy), (cx + 5e3, cy), (cx, cy + 5e3)], name="Kurakhove")
    shape = canvas.overlay.shape_item(region_id)
    assert shape.path().elementCount() >= 3
    assert len(canvas.overlay.handles.data) == 3
    assert "Kurakhove" in canvas.overlay.label_item(region_id).textItem.toPlainText()
    vm.set_visible(region_id, False)
    assert not shape.isVisible()
    vm.delete_region(region_id)
    assert len(canvas.overlay.handles.data) == 0
