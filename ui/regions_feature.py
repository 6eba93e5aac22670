"""Plugs the regions feature into the main window: dock, map items, tools, Edit menu, autosave.

The regions follow the timeline's series and dates A/B, and the selected region's area over time
is also drawn in the main Chart dock (``ChartViewModel.set_region_series``). The autosave is
restored when the feature is installed and flushed on quit. File and colour dialogs are the
module functions :func:`ask_regions_path` and :func:`ask_region_color`, looked up on every use,
so tests can replace them (STYLE.md §8).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QColorDialog, QFileDialog

from ui.map.region_items import RegionsOverlay
from ui.map.region_tools import RegionToolsBinding, view_box_pixel_m
from ui.regions_panel import RegionsPanel
from viewmodels.autosave import RegionsAutosave
from viewmodels.region_stats import RegionStatsController
from viewmodels.regions_viewmodel import RegionsViewModel

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QDockWidget, QWidget

    from ui.main_window import MainWindow
    from viewmodels.app_viewmodel import AppViewModel
    from viewmodels.chart_viewmodel import ChartViewModel

GEOJSON_FILTER = "GeoJSON (*.geojson *.json)"
DOCK_WIDTH = 400
"""Default width (px) of the right dock area once the regions table is in it."""


@dataclass(frozen=True)
class RegionsFeature:
    """The pieces of the installed feature (kept on ``window.regions``).

    Attributes
    ----------
    vm : RegionsViewModel
        The regions, selection, tool and undo stack.
    stats : RegionStatsController
        Keeps the figures for dates A/B and the selected region's series current.
    overlay : RegionsOverlay
        The map items.
    binding : RegionToolsBinding
        Gives the map's mouse to the chosen tool.
    autosave : RegionsAutosave
        Writes the regions after every change; restored on install.
    panel : RegionsPanel
        The list, tools and figures.
    dock : QDockWidget
        The dock holding the panel.
    """

    vm: RegionsViewModel
    stats: RegionStatsController
    overlay: RegionsOverlay
    binding: RegionToolsBinding
    autosave: RegionsAutosave
    panel: RegionsPanel
    dock: QDockWidget


def ask_regions_path(parent: QWidget, save: bool) -> Path | None:
    """The GeoJSON file to write (``save``) or read, or ``None`` when the user cancels."""
    pick = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
    name = pick(parent, "Regions", "regions.geojson" if save else "", GEOJSON_FILTER)[0]
    return Path(name) if name else None


def ask_region_color(parent: QWidget, current: str) -> str | None:
    """A new ``#rrggbb`` colour, or ``None`` when the user cancels."""
    color = QColorDialog.getColor(QColor(current), parent)
    return color.name() if color.isValid() else None


def install_regions(window: MainWindow) -> RegionsFeature:
    """Add the regions feature to ``window`` and return its pieces (also ``window.regions``)."""
    app_vm, map_view = window.app_vm, window.map_view
    vm = RegionsViewModel(window)
    stats = RegionStatsController(vm, app_vm.runner)
    overlay = RegionsOverlay(vm, map_view.add_overlay_item, map_view.view_box.removeItem)
    pixel_m = view_box_pixel_m(map_view.view_box)
    binding = RegionToolsBinding(vm, overlay, map_view.set_tool, pixel_m)

    def message(text: str) -> None:
        window.statusBar().showMessage(text, 15000)

    panel = RegionsPanel(
        vm,
        ask_save_path=lambda: ask_regions_path(window, save=True),
        ask_open_path=lambda: ask_regions_path(window, save=False),
        ask_color=lambda current: ask_region_color(window, current),
        zoom_to=map_view.zoom_to_lonlat,
        show_error=message,
    )
    dock = window.add_dock("Regions", panel, Qt.DockWidgetArea.RightDockWidgetArea)
    if not window.restoreDockWidget(dock):  # no saved layout: wide enough for the figures
        window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
    edit = window.menu("&Edit")
    edit.addAction(vm.undo_action(window))
    edit.addAction(vm.redo_action(window))
    app_vm.session.attach_regions(vm)
    _follow_timeline(app_vm, stats)
    _chart_selected_series(vm, app_vm.chart)
    autosave = _start_autosave(vm, message)
    feature = RegionsFeature(vm, stats, overlay, binding, autosave, panel, dock)
    window.regions = feature
    return feature


def _follow_timeline(app_vm: AppViewModel, stats: RegionStatsController) -> None:
    """Feed the stats controller the current series' snapshots and dates A/B."""
    timeline, dataset = app_vm.timeline, app_vm.dataset

    def follow() -> None:
        catalog, series = dataset.catalog(), timeline.series()
        ok = catalog is not None and series in catalog.series
        ok = ok and app_vm.session.regions_have_data()  # never figures from other data
        stats.set_snapshots(catalog.snapshots(series) if ok else [])
        stats.set_dates(timeline.date_a(), timeline.date_b())

    for signal in (
        dataset.sig_catalog_changed,
        app_vm.session.sig_regions_data_changed,
        timeline.sig_series_changed,
        timeline.sig_date_a_changed,
        timeline.sig_date_b_changed,
    ):
        signal.connect(lambda *_: follow())


def _chart_selected_series(vm: RegionsViewModel, chart: ChartViewModel) -> None:
    """Keep the chart's region series on the selected region: its series, name and colour.

    The chart clears it while no region is selected (a deleted region is deselected) and while
    the selected region's series is still being computed.
    """

    def push() -> None:
        selected = vm.selected()
        series = None if selected is None else vm.time_series(selected)
        if selected is None or series is None:
            chart.set_region_series(None)
            return
        state = vm.region(selected)
        chart.set_region_series(state.name, state.color, *series)

    for signal in (
        vm.sig_selection_changed,
        vm.sig_time_series_changed,
        vm.sig_region_changed,
        vm.sig_regions_changed,
    ):
        signal.connect(lambda *_: push())
    push()


def _start_autosave(vm: RegionsViewModel, message: Callable[[str], None]) -> RegionsAutosave:
    """Restore the last autosave now, write after every change, flush on quit."""
    autosave = RegionsAutosave(vm)
    autosave.sig_corrupt_found.connect(message)
    autosave.sig_save_failed.connect(message)
    autosave.restore()
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(autosave.flush)
    return autosave
