"""MapView built from real viewmodels, real DeepState days and the bundled basemap."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from pyproj import Geod
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from shapely.ops import polylabel

from geo.projection import to_display
from tests.paths import DEEPSTATE
from ui.map import MapView
from ui.map.frame import Frame
from ui.map.north_arrow import north_angle_deg
from ui.map.scale_bar import bar_for
from ui.map.styles import NO_BASEMAP, SEA
from viewmodels.basemap_viewmodel import loaded_basemap
from viewmodels.layers_viewmodel import LayersViewModel
from viewmodels.map_viewmodel import CompareGeometries, MapViewModel

SERIES = "DeepState"


def _day(stamp: str) -> shapely.Geometry:
    text = (DEEPSTATE / f"deepstatemap_data_{stamp}.geojson").read_text()
    return shapely.get_geometry(shapely.from_geojson(text), 0)


@pytest.fixture(scope="module")
def days() -> tuple[shapely.Geometry, shapely.Geometry]:
    return _day("20241101"), _day("20241120")


@pytest.fixture
def view(qtbot, days):
    map_vm, layers_vm = MapViewModel(), LayersViewModel()
    layers_vm.set_series_layers([SERIES])
    widget = MapView(map_vm, layers_vm, basemap=loaded_basemap())
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    a, b = days
    map_vm.set_shown({SERIES: b})
    map_vm.set_compare(CompareGeometries(SERIES, b.difference(a), a.difference(b), a, b))
    return widget


def _largest_inner_point(geometry: shapely.Geometry) -> tuple[float, float]:
    part = max(shapely.get_parts(geometry), key=lambda p: p.area)
    point = polylabel(part, tolerance=1e-5)
    return point.x, point.y


def _render_fill(view: MapView, lon: float, lat: float, size=(900, 600)) -> QColor:
    """The most common colour of the 11×11 pixels around lon/lat: a hatched area's fill colour
    between its hatch lines."""
    from collections import Counter

    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    view.render_into(painter, QRectF(0, 0, *size))
    painter.end()
    centre = _pixel_of(view, lon, lat, size)
    colours = Counter(
        image.pixel(centre[0] + dx, centre[1] + dy) for dx in range(-5, 6) for dy in range(-5, 6)
    )
    return QColor.fromRgba(colours.most_common(1)[0][0])


def _pixel_of(view: MapView, lon: float, lat: float, size) -> tuple[int, int]:
    rect = view.view_box.viewRect()
    scale = min(size[0] / rect.width(), size[1] / rect.height())
    x, y = to_display(np.array([lon]), np.array([lat]))
    col = size[0] / 2 + (x[0] - rect.center().x()) * scale
    row = size[1] / 2 - (y[0] - rect.center().y()) * scale
    return round(col), round(row)


def _render_pixel(view: MapView, lon: float, lat: float, size=(900, 600)) -> QColor:
    """Render into an image and read the pixel at lon/lat (mapped independently of Frame)."""
    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    view.render_into(painter, QRectF(0, 0, *size))
    painter.end()
    rect = view.view_box.viewRect()
    scale = min(size[0] / rect.width(), size[1] / rect.height())
    x, y = to_display(np.array([lon]), np.array([lat]))
    col = size[0] / 2 + (x[0] - rect.center().x()) * scale
    row = size[1] / 2 - (y[0] - rect.center().y()) * scale
    return image.pixelColor(round(col), round(row))


def test_render_into_draws_gained_and_lost_in_their_colours(view, days):
    a, b = days
    lon, lat = _largest_inner_point(b.difference(a))
    view.zoom_to_lonlat((lon - 0.15, lat - 0.1, lon + 0.15, lat + 0.1))
    gained = _render_fill(view, lon, lat)  # crimson (ui.map.compare_style)
    assert gained.red() > 130
    assert gained.green() < 60
    assert gained.blue() < 80
    lon, lat = _largest_inner_point(a.difference(b))
    view.zoom_to_lonlat((lon - 0.03, lat - 0.02, lon + 0.03, lat + 0.02))
    lost = _render_fill(view, lon, lat)  # amber, never a series' colour
    assert lost.red() > 200
    assert lost.green() > 140
    assert lost.blue() < 90


def test_hidden_series_is_not_drawn(view):
    view._map_vm.set_compare(None)
    lon, lat = 34.1, 44.9  # central Crimea: occupied in every DeepState file
    view.zoom_to_lonlat((lon - 0.2, lat - 0.15, lon + 0.2, lat + 0.15))
    shown = _render_pixel(view, lon, lat)
    view._layers_vm.set_visible(SERIES, False)
    hidden = _render_pixel(view, lon, lat)
    assert shown.red() - shown.green() > 40
    assert abs(hidden.red() - hidden.green()) < 15  # land colour: nearly grey-beige


def test_fit_to_data_covers_the_shown_geometry(view, days):
    view.fit_to_data()
    rect = view.view_box.viewRect()
    x0, y0, x1, y1 = shapely.bounds(days[1])
    xs, ys = to_display(np.array([x0, x1, x0, x1]), np.array([y0, y0, y1, y1]))
    assert rect.left() <= xs.min()
    assert rect.right() >= xs.max()
    assert rect.top() <= ys.min()
    assert rect.bottom() >= ys.max()


def test_view_bbox_reaches_the_viewmodel(qtbot, view):
    with qtbot.waitSignal(view._map_vm.sig_view_changed, timeout=2000):
        view.zoom_to_lonlat((37.0, 47.8, 37.6, 48.2))
    west, south, east, north = view._map_vm.view_bbox()
    assert west <= 37.0
    assert east >= 37.6
    assert south <= 47.8
    assert north >= 48.2
    assert east - west < 1.5


def test_cursor_is_reported_in_lonlat(qtbot, view):
    view.zoom_to_lonlat((37.0, 47.8, 37.6, 48.2))
    viewport = view.canvas.viewport()
    qtbot.mouseMove(viewport, viewport.rect().center())
    qtbot.mouseMove(viewport, viewport.rect().center() + QPoint(1, 1))
    lon, lat = view._map_vm.cursor()
    assert abs(lon - 37.3) < 0.05
    assert abs(lat - 48.0) < 0.05


def test_keyboard_zooms_and_fits(qtbot, view):
    view.zoom_to_lonlat((30.0, 45.0, 40.0, 52.0))
    width = view.view_box.viewRect().width()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Plus)
    assert view.view_box.viewRect().width() == pytest.approx(width / 1.25, rel=0.02)
    center = view.view_box.viewRect().center()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    assert view.view_box.viewRect().center().x() > center.x()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Home)
    assert view.view_box.viewRect().contains(view.data_bounds())


class _Recorder:
    def __init__(self):
        self.calls = []

    def mouse_press(self, event, xy):
        self.calls.append(("press", xy))

    def mouse_move(self, event, xy):
        self.calls.append(("move", xy))

    def mouse_release(self, event, xy):
        self.calls.append(("release", xy))

    def mouse_double_click(self, event, xy):
        self.calls.append(("double", xy))

    def key_press(self, event):
        self.calls.append(("key", event.key()))
        return event.key() == Qt.Key.Key_Escape


def test_tool_takes_the_left_button(qtbot, view):
    tool = _Recorder()
    view.set_tool(tool)
    before = view.view_box.viewRect()
    viewport = view.canvas.viewport()
    centre = viewport.rect().center()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(viewport, centre + QPoint(80, 40))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=centre + QPoint(80, 40))
    qtbot.keyClick(view.canvas, Qt.Key.Key_Escape)
    kinds = [c[0] for c in tool.calls]
    assert kinds[0] == "press"
    assert "release" in kinds
    assert kinds[-1] == "key"
    expected = view.view_box.mapSceneToView(view.canvas.mapToScene(centre))
    assert tool.calls[0][1] == pytest.approx((expected.x(), expected.y()))
    assert view.view_box.viewRect() == before
    view.set_tool(None)
    assert view.tool() is None


def test_north_arrow_follows_meridian_convergence():
    phi1, phi2 = math.radians(45), math.radians(53)
    n = math.log(math.cos(phi1) / math.cos(phi2)) / math.log(
        math.tan(math.pi / 4 + phi2 / 2) / math.tan(math.pi / 4 + phi1 / 2)
    )
    for lon in (24.0, 37.28):
        x, y = to_display(np.array([lon]), np.array([48.0]))
        frame = Frame(x[0] - 1e4, y[0] - 1e4, x[0] + 1e4, y[0] + 1e4, QRectF(0, 0, 100, 100))
        assert north_angle_deg(frame) == pytest.approx(-n * (lon - 32.0), abs=0.05)


def test_scale_bar_is_true_at_the_view_centre():
    x, y = to_display(np.array([37.28]), np.array([47.98]))
    frame = Frame(x[0] - 5e4, y[0] - 3e4, x[0] + 5e4, y[0] + 3e4, QRectF(0, 0, 1000, 600))
    metres, pixels = bar_for(frame)
    assert metres in (1e3, 2e3, 5e3, 1e4, 2e4)
    half = pixels / 2 * frame.metres_per_pixel
    from geo.projection import to_lonlat

    lon, lat = to_lonlat(np.array([x[0] - half, x[0] + half]), np.array([y[0], y[0]]))
    ground = Geod(ellps="WGS84").inv(lon[0], lat[0], lon[1], lat[1])[2]
    assert ground == pytest.approx(metres, rel=2e-3)


def test_tool_takes_the_right_button(qtbot, view):
    tool = _Recorder()
    view.set_tool(tool)
    before = view.view_box.viewRect()
    viewport = view.canvas.viewport()
    centre = viewport.rect().center()
    qtbot.mousePress(viewport, Qt.MouseButton.RightButton, pos=centre)
    qtbot.mouseMove(viewport, centre + QPoint(60, 30))
    qtbot.mouseRelease(viewport, Qt.MouseButton.RightButton, pos=centre + QPoint(60, 30))
    kinds = [c[0] for c in tool.calls]
    assert kinds[0] == "press"
    assert kinds[-1] == "release"
    assert view.view_box.viewRect() == before  # right-drag no longer zooms while a tool is set


def _screen_image(view: MapView) -> QImage:
    return view.canvas.viewport().grab().toImage()


def _screen_pixel(view: MapView, lon: float, lat: float) -> QColor:
    x, y = to_display(np.array([lon]), np.array([lat]))
    scene = view.view_box.mapViewToScene(QPointF(x[0], y[0]))
    pixel = view.canvas.mapFromScene(scene)
    return _screen_image(view).pixelColor(pixel)


def _settle(qtbot, view: MapView) -> None:
    qtbot.waitUntil(lambda: not view._settle_timer.isActive(), timeout=2000)


def test_date_change_after_a_pan_draws_the_new_date(qtbot, view, days):
    a, b = days
    view._map_vm.set_compare(None)
    lon, lat = _largest_inner_point(b.difference(a))
    view.zoom_to_lonlat((lon - 0.3, lat - 0.2, lon + 0.3, lat + 0.2))
    view._map_vm.set_shown({SERIES: a})
    _settle(qtbot, view)
    before = _screen_pixel(view, lon, lat)
    view.view_box.pan_by(0.1, 0.05)
    view.canvas.viewport().repaint()
    assert view._settle_timer.isActive()  # still moving: the cached pixmaps were moved
    view._map_vm.set_shown({SERIES: b})
    after = _screen_pixel(view, lon, lat)
    assert abs(before.red() - before.green()) < 15  # land
    assert after.red() - after.green() > 40  # the series fill of the new date


def test_settled_screen_matches_render_into(qtbot, view):
    view.zoom_to_lonlat((36.6, 47.6, 38.0, 48.5))
    view.view_box.pan_by(0.05, 0.0)
    _settle(qtbot, view)
    screen = _screen_image(view).convertToFormat(QImage.Format.Format_ARGB32)
    printed = QImage(screen.size(), QImage.Format.Format_ARGB32)
    painter = QPainter(printed)
    view.render_into(painter, QRectF(0, 0, screen.width(), screen.height()))
    painter.end()
    shape = (screen.height(), screen.width(), 4)
    a = np.frombuffer(screen.constBits(), np.uint8).reshape(shape).astype(int)
    b = np.frombuffer(printed.constBits(), np.uint8).reshape(shape).astype(int)
    difference = np.abs(a - b)[..., :3]
    assert difference.mean() < 0.5
    assert np.percentile(difference, 99.9) <= 8


def test_basemap_cache_follows_layer_style(qtbot, view):
    view._map_vm.set_compare(None)
    view._map_vm.set_shown({})
    lon, lat = 28.4, 49.0  # rural Vinnytsia oblast: land, no series
    view.zoom_to_lonlat((lon - 0.05, lat - 0.03, lon + 0.05, lat + 0.03))
    _settle(qtbot, view)
    land = _screen_pixel(view, lon, lat)
    view._layers_vm.set_color("Land", "#00ff00")
    green = _screen_pixel(view, lon, lat)
    view._layers_vm.set_visible("Land", False)
    hidden = _screen_pixel(view, lon, lat)
    assert abs(land.red() - land.green()) < 15
    assert (green.red(), green.green(), green.blue()) == (0, 255, 0)
    assert hidden.name() == NO_BASEMAP.name()  # the land layer carries land and sea


def test_sea_only_within_the_basemap_extent(qtbot, view):
    view._map_vm.set_compare(None)
    view._map_vm.set_shown({})
    view.zoom_to_lonlat((30.0, 42.0, 48.0, 52.0))
    _settle(qtbot, view)
    black_sea = _render_pixel(view, 33.0, 43.5)
    beyond_extent = _render_pixel(view, 46.0, 49.0)
    assert black_sea.name() == SEA.name()
    assert beyond_extent.name() == NO_BASEMAP.name()


def test_render_into_draws_regions_with_their_labels(qtbot, view):
    from ui.map.region_items import RegionsOverlay
    from viewmodels.regions_viewmodel import RegionsViewModel

    view._map_vm.set_compare(None)
    view._map_vm.set_shown({})
    lon, lat = 28.4, 49.0
    view.zoom_to_lonlat((lon - 0.2, lat - 0.12, lon + 0.2, lat + 0.12))
    plain = _render_pixel(view, lon - 0.08, lat - 0.05)
    vm = RegionsViewModel()
    overlay = RegionsOverlay(vm, view.add_overlay_item, view.view_box.removeItem)
    x, y = to_display(np.array([lon - 0.15, lon + 0.15]), np.array([lat - 0.1, lat + 0.1]))
    corners = [(x[0], y[0]), (x[1], y[0]), (x[1], y[1]), (x[0], y[1])]
    vm.add_region(corners, name="Test", color="#0000ff")
    vm.select(None)
    tinted = _render_pixel(view, lon - 0.08, lat - 0.05)
    assert plain.red() - tinted.red() > 25  # the translucent blue fill
    image = QImage(900, 600, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    view.render_into(painter, QRectF(0, 0, 900, 600))
    painter.end()
    top = image.copy(300, 0, 300, 120)  # the label sits just above the region's top edge
    box = top.convertToFormat(QImage.Format.Format_ARGB32)
    pixels = np.frombuffer(box.constBits(), np.uint8).reshape(120, 300, 4).astype(int)
    blue_ink = (pixels[..., 0] > pixels[..., 2] + 80).sum()  # BGRA: blue well above red
    assert blue_ink > 20  # the label text, a child of the label item
    overlay.close()
