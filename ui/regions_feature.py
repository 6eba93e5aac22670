"""The regions feature's views: the Regions dock, the map items and tools, the Edit menu.

Everything that decides (figures for dates A/B, the chart's region series, the autosave) is in
:class:`viewmodels.regions_feature.RegionsFeatureViewModel`, owned by the application's
viewmodel as ``app_vm.regions``. The dock is declared in ``MainWindow.DOCKS`` (built by
:func:`regions_dock`); :func:`install_regions` adds what needs the map canvas and the window.
File and colour dialogs are the module functions :func:`ask_regions_path` and
:func:`ask_region_color`, looked up on every use, so tests can replace them (STYLE.md §8).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QApplication, QColorDialog, QFileDialog

from ui.map.map_view import MapView
from ui.map.region_items import RegionsOverlay
from ui.map.region_tools import RegionToolsBinding, view_box_pixel_m
from ui.regions_panel import RegionsPanel

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QAction, QUndoStack
    from PySide6.QtWidgets import QDockWidget, QWidget

    from ui.main_window import MainWindow
    from viewmodels.app_viewmodel import AppViewModel
    from viewmodels.autosave import RegionsAutosave
    from viewmodels.region_stats import RegionStatsController
    from viewmodels.regions_viewmodel import RegionsViewModel

GEOJSON_FILTER = "GeoJSON (*.geojson *.json)"


@dataclass(frozen=True)
class RegionsFeature:
    """The installed feature's pieces (``window.regions``): its viewmodels and its views.

    Attributes
    ----------
    vm : RegionsViewModel
        The regions, selection, tool and undo stack (``app_vm.regions.regions``).
    stats : RegionStatsController
        Keeps the figures current (``app_vm.regions.stats``).
    autosave : RegionsAutosave
        Writes the regions after every change (``app_vm.regions.autosave``).
    overlay : RegionsOverlay
        The map items.
    binding : RegionToolsBinding
        Gives the map's mouse to the chosen tool.
    panel : RegionsPanel
        The list, tools and figures.
    dock : QDockWidget
        The dock holding the panel (``window.docks["regions"]``).
    """

    vm: RegionsViewModel
    stats: RegionStatsController
    autosave: RegionsAutosave
    overlay: RegionsOverlay
    binding: RegionToolsBinding
    panel: RegionsPanel
    dock: QDockWidget

    def close(self) -> None:
        """Disconnect the map items and the tool binding from the viewmodel."""
        self.binding.close()
        self.overlay.close()


def ask_regions_path(parent: QWidget | None, save: bool) -> Path | None:
    """The GeoJSON file to write (``save``) or read, or ``None`` when the user cancels."""
    pick = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
    name = pick(parent, "Regions", "regions.geojson" if save else "", GEOJSON_FILTER)[0]
    return Path(name) if name else None


def ask_region_color(parent: QWidget | None, current: str) -> str | None:
    """A new ``#rrggbb`` colour, or ``None`` when the user cancels."""
    color = QColorDialog.getColor(QColor(current), parent)
    return color.name() if color.isValid() else None


def regions_dock(app_vm: AppViewModel) -> RegionsPanel:
    """The Regions dock's view, bound to ``app_vm.regions`` (a ``MainWindow.DOCKS`` factory).

    Zooming to a region asks the map viewmodel for a fit; errors go to the status bar through
    the feature viewmodel; dialogs open over the panel.
    """
    feature = app_vm.regions
    holder: list[QWidget] = []

    def parent() -> QWidget | None:
        return holder[0].window() if holder else None

    panel = RegionsPanel(
        feature.regions,
        ask_save_path=lambda: ask_regions_path(parent(), save=True),
        ask_open_path=lambda: ask_regions_path(parent(), save=False),
        ask_color=lambda current: ask_region_color(parent(), current),
        zoom_to=app_vm.map.request_fit,
        show_error=feature.post_message,
    )
    holder.append(panel)
    return panel


def undo_action(stack: QUndoStack, parent: QObject) -> QAction:
    """An "Undo" action bound to ``stack`` (Ctrl+Z), for an Edit menu."""
    action = stack.createUndoAction(parent, "Undo")
    action.setShortcut(QKeySequence.StandardKey.Undo)
    return action


def redo_action(stack: QUndoStack, parent: QObject) -> QAction:
    """A "Redo" action bound to ``stack`` (Ctrl+Shift+Z and Ctrl+Y)."""
    action = stack.createRedoAction(parent, "Redo")
    action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    return action


def install_regions(window: MainWindow) -> RegionsFeature:
    """Add the map items, tools, Edit menu and autosave of the regions to ``window``."""
    map_view, feature = window.map_view, window.app_vm.regions
    assert isinstance(map_view, MapView)  # the regions are drawn on the map canvas
    vm = feature.regions
    overlay = RegionsOverlay(vm, map_view.add_overlay_item, map_view.view_box.removeItem)
    pixel_m = view_box_pixel_m(map_view.view_box)
    binding = RegionToolsBinding(vm, overlay, map_view.set_tool, pixel_m)
    edit = window.menu("&Edit")
    edit.addAction(undo_action(vm.undo_stack, window))
    edit.addAction(redo_action(vm.undo_stack, window))
    feature.sig_message_posted.connect(window.show_message)
    autosave = feature.start_autosave()
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(feature.flush)
    dock = window.docks["regions"]
    panel = dock.widget()
    assert isinstance(panel, RegionsPanel)  # declared in MainWindow.DOCKS
    installed = RegionsFeature(vm, feature.stats, autosave, overlay, binding, panel, dock)
    window.regions = installed
    return installed
