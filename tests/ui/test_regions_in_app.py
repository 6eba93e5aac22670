"""The regions feature in the real app: ``create_window`` with real DeepState files, regions drawn
with mouse events on the real MapView, figures against an independent geodesic reference, the
panel's text, the command line on the saved file, and undo/redo from the window's shortcuts."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import numpy as np
import pytest
import shapely
from pyproj import Geod
from PySide6.QtCore import QPoint, QPointF, Qt

import ui.regions_feature
from geo.projection import to_display, to_lonlat
from tests.paths import DEEPSTATE
from tests.viewmodels.test_regions_stats import KURAKHOVE, A, B, deepstate, reference_figures
from ui.app import create_app, create_window
from ui.cli import run_command
from ui.regions_panel import COL_COLOR, COL_NAME

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FILES = [DEEPSTATE / f"deepstatemap_data_{day:%Y%m%d}.geojson" for day in (A, B)]
VIEW_BBOX = (36.85, 47.75, 37.70, 48.20)
"""Lon/lat box framed before drawing: Kurakhove with ~60 km around it."""
FIGURES = ("area_from_km2", "area_to_km2", "gained_km2", "lost_km2", "net_km2")
GEOD = Geod(ellps="WGS84")

XY = tuple[float, float]


class MapMouse:
    """Mouse events on the real MapView's viewport at pixels mapped through its view box."""

    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window
        self.view_box = window.map_view.view_box
        self.canvas = window.map_view.canvas
        self.port = self.canvas.viewport()

    def pixel(self, xy: XY) -> QPoint:
        """The viewport pixel nearest display point ``xy`` (metres)."""
        return self.canvas.mapFromScene(self.view_box.mapViewToScene(QPointF(*xy)))

    def landed(self, pixel: QPoint) -> XY:
        """Where a click on ``pixel`` lands, in display metres."""
        point = self.view_box.mapSceneToView(self.canvas.mapToScene(pixel))
        return (point.x(), point.y())

    def tool(self, name: str) -> None:
        """Choose a drawing tool with the panel's button, as a user does."""
        button = self.window.regions.panel.tool_buttons[name]
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert self.window.regions.vm.tool() == name

    def click(self, pixel: QPoint) -> None:
        self.qtbot.mouseMove(self.port, pixel)
        self.qtbot.mouseClick(self.port, Qt.MouseButton.LeftButton, pos=pixel)

    def double_click(self, pixel: QPoint) -> None:
        self.qtbot.mouseDClick(self.port, Qt.MouseButton.LeftButton, pos=pixel)

    def drag(self, start: QPoint, end: QPoint) -> None:
        self.qtbot.mouseMove(self.port, start)
        self.qtbot.mousePress(self.port, Qt.MouseButton.LeftButton, pos=start)
        for t in (0.25, 0.5, 0.75, 1.0):
            self.qtbot.mouseMove(self.port, start + (end - start) * t)
        self.qtbot.mouseRelease(self.port, Qt.MouseButton.LeftButton, pos=end)


@pytest.fixture
def window(qtbot) -> MainWindow:
    """The real main window with the two DeepState days loaded, framed around Kurakhove."""
    create_app()
    window = create_window([str(path) for path in FILES])
    qtbot.addWidget(window)
    window.resize(1500, 950)  # the offscreen screen is 800×600; the window fits the screen
    window.show()
    qtbot.waitExposed(window)
    dataset = window.app_vm.dataset
    qtbot.waitUntil(lambda: dataset.catalog() is not None and not dataset.loading(), timeout=30000)
    assert (window.app_vm.timeline.date_a(), window.app_vm.timeline.date_b()) == (A, B)
    # The basemap loads on the map's own worker; let it land before the window goes away.
    qtbot.waitUntil(lambda: bool(window.map_view.basemap().layers), timeout=30000)
    window.map_view.zoom_to_lonlat(VIEW_BBOX)
    return window


def lonlat(xy: list[XY]) -> np.ndarray:
    lon, lat = to_lonlat(*np.asarray(xy, dtype=float).T)
    return np.column_stack([lon, lat])


def geodesic_gaps_m(points: np.ndarray, vertices: np.ndarray) -> np.ndarray:
    """For each lon/lat point, the geodesic distance (m) to the nearest of ``vertices``."""
    gaps = []
    for lon, lat in points:
        n = len(vertices)
        _, _, metres = GEOD.inv([lon] * n, [lat] * n, vertices[:, 0], vertices[:, 1])
        gaps.append(float(np.min(metres)))
    return np.asarray(gaps)


def assert_stored_as_clicked(window: MainWindow, region_id: int, clicked: list[XY]) -> None:
    """The region's drawn vertices and its lon/lat polygon are the clicked points."""
    state = window.regions.vm.region(region_id)
    assert len(state.xy) == len(clicked)
    assert np.hypot(*(np.asarray(state.xy) - np.asarray(clicked)).T).max() < 1.0
    exterior = shapely.get_coordinates(state.lonlat.exterior)
    assert geodesic_gaps_m(lonlat(clicked), exterior).max() < 1.0
    # Densifying adds points only along the drawn (display-straight) edges.
    x, y = to_display(exterior[:, 0], exterior[:, 1])
    drawn = shapely.LinearRing(clicked)
    assert shapely.distance(shapely.points(np.column_stack([x, y])), drawn).max() < 1.0


def draw_kurakhove(mouse: MapMouse) -> tuple[int, list[XY]]:
    """Drag the rectangle tool over 20 km × 15 km around Kurakhove; the id and the corners."""
    cx, cy = (float(v[0]) for v in to_display(np.array([KURAKHOVE[0]]), np.array([KURAKHOVE[1]])))
    start = mouse.pixel((cx - 10e3, cy - 7.5e3))
    end = mouse.pixel((cx + 10e3, cy + 7.5e3))
    mouse.tool("rectangle")
    mouse.drag(start, end)
    (x0, y0), (x1, y1) = mouse.landed(start), mouse.landed(end)
    assert abs(x1 - x0 - 20e3) < 200.0
    assert abs(y1 - y0 - 15e3) < 200.0
    (state,) = mouse.window.regions.vm.regions()
    return state.id, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def panel_figures(window: MainWindow, row: int) -> dict[str, float]:
    """The numbers the regions panel shows in ``row`` (A, B, gained, lost, net)."""
    table = window.regions.panel.table
    cells = [table.item(row, COL_NAME + k).text() for k in range(1, 6)]
    values = [float(c.replace(",", "").replace("\u2212", "-")) for c in cells]
    return dict(zip(FIGURES, values, strict=True))


def wait_for_stats(qtbot, window: MainWindow, region_id: int) -> None:
    vm = window.regions.vm
    qtbot.waitUntil(lambda: vm.stats(region_id) is not None, timeout=20000)
    stats = vm.stats(region_id)
    assert (stats.date_from, stats.date_to) == (A, B)


def test_polygon_and_rectangle_store_the_clicked_points(qtbot, window) -> None:
    mouse = MapMouse(qtbot, window)
    vm = window.regions.vm
    cx, cy = (float(v[0]) for v in to_display(np.array([KURAKHOVE[0]]), np.array([KURAKHOVE[1]])))
    offsets_km = [(-12.3, -6.1), (9.7, -8.2), (13.1, 7.4), (-6.6, 10.9)]
    pixels = [mouse.pixel((cx + dx * 1e3, cy + dy * 1e3)) for dx, dy in offsets_km]
    mouse.tool("polygon")
    for pixel in pixels:
        mouse.click(pixel)
    assert vm.regions() == []
    mouse.double_click(pixels[-1])
    (polygon,) = vm.regions()
    assert_stored_as_clicked(window, polygon.id, [mouse.landed(p) for p in pixels])
    assert vm.tool() == "edit"

    start, end = mouse.pixel((cx - 25e3, cy - 18e3)), mouse.pixel((cx - 14e3, cy - 9e3))
    mouse.tool("rectangle")
    mouse.drag(start, end)
    rectangle = vm.regions()[-1]
    assert rectangle.id != polygon.id
    (x0, y0), (x1, y1) = mouse.landed(start), mouse.landed(end)
    assert_stored_as_clicked(window, rectangle.id, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)])


def test_kurakhove_figures_match_reference_and_panel(qtbot, window) -> None:
    mouse = MapMouse(qtbot, window)
    region_id, corners = draw_kurakhove(mouse)
    wait_for_stats(qtbot, window, region_id)
    reference = reference_figures(corners, deepstate(A), deepstate(B))
    reference["net_km2"] = reference["gained_km2"] - reference["lost_km2"]
    assert reference["gained_km2"] > 50.0  # the front moved through Kurakhove in November 2024
    stats = window.regions.vm.stats(region_id)
    for key in FIGURES:
        assert getattr(stats, key) == pytest.approx(reference[key], abs=0.1), key
    shown = panel_figures(window, 0)
    for key in FIGURES:
        assert shown[key] == pytest.approx(reference[key], abs=0.1), key


def test_selected_row_still_shows_the_colour_swatch(qtbot, window) -> None:
    region_id, _ = draw_kurakhove(MapMouse(qtbot, window))
    vm, table = window.regions.vm, window.regions.panel.table
    assert vm.selected() == region_id
    assert table.selectionModel().isRowSelected(0)
    cell = table.visualItemRect(table.item(0, COL_COLOR))
    image = table.viewport().grab(cell).toImage()
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert centre.name() == vm.region(region_id).color


def test_saved_regions_give_the_panel_figures_on_the_command_line(
    qtbot, window, tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    saved = tmp_path / "regions.geojson"
    monkeypatch.setattr(ui.regions_feature, "ask_regions_path", lambda _parent, save: saved)
    region_id, _ = draw_kurakhove(MapMouse(qtbot, window))
    wait_for_stats(qtbot, window, region_id)
    qtbot.mouseClick(window.regions.panel.save_button, Qt.MouseButton.LeftButton)
    assert saved.exists()
    capsys.readouterr()
    args = ["delta", *map(str, FILES), "--from", f"{A}", "--to", f"{B}"]
    status = run_command([*args, "--region", str(saved), "--format", "json"])
    out = capsys.readouterr().out
    assert status == 0
    result = json.loads(out)
    (result,) = result if isinstance(result, list) else [result]
    assert result["region"] == "Region 1"
    stats = window.regions.vm.stats(region_id)
    shown = panel_figures(window, 0)
    for key in ("gained_km2", "lost_km2", "net_km2"):
        assert result[key] == pytest.approx(getattr(stats, key), abs=0.01), key
        assert result[key] == pytest.approx(shown[key], abs=0.05), key


def test_undo_and_redo_from_the_window_shortcuts(qtbot, window) -> None:
    region_id, _ = draw_kurakhove(MapMouse(qtbot, window))
    vm, panel, overlay = window.regions.vm, window.regions.panel, window.regions.overlay
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert vm.regions() == []
    assert panel.table.rowCount() == 0
    with pytest.raises(KeyError):
        overlay.shape_item(region_id)
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, redo)
    assert [s.id for s in vm.regions()] == [region_id]
    assert panel.table.rowCount() == 1
    assert overlay.shape_item(region_id).isVisible()
