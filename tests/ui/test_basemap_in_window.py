"""The window's basemap comes through the app's BasemapViewModel; the canvas only draws it."""

from __future__ import annotations

import shapely
from PySide6.QtCore import QSettings

from geo.basemap_data import BasemapData
from geo.errors import ReadError
from tests.paths import DEEPSTATE
from tests.shell.deepstate import engine
from ui.main_window import MainWindow
from ui.map import MapView
from ui.problems_panel import ProblemsPanel
from viewmodels.app_viewmodel import AppViewModel
from viewmodels.basemap_viewmodel import BasemapViewModel
from viewmodels.layers_viewmodel import LayersViewModel
from viewmodels.map_viewmodel import MapViewModel
from viewmodels.tasks import TaskRunner


def _window(qtbot, tmp_path, basemap) -> MainWindow:
    loader, delta, changes, _ = engine()
    settings = QSettings(str(tmp_path / "atlas.ini"), QSettings.Format.IniFormat)
    vm = AppViewModel(
        settings, synchronous=True, loader=loader, delta=delta, changes=changes, basemap=basemap
    )
    window = MainWindow(vm, error=lambda _w, _m: None)
    qtbot.addWidget(window)
    window.show()  # the basemap is read once the map has painted
    qtbot.waitUntil(lambda: vm.basemap.problem() is not None or bool(vm.basemap.basemap().layers))
    return window


def test_a_basemap_that_cannot_be_read_is_listed_in_problems_not_a_tooltip(qtbot, tmp_path):
    path = str(tmp_path / "basemap.gpkg")

    def broken() -> BasemapData:
        raise ReadError(path, "not a GeoPackage (file is not a database)")

    window = _window(qtbot, tmp_path, broken)
    panel = window.docks["problems"].widget()
    assert isinstance(panel, ProblemsPanel)
    cells = [panel.table.item(0, j).text() for j in range(3)]
    reason = "basemap not loaded: not a GeoPackage (file is not a database)"
    assert cells == ["refused", path, reason]
    assert path in window.app_vm.dataset.message()
    assert window.map_view.canvas.toolTip() == ""
    assert window.map_view.basemap().layers == {}
    window.app_vm.dataset.open_paths([str(p) for p in sorted(DEEPSTATE.glob("*.geojson"))[:2]])
    qtbot.waitUntil(lambda: window.app_vm.dataset.message().startswith("loaded"))
    message = window.app_vm.dataset.message()
    assert message == "loaded 2 snapshots, 0 refused; basemap not loaded (see Problems)"
    assert panel.table.rowCount() >= 1


def test_the_canvas_draws_the_basemap_when_its_viewmodel_has_it(qtbot) -> None:
    map_vm, layers_vm = MapViewModel(), LayersViewModel()
    basemap = BasemapViewModel(
        TaskRunner(synchronous=True),
        lambda: BasemapData(layers={"land": {"lo": shapely.box(30, 45, 40, 52)}}),
    )
    view = MapView(map_vm, layers_vm, basemap=basemap)
    qtbot.addWidget(view)
    assert view.basemap().layers == {}
    assert "Land" not in view._items.get("basemap", {})
    basemap.load()
    assert view.basemap() is basemap.basemap()
    assert "Land" in view._items["basemap"]
