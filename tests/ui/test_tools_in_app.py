"""Search, measure, the oblast table and the exports in the real window with real DeepState files,
driven by keys and mouse events as a user does."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import numpy as np
import orjson
import pytest
from pyproj import Geod
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

import ui.numbers_feature
import ui.table_export
from geo.projection import to_display, to_lonlat
from tests.paths import DEEPSTATE
from ui.app import create_app, create_window
from ui.cli import run_command
from ui.oblast_panel import OblastPanel
from ui.search_box import SearchBox
from viewmodels.measure_viewmodel import MeasureViewModel

if TYPE_CHECKING:
    from pathlib import Path

    from ui.main_window import MainWindow

A, B = dt.date(2024, 11, 1), dt.date(2024, 11, 20)
FILES = [str(DEEPSTATE / f"deepstatemap_data_{d:%Y%m%d}.geojson") for d in (A, B)]
GEOD = Geod(ellps="WGS84")
KUPIANSK = (37.61, 49.71)


@pytest.fixture
def window(qtbot) -> MainWindow:
    create_app()
    window = create_window(FILES)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    dataset = window.app_vm.dataset
    qtbot.waitUntil(lambda: dataset.catalog() is not None and not dataset.loading(), timeout=30000)
    qtbot.waitUntil(lambda: bool(window.map_view.basemap().layers), timeout=30000)
    return window


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying ``text`` one character at a time, as a Ukrainian keyboard sends them
    (``QTest.keyClicks`` takes Latin-1 only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None
    return action


def _view_centre(window: MainWindow) -> tuple[float, float]:
    rect = window.map_view.view_box.viewRect()
    lon, lat = to_lonlat(np.array([rect.center().x()]), np.array([rect.center().y()]))
    return float(lon[0]), float(lat[0])


def test_ctrl_f_then_any_spelling_zooms_to_the_place_and_marks_it(qtbot, window) -> None:
    box = window.findChild(SearchBox)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(box.hasFocus)
    type_text(box, "Куп'янськ")
    qtbot.waitUntil(lambda: bool(box.popup_labels()), timeout=10000)
    assert box.popup_labels()[0] == "Kupyansk — Kharkiv, Ukraine"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.vm.marked().name == "Kupyansk"
    qtbot.waitUntil(lambda: abs(_view_centre(window)[1] - KUPIANSK[1]) < 0.05, timeout=5000)
    lon, lat = _view_centre(window)
    assert abs(lon - KUPIANSK[0]) < 0.05
    assert abs(lat - KUPIANSK[1]) < 0.05
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.vm.marked() is None
    assert box.text() == ""


def test_measure_distance_with_clicks_agrees_with_geod(qtbot, window) -> None:
    window.map_view.zoom_to_lonlat((36.8, 47.9, 38.2, 48.9))
    _action(window, "action_measure_line").trigger()
    vm = window.findChild(MeasureViewModel)
    assert vm.mode() == "line"
    canvas = window.map_view.canvas
    port = canvas.viewport()
    pixels = [QPoint(200, 300), QPoint(380, 220), QPoint(520, 360)]
    landed = []
    for pixel in pixels:
        qtbot.mouseMove(port, pixel)
        qtbot.mouseClick(port, Qt.MouseButton.LeftButton, pos=pixel)
        point = window.map_view.view_box.mapSceneToView(canvas.mapToScene(pixel))
        landed.append((point.x(), point.y()))
    assert len(vm.vertices()) == 3, (vm.vertices(), window.map_view.tool())
    qtbot.mouseClick(port, Qt.MouseButton.RightButton, pos=pixels[-1])
    assert vm.finished()
    lon, lat = to_lonlat(*np.asarray(landed).T)
    reference = GEOD.line_length(lon, lat) / 1000
    assert vm.measurement().length_km == pytest.approx(reference, rel=1e-3)
    assert len(vm.vertices()) == 3
    qtbot.keyClick(canvas, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == vm.text()
    assert vm.text().startswith("Distance ")
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert vm.vertices() == []
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)  # a second Esc puts the tool away
    assert vm.mode() == "none"
    assert window.map_view.tool() is None


def test_measuring_and_region_tools_take_turns(qtbot, window) -> None:
    regions = window.regions
    _action(window, "action_measure_area").trigger()
    vm = window.findChild(MeasureViewModel)
    assert window.map_view.tool() is not None
    regions.vm.set_tool("polygon")
    assert vm.mode() == "none"
    assert regions.binding.tool is window.map_view.tool()
    _action(window, "action_measure_area").trigger()
    assert regions.vm.tool() == "none"
    assert vm.mode() == "area"
    assert _action(window, "action_measure_area").isChecked()


def _compare(qtbot, window: MainWindow) -> OblastPanel:
    panel = window.findChild(OblastPanel)
    window.app_vm.timeline.set_compare(True)
    qtbot.waitUntil(lambda: bool(panel.vm.rows()), timeout=30000)
    return panel


def test_oblast_table_sorts_zooms_and_copies(qtbot, window, capsys) -> None:
    panel = _compare(qtbot, window)
    table = panel.table
    rows = panel.vm.rows()
    assert table.rowCount() == len(rows)
    assert run_command(["delta", *FILES, "--from", str(A), "--to", str(B), "--by-oblast"]) == 0
    printed = capsys.readouterr().out
    for row in rows:
        assert f"    {row.name_en}: {row.gained_km2:,.3f} km²" in printed
    table.sortItems(4, Qt.SortOrder.AscendingOrder)  # net, as numbers: the smallest first
    nets = [float(table.item(i, 4).text().replace(",", "").replace("−", "-")) for i in range(3)]
    assert nets == sorted(nets)
    donetsk = next(i for i in range(table.rowCount()) if table.item(i, 0).text() == "Donetsk")
    rect = table.visualItemRect(table.item(donetsk, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: 47.7 < _view_centre(window)[1] < 49.2, timeout=5000)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0] == "region\tcountry\tgained_km2\tlost_km2\tnet_km2"
    assert lines[1] == f"Donetsk\tUA\t{rows[0].gained_km2:.3f}\t{rows[0].lost_km2:.3f}\t" + (
        f"{rows[0].net_km2:.3f}"
    )
    assert len(lines) == len(rows) + 1


def test_comparison_table_copies_and_exports_csv(qtbot, window, tmp_path: Path) -> None:
    panel = _compare(qtbot, window)
    compare_panel = window.docks["compare"].widget()
    exports = {e.parent(): e for e in window.findChildren(ui.table_export.TableExport)}
    export = exports[compare_panel.table]
    text = export.copy()
    assert text.splitlines()[0] == "quantity\tkm2\tpercent_of_ukraine"
    gained = window.app_vm.compare.result().gained_km2
    assert f"Gained\t{gained:.3f}\t" in text
    target = tmp_path / "oblasts.csv"
    oblast_export = exports[panel.table]
    oblast_export._ask_path = lambda _parent, _name: target
    assert oblast_export.export_csv() == target
    assert target.read_text(encoding="utf-8").splitlines()[1].startswith("Donetsk,UA,")


def test_export_change_writes_geojson_that_adds_up(qtbot, window, tmp_path, monkeypatch) -> None:
    _compare(qtbot, window)
    target = tmp_path / "change.geojson"
    monkeypatch.setattr(ui.numbers_feature, "ask_change_path", lambda _w, _s: target)
    action = _action(window, "action_export_change")
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    features = orjson.loads(target.read_bytes())["features"]
    result = window.app_vm.compare.result()
    for kind in ("gained", "lost"):
        total = sum(
            f["properties"]["area_km2"] for f in features if f["properties"]["kind"] == kind
        )
        assert total == pytest.approx(getattr(result, f"{kind}_km2"), abs=0.01)
    assert json.dumps(features[0]["properties"]["date_from"]) == '"2024-11-01"'
    QApplication.processEvents()


def test_regions_table_copies_its_figures(qtbot, window) -> None:
    regions = window.regions
    x, y = to_display(np.array([37.0, 37.4]), np.array([47.9, 48.2]))
    corners = [(x[0], y[0]), (x[1], y[0]), (x[1], y[1]), (x[0], y[1])]
    region_id = regions.vm.add_region([(float(a), float(b)) for a, b in corners])
    qtbot.waitUntil(lambda: regions.vm.stats(region_id) is not None, timeout=20000)
    stats = regions.vm.stats(region_id)
    exports = {e.parent(): e for e in window.findChildren(ui.table_export.TableExport)}
    lines = exports[regions.panel.table].copy().splitlines()
    assert lines[0].split("\t")[:3] == ["region", "date_from", "date_to"]
    name = regions.vm.region(region_id).name
    assert lines[1] == "\t".join(
        [name, "2024-11-01", "2024-11-20"]
        + [
            f"{v:.3f}"
            for v in (
                stats.area_from_km2,
                stats.area_to_km2,
                stats.gained_km2,
                stats.lost_km2,
                stats.net_km2,
            )
        ]
    )
