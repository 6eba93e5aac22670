"""Plugs "take the numbers out" into the main window: the per-oblast table, copy and CSV export
of every table, and the export of the change as GeoJSON or GeoPackage.

The Oblasts dock sits in the right column under the comparison (:mod:`ui.layout`). The
comparison, oblast and region tables copy with Ctrl+C and export CSV from their context menu
(:mod:`ui.table_export`). File → Export change… writes the comparison's gained and lost polygons
through :func:`geo.export.write_change`, in the worker, the same function as
``delta --export-geometry``. Dialogs are module functions looked up on every use, so tests can
replace them (STYLE.md §8).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from ui.oblast_panel import OblastPanel
from ui.table_export import TableExport
from viewmodels.oblast_viewmodel import OblastViewModel
from viewmodels.tables import compare_table, regions_table

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QWidget

    from ui.main_window import MainWindow

CHANGE_FILTERS = "GeoJSON (*.geojson);;GeoPackage (*.gpkg)"


@dataclass(frozen=True)
class NumbersFeature:
    """The installed pieces: the oblast table, the table exports and Export change…"""

    oblasts: OblastViewModel
    panel: OblastPanel
    dock: QDockWidget
    exports: dict[str, TableExport]
    export_change: QAction


def ask_change_path(parent: QWidget, suggested: str) -> Path | None:
    """The file to write the change to (``.geojson`` unless GeoPackage is chosen)."""
    name, chosen = QFileDialog.getSaveFileName(parent, "Export change", suggested, CHANGE_FILTERS)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".geojson", ".json", ".gpkg"):
        path = path.with_suffix(".gpkg" if "gpkg" in chosen else ".geojson")
    return path


def install_numbers(window: MainWindow) -> NumbersFeature:
    """Add the oblast dock, copy/CSV on every table and File → Export change… to ``window``."""
    app_vm = window.app_vm

    def message(text: str) -> None:
        window.statusBar().showMessage(text, 15000)

    fit = app_vm.map.request_fit
    vm = OblastViewModel(app_vm.compare, app_vm.runner, fit, parent=window)
    panel = OblastPanel(vm)
    dock = window.add_dock("Oblasts", panel, Qt.DockWidgetArea.RightDockWidgetArea)
    exports = {
        "oblasts": TableExport(panel.table, vm.table, "oblasts", show_message=message),
    }
    compare_panel: Any = window.docks["compare"].widget()
    if hasattr(compare_panel, "table"):
        exports["comparison"] = TableExport(
            compare_panel.table,
            lambda: compare_table(app_vm.compare),
            "comparison",
            show_message=message,
        )
    regions = getattr(window, "regions", None)
    if regions is not None:
        exports["regions"] = TableExport(
            regions.panel.table, lambda: regions_table(regions.vm), "regions", show_message=message
        )
    action = _export_change_action(window, message)
    return NumbersFeature(vm, panel, dock, exports, action)


def _export_change_action(window: MainWindow, message: Any) -> QAction:
    """File → Export change…, enabled while a comparison is shown."""
    app_vm = window.app_vm
    action = QAction("Export &change…", window)
    action.setObjectName("action_export_change")
    action.setToolTip("Write the gained and lost areas as GeoJSON or GeoPackage")

    def run() -> None:
        delta = app_vm.compare.result()
        if delta is None:
            return
        suggested = f"change_{delta.from_actual}_{delta.to_actual}.geojson"
        path = ask_change_path(window, suggested)
        if path is None:
            return
        from geo.errors import one_line
        from geo.export import write_change

        app_vm.runner.submit(
            lambda: write_change(path, [delta]),
            lambda count: message(f"Exported {count} polygons of the change to {path}"),
            lambda exc: message(f"export failed: {one_line(exc)}"),
        )

    action.triggered.connect(lambda _checked=False: run())
    app_vm.compare.sig_result_changed.connect(lambda result: action.setEnabled(result is not None))
    action.setEnabled(app_vm.compare.result() is not None)
    menu, quit_action = window.menu("&File"), window.actions_by_key.get("quit")
    if quit_action is None:
        menu.addAction(action)
    else:
        menu.insertAction(quit_action, action)
    return action
